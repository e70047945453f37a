#pragma once

#include "core/api/auth/KeyVerdict.h"
#include "core/engine/ApiTokens.h"
#include "core/engine/ChatVisitors.h"
#include "core/engine/SessionEngine.h"

#include <QHostAddress>

namespace tierdesk::api {

// What the chat POC API is served with.
struct ChatServices
{
    SessionEngine *engine = nullptr;
    ChatVisitors *visitors = nullptr;
    ApiTokens *tokens = nullptr;
};

// The chat family's credentials, shared by its HTTP routes and its Socket.IO
// endpoint: a company's widget key starts a session; the session's visitor
// secret reads and writes that session only (docs/chat-api.md, "Credentials").
class ChatAccess
{
public:
    explicit ChatAccess(const ChatServices &services) : m_services(services) {}

    const ChatServices &services() const { return m_services; }
    KeyVerdict widgetKey(const QByteArray &presented) const;
    // The visitor of `sessionId` when `presentedSecret` is its secret, else nullopt
    // (unknown session, another session's secret or no secret alike).
    std::optional<ChatVisitor> visitor(const QString &sessionId, const QByteArray &presentedSecret) const;
    // The visitor as the engine sees them: a customer of its own, scoped to their session.
    static Actor actorFor(const ChatVisitor &v, const QString &customerId, const QHostAddress &address);
    Actor actorFor(const ChatVisitor &v, const QHostAddress &address) const;

private:
    ChatServices m_services;
};

} // namespace tierdesk::api
