#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace tierdesk::ui {

class ApiClient;

// The console's side of calls at the desk (docs/api.md, "Calls at the desk"), over the client's own
// WebSocket, so a console on another machine (--server) takes calls too: the company's calls that
// wait for a person (those of the signed-in person's queues ring), the one call this person has,
// and what they do with it (accept, mute, hold, transfer, hang up). The call's audio passes through
// here both ways; muted, the person's voice is not sent. GUI thread.
class CallClient : public QObject {
    Q_OBJECT

public:
    explicit CallClient(ApiClient &client, QObject *parent = nullptr);

    // Calls ringing for this person, oldest first: waiting in one of their queues (any queue for a
    // person with none) and not given to someone else by the desk, while they have no call. Each as the server
    // describes it ("callId", "sessionId", "queue", "position", "callerName", "callerNumber"?).
    QList<QJsonObject> ringing() const;
    // The call this person has ({} for none), and its state ("agent", "hold").
    const QJsonObject &current() const { return m_current; }
    bool onCall() const { return !m_current.isEmpty(); }
    bool held() const { return m_current.value(QLatin1String("state")).toString() == QLatin1String("hold"); }
    bool muted() const { return m_muted; }

    void accept(const QString &callId);
    void setMuted(bool muted);
    void hold(bool held);
    // To another of the company's queues, or back to the AI tiers.
    void transfer(const QString &queue);
    void transferToAi();
    void hangUp();
    // The person's voice: sent while the call is theirs, not held and not muted.
    void sendAudio(const QByteArray &pcm);

signals:
    // The calls that ring changed (one came, was taken, moved or ended).
    void ringingChanged();
    // The call is this person's now: its conversation opens, the headset starts.
    void accepted(const QJsonObject &call);
    // Held, resumed, or anything else the server says of it.
    void currentChanged(const QJsonObject &call);
    // It is no longer this person's: ended, hung up, transferred, or the connection was lost.
    void finished(const QString &callId, const QString &reason);
    // The caller's voice.
    void audio(const QByteArray &pcm);
    // The server refused what this console asked (another took the call, ...).
    void refused(const QString &message);

private:
    void onMessage(const QJsonObject &frame);
    void command(const char *type, const QJsonObject &more = {});
    void finish(const QString &reason);
    QStringList myQueues() const;

    ApiClient &m_client;
    QHash<QString, QJsonObject> m_calls; // the company's calls at the desk, by call id
    QList<QString> m_order; // ... in the order they came
    QJsonObject m_current;
    bool m_muted = false;
};

} // namespace tierdesk::ui
