#pragma once

#include "core/api/auth/AuthGate.h"
#include "core/api/cs/SessionViewers.h"
#include "core/api/http/HttpServer.h"
#include "core/engine/SessionEngine.h"
#include "core/engine/access/AgentDirectory.h"
#include "core/engine/pipeline/SessionEventTap.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <functional>

namespace tierdesk::http {
class WebSocket;
}

namespace tierdesk::api {

class DeskCalls;

// Live session events over WebSocket at /api/cs/ws (same JWT as the REST API,
// as a Bearer header or ?token=). Clients send
//   {"type":"subscribe","sessionId":"sess_..."}   any role, own company's sessions
//   {"type":"subscribe","companyId":"..."}        agent and above: every session
//   {"type":"unsubscribe", ...} / {"type":"ping"}
// and receive {"type":"message"|"escalated"|"resolved"|"abandoned"|"created"|"transferred",
//              "sessionId", "companyId", "timestamp", "data": {...}}.
// An agent's login token with an open socket makes the agent present; each
// change is sent to company-wide subscribers as "agent.presence" (sessionId "").
// Company-wide subscribers also get the desk's "queue.added|updated|removed" and
// "sla.warning|breached"; internal notes ("message" with data.internal) go to agents and above only.
// People at the desk say what they have open: {"type":"viewing"|"left","sessionId"} and
// {"type":"typing","sessionId","internal":bool}; every agent connection that follows the session
// (subscribed to it or to the company, or viewing it) gets {"type":"viewers","sessionId",
// "viewers":[{"agentId","name","typing","internal"}]} on each change (SessionViewers).
// A customer's rating is "satisfaction.rated" (to the session's and company-wide subscribers); a
// low one (1 or 2) is also "satisfaction.low", to company-wide supervisor and admin connections only.
// A person named in an internal note gets {"type":"mention","sessionId","companyId","timestamp",
// "mention":{...}} on each of their connections, whatever they subscribed to.
// Calls for a person (DeskCalls): "call.queued|taken|updated|ended" to company-wide agent
// connections, "call.accept|hold|unhold|transfer|hangup" from them, the call's audio as binary frames.
// An event is encoded once into one frame that every connection getting it shares; a client
// that leaves more than http/maxUnsentBytes unread is dropped (http::WebSocket), after which
// the freed memory is handed back to the system. A connection whose login session ends is closed
// (policy violation, "session ended").
class WsHub : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxSubscriptions = 200;
    static constexpr qint64 kMaxIncomingBytes = 64 * 1024;
    static constexpr int kMaxClients = 2000;
    // Drops of slow readers within this are followed by one trim of the allocator.
    static constexpr int kTrimDelayMs = 500;
    // A "typing" lasts this long unless sent again (a console sends it while keys are pressed).
    static constexpr int kDefaultTypingMs = 6000;

    void setTypingMs(int ms) { m_typingMs = qMax(1, ms); }

    WsHub(SessionEngine &engine, AuthGate &auth, QObject *parent = nullptr);
    ~WsHub() override;
    void install(http::HttpServer &server);
    // Agents with an open socket are present (see AgentDirectory::presence).
    void trackPresence(AgentDirectory &agents);
    // Connections of a login session close when it ends (LoginSessions::ended).
    void closeEndedSessions(LoginSessions &sessions);
    // Calls at the desk over these connections (none: call.* messages are refused).
    void setCalls(DeskCalls *calls);

private:
    struct Client {
        QPointer<http::WebSocket> socket;
        Principal who;
        QSet<QString> sessions;
        bool wholeCompany = false;
        bool present = false; // counted in the agent directory's presence
    };

    void onConnected(http::WebSocket *socket, const http::HttpRequest &req);
    void onText(http::WebSocket *socket, const QString &text);
    void onSessionEvent(const SessionEvent &event);
    // One frame to each client that may see it; `data` is made once, only if someone does.
    void broadcast(const QString &companyId, const QString &sessionId, const QString &type, bool wholeCompanyOnly,
        Role minimum, const std::function<QJsonObject()> &data);
    // A colleague named in a note: to that person's own connections, whatever they follow.
    void sendMention(const SessionEvent &event);
    void sendError(http::WebSocket *socket, ErrorKind kind, ErrorDetail detail, const QString &message);
    // A call's event to company-wide agent connections, and to `holder` (the connection with the call).
    void sendCallEvent(const QString &companyId, const QString &sessionId, const QString &type, const QJsonObject &data,
        http::WebSocket *holder);
    QByteArray callFrame(
        const QString &companyId, const QString &sessionId, const QString &type, const QJsonObject &data) const;
    void onDisconnected(http::WebSocket *socket);
    // viewing / typing / left from a person's console.
    void onViewerMessage(http::WebSocket *socket, const Client &client, const QString &type, const QJsonObject &msg);
    void sendViewers(const QString &companyId, const QString &sessionId);
    void expireTyping();
    void armTypingTimer();

    SessionEngine &m_engine;
    AuthGate &m_auth;
    QHash<http::WebSocket *, Client> m_clients;
    SessionEventTap m_events; // connected only while there are clients
    AgentDirectory *m_agents = nullptr;
    DeskCalls *m_calls = nullptr;
    QTimer m_trim; // releaseFreedMemory() once dropped readers' buffers are gone
    SessionViewers m_viewers;
    QTimer m_typingTimer; // ends typing that ran out
    QElapsedTimer m_sinceStart; // typing deadlines are on this steady clock
    int m_typingMs = kDefaultTypingMs;
};

} // namespace tierdesk::api
