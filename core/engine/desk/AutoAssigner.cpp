#include "core/engine/desk/AutoAssigner.h"

#include "core/engine/desk/Desk.h"
#include "core/engine/desk/DeskRules.h"

#include <QLoggingCategory>

namespace tierdesk {

namespace {

Q_LOGGING_CATEGORY(lcAssign, "tierdesk.desk.assignment")

// Who the audit log names for what a round does.
Actor assignmentActor()
{
    return Actor(QStringLiteral("auto-assignment"), QStringLiteral("system"));
}

bool takesQueue(const Agent &a, const QString &queue)
{
    return a.queues.isEmpty() || a.queues.contains(queue);
}

} // namespace

AutoAssigner::AutoAssigner(Desk &desk, SessionEngine &engine, QObject *parent)
    : QObject(parent), m_desk(desk), m_engine(engine)
{
}

void AutoAssigner::wake(const QString &companyId)
{
    m_waking.insert(companyId);
    if (m_roundPosted)
        return;
    m_roundPosted = true;
    QMetaObject::invokeMethod(this, &AutoAssigner::runRounds, Qt::QueuedConnection);
}

void AutoAssigner::wakeAll()
{
    for (const Company &c : m_engine.companies())
        if (c.config.desk.assignment == Assignment::Automatic)
            wake(c.id);
}

void AutoAssigner::runRounds()
{
    m_roundPosted = false;
    const QSet<QString> companies = std::move(m_waking);
    m_waking.clear();
    for (const QString &companyId : companies)
        assignNow(companyId);
}

int AutoAssigner::assignNow(const QString &companyId)
{
    const auto company = m_engine.company(companyId);
    if (!company || company->config.desk.assignment != Assignment::Automatic || !m_availability)
        return 0;
    Store &store = m_engine.core().store();
    const qint64 now = m_engine.clock().nowMs();
    QList<Agent> people;
    for (const Agent &a : store.agents().list(companyId))
        if (a.active && m_availability->isAvailable(a.id))
            people << a;
    if (people.isEmpty())
        return 0;
    QHash<QString, AgentHolding> held = m_desk.repo().holdings(companyId);
    int given = 0;
    for (const DeskItem &item : m_desk.repo().waiting(companyId, now, kMaxItemsPerRound)) {
        QList<desk::Candidate> candidates;
        for (const Agent &a : std::as_const(people)) {
            if (!takesQueue(a, item.queue))
                continue;
            const AgentHolding h = held.value(a.id);
            candidates.append({a.id, h.open, a.capacity, qMax(h.lastTakenAt, m_lastGiven.value(a.id))});
        }
        const std::optional<int> pick = desk::pickAgent(candidates);
        if (!pick)
            continue; // nobody of this queue has room; another queue's item may still go
        const QString agentId = candidates.at(*pick).agentId;
        if (!m_desk.assign(companyId, item.sessionId, agentId, assignmentActor())) {
            qCWarning(lcAssign, "could not give %s to %s", qPrintable(item.sessionId), qPrintable(agentId));
            continue;
        }
        ++held[agentId].open;
        m_lastGiven.insert(agentId, now);
        ++given;
    }
    return given;
}

int AutoAssigner::giveBack(const QString &companyId, const QString &agentId)
{
    const auto company = m_engine.company(companyId);
    if (!company || company->config.desk.assignment != Assignment::Automatic)
        return 0;
    int released = 0;
    for (const QString &sessionId : m_desk.repo().heldSessions(companyId, agentId))
        if (m_desk.release(companyId, sessionId, assignmentActor()))
            ++released;
    if (released > 0)
        wake(companyId);
    return released;
}

} // namespace tierdesk
