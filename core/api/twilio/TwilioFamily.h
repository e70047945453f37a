#pragma once

#include "core/api/common/ApiFamily.h"
#include "core/api/http/HttpTypes.h"
#include "core/api/twilio/TwilioServices.h"

#include <memory>

namespace tierdesk::api {

// Twilio's door (DESIGN.md, "Channels"): its Messaging webhooks for SMS and WhatsApp under
// /api/v1/twilio/{companyId}, verified by X-Twilio-Signature; refusals as short text/plain
// (TwilioErrors.h). Replies leave through TwilioTextSender, their StatusCallback back here.
class TwilioFamily : public ApiFamily {
public:
    static constexpr qint64 kMaxBodyBytes = 64 * 1024; // a webhook's form

    // `publicBaseUrl`: the setting server/publicUrl (empty: the request's Host header).
    TwilioFamily(TwilioInbox &inbox, const QString &publicBaseUrl);
    ~TwilioFamily() override;

    QString name() const override { return QStringLiteral("twilio"); }
    QStringList pathPrefixes() const override { return {QStringLiteral("/api/v1/twilio")}; }
    void install(http::HttpServer &server) override;
    http::HttpResponse serverError(int status, const QString &message, const QString &path) const override;

    // For HttpLimits::pathBodyLimits: the server refuses a larger webhook before reading it
    // (without it, the controller refuses one once it is read).
    static http::HttpLimits::PathBodyLimit bodyLimit();
    // The StatusCallback of a company's replies: {publicBase}/api/v1/twilio/{companyId}/status;
    // empty without a public base (Twilio then reports nothing).
    static QString statusCallbackUrl(const QString &publicBase, const QString &companyId);
    // What the company's numbers are set to call when a message comes in, likewise.
    static QString messagesUrl(const QString &publicBase, const QString &companyId);

private:
    TwilioServices m_services; // handlers keep a pointer to it: it lives as long as the family
    std::unique_ptr<QObject> m_context;
};

} // namespace tierdesk::api
