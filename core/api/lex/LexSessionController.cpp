#include "core/api/lex/LexSessionController.h"

#include "core/api/lex/LexConversation.h"
#include "core/api/lex/LexErrors.h"
#include "core/api/lex/LexHeaderCodec.h"
#include "core/api/lex/LexSpeech.h"
#include "core/api/lex/LexTextController.h"

#include <QJsonDocument>

namespace tierdesk::api {
namespace {

struct PutRequest {
    QJsonObject sessionState;
    QJsonArray messages;
    QJsonObject requestAttributes;
    bool echoAttributes = false;
    bool speak = false;
};

std::optional<PutRequest> readPut(const LexCallPtr &c)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(c->req.body, &err);
    QString fault = err.error != QJsonParseError::NoError || !doc.isObject()
        ? QStringLiteral("the body must be a JSON object")
        : QString();
    const QJsonObject body = doc.object();
    const QByteArray answerType = c->req.header("responsecontenttype").toLower().trimmed();
    if (fault.isEmpty() && !body.value(QLatin1String("sessionState")).isObject())
        fault = QStringLiteral("sessionState is required");
    if (fault.isEmpty() && !answerType.isEmpty() && !answerType.startsWith("audio/pcm")
        && !answerType.startsWith("text/plain"))
        fault = QStringLiteral("ResponseContentType must be audio/pcm or text/plain; charset=utf-8");
    PutRequest r;
    r.speak = answerType.startsWith("audio/pcm");
    if (fault.isEmpty() && r.speak && c->language != Language::En)
        fault = QStringLiteral("Speech is spoken in en_US only");
    const auto state
        = fault.isEmpty() ? lexjson::sessionState(body.value(QLatin1String("sessionState")), &fault) : std::nullopt;
    const auto messages = state ? lexjson::putMessages(body.value(QLatin1String("messages")), &fault) : std::nullopt;
    const auto attributes = messages ? lexjson::stringMap(body.value(QLatin1String("requestAttributes")),
                                QStringLiteral("requestAttributes"), &fault)
                                     : std::nullopt;
    if (!attributes) {
        lexcall::fail(c, lex::invalid(QStringLiteral("Invalid request body: ") + fault));
        return std::nullopt;
    }
    r.sessionState = *state;
    r.messages = *messages;
    r.requestAttributes = *attributes;
    r.echoAttributes = body.contains(QLatin1String("requestAttributes"));
    return r;
}

void sendPut(const LexCallPtr &c, const PutRequest &r, const LexConversation::Answer &a, const QByteArray &audio)
{
    http::HttpResponse out;
    out.status = 200;
    out.body = audio;
    out.contentType = r.speak ? QByteArray("audio/pcm") : QByteArray("text/plain; charset=utf-8");
    out.withHeader("x-amz-lex-session-id", c->sessionId.toLatin1());
    out.withHeader("x-amz-lex-session-state", LexHeaderCodec::pack(a.sessionState));
    if (!a.messages.isEmpty())
        out.withHeader("x-amz-lex-messages", LexHeaderCodec::pack(a.messages));
    if (r.echoAttributes)
        out.withHeader("x-amz-lex-request-attributes", LexHeaderCodec::pack(r.requestAttributes));
    lexcall::reply(c, out);
}

} // namespace

void LexSessionController::put(const LexCallPtr &c)
{
    const auto r = readPut(c);
    if (!r)
        return;
    LexConversation::put(c, r->sessionState, r->messages, [c, r = *r](Result<LexConversation::Answer> a) {
        if (!a)
            return LexTextController::fail(c, a.error());
        if (!r.speak || a->reply.isEmpty())
            return sendPut(c, r, a.value(), {});
        const bool started = c->services->speech->speak(a->reply, c->language, c->voice, c->services->context,
            [c, r, answer = a.value()](const QByteArray &pcm) { sendPut(c, r, answer, pcm); });
        if (!started)
            lexcall::fail(c,
                lex::error(ErrorKind::LimitExceeded, QStringLiteral("Too many replies are being spoken; try again")));
    });
}

void LexSessionController::get(const LexCallPtr &c)
{
    const auto a = LexConversation::stored(c);
    if (!a)
        return LexTextController::fail(c, a.error());
    lexcall::reply(c,
        http::HttpResponse::json(200,
            QJsonObject{{QStringLiteral("sessionId"), c->sessionId}, {QStringLiteral("messages"), a->messages},
                {QStringLiteral("interpretations"), a->interpretations},
                {QStringLiteral("sessionState"), a->sessionState}}));
}

void LexSessionController::remove(const LexCallPtr &c)
{
    if (const Status removed = LexConversation::remove(c); !removed)
        return LexTextController::fail(c, removed.error());
    lexcall::reply(c,
        http::HttpResponse::json(200,
            QJsonObject{{QStringLiteral("botId"), c->company}, {QStringLiteral("botAliasId"), c->botAliasId},
                {QStringLiteral("localeId"), c->localeId}, {QStringLiteral("sessionId"), c->sessionId}}));
}

} // namespace tierdesk::api
