// A signed-in visitor's earlier conversations (docs/chat-api.md, "Signed-in visitors"): the panel
// lists the last ten of the customer the company vouched for and reads any of them, on any browser.
#include "core/api/chat/ChatApi.h"
#include "core/api/chat/ChatErrors.h"
#include "core/api/chat/ChatJson.h"
#include "core/common/Time.h"

#include <QJsonArray>

namespace tierdesk::api {
namespace {

// The newest message a visitor may see, as the list shows it; null when there is none yet.
QJsonValue lastVisible(const Session &s)
{
    for (auto it = s.messages.crbegin(); it != s.messages.crend(); ++it)
        if (chat::visibleToVisitor(it->role))
            return chat::message(*it);
    return QJsonValue::Null;
}

} // namespace

void ChatApi::conversations(const http::HttpRequest &req, const http::HttpResponder &res)
{
    const QString current = req.query.queryItemValue(QStringLiteral("sessionId"));
    if (current.isEmpty())
        return res.send(chat::error(ErrorKind::InvalidArgument, QStringLiteral("sessionId is required")));
    const auto visitor = visitorOf(req, res, current);
    if (!visitor)
        return;
    // An anonymous visitor has their own conversation only; a signed-in one their customer's.
    QList<Session> listed;
    if (visitor->customerId.isEmpty()) {
        if (const auto own = m_engine.sessionHeader(visitor->sessionId))
            listed << *own;
    } else {
        SessionFilter filter;
        filter.companyId = visitor->companyId;
        filter.customerId = visitor->customerId;
        filter.limit = kEarlierConversations;
        const auto found = m_engine.listSessions(filter, nullptr);
        if (!found)
            return res.send(chat::error(found.error()));
        listed = *found;
    }
    const Actor actor = m_access.actorFor(*visitor, req.peerAddress);
    QJsonArray out;
    for (const Session &header : listed) {
        MessageWindow newest;
        newest.limit = 5; // the last visible one is among them (notes and system lines are few)
        const auto s = m_engine.session(visitor->companyId, header.id, newest, actor.customerScope);
        if (!s)
            continue;
        out.append(QJsonObject{{QStringLiteral("sessionId"), s->id}, {QStringLiteral("channel"), toString(s->channel)},
            {QStringLiteral("status"), toString(s->status)}, {QStringLiteral("createdAt"), timefmt::iso(s->createdAt)},
            {QStringLiteral("updatedAt"), timefmt::iso(s->updatedAt)}, {QStringLiteral("current"), s->id == current},
            {QStringLiteral("lastMessage"), lastVisible(*s)}});
    }
    res.send(chat::json(200,
        QJsonObject{{QStringLiteral("success"), true},
            {QStringLiteral("data"), QJsonObject{{QStringLiteral("conversations"), out}}}}));
}

std::optional<ChatVisitor> ChatApi::earlierConversationReader(
    const http::HttpRequest &req, const http::HttpResponder &res, const QString &sessionId, const QString &current)
{
    const auto visitor = visitorOf(req, res, current);
    if (!visitor)
        return std::nullopt;
    // Only a signed-in visitor, and only their customer's conversations of that company: anything
    // else is as unknown as a session that does not exist.
    const auto header = m_engine.sessionHeader(sessionId);
    if (visitor->customerId.isEmpty() || !header || header->companyId != visitor->companyId
        || header->customerId != visitor->customerId) {
        res.send(chat::error(ErrorKind::NotFound, QStringLiteral("Session not found")));
        return std::nullopt;
    }
    ChatVisitor reader = *visitor;
    reader.sessionId = sessionId;
    return reader;
}

} // namespace tierdesk::api
