#include "core/api/chat/ChatSocket.h"

#include "core/api/chat/ChatJson.h"
#include "core/api/common/RatingBody.h"
#include "core/common/Time.h"

#include <QJsonArray>

namespace tierdesk::api {
namespace {

QJsonObject firstObject(const QJsonArray &args)
{
    return args.isEmpty() ? QJsonObject{} : args.first().toObject();
}

} // namespace

ChatSocket::ChatSocket(ChatAccess &access, QObject *parent)
    : QObject(parent), m_access(access),
      m_events(*access.services().engine, this, [this](const SessionEvent &event) { onSessionEvent(event); })
{
    m_io.setEventHandler([this](const QString &client, const QString &event, const QJsonArray &args, const Ack &ack) {
        onEvent(client, event, args, ack);
    });
    connect(&m_io, &socketio::SocketIoServer::clientDisconnected, this,
        [this](const QString &client, const QString &) { onClientGone(client); });
}

void ChatSocket::install(http::HttpServer &server)
{
    m_io.install(server, QStringLiteral("/socket.io"));
}

void ChatSocket::onEvent(const QString &client, const QString &event, const QJsonArray &args, const Ack &ack)
{
    if (event == QLatin1String("join-chat"))
        joinChat(client, firstObject(args), ack);
    else if (event == QLatin1String("send-message"))
        sendMessage(client, firstObject(args), ack);
    else if (event == QLatin1String("send-rating"))
        sendRating(client, firstObject(args), ack);
    else
        refuse(client, QStringLiteral("Unknown event: ") + event.left(64), ack);
}

void ChatSocket::refuse(const QString &client, const QString &message, const Ack &ack)
{
    const QJsonObject body{{QStringLiteral("message"), message}};
    m_io.emitTo(client, QStringLiteral("error"), {body});
    if (ack)
        ack({QJsonObject{{QStringLiteral("success"), false}, {QStringLiteral("error"), message}}});
}

// The secret comes with the event ("visitorSecret"), else from the CONNECT's auth.
void ChatSocket::joinChat(const QString &client, const QJsonObject &payload, const Ack &ack)
{
    const QString sessionId = payload.value(QLatin1String("sessionId")).toString();
    if (sessionId.isEmpty())
        return refuse(client, QStringLiteral("sessionId is required"), ack);
    QString secret = payload.value(QLatin1String("visitorSecret")).toString();
    const socketio::ConnectRequest *connectReq = m_io.connectRequest(client);
    if (secret.isEmpty() && connectReq)
        secret = connectReq->auth.value(QLatin1String("visitorSecret")).toString();
    if (secret.isEmpty())
        return refuse(client, QStringLiteral("Visitor secret required (visitorSecret)"), ack);
    const auto visitor = m_access.visitor(sessionId, secret.toUtf8());
    if (!visitor)
        return refuse(client, QStringLiteral("Session not found"), ack);
    if (m_joined.value(client).size() >= kMaxJoinedPerClient && !m_joined.value(client).contains(sessionId))
        return refuse(client, QStringLiteral("A connection may join at most %1 chats").arg(kMaxJoinedPerClient), ack);
    SessionEngine &engine = *m_access.services().engine;
    MessageWindow window;
    window.limit = kJoinedMessages;
    const Actor actor = m_access.actorFor(*visitor, QHostAddress());
    const auto session = engine.session(visitor->companyId, sessionId, window, actor.customerScope);
    if (!session)
        return refuse(client, QStringLiteral("Session not found"), ack);
    if (!m_joined.value(client).contains(sessionId) && m_access.services().presence)
        m_access.services().presence->joined(sessionId);
    m_joined[client].insert(sessionId, *visitor);
    m_io.join(client, roomOf(sessionId));
    m_events.listen(true);
    // The conversation so far, so a page that reconnects can show it.
    QJsonArray messages;
    for (const Message &m : session->messages)
        if (chat::visibleToVisitor(m.role))
            messages.append(chat::message(m));
    QJsonObject joined = chat::sessionState(*session, *visitor);
    joined.insert(QStringLiteral("messages"), messages);
    joined.insert(QStringLiteral("rating"), chat::ratingField(engine, *visitor, actor));
    m_io.emitTo(client, QStringLiteral("chat-joined"), {joined});
    if (ack)
        ack({QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("data"), joined}}});
}

std::optional<ChatVisitor> ChatSocket::joinedVisitor(const QString &client, const QString &sessionId, const Ack &ack)
{
    const auto joined = m_joined.constFind(client);
    if (joined == m_joined.cend() || !joined->contains(sessionId)) {
        refuse(client, QStringLiteral("Join the chat first (join-chat with its sessionId and visitorSecret)"), ack);
        return std::nullopt;
    }
    return joined->value(sessionId);
}

Actor ChatSocket::actorOf(const QString &client, const ChatVisitor &visitor) const
{
    const socketio::ConnectRequest *connectReq = m_io.connectRequest(client);
    return m_access.actorFor(visitor, connectReq ? connectReq->peerAddress : QHostAddress());
}

// The AI's reply and any escalation reach the session's room from the engine's events.
void ChatSocket::sendMessage(const QString &client, const QJsonObject &payload, const Ack &ack)
{
    const QString sessionId = payload.value(QLatin1String("sessionId")).toString();
    const std::optional<ChatVisitor> visitor = joinedVisitor(client, sessionId, ack);
    if (!visitor)
        return;
    const QJsonValue message = payload.value(QLatin1String("message"));
    if (!message.isString())
        return refuse(client, QStringLiteral("message is required (a string)"), ack);
    if (const RateDecision d
        = m_access.allow(QStringLiteral("messages"), sessionId, m_access.services().limits.messagesPerSession);
        !d.allowed)
        return refuse(client, QStringLiteral("Too many messages; try again in %1 s").arg(d.retryAfter), ack);
    SessionEngine &engine = *m_access.services().engine;
    engine.postMessage(visitor->companyId, sessionId, message.toString(), actorOf(client, *visitor), this,
        [this, client, ack](Result<MessageOutcome> outcome) {
            if (!outcome)
                return refuse(client, outcome.error().message, ack);
            if (ack)
                ack({QJsonObject{
                    {QStringLiteral("success"), true}, {QStringLiteral("data"), chat::messageOutcome(*outcome)}}});
        });
}

// The visitor's rating of a resolved conversation; every client in the room hears "rating-received".
void ChatSocket::sendRating(const QString &client, const QJsonObject &payload, const Ack &ack)
{
    const QString sessionId = payload.value(QLatin1String("sessionId")).toString();
    const std::optional<ChatVisitor> visitor = joinedVisitor(client, sessionId, ack);
    if (!visitor)
        return;
    const auto input = ratingInput(payload);
    if (!input)
        return refuse(client, input.error().message, ack);
    SessionEngine &engine = *m_access.services().engine;
    const auto rated = engine.ratings().rate(visitor->companyId, sessionId, *input, actorOf(client, *visitor));
    if (!rated)
        return refuse(client, rated.error().message, ack);
    if (!ack)
        return;
    // Acknowledged once the rating is committed, as the HTTP route answers.
    engine.afterCommit([ack, data = chat::rating(*rated)](bool committed) {
        ack({committed ? QJsonObject{{QStringLiteral("success"), true}, {QStringLiteral("data"), data}}
                       : QJsonObject{{QStringLiteral("success"), false},
                           {QStringLiteral("error"), QStringLiteral("The rating could not be stored; try again")}}});
    });
}

void ChatSocket::onSessionEvent(const SessionEvent &event)
{
    const QString room = roomOf(event.sessionId);
    if (event.sessionId.isEmpty() || m_io.clientsInRoom(room).isEmpty())
        return;
    if (event.type == SessionEventType::Escalated && event.escalation) {
        QJsonObject out = chat::escalation(event.sessionId, *event.escalation);
        out.insert(QStringLiteral("message"), QStringLiteral("Your conversation has been escalated"));
        m_io.emitToRoom(room, QStringLiteral("escalation-needed"), {out});
        return;
    }
    if (event.type == SessionEventType::Resolved && event.session) {
        m_io.emitToRoom(room, QStringLiteral("chat-resolved"),
            {QJsonObject{{QStringLiteral("sessionId"), event.sessionId},
                {QStringLiteral("status"), toString(event.session->status)},
                {QStringLiteral("resolvedAt"), timefmt::iso(event.session->resolvedAt)}}});
        return;
    }
    if (event.type == SessionEventType::SatisfactionRated && event.rating) {
        m_io.emitToRoom(room, QStringLiteral("rating-received"), {chat::rating(*event.rating)});
        return;
    }
    // The AI's reply to a turn, or a person's reply from the desk; never notes.
    if (event.type != SessionEventType::Message || event.internal || !event.reply)
        return;
    const Message &m = *event.reply;
    if (m.role == QLatin1String("customer") || !chat::visibleToVisitor(m.role))
        return;
    QJsonObject out = chat::message(m);
    out.insert(QStringLiteral("sessionId"), event.sessionId);
    out.insert(QStringLiteral("message"), m.content);
    m_io.emitToRoom(room, QStringLiteral("message-received"), {out});
}

void ChatSocket::onClientGone(const QString &client)
{
    if (WebVisitorPresence *presence = m_access.services().presence)
        for (const QString &sessionId : m_joined.value(client).keys())
            presence->left(sessionId);
    m_joined.remove(client);
    if (m_joined.isEmpty())
        m_events.listen(false);
}

} // namespace tierdesk::api
