#pragma once

#include "core/engine/SessionEngine.h"
#include "core/engine/desk/Desk.h"

#include <QObject>
#include <QTimer>

#include <memory>

namespace tierdesk {
class TeamEventListener;
}

namespace tierdesk::api {

// Team mode: the session events of every instance on one PostgreSQL database reach the
// clients of all of them. Each event that happens here is written to team_events after its
// change committed (with NOTIFY tierdesk_events); on a notification (on a connection of its
// own that only listens), and every
// kSafetyPollMs in case one was missed (a reconnect), the others' new rows are read,
// their session and queue item read afresh, and the event emitted here marked `relayed`.
// A relayed event also drops this instance's cached row of its session.
// Inert on SQLite.
class TeamRelay : public QObject {
    Q_OBJECT

public:
    static constexpr int kSafetyPollMs = 1000;
    static constexpr int kBatchRows = 500;
    static constexpr qint64 kKeptMs = 10 * 60 * 1000;

    TeamRelay(SessionEngine &engine, Desk &desk, QObject *parent = nullptr);
    ~TeamRelay() override;
    bool active() const { return m_active; }
    // Reads and emits what the other instances wrote since the last read.
    void receive();

signals:
    // Some instance ended login sessions (announced, or maybe missed: also at each safety poll).
    void loginsEnded();

private:
    bool listen();
    void poll();
    void reloadCompany(const QString &companyId);
    void send(const SessionEvent &event);
    void sendPending();
    void deliver(const QByteArray &payload);

    SessionEngine &m_engine;
    Desk &m_desk;
    QString m_origin;
    qint64 m_lastId = 0;
    bool m_active = false;
    QTimer m_poll;
    std::unique_ptr<TeamEventListener> m_listener;
    QList<QByteArray> m_outgoing; // events of this turn of the event loop, written together
    bool m_listenWarned = false;
    qint64 m_lastPruneMs = 0;
};

} // namespace tierdesk::api
