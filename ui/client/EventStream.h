#pragma once

#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

namespace tierdesk::ui {

// The live half of the API client: one WebSocket to /api/cs/ws?token=,
// subscribed to the whole company, reconnected with backoff when lost. Events
// are batched for kBatchMs and handed over together, so a burst costs the
// models one update; a new escalation (queue.added) is handed over on the next
// event loop turn instead, with whatever is pending before it, because an agent
// waits for it (the desk bench measured the batch window as most of its delay).
class EventStream : public QObject {
    Q_OBJECT

public:
    enum class State { Offline, Connecting, Connected, Reconnecting };
    Q_ENUM(State)

    static constexpr int kBatchMs = 100;
    static constexpr int kFirstRetryMs = 500;
    static constexpr int kMaxRetryMs = 30000;

    explicit EventStream(QObject *parent = nullptr);
    ~EventStream() override;

    // ws(s)://host/api/cs/ws?token=... from the REST base URL.
    static QUrl socketUrl(const QUrl &baseUrl, const QByteArray &token);

    void start(const QUrl &baseUrl, const QByteArray &token);
    void stop();
    State state() const { return m_state; }
    // The batch window (tests lengthen it to see what does not wait for it).
    void setBatchInterval(int ms) { m_batch.setInterval(ms); }
    int retryDelayMs() const { return m_retryMs; }
    // Subscribes to one session too (a client token's view; agents get all).
    void send(const QJsonObject &frame);

    // Colleagues see who has a conversation open and who writes in it: the one this console
    // shows ("" for none) is said to the server (and again after a reconnect), the one before left.
    static constexpr int kTypingEveryMs = 2000;
    void setViewing(const QString &sessionId);
    QString viewing() const { return m_viewing; }
    // The person writes a reply (or a note) there: said at most every kTypingEveryMs.
    void sendTyping(bool internal);
    // A call's audio from this console (the person's voice): binary frames, 16 kHz s16le mono.
    void sendAudio(const QByteArray &pcm);

signals:
    void stateChanged(tierdesk::ui::EventStream::State state);
    // The server's welcome (its companyId) and each subscription's answer.
    void welcomed(const QString &companyId);
    // The server confirmed the company-wide subscription: events flow from now on.
    void subscribed(const QString &companyId);
    void eventsArrived(const QList<QJsonObject> &events);
    // Calls at the desk: "call.*" events and answers, and an error about a call, at once (not batched).
    void callMessage(const QJsonObject &frame);
    // The call's audio from the server (the caller's voice).
    void audioArrived(const QByteArray &pcm);

private:
    void open();
    void onConnected();
    void onDisconnected();
    void onText(const QString &text);
    void setState(State s);
    void flush();

    QWebSocket m_socket;
    QUrl m_url;
    State m_state = State::Offline;
    bool m_wanted = false;
    int m_retryMs = kFirstRetryMs;
    QTimer m_retry;
    QTimer m_batch;
    QTimer m_urgent; // 0 ms: the frames of one socket read still go together
    QList<QJsonObject> m_pending;
    QString m_viewing;
    QElapsedTimer m_typingSaid;
    bool m_typingInternal = false;
};

} // namespace tierdesk::ui
