#pragma once

#include "core/api/common/ApiFamily.h"
#include "core/api/platform/PlatformServices.h"

#include <QObject>

namespace tierdesk::api {

// Seed 000's platform services (docs/platform-api.md): /chatbot, /sentiment, /routing,
// /knowledge, /analytics, /escalation, /audit, /webhook, /notifications and
// /api/release-notes; AWS SigV4 auth with keys Tierdesk issues; API Gateway's
// {"message"} error body with x-amzn-ErrorType.
class PlatformFamily : public ApiFamily {
public:
    explicit PlatformFamily(const PlatformServices &services);

    QString name() const override { return QStringLiteral("platform"); }
    QStringList pathPrefixes() const override;
    void install(http::HttpServer &server) override;
    http::HttpResponse serverError(int status, const QString &message, const QString &path) const override;

private:
    // Handlers keep a pointer to it: it lives as long as the family.
    PlatformServices m_services;
    std::unique_ptr<QObject> m_context;
};

} // namespace tierdesk::api
