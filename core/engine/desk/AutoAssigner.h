#pragma once

#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>

namespace tierdesk {

class AgentAvailability;
class Desk;
class SessionEngine;

// Automatic assignment (desk.assignment "automatic", docs/api.md "The agent desk"): each waiting
// item, in the queue's order, goes to the available person of its queue with room who holds the
// fewest (desk::pickAgent). Rounds run on the engine thread after the work that asked for them:
// a new escalation, an item released or gone, a person back or given more room. A company asked
// for several times before its round has one round.
class AutoAssigner : public QObject {
public:
    static constexpr int kMaxItemsPerRound = 500;

    AutoAssigner(Desk &desk, SessionEngine &engine, QObject *parent = nullptr);

    void setAvailability(const AgentAvailability *availability) { m_availability = availability; }
    // A round for this company soon (nothing when its assignment is manual).
    void wake(const QString &companyId);
    // A round for every company whose assignment is automatic (the SLA timer's safety net).
    void wakeAll();
    // One round now; returns how many items it gave.
    int assignNow(const QString &companyId);
    // The person went away: what they hold goes back to the queue, and to others (automatic only).
    int giveBack(const QString &companyId, const QString &agentId);

private:
    void runRounds();

    Desk &m_desk;
    SessionEngine &m_engine;
    const AgentAvailability *m_availability = nullptr;
    QSet<QString> m_waking;
    bool m_roundPosted = false;
    QHash<QString, qint64> m_lastGiven; // by agent id: when a round last gave them an item
};

} // namespace tierdesk
