#include "core/api/lex/LexTextController.h"

#include "core/api/lex/LexErrors.h"
#include "core/common/Validation.h"

#include <QJsonDocument>

namespace tierdesk::api {

std::optional<QString> LexTextController::checkedText(const LexCallPtr &c, const QString &text)
{
    const QString trimmed = text.trimmed();
    const auto fault = textFault(text, TextLines::Many);
    if (trimmed.isEmpty() || text.size() > lexjson::kMaxTextChars || fault) {
        lexcall::fail(c,
            lex::invalid(QStringLiteral("1 validation error detected: Value at 'text' failed to satisfy constraint: "
                                        "text must be 1 to %1 characters%2")
                             .arg(lexjson::kMaxTextChars)
                             .arg(fault ? QStringLiteral(" (") + *fault + QLatin1Char(')') : QString())));
        return std::nullopt;
    }
    return trimmed;
}

void LexTextController::fail(const LexCallPtr &c, const Error &e)
{
    if (e.detail == ErrorDetail::InvalidSessionId)
        return lexcall::fail(c, lex::error(ErrorKind::NotFound, QStringLiteral("Session not found")));
    lexcall::fail(c, e);
}

void LexTextController::recognize(const LexCallPtr &c)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(c->req.body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return lexcall::fail(c,
            lex::invalid(QStringLiteral("Invalid request body: ")
                + (c->req.body.isEmpty() ? QStringLiteral("the body is empty") : QStringLiteral("not a JSON object"))));
    const QJsonObject body = doc.object();
    const QJsonValue textValue = body.value(QLatin1String("text"));
    if (!textValue.isString())
        return lexcall::fail(c, lex::invalid(QStringLiteral("Invalid request body: text must be a string")));
    const auto text = checkedText(c, textValue.toString());
    if (!text)
        return;
    QString fault;
    const auto state = lexjson::sessionState(body.value(QLatin1String("sessionState")), &fault);
    const auto attributes = state ? lexjson::stringMap(body.value(QLatin1String("requestAttributes")),
                                QStringLiteral("requestAttributes"), &fault)
                                  : std::nullopt;
    if (!attributes)
        return lexcall::fail(c, lex::invalid(QStringLiteral("Invalid request body: ") + fault));
    LexConversation::Utterance u;
    u.text = *text;
    u.transcript = *text;
    u.sessionState = *state;
    u.requestAttributes = *attributes;
    const bool echo = body.contains(QLatin1String("requestAttributes"));
    LexConversation::converse(c, u, [c, u, echo](Result<LexConversation::Answer> a) {
        if (!a)
            return fail(c, a.error());
        QJsonObject out{{QStringLiteral("sessionId"), c->sessionId}, {QStringLiteral("messages"), a->messages},
            {QStringLiteral("sessionState"), a->sessionState}, {QStringLiteral("interpretations"), a->interpretations}};
        if (echo)
            out.insert(QStringLiteral("requestAttributes"), u.requestAttributes);
        lexcall::reply(c, http::HttpResponse::json(200, out));
    });
}

} // namespace tierdesk::api
