// The address a visitor leaves when nobody can answer now (docs/chat-api.md, "When nobody can
// answer now"): kept with the session, so a person's reply reaches them by e-mail once they have
// left the page (WebChatMail). It is the conversation's, never a key to a customer's data.
#include "core/api/chat/ChatApi.h"
#include "core/api/chat/ChatErrors.h"
#include "core/engine/customers/CustomerFields.h"

namespace tierdesk::api {

void ChatApi::leaveContact(const http::HttpRequest &req, const http::HttpResponder &res)
{
    const auto body = jsonBody(req, res);
    if (!body)
        return;
    const QString sessionId = body->value(QLatin1String("sessionId")).toString();
    const QString email = body->value(QLatin1String("email")).toString().trimmed();
    if (sessionId.isEmpty())
        return res.send(chat::error(ErrorKind::InvalidArgument, QStringLiteral("sessionId is required")));
    if (email.size() > 254 || !CustomerFields::plausibleEmail(email))
        return res.send(chat::error(ErrorKind::InvalidArgument, QStringLiteral("email must be an e-mail address")));
    const auto visitor = visitorOf(req, res, sessionId);
    if (!visitor)
        return;
    const Result<Session> s = m_engine.setMetadataEntry(visitor->companyId, visitor->sessionId, QStringLiteral("email"),
        email, m_access.actorFor(*visitor, req.peerAddress));
    if (!s)
        return res.send(chat::error(s.error()));
    replyAfterCommit(res,
        chat::json(200,
            QJsonObject{{QStringLiteral("success"), true},
                {QStringLiteral("data"),
                    QJsonObject{{QStringLiteral("sessionId"), s->id}, {QStringLiteral("email"), email}}}}));
}

} // namespace tierdesk::api
