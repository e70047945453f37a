#pragma once

#include "core/api/common/ApiFamily.h"
#include "core/api/lex/LexServices.h"
#include "core/api/lex/LexSpeech.h"

#include <QObject>
#include <QRegularExpression>

namespace tierdesk::api {

// Amazon Lex V2 runtime (seed 004's Lex; docs/calls.md, "Lex V2 runtime (seed 004)"):
// RecognizeText, RecognizeUtterance, PutSession, GetSession and DeleteSession under /bots, so a
// Connect contact flow or any Lex client can use Tierdesk as its bot. AWS SigV4 (service "lex")
// with the company's sigv4 keys; Lex's {"message"} error body with x-amzn-ErrorType.
class LexFamily : public ApiFamily {
public:
    // RecognizeUtterance's path, whose audio body may be larger than other requests' (HttpLimits).
    static QRegularExpression utterancePath();
    static constexpr qint64 kMaxUtteranceBytes = 10LL * 1024 * 1024;

    explicit LexFamily(const LexServices &services, const LexSpeech::Options &speech = {});
    ~LexFamily() override;

    QString name() const override { return QStringLiteral("lex"); }
    QStringList pathPrefixes() const override { return {QStringLiteral("/bots")}; }
    void install(http::HttpServer &server) override;
    http::HttpResponse serverError(int status, const QString &message, const QString &path) const override;

private:
    // Handlers keep a pointer to it: it lives as long as the family.
    LexServices m_services;
    std::unique_ptr<QObject> m_context;
    std::unique_ptr<LexSpeech> m_speech; // after m_context: gone first, waiting for its work
};

} // namespace tierdesk::api
