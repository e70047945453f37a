#include "core/api/cs/WsHub.h"

#include "core/api/cs/CsErrors.h"
#include "core/api/cs/CsEventJson.h"
#include "core/api/cs/CsJson.h"
#include "core/api/cs/DeskCalls.h"
#include "core/api/http/WebSocket.h"
#include "core/common/FreedMemory.h"
#include "core/common/Time.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk::api {

WsHub::WsHub(SessionEngine &engine, AuthGate &auth, QObject *parent)
    : QObject(parent), m_engine(engine), m_auth(auth),
      m_events(engine, this, [this](const SessionEvent &event) { onSessionEvent(event); })
{
    m_trim.setSingleShot(true);
    m_trim.setInterval(kTrimDelayMs);
    connect(&m_trim, &QTimer::timeout, this, [] { releaseFreedMemory(); });
    m_typingTimer.setSingleShot(true);
    connect(&m_typingTimer, &QTimer::timeout, this, &WsHub::expireTyping);
    m_sinceStart.start();
}

WsHub::~WsHub()
{
    // The directory outlives this hub (a server can stop while its runtime goes on).
    if (m_agents)
        disconnect(m_agents, nullptr, this, nullptr);
    for (auto it = m_clients.begin(); it != m_clients.end(); ++it) {
        if (it->present && m_agents)
            m_agents->socketClosed(it->who.subject);
        if (it->socket)
            it->socket->deleteLater();
    }
}

void WsHub::trackPresence(AgentDirectory &agents)
{
    m_agents = &agents;
    connect(&agents, &AgentDirectory::presenceChanged, this,
        [this](const QString &companyId, const QString &agentId, const QString &presence) {
            broadcast(companyId, QString(), QStringLiteral("agent.presence"), false, Role::Client, [&] {
                return QJsonObject{{QStringLiteral("agentId"), agentId}, {QStringLiteral("presence"), presence}};
            });
        });
}

void WsHub::closeEndedSessions(LoginSessions &sessions)
{
    connect(&sessions, &LoginSessions::ended, this, [this](const QStringList &ids) {
        const QSet<QString> ended(ids.cbegin(), ids.cend());
        QList<QPointer<http::WebSocket>> closing;
        for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it)
            if (!it->who.sessionId.isEmpty() && ended.contains(it->who.sessionId))
                closing.append(it->socket);
        for (const QPointer<http::WebSocket> &socket : closing) // closing changes m_clients
            if (socket)
                socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("session ended"));
    });
}

void WsHub::setCalls(DeskCalls *calls)
{
    m_calls = calls;
    connect(calls, &DeskCalls::callEvent, this, &WsHub::sendCallEvent);
}

void WsHub::sendCallEvent(const QString &companyId, const QString &sessionId, const QString &type,
    const QJsonObject &data, http::WebSocket *holder)
{
    QByteArray frame;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        const Client &client = *it;
        const bool desk = client.wholeCompany && client.who.company == companyId && client.who.role >= Role::Agent;
        if (!client.socket || (!desk && it.key() != holder))
            continue;
        if (frame.isEmpty())
            frame = callFrame(companyId, sessionId, type, data);
        client.socket->sendFrame(frame);
    }
}

QByteArray WsHub::callFrame(
    const QString &companyId, const QString &sessionId, const QString &type, const QJsonObject &data) const
{
    return http::WebSocket::textFrame(QJsonDocument(
        QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("sessionId"), sessionId},
            {QStringLiteral("companyId"), companyId},
            {QStringLiteral("timestamp"), timefmt::iso(m_engine.clock().nowMs())},
            {QStringLiteral("data"),
                data}}).toJson(QJsonDocument::Compact));
}

void WsHub::install(http::HttpServer &server)
{
    server.setWebSocketRoute(
        QStringLiteral("/api/cs/ws"),
        [this](const http::HttpRequest &req) -> std::optional<http::HttpResponse> {
            if (req.path != QLatin1String("/api/cs/ws"))
                return cs::serverError(404, QStringLiteral("Not found"), req.path);
            const AuthGate::Outcome auth = m_auth.check(req, true);
            if (auth.status == 429 && !auth.who)
                return cs::error(ErrorKind::LimitExceeded,
                    QStringLiteral("Too many failed authentications; try again later"),
                    {{QStringLiteral("retryAfter"), auth.retryAfter}})
                    .withHeader("Retry-After", QByteArray::number(auth.retryAfter));
            if (!auth.who)
                return cs::error(ErrorKind::Unauthenticated, QStringLiteral("Authentication required"),
                    {{QStringLiteral("reason"), auth.reason}});
            if (m_clients.size() >= kMaxClients)
                return cs::error(ErrorKind::Unavailable, QStringLiteral("Too many live connections"));
            return std::nullopt;
        },
        [this](http::WebSocket *socket, const http::HttpRequest &req) { onConnected(socket, req); });
}

void WsHub::onConnected(http::WebSocket *socket, const http::HttpRequest &req)
{
    // Checked again: the token may have expired during the handshake.
    const auto who = m_auth.check(req, true).who;
    if (!who) {
        socket->setParent(this);
        connect(socket, &http::WebSocket::disconnected, socket, &QObject::deleteLater);
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("unauthorized"));
        return;
    }
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(kMaxIncomingBytes);
    // Only a token of an existing agent of this company makes someone present.
    const bool present = m_agents && who->role >= Role::Agent && who->subject.startsWith(QLatin1String("agt_"))
        && m_agents->find(who->company, who->subject);
    m_clients.insert(socket, Client{socket, *who, {}, false, present});
    m_events.listen(true);
    connect(socket, &http::WebSocket::textMessageReceived, this,
        [this, socket](const QString &text) { onText(socket, text); });
    connect(socket, &http::WebSocket::disconnected, this, [this, socket] { onDisconnected(socket); });
    connect(socket, &http::WebSocket::binaryMessageReceived, this, [this, socket](const QByteArray &pcm) {
        if (m_calls) // a person's voice for the call this connection holds
            m_calls->onAudio(socket, pcm);
    });
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(
        QJsonObject{{QStringLiteral("type"), QStringLiteral("welcome")}, {QStringLiteral("companyId"), who->company},
            {QStringLiteral("role"),
                roleName(who->role)}}).toJson(QJsonDocument::Compact)));
    if (present)
        m_agents->socketOpened(who->company, who->subject);
}

void WsHub::onDisconnected(http::WebSocket *socket)
{
    const auto it = m_clients.constFind(socket);
    const QString companyId = it != m_clients.cend() ? it->who.company : QString();
    if (it != m_clients.cend() && it->present && m_agents)
        m_agents->socketClosed(it->who.subject);
    m_clients.remove(socket);
    if (m_calls) // a call it held goes back in line
        m_calls->onClosed(socket);
    for (const QString &sessionId : m_viewers.drop(socket)) // a closed connection leaves at once
        sendViewers(companyId, sessionId);
    if (socket->droppedAsSlowReader() && !m_trim.isActive())
        m_trim.start(); // after the sockets' deleteLater, once for a wave of drops
    socket->deleteLater();
    m_events.listen(!m_clients.isEmpty());
}

void WsHub::sendError(http::WebSocket *socket, ErrorKind kind, ErrorDetail detail, const QString &message)
{
    const char *code = cs::errorCode(makeError(kind, detail, message));
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(
        QJsonObject{{QStringLiteral("type"), QStringLiteral("error")},
            {QStringLiteral("error"),
                QJsonObject{{QStringLiteral("code"), QLatin1String(code)}, {QStringLiteral("message"), message}}}})
                                                  .toJson(QJsonDocument::Compact)));
}

void WsHub::onText(http::WebSocket *socket, const QString &text)
{
    auto it = m_clients.find(socket);
    if (it == m_clients.end())
        return;
    Client &client = *it;
    const QJsonObject msg = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = msg.value(QLatin1String("type")).toString();
    const QString sessionId = msg.value(QLatin1String("sessionId")).toString();
    const QString companyId = msg.value(QLatin1String("companyId")).toString();
    auto ack = [&](const QString &kind) {
        QJsonObject o{{QStringLiteral("type"), kind}};
        if (!sessionId.isEmpty())
            o.insert(QStringLiteral("sessionId"), sessionId);
        if (!companyId.isEmpty())
            o.insert(QStringLiteral("companyId"), companyId);
        socket->sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
    };
    if (type == QLatin1String("ping"))
        return ack(QStringLiteral("pong"));
    if (type == QLatin1String("viewing") || type == QLatin1String("typing") || type == QLatin1String("left"))
        return onViewerMessage(socket, client, type, msg);
    if (type.startsWith(QLatin1String("call.")) && m_calls)
        return m_calls->onMessage(socket, client.who, type, msg);
    if (type != QLatin1String("subscribe") && type != QLatin1String("unsubscribe"))
        return sendError(socket, ErrorKind::InvalidArgument, ErrorDetail::None,
            QStringLiteral("type must be subscribe, unsubscribe, ping, viewing, typing, left or call.*"));
    const bool subscribe = type == QLatin1String("subscribe");
    if (!companyId.isEmpty()) {
        if (companyId != client.who.company)
            return sendError(socket, ErrorKind::NotFound, ErrorDetail::None, QStringLiteral("Company not found"));
        if (client.who.role < Role::Agent)
            return sendError(socket, ErrorKind::Forbidden, ErrorDetail::None,
                QStringLiteral("Company-wide events need the agent role"));
        const bool before = client.wholeCompany;
        client.wholeCompany = subscribe;
        ack(subscribe ? QStringLiteral("subscribed") : QStringLiteral("unsubscribed"));
        if (subscribe && !before && m_calls) // the calls ringing now, as if they had just come
            for (const QJsonObject &call : m_calls->waiting(companyId))
                socket->sendFrame(callFrame(
                    companyId, call.value(QLatin1String("sessionId")).toString(), QStringLiteral("call.queued"), call));
        return;
    }
    if (sessionId.isEmpty())
        return sendError(socket, ErrorKind::InvalidArgument, ErrorDetail::None,
            QStringLiteral("sessionId or companyId is required"));
    if (!subscribe) {
        client.sessions.remove(sessionId);
        return ack(QStringLiteral("unsubscribed"));
    }
    if (client.sessions.size() >= kMaxSubscriptions)
        return sendError(
            socket, ErrorKind::Conflict, ErrorDetail::None, QStringLiteral("At most 200 subscriptions per connection"));
    const auto session = m_engine.sessionHeader(sessionId);
    if (!session || session->companyId != client.who.company
        || (client.who.role == Role::Client && session->customerId != client.who.customer))
        return sendError(
            socket, ErrorKind::NotFound, ErrorDetail::SessionNotFound, QStringLiteral("Session not found"));
    client.sessions.insert(sessionId);
    ack(QStringLiteral("subscribed"));
}

void WsHub::onViewerMessage(http::WebSocket *socket, const Client &client, const QString &type, const QJsonObject &msg)
{
    if (client.who.role < Role::Agent)
        return sendError(socket, ErrorKind::Forbidden, ErrorDetail::None,
            QStringLiteral("Only people at the desk say what they view"));
    const QString sessionId = msg.value(QLatin1String("sessionId")).toString();
    if (type == QLatin1String("left")) {
        if (m_viewers.leave(socket, sessionId))
            sendViewers(client.who.company, sessionId);
        return;
    }
    const auto session
        = sessionId.isEmpty() || sessionId.size() > 128 ? std::nullopt : m_engine.sessionHeader(sessionId);
    if (!session || session->companyId != client.who.company)
        return sendError(
            socket, ErrorKind::NotFound, ErrorDetail::SessionNotFound, QStringLiteral("Session not found"));
    QString name = client.who.displayName;
    if (name.isEmpty() && m_agents)
        if (const auto agent = m_agents->find(client.who.company, client.who.subject))
            name = agent->name;
    if (name.isEmpty())
        name = client.who.subject;
    bool changed = false;
    const bool typing = type == QLatin1String("typing");
    const bool taken = typing ? m_viewers.type(socket, sessionId, client.who.subject, name,
                           msg.value(QLatin1String("internal")).toBool(), m_sinceStart.elapsed() + m_typingMs, &changed)
                              : m_viewers.view(socket, sessionId, client.who.subject, name, &changed);
    if (!taken)
        return sendError(socket, ErrorKind::Conflict, ErrorDetail::None,
            QStringLiteral("At most %1 conversations viewed per connection")
                .arg(SessionViewers::kMaxViewedPerConnection));
    if (typing)
        armTypingTimer();
    // A new viewer learns who else is there even when nothing changed for the others.
    if (changed || !typing)
        sendViewers(client.who.company, sessionId);
}

void WsHub::sendViewers(const QString &companyId, const QString &sessionId)
{
    QJsonArray list;
    for (const SessionViewers::Viewer &v : m_viewers.viewers(sessionId))
        list.append(QJsonObject{{QStringLiteral("agentId"), v.agentId}, {QStringLiteral("name"), v.name},
            {QStringLiteral("typing"), v.typing}, {QStringLiteral("internal"), v.typing && v.internal}});
    QByteArray frame;
    for (auto it = m_clients.cbegin(); it != m_clients.cend(); ++it) {
        const Client &client = *it;
        if (!client.socket || client.who.company != companyId || client.who.role < Role::Agent)
            continue;
        if (!client.wholeCompany && !client.sessions.contains(sessionId) && !m_viewers.isViewing(it.key(), sessionId))
            continue;
        if (frame.isEmpty())
            frame = http::WebSocket::textFrame(
                QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("viewers")},
                                  {QStringLiteral("sessionId"), sessionId}, {QStringLiteral("viewers"), list}})
                    .toJson(QJsonDocument::Compact));
        client.socket->sendFrame(frame);
    }
}

void WsHub::armTypingTimer()
{
    const qint64 next = m_viewers.nextDeadline();
    if (next == 0) {
        m_typingTimer.stop();
        return;
    }
    m_typingTimer.start(int(qBound(qint64(0), next - m_sinceStart.elapsed(), qint64(60000))));
}

void WsHub::expireTyping()
{
    const QStringList changed = m_viewers.expire(m_sinceStart.elapsed());
    for (const QString &sessionId : changed) {
        const auto session = m_engine.sessionHeader(sessionId);
        if (session)
            sendViewers(session->companyId, sessionId);
    }
    armTypingTimer();
}

void WsHub::onSessionEvent(const SessionEvent &event)
{
    if (event.type == SessionEventType::Mentioned)
        return sendMention(event);
    // A person who sent a reply or a note is no longer typing it.
    if (event.type == SessionEventType::Message && event.reply && event.reply->meta.person
        && m_viewers.wrote(event.sessionId, event.reply->meta.person->agentId))
        sendViewers(event.companyId, event.sessionId);
    // Notes are for agents and above; a low rating for the supervisors.
    const Role minimum = event.forSupervisors() ? Role::Supervisor : event.internal ? Role::Agent : Role::Client;
    broadcast(event.companyId, event.sessionId, eventName(event.type), event.isDeskEvent() || event.forSupervisors(),
        minimum, [&event] { return cs::eventData(event); });
}

void WsHub::sendMention(const SessionEvent &event)
{
    if (!event.mention)
        return;
    QByteArray frame;
    for (const Client &client : std::as_const(m_clients)) {
        if (!client.socket || client.who.company != event.companyId || client.who.subject != event.mention->agentId)
            continue;
        if (frame.isEmpty())
            frame = http::WebSocket::textFrame(QJsonDocument(
                QJsonObject{{QStringLiteral("type"), QStringLiteral("mention")},
                    {QStringLiteral("sessionId"), event.sessionId}, {QStringLiteral("companyId"), event.companyId},
                    {QStringLiteral("timestamp"), timefmt::iso(m_engine.clock().nowMs())},
                    {QStringLiteral("mention"), json::mention(*event.mention)}})
                                                   .toJson(QJsonDocument::Compact));
        client.socket->sendFrame(frame);
    }
}

void WsHub::broadcast(const QString &companyId, const QString &sessionId, const QString &type, bool wholeCompanyOnly,
    Role minimum, const std::function<QJsonObject()> &data)
{
    QByteArray frame;
    for (const Client &client : std::as_const(m_clients)) {
        if (!client.socket || client.who.company != companyId)
            continue;
        if (!client.wholeCompany && !client.sessions.contains(sessionId))
            continue;
        // Queue, SLA and low-rating events are for the company-wide view.
        if ((wholeCompanyOnly && !client.wholeCompany) || client.who.role < minimum)
            continue;
        if (frame.isEmpty())
            frame = http::WebSocket::textFrame(QJsonDocument(
                QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("sessionId"), sessionId},
                    {QStringLiteral("companyId"), companyId},
                    {QStringLiteral("timestamp"), timefmt::iso(m_engine.clock().nowMs())},
                    {QStringLiteral("data"),
                        data()}}).toJson(QJsonDocument::Compact));
        client.socket->sendFrame(frame); // the same bytes for every client
    }
}

} // namespace tierdesk::api
