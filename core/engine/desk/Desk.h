#pragma once

#include "core/domain/SessionFile.h"
#include "core/engine/SessionEngine.h"
#include "core/engine/access/AgentAvailability.h"
#include "core/engine/desk/AutoAssigner.h"
#include "core/store/DeskRepo.h"

#include <QObject>
#include <QTimer>

namespace tierdesk {

struct AgentReply {
    QString content;
    bool internal = false; // a note: role internal_note, for agents and above only
    QString basedOn; // the last message id the person saw; empty: not checked
    bool force = false; // send even if the customer wrote after basedOn
    QList<SessionFile> files; // sent with the reply (SessionFiles::accept); never with a note
};

// A person's refund or credit as Desk::act recorded it: the human_agent message that confirms it
// to the customer (its metadata holds the action as recorded: "action", "actionsTaken") and the
// order it refunded, as it is now.
struct PersonActionDone {
    Message message;
    std::optional<Order> order;
    QStringList moneyActions; // opened at the company's payment provider: settled after the answer's commit
};

// A page of the queue and the counts of every queue (configured ones, and removed ones
// that still hold sessions), by queue name.
struct QueuePage {
    QList<QueueItem> items;
    int total = 0; // items matching the request, beyond the page too
    QMap<QString, QueueCounts> counts;
};

struct QueueRequest {
    QString companyId;
    QString queue;
    std::optional<QString> assignee; // "" = unassigned, an agent id, none = any
    int limit = 100;
    bool snoozed = false; // the items snoozed now instead of the others
};

// The agent desk: the queue of sessions waiting for a person, claims, a
// person's replies and notes, transfers and SLA timers. Lives on the engine
// thread beside the engine; every change goes through the engine's write
// batch and is audited; events are published after commit.
class Desk : public QObject, public DeskHooks {
    Q_OBJECT

public:
    static constexpr int kMaxReplyChars = 4000;
    static constexpr int kMaxQueueLimit = 500;
    static constexpr int kMaxActionReasonChars = 500;
    static constexpr qint64 kMaxSnoozeMs = 30LL * 86400000; // a snooze ends within 30 days

    explicit Desk(SessionEngine &engine, QObject *parent = nullptr);
    ~Desk() override;

    DeskRepo &repo() { return m_repo; }
    void setAvailability(const AgentAvailability *availability)
    {
        m_availability = availability;
        m_assigner.setAvailability(availability);
    }
    // Automatic assignment (desk.assignment "automatic"): woken by the desk's own changes, and
    // by presence and agent changes from outside (Runtime wires those).
    AutoAssigner &assigner() { return m_assigner; }
    // Whether a person who takes this queue is available now (false without availability).
    bool anyAgentAvailable(const QString &companyId, const QString &queue) const
    {
        return m_availability && m_availability->anyAvailable(companyId, queue);
    }
    // Re-evaluates SLA states every `intervalMs` on the engine's clock.
    void startSlaTimer(int intervalMs);
    void stopSlaTimer() { m_slaTimer.stop(); }
    // Moves items ok -> warning -> breached as due times pass; returns how many changed.
    int evaluateSla();

    Result<QueuePage> queue(const QueueRequest &request, const Actor &actor);
    // The supervisor's live view: per queue what waits and how long, what is at risk or
    // breached and the SLA attainment since midnight (UTC); and the sessions each person holds.
    Result<QJsonObject> overview(const QString &companyId);
    Result<Session> claim(const QString &companyId, const QString &sessionId, const Actor &actor);
    Result<Session> release(const QString &companyId, const QString &sessionId, const Actor &actor);
    Result<Session> assign(
        const QString &companyId, const QString &sessionId, const QString &agentId, const Actor &actor);
    // A supervisor (or an API client acting as one) sets a queued session's priority; audited as desk.priority.
    // `retarget`: the SLA's due times follow the new priority (an item just queued by an API
    // that names its priority); otherwise they stay as they were when it was queued.
    Result<Session> setPriority(const QString &companyId, const QString &sessionId, Priority priority,
        const Actor &actor, bool retarget = false);
    Result<Message> reply(
        const QString &companyId, const QString &sessionId, const AgentReply &reply, const Actor &actor);
    Result<Session> transfer(const QString &companyId, const QString &sessionId, Tier target, const QString &queue,
        const QString &notes, const Actor &actor);
    // A person's refund or credit (DeskActions.cpp): within the HUMAN_AGENT tier's
    // capabilities and what is owed, written to the ledger and the audit log as
    // theirs, confirmed to the customer by a human_agent message.
    Result<PersonActionDone> act(
        const QString &companyId, const QString &sessionId, AgentAction action, const Actor &actor);

    // Holder or supervisor+: the item leaves the queue's items until `untilMs` (epoch ms, within
    // kMaxSnoozeMs) or the customer's next message (DeskSnooze.cpp); audited as desk.snooze.
    Result<Session> snooze(const QString &companyId, const QString &sessionId, qint64 untilMs, const Actor &actor);
    // Snoozes that ended by now come back to the queue (the SLA timer's round); returns how many.
    int wakeSnoozed();

    // The goodbye a person's resolve sends by default, worded in the company's language.
    QString closingMessage(const QString &companyId, const QString &subject);
    // The same for one of the company's sessions (NotFound when it is not theirs).
    Result<QString> closingMessage(const QString &companyId, const QString &sessionId, const Actor &actor);
    // Colleagues named in a person's note (DeskMentions.cpp): the caller's own, newest first.
    QList<Mention> mentions(const QString &companyId, const Actor &actor, bool unreadOnly, int limit);
    // Marks one of the caller's mentions read; NotFound when it is not theirs.
    Result<Mention> readMention(const QString &companyId, const QString &mentionId, const Actor &actor);
    // The queue item of an open session (for GET session), or none.
    std::optional<QueueItem> item(const QString &sessionId);
    // Whether `subject` is a person of this company (an agent id): people
    // answer with agent-messages, never as the customer.
    bool isAgent(const QString &companyId, const QString &subject);
    int activeSessions(const QString &companyId, const QString &agentId) { return m_repo.heldBy(companyId, agentId); }

    // DeskHooks
    bool queued(const Session &s, const EscalationRecord &e, qint64 now) override;
    QString handoverNote(const Session &s, const Company &company) override;
    void customerWrote(const Session &s) override;
    void summaryWritten(const Session &s) override;
    bool resolving(Session &s, const Actor &actor, qint64 now, const std::optional<QString> &closingMessage) override;

signals:
    // A session entered a queue and the company's tiers.humanAgent.notifyOnEscalation
    // is on (e-mail to the queue's address; data: the QueueItem). After commit.
    void escalationQueued(const QString &companyId, const tierdesk::QueueItem &item);
    // An escalation (not a transfer) brought the session to a person. After commit.
    void escalatedToPerson(const QString &companyId, const QString &sessionId);
    // A person's reply (not a note) is stored in the customer's conversation (its batch may not be
    // committed yet: work done on it joins that batch).
    void personReplied(const tierdesk::Session &session, const tierdesk::Message &message);

private:
    struct Held {
        Session session;
        DeskItem item;
    };
    // An open human-tier session with its item, or NotInQueue.
    Result<Held> open(const QString &companyId, const QString &sessionId, const Actor &actor);
    // Holder or supervisor+, else NotClaimedByYou.
    Status mayAct(const Held &h, const Actor &actor) const;
    // NotClaimedByYou naming the holder (or null when nobody holds it).
    static Error notYours(const Held &h);
    // In the reply's batch: the session nobody held becomes the replier's (audited as desk.claim).
    bool claimByReply(const Held &h, const Actor &actor, qint64 now);
    // StaleReply when the customer wrote after reply.basedOn (unless forced), InvalidArgument for an
    // unknown id.
    Status checkSeen(const QString &sessionId, const AgentReply &reply);
    static bool isSupervisor(const Actor &actor);
    QString nameOf(const QString &companyId, const QString &subject);
    // The row as the desk serves it, read now.
    QueueItem served(const QueueRow &row) const;
    Result<Session> changed(const Held &h, const Actor &actor, const QString &action, const QJsonObject &details,
        const std::function<Status()> &work);
    // A queue event after commit, built then: "queue.added" / "queue.updated" / "sla.*" carry the
    // QueueItem, "queue.removed" {"sessionId"}.
    void publishQueue(const QString &companyId, const QString &sessionId, SessionEventType type);
    void publishMessage(const Session &s, const Message &m, bool internal);
    // Stores who a note names (inside the note's batch), for publishMentions after it commits.
    bool storeMentions(const Session &s, const Message &note, const Actor &actor, QList<Mention> *stored);
    void publishMentions(const Session &s, const QList<Mention> &mentions);
    Result<Session> reload(const QString &companyId, const QString &sessionId);
    // Back in the queue's items if it was snoozed (queue.added); false when it was not.
    bool wake(const QString &sessionId, qint64 now);

    SessionEngine &m_engine;
    DeskRepo m_repo;
    const AgentAvailability *m_availability = nullptr;
    AutoAssigner m_assigner{*this, m_engine};
    QTimer m_slaTimer;
};

} // namespace tierdesk
