#pragma once

#include "core/api/chat/ChatAccess.h"
#include "core/api/socketio/SocketIoServer.h"
#include "core/engine/pipeline/SessionEventTap.h"

#include <QHash>
#include <QObject>

namespace tierdesk::api {

// Seed 003's real-time events on the Socket.IO endpoint /socket.io: "join-chat" (with the
// session's visitor secret) -> "chat-joined"; "send-message" -> the engine; the AI's and a
// person's replies as "message-received", the engine's escalations as "escalation-needed";
// "chat-resolved" when the conversation is resolved, "send-rating" -> the visitor's rating of it,
// "rating-received" once stored; "error" {message} when an event is refused. docs/chat-api.md,
// "Real-time events".
class ChatSocket : public QObject {
    Q_OBJECT

public:
    explicit ChatSocket(ChatAccess &access, QObject *parent = nullptr);
    void install(http::HttpServer &server);

    // chat-joined carries at most this many of the newest messages.
    static constexpr int kJoinedMessages = 50;
    // Sessions one connection may join (a page shows one; a few tabs share nothing).
    static constexpr int kMaxJoinedPerClient = 16;

    static QString roomOf(const QString &sessionId) { return QStringLiteral("chat:") + sessionId; }

private:
    using Ack = socketio::SocketIoServer::Ack;
    void onEvent(const QString &client, const QString &event, const QJsonArray &args, const Ack &ack);
    void joinChat(const QString &client, const QJsonObject &payload, const Ack &ack);
    void sendMessage(const QString &client, const QJsonObject &payload, const Ack &ack);
    void sendRating(const QString &client, const QJsonObject &payload, const Ack &ack);
    void refuse(const QString &client, const QString &message, const Ack &ack);
    // The visitor this client joined the session as, or none (the client is told to join first).
    std::optional<ChatVisitor> joinedVisitor(const QString &client, const QString &sessionId, const Ack &ack);
    // Who the engine records for what this client's visitor does.
    Actor actorOf(const QString &client, const ChatVisitor &visitor) const;
    void onSessionEvent(const SessionEvent &event);
    void onClientGone(const QString &client);

    ChatAccess &m_access;
    socketio::SocketIoServer m_io;
    // The sessions each client joined, with their visitor.
    QHash<QString, QHash<QString, ChatVisitor>> m_joined;
    SessionEventTap m_events; // connected only while some client has joined a chat
};

} // namespace tierdesk::api
