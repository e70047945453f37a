#pragma once

#include "core/common/Result.h"
#include "core/domain/Entities.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

struct SessionFilter {
    QString companyId;
    std::optional<SessionStatus> status;
    std::optional<Tier> tier;
    QString customerId;
    QString contactReason; // the reason for contact kept with the session (analytics' contactReasons)
    qint64 startMs = 0; // inclusive, 0 = open
    qint64 endMs = 0; // inclusive, 0 = open
    int limit = 50;
    int offset = 0;
};

// Which part of a transcript Get Session loads: the `limit` newest messages
// before position `before` (positions count from 0 in transcript order; -1 = the end).
struct MessageWindow {
    static constexpr int kDefaultLimit = 100;
    static constexpr int kMaxLimit = 500;
    int limit = kDefaultLimit;
    int before = -1;
};

class SessionRepo {
public:
    explicit SessionRepo(Database &db) : m_db(db) { }

    Status insert(const Session &s);
    // Writes every mutable column of the session row (not the child rows).
    Status update(const Session &s);
    // The same, given the session as it is stored: when its tier, status and category are
    // unchanged (most messages), the indexes on those are left alone.
    Status update(const Session &s, const Session &stored);
    // Only the message count: a reply stored after the rest of its turn (SessionEngine::finishTurn).
    Status setMessageCount(const QString &id, int count);
    // With `details`, also loads the escalation history, the window's messages
    // (Session::messagesFrom says where they start) and the sentiment readings
    // from the window's first message on (all of them when it starts at 0).
    std::optional<Session> find(const QString &id, bool details, const MessageWindow &window = {});
    Status setMetadata(const QString &id, const QVariantMap &metadata, qint64 updatedAt);
    // Only the issue summary: one written after the turn that asked for it (agent assist at a hand-over).
    Status setIssueSummary(const QString &id, const QString &summary);
    QList<Session> list(const SessionFilter &f, int *total);

    Status appendMessage(const QString &sessionId, int seq, const Message &m);
    Status appendSentiment(const QString &sessionId, const SentimentPoint &p);
    Status appendEscalation(const Session &s, const EscalationRecord &e);

    // Another session of this customer in this category since `sinceMs`.
    // Why the customer got in touch, once a session: the first understood message's intent (later
    // ones change nothing). Analytics' contactReasons.
    Status recordReason(const QString &companyId, const QString &sessionId, const QString &reason,
        IssueCategory category, qint64 nowMs);
    // The customer's sessions about `category` resolved since `resolvedSinceMs` did not hold: they
    // came back (a new session, `excludeSessionId`, about the same reason). Analytics' resolution.
    Status markCameBack(const QString &companyId, const QString &customerId, IssueCategory category,
        qint64 resolvedSinceMs, const QString &excludeSessionId);
    Result<bool> hasRecentContact(const QString &companyId, const QString &customerId, IssueCategory category,
        qint64 sinceMs, const QString &excludeSessionId);
    // Open sessions waiting on the customer whose last activity is before
    // `cutoffMs`. Sessions queued for a person are waiting on us, not them.
    QStringList staleOpenSessions(qint64 cutoffMs, int limit);

    // The `limit` newest of the session's messageCount messages, oldest first: their id, role,
    // words and time (no sentiment or metadata), what a language model is shown.
    QList<Message> lastMessages(const Session &session, int limit);

private:
    void readMessages(Session &s, const MessageWindow &window);
    void readSentiment(Session &s, qint64 sinceMs);
    void readEscalations(Session &s);

    Database &m_db;
};

} // namespace tierdesk
