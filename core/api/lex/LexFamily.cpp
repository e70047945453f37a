#include "core/api/lex/LexFamily.h"

#include "core/api/lex/LexErrors.h"
#include "core/api/lex/LexRoutes.h"
#include "core/api/lex/LexUtteranceController.h"

namespace tierdesk::api {

static_assert(LexFamily::kMaxUtteranceBytes == LexUtteranceController::kMaxAudioBytes);

QRegularExpression LexFamily::utterancePath()
{
    return QRegularExpression(
        QStringLiteral("^/bots/[^/]+/botAliases/[^/]+/botLocales/[^/]+/sessions/[^/]+/utterance$"));
}

LexFamily::LexFamily(const LexServices &services, const LexSpeech::Options &speech)
    : m_services(services), m_context(std::make_unique<QObject>()), m_speech(std::make_unique<LexSpeech>(speech))
{
    m_services.context = m_context.get();
    m_services.speech = m_speech.get();
    ApiTokens *tokens = m_services.tokens;
    const SigV4Verifier::Lookup lookup = [tokens](const QString &accessKeyId) { return tokens->sigv4Key(accessKeyId); };
    if (!m_services.verifier)
        m_services.verifier = std::make_shared<const SigV4Verifier>(lookup, QByteArrayLiteral("lex"));
    if (!m_services.streamVerifier)
        m_services.streamVerifier = std::make_shared<const SigV4Verifier>(
            lookup, QByteArrayLiteral("lex"), SigV4Verifier::Payload::MayBeUnsigned);
}

LexFamily::~LexFamily() = default;

void LexFamily::install(http::HttpServer &server)
{
    installLexRoutes(server, m_services);
}

http::HttpResponse LexFamily::serverError(int status, const QString &message, const QString &path) const
{
    return lex::serverError(status, message, path);
}

} // namespace tierdesk::api
