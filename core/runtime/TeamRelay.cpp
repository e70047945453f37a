#include "core/runtime/TeamRelay.h"

#include "core/common/Instance.h"
#include "core/store/SessionEventCodec.h"
#include "core/store/TeamEventListener.h"
#include "core/store/TeamEventRepo.h"

#include <QLoggingCategory>

#include <utility>

Q_LOGGING_CATEGORY(lcTeam, "tierdesk.team")

namespace tierdesk::api {

TeamRelay::TeamRelay(SessionEngine &engine, Desk &desk, QObject *parent)
    : QObject(parent), m_engine(engine), m_desk(desk), m_origin(instanceName())
{
    Database &db = engine.core().store().db();
    if (!db.postgres())
        return;
    m_active = true;
    m_lastId = TeamEventRepo(db).lastId(); // what happened before this instance started is old news
    connect(&m_engine, &SessionEngine::sessionEvent, this, [this](const SessionEvent &event) {
        if (!event.relayed)
            send(event);
    });
    listen();
    m_poll.setInterval(kSafetyPollMs);
    connect(&m_poll, &QTimer::timeout, this, &TeamRelay::poll);
    m_poll.start();
}

TeamRelay::~TeamRelay() = default;

// LISTEN on a connection of its own; false (and read every kSafetyPollMs meanwhile) when it cannot.
bool TeamRelay::listen()
{
    m_listener = TeamEventListener::open(m_engine.core().store().db().target());
    if (!m_listener)
        return false;
    connect(m_listener.get(), &TeamEventListener::eventsWritten, this, &TeamRelay::receive);
    connect(m_listener.get(), &TeamEventListener::companyChanged, this, &TeamRelay::reloadCompany);
    connect(m_listener.get(), &TeamEventListener::loginsEnded, this, &TeamRelay::loginsEnded);
    return true;
}

// A company's settings or models changed on some instance: what this one holds of them goes.
void TeamRelay::reloadCompany(const QString &companyId)
{
    EngineCore &core = m_engine.core();
    core.models().forget(companyId);
    if (auto company = core.store().companies().find(companyId))
        core.rememberCompany(*company);
}

// The safety poll: reads what a lost notification did not announce, and listens again on a
// new connection when the old one is gone (the database restarted, the network dropped).
void TeamRelay::poll()
{
    if (m_engine.core().store().db().connectionLost())
        return; // nothing can be read; the store reconnects first
    if (m_listener && !m_listener->alive())
        m_listener.reset();
    if (!m_listener && !listen() && !m_listenWarned) {
        m_listenWarned = true;
        qCWarning(lcTeam) << "cannot listen for the other instances' events; reading them every" << kSafetyPollMs
                          << "ms instead";
    }
    if (m_listener)
        m_listenWarned = false;
    receive();
    emit loginsEnded();
}

void TeamRelay::send(const SessionEvent &event)
{
    m_outgoing << storage::encodeSessionEvent(event);
    if (m_outgoing.size() == 1)
        QTimer::singleShot(0, this, &TeamRelay::sendPending);
}

// The events of one turn of the event loop (many requests' commits) go out in one transaction
// with one NOTIFY: each transaction is a commit and a WAL flush on PostgreSQL.
void TeamRelay::sendPending()
{
    const QList<QByteArray> payloads = std::exchange(m_outgoing, {});
    Store &store = m_engine.core().store();
    const qint64 now = m_engine.clock().nowMs();
    const Status written = store.batch().run([&]() -> Status {
        TeamEventRepo repo(store.db());
        for (const QByteArray &payload : payloads) {
            if (const Status appended = repo.append(m_origin, payload, now); !appended)
                return appended;
        }
        return Ok{};
    });
    if (!written)
        qCWarning(lcTeam).noquote() << payloads.size()
                                    << "events were not passed on to the other instances:" << written.error().message;
}

void TeamRelay::receive()
{
    Store &store = m_engine.core().store();
    TeamEventRepo repo(store.db());
    for (;;) {
        const QList<TeamEventRow> rows = repo.after(m_lastId, kBatchRows);
        for (const TeamEventRow &row : rows) {
            m_lastId = row.id;
            if (row.origin != m_origin)
                deliver(row.payload);
        }
        if (rows.size() < kBatchRows)
            break;
    }
    const qint64 now = m_engine.clock().nowMs();
    // One instance prunes for all: the one running the team's timers.
    if (m_engine.runsTimers() && now - m_lastPruneMs > kKeptMs / 10) {
        m_lastPruneMs = now;
        store.batch().run([&] { return repo.prune(now - kKeptMs) >= 0; });
    }
}

void TeamRelay::deliver(const QByteArray &payload)
{
    auto relayed = storage::decodeSessionEvent(payload);
    if (!relayed) {
        qCWarning(lcTeam) << "an event from another instance could not be read";
        return;
    }
    SessionEvent &event = relayed->event;
    event.relayed = true;
    EngineCore &core = m_engine.core();
    core.forget(event.sessionId); // changed elsewhere: read it again when next needed
    if (relayed->withSession) {
        event.session = core.store().sessions().find(event.sessionId, false);
        if (!event.session)
            return;
    }
    if (relayed->withQueueItem) {
        event.queueItem = m_desk.item(event.sessionId);
        if (!event.queueItem)
            return; // gone from the queue since: a later event says so
    }
    emit m_engine.sessionEvent(event);
}

} // namespace tierdesk::api
