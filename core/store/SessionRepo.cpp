#include "core/store/SessionRepo.h"

#include "core/common/JsonWriter.h"
#include "core/store/MessageMetaCodec.h"
#include "core/store/ModelUsageRepo.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk {
namespace {

const QString kSessionColumns = QStringLiteral(
    "id, company_id, customer_id, channel, current_tier, status, issue_category, issue_summary, customer_sentiment,"
    " metadata, created_at, updated_at, last_activity_at, resolved_at, resolution, irate_count, unconfident_turns,"
    " message_count");

QString compact(const QJsonObject &o)
{
    return QString::fromUtf8(compactJson(o));
}

// A message's metadata column: none, or its text.
QVariant metadataColumn(const Message &m)
{
    if (m.meta.isEmpty())
        return QVariant();
    return QString::fromUtf8(storage::encodeMessageMeta(m.meta));
}

QVariant resolutionColumn(const Session &s)
{
    if (!s.resolution)
        return QVariant();
    const Resolution &r = *s.resolution;
    QJsonObject json{{QStringLiteral("type"), toString(r.type)}, {QStringLiteral("summary"), r.summary},
        {QStringLiteral("actionsTaken"), QJsonArray::fromStringList(r.actionsTaken)},
        {QStringLiteral("followUpRequired"), r.followUpRequired},
        {QStringLiteral("resolvedBy"),
            QJsonObject{{QStringLiteral("id"), r.resolvedById}, {QStringLiteral("name"), r.resolvedByName}}}};
    if (!r.heldById.isEmpty())
        json.insert(QStringLiteral("heldBy"),
            QJsonObject{{QStringLiteral("id"), r.heldById}, {QStringLiteral("name"), r.heldByName}});
    return compact(json);
}

QVariant categoryColumn(const Session &s)
{
    return s.issueCategory ? QVariant(toString(*s.issueCategory)) : QVariant();
}

Session readSession(const QSqlQuery &q)
{
    Session s;
    s.id = q.value(0).toString();
    s.companyId = q.value(1).toString();
    s.customerId = q.value(2).toString();
    s.channel = parse<Channel>(q.value(3).toString()).value_or(Channel::Chat);
    s.currentTier = parse<Tier>(q.value(4).toString()).value_or(Tier::AiRep);
    s.status = parse<SessionStatus>(q.value(5).toString()).value_or(SessionStatus::Active);
    if (!q.value(6).isNull())
        s.issueCategory = parse<IssueCategory>(q.value(6).toString());
    s.issueSummary = q.value(7).toString();
    s.customerSentiment = parse<Sentiment>(q.value(8).toString()).value_or(Sentiment::Neutral);
    s.metadata = QJsonDocument::fromJson(q.value(9).toByteArray()).object().toVariantMap();
    s.createdAt = q.value(10).toLongLong();
    s.updatedAt = q.value(11).toLongLong();
    s.lastActivityAt = q.value(12).toLongLong();
    s.resolvedAt = q.value(13).toLongLong();
    if (!q.value(14).isNull()) {
        const QJsonObject r = QJsonDocument::fromJson(q.value(14).toByteArray()).object();
        Resolution res;
        res.type
            = parse<ResolutionType>(r.value(QLatin1String("type")).toString()).value_or(ResolutionType::Unresolved);
        res.summary = r.value(QLatin1String("summary")).toString();
        for (const QJsonValue &a : r.value(QLatin1String("actionsTaken")).toArray())
            res.actionsTaken << a.toString();
        res.followUpRequired = r.value(QLatin1String("followUpRequired")).toBool();
        const QJsonObject by = r.value(QLatin1String("resolvedBy")).toObject();
        res.resolvedById = by.value(QLatin1String("id")).toString();
        res.resolvedByName = by.value(QLatin1String("name")).toString();
        const QJsonObject held = r.value(QLatin1String("heldBy")).toObject();
        res.heldById = held.value(QLatin1String("id")).toString();
        res.heldByName = held.value(QLatin1String("name")).toString();
        s.resolution = res;
    }
    s.irateCount = q.value(15).toInt();
    s.unconfidentTurns = q.value(16).toInt();
    s.messageCount = q.value(17).toInt();
    return s;
}

} // namespace

Status SessionRepo::insert(const Session &s)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("INSERT INTO sessions(") + kSessionColumns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    return m_db.status(m_db.exec(q,
        {s.id, s.companyId, s.customerId, toString(s.channel), toString(s.currentTier), toString(s.status),
            categoryColumn(s), s.issueSummary, toString(s.customerSentiment),
            compact(QJsonObject::fromVariantMap(s.metadata)), s.createdAt, s.updatedAt, s.lastActivityAt, s.resolvedAt,
            resolutionColumn(s), s.irateCount, s.unconfidentTurns, s.messageCount}));
}

Status SessionRepo::setMetadata(const QString &id, const QVariantMap &metadata, qint64 updatedAt)
{
    return m_db.status(m_db.write(QStringLiteral("UPDATE sessions SET metadata = ?, updated_at = ? WHERE id = ?"),
        {compact(QJsonObject::fromVariantMap(metadata)), updatedAt, id}));
}

Status SessionRepo::update(const Session &s)
{
    return m_db.status(
        m_db.write(QStringLiteral("UPDATE sessions SET current_tier = ?, status = ?, issue_category = ?, "
                                  "issue_summary = ?, customer_sentiment = ?,"
                                  " updated_at = ?, last_activity_at = ?, resolved_at = ?, resolution = ?, "
                                  "irate_count = ?, unconfident_turns = ?,"
                                  " message_count = ? WHERE id = ?"),
            {toString(s.currentTier), toString(s.status), categoryColumn(s), s.issueSummary,
                toString(s.customerSentiment), s.updatedAt, s.lastActivityAt, s.resolvedAt, resolutionColumn(s),
                s.irateCount, s.unconfidentTurns, s.messageCount, s.id}));
}

namespace {

Error changedElsewhere(const QString &sessionId)
{
    return makeError(ErrorKind::Conflict,
        QStringLiteral("The session changed on another server meanwhile; send it again"),
        {{QStringLiteral("sessionId"), sessionId}});
}

// Team mode: another instance may have written the session since this one read it (a message,
// a reply): the UPDATE holds only if the row still has the messages it had then. Not on SQLite,
// where one process writes and its reads are current.
Status updateIfUnchanged(Database &db, const Session &s, int storedMessageCount)
{
    QSqlQuery &q = db.statement(QStringLiteral(
        "UPDATE sessions SET current_tier = ?, status = ?, issue_category = ?, issue_summary = ?,"
        " customer_sentiment = ?, updated_at = ?, last_activity_at = ?, resolved_at = ?, resolution = ?,"
        " irate_count = ?, unconfident_turns = ?, message_count = ? WHERE id = ? AND message_count = ?"));
    if (!db.exec(q,
            {toString(s.currentTier), toString(s.status), categoryColumn(s), s.issueSummary,
                toString(s.customerSentiment), s.updatedAt, s.lastActivityAt, s.resolvedAt, resolutionColumn(s),
                s.irateCount, s.unconfidentTurns, s.messageCount, s.id, storedMessageCount}))
        return db.lastFailure();
    if (q.numRowsAffected() == 0)
        return changedElsewhere(s.id);
    return Ok{};
}

} // namespace

Status SessionRepo::update(const Session &s, const Session &stored)
{
    if (m_db.postgres())
        return updateIfUnchanged(m_db, s, stored.messageCount);
    // The indexed columns that change (sessions_by_customer, sessions_open); SQLite rewrites
    // an index entry whenever a column of it is assigned, even to the same value.
    const bool placed
        = s.currentTier == stored.currentTier && s.status == stored.status && s.issueCategory == stored.issueCategory;
    if (!placed)
        return update(s);
    return m_db.status(
        m_db.write(QStringLiteral("UPDATE sessions SET issue_summary = ?, customer_sentiment = ?, updated_at = ?,"
                                  " last_activity_at = ?, resolved_at = ?, resolution = ?, irate_count = ?,"
                                  " unconfident_turns = ?, message_count = ? WHERE id = ?"),
            {s.issueSummary, toString(s.customerSentiment), s.updatedAt, s.lastActivityAt, s.resolvedAt,
                resolutionColumn(s), s.irateCount, s.unconfidentTurns, s.messageCount, s.id}));
}

Status SessionRepo::setIssueSummary(const QString &id, const QString &summary)
{
    return m_db.status(m_db.write(QStringLiteral("UPDATE sessions SET issue_summary = ? WHERE id = ?"), {summary, id}));
}

Status SessionRepo::setMessageCount(const QString &id, int count)
{
    if (m_db.postgres()) { // one message more than when it was read, or another instance wrote meanwhile
        QSqlQuery &q = m_db.statement(
            QStringLiteral("UPDATE sessions SET message_count = ? WHERE id = ? AND message_count = ?"));
        if (!m_db.exec(q, {count, id, count - 1}))
            return m_db.lastFailure();
        return q.numRowsAffected() == 0 ? Status(changedElsewhere(id)) : Status(Ok{});
    }
    return m_db.status(m_db.write(QStringLiteral("UPDATE sessions SET message_count = ? WHERE id = ?"), {count, id}));
}

std::optional<Session> SessionRepo::find(const QString &id, bool details, const MessageWindow &window)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT ") + kSessionColumns + QStringLiteral(" FROM sessions WHERE id = ?"));
    if (!m_db.exec(q, {id}))
        return std::nullopt;
    if (!q.next()) {
        q.finish();
        return std::nullopt;
    }
    Session s = readSession(q);
    q.finish();
    if (details) {
        readMessages(s, window);
        // A window that starts past the first message carries the readings of its own time only.
        readSentiment(s, s.messagesFrom > 0 && !s.messages.isEmpty() ? s.messages.first().timestamp : 0);
        readEscalations(s);
    }
    return s;
}

QList<Message> SessionRepo::lastMessages(const Session &session, int limit)
{
    // Read on every turn a model words: the words only (their metadata is JSON to decode, unused).
    QList<Message> out;
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT id, role, content, timestamp FROM messages"
                                                 " WHERE session_id = ? AND seq >= ? AND seq < ? ORDER BY seq"));
    if (!m_db.exec(q, {session.id, qMax(0, session.messageCount - qMax(0, limit)), session.messageCount}))
        return out;
    while (q.next()) {
        Message m;
        m.id = q.value(0).toString();
        m.role = q.value(1).toString();
        m.content = q.value(2).toString();
        m.timestamp = q.value(3).toLongLong();
        out << m;
    }
    q.finish();
    return out;
}

void SessionRepo::readMessages(Session &s, const MessageWindow &window)
{
    const int end = window.before < 0 ? s.messageCount : qMin(window.before, s.messageCount);
    s.messagesFrom = qMax(0, end - qMax(0, window.limit));
    QSqlQuery &mq
        = m_db.statement(QStringLiteral("SELECT id, role, content, timestamp, sentiment, metadata FROM messages"
                                        " WHERE session_id = ? AND seq >= ? AND seq < ? ORDER BY seq"));
    if (!m_db.exec(mq, {s.id, s.messagesFrom, end}))
        return;
    while (mq.next()) {
        Message m;
        m.id = mq.value(0).toString();
        m.role = mq.value(1).toString();
        m.content = mq.value(2).toString();
        m.timestamp = mq.value(3).toLongLong();
        if (!mq.value(4).isNull())
            m.sentiment = parse<Sentiment>(mq.value(4).toString());
        if (!mq.value(5).isNull())
            m.meta = storage::decodeMessageMeta(mq.value(5).toByteArray());
        s.messages << m;
    }
    mq.finish();
}

void SessionRepo::readSentiment(Session &s, qint64 sinceMs)
{
    // rowid orders the readings as they were written (PostgreSQL: a column of that name).
    QSqlQuery &sq = m_db.statement(QStringLiteral("SELECT sentiment, score, timestamp, trigger FROM sentiment_points"
                                                  " WHERE session_id = ? AND timestamp >= ? ORDER BY rowid"));
    if (!m_db.exec(sq, {s.id, sinceMs}))
        return;
    while (sq.next()) {
        SentimentPoint p;
        p.sentiment = parse<Sentiment>(sq.value(0).toString()).value_or(Sentiment::Neutral);
        p.score = sq.value(1).toDouble();
        p.timestamp = sq.value(2).toLongLong();
        p.trigger = sq.value(3).toString();
        s.sentimentHistory << p;
    }
    sq.finish();
}

void SessionRepo::readEscalations(Session &s)
{
    // rowid orders the escalations as they were written (PostgreSQL: a column of that name).
    QSqlQuery &eq = m_db.statement(QStringLiteral("SELECT from_tier, to_tier, reason, timestamp, notes, automatic, "
                                                  "transfer FROM escalations WHERE session_id = ? ORDER BY rowid"));
    if (!m_db.exec(eq, {s.id}))
        return;
    while (eq.next()) {
        EscalationRecord e;
        e.fromTier = parse<Tier>(eq.value(0).toString()).value_or(Tier::AiRep);
        e.toTier = parse<Tier>(eq.value(1).toString()).value_or(Tier::AiManager);
        e.reason = parse<EscalationReason>(eq.value(2).toString()).value_or(EscalationReason::ComplexIssue);
        e.timestamp = eq.value(3).toLongLong();
        e.notes = eq.value(4).toString();
        e.automatic = eq.value(5).toInt() != 0;
        e.transfer = eq.value(6).toInt() != 0;
        s.escalationHistory << e;
    }
    eq.finish();
}

QList<Session> SessionRepo::list(const SessionFilter &f, int *total)
{
    QString where = QStringLiteral(" WHERE company_id = ?");
    QVariantList binds{f.companyId};
    if (f.status) {
        where += QStringLiteral(" AND status = ?");
        binds << toString(*f.status);
    }
    if (f.tier) {
        where += QStringLiteral(" AND current_tier = ?");
        binds << toString(*f.tier);
    }
    if (!f.customerId.isEmpty()) {
        where += QStringLiteral(" AND customer_id = ?");
        binds << f.customerId;
    }
    if (!f.contactReason.isEmpty()) {
        where += QStringLiteral(
            " AND id IN (SELECT session_id FROM session_reasons WHERE company_id = ? AND reason = ?)");
        binds << f.companyId << f.contactReason;
    }
    if (f.startMs > 0) {
        where += QStringLiteral(" AND created_at >= ?");
        binds << f.startMs;
    }
    if (f.endMs > 0) {
        where += QStringLiteral(" AND created_at <= ?");
        binds << f.endMs;
    }
    QList<Session> out;
    QSqlQuery count(m_db.handle());
    count.prepare(QStringLiteral("SELECT COUNT(*) FROM sessions") + where);
    for (int i = 0; i < binds.size(); ++i)
        count.bindValue(i, binds.at(i));
    if (total)
        *total = (count.exec() && count.next()) ? count.value(0).toInt() : 0;

    QSqlQuery q(m_db.handle());
    q.prepare(QStringLiteral("SELECT ") + kSessionColumns + QStringLiteral(" FROM sessions") + where
        + QStringLiteral(" ORDER BY created_at DESC, id LIMIT ? OFFSET ?"));
    int i = 0;
    for (; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    q.bindValue(i++, f.limit);
    q.bindValue(i, f.offset);
    if (!q.exec())
        return out;
    while (q.next())
        out << readSession(q);
    return out;
}

Status SessionRepo::appendMessage(const QString &sessionId, int seq, const Message &m)
{
    const bool stored
        = m_db.write(QStringLiteral("INSERT INTO messages(id, session_id, seq, role, content, timestamp, sentiment, "
                                    "metadata) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
            {m.id, sessionId, seq, m.role, m.content, m.timestamp,
                m.sentiment ? QVariant(toString(*m.sentiment)) : QVariant(), metadataColumn(m)});
    if (!stored || !m.meta.ai || m.meta.ai->charge.calls <= 0)
        return m_db.status(stored);
    // The reply's model calls, for analytics' cost and /api/metrics, in the message's transaction.
    return ModelUsageRepo(m_db).recordReply(sessionId, m.id, m.role.toUpper(), m.meta.ai->charge, m.timestamp);
}

Status SessionRepo::appendSentiment(const QString &sessionId, const SentimentPoint &p)
{
    return m_db.status(m_db.write(
        QStringLiteral(
            "INSERT INTO sentiment_points(session_id, sentiment, score, timestamp, trigger) VALUES (?, ?, ?, ?, ?)"),
        {sessionId, toString(p.sentiment), p.score, p.timestamp, p.trigger}));
}

Status SessionRepo::appendEscalation(const Session &s, const EscalationRecord &e)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("INSERT INTO escalations(session_id, company_id, from_tier, to_tier, "
                                                 "reason, timestamp, notes, automatic, transfer)"
                                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    return m_db.status(m_db.exec(q,
        {s.id, s.companyId, toString(e.fromTier), toString(e.toTier), toString(e.reason), e.timestamp, e.notes,
            e.automatic ? 1 : 0, e.transfer ? 1 : 0}));
}

Result<bool> SessionRepo::hasRecentContact(const QString &companyId, const QString &customerId, IssueCategory category,
    qint64 sinceMs, const QString &excludeSessionId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT 1 FROM sessions WHERE company_id = ? AND customer_id = ? AND issue_category = ? AND created_at >= ?"
        " AND id <> ? LIMIT 1"));
    if (!m_db.exec(q, {companyId, customerId, toString(category), sinceMs, excludeSessionId}))
        return m_db.lastFailure();
    const bool found = q.next();
    q.finish();
    return found;
}

Status SessionRepo::recordReason(
    const QString &companyId, const QString &sessionId, const QString &reason, IssueCategory category, qint64 nowMs)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO session_reasons(session_id, company_id, reason, category, created_at)"
                       " VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    return m_db.status(m_db.exec(q, {sessionId, companyId, reason.left(100), toString(category), nowMs}));
}

Status SessionRepo::markCameBack(const QString &companyId, const QString &customerId, IssueCategory category,
    qint64 resolvedSinceMs, const QString &excludeSessionId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "UPDATE sessions SET came_back = 1 WHERE company_id = ? AND customer_id = ? AND issue_category = ?"
        " AND status = 'RESOLVED' AND resolved_at >= ? AND id <> ? AND came_back = 0"));
    return m_db.status(m_db.exec(q, {companyId, customerId, toString(category), resolvedSinceMs, excludeSessionId}));
}

QStringList SessionRepo::staleOpenSessions(qint64 cutoffMs, int limit)
{
    QStringList out;
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT id FROM sessions WHERE status IN ('ACTIVE', 'WAITING_CUSTOMER', 'ESCALATED')"
                       " AND NOT (status = 'ESCALATED' AND current_tier = 'HUMAN_AGENT') AND last_activity_at < ?"
                       " ORDER BY last_activity_at LIMIT ?"));
    if (!m_db.exec(q, {cutoffMs, limit}))
        return out;
    while (q.next())
        out << q.value(0).toString();
    q.finish();
    return out;
}

} // namespace tierdesk
