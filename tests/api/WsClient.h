#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QWebSocket>

#include <functional>

namespace tierdesk::test {

// A real QWebSocket client of /api/cs/ws that keeps every frame it receives, parsed,
// so a test can wait for the one it expects (taking it off the list).
class WsClient {
public:
    using Match = std::function<bool(const QJsonObject &)>;

    WsClient();

    // Opens ws://127.0.0.1:port/api/cs/ws[?token=...] and waits for the handshake's outcome.
    bool open(quint16 port, const QByteArray &token);
    // Opens, sends `subscribe` and waits for the "subscribed" answer.
    bool open(quint16 port, const QByteArray &token, const QJsonObject &subscribe);
    void send(const QJsonObject &o);

    // Index of the first frame matching (from `from` on); -1 if none yet.
    qsizetype find(const Match &match, qsizetype from = 0) const;
    // ... of `type` about `sessionId` (any session when empty).
    qsizetype find(const QString &type, const QString &sessionId = {}, qsizetype from = 0) const;
    // The first matching frame, taken off the list; empty after `timeoutMs` without one.
    QJsonObject waitFor(const Match &match, int timeoutMs = 5000);
    QJsonObject waitFor(const QString &type, const QString &sessionId = {}, int timeoutMs = 5000);
    // A "message" event carrying a message of this role.
    QJsonObject waitMessage(const QString &role, int timeoutMs = 5000);
    // An agent.presence event about this agent.
    QJsonObject waitPresence(const QString &agentId, int timeoutMs = 5000);

    static Match ofType(const QString &type, const QString &sessionId = {});
    static QString messageRole(const QJsonObject &frame);

    QWebSocket socket;
    QList<QJsonObject> frames;
    bool connected = false;
    bool closed = false;
    bool failed = false;
};

} // namespace tierdesk::test
