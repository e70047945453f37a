#include "core/store/DeskRepo.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>

namespace tierdesk {
namespace {

const QString kDeskColumns = QStringLiteral(
    "d.session_id, d.company_id, d.queue, d.priority, d.reason, d.from_tier, d.queued_at, d.assignee_id, "
    "d.assignee_name,"
    " d.claimed_at, d.first_response_due, d.resolution_due, d.first_response_at, d.sla_state, d.updated_at,"
    " d.snoozed_until");

// What the queue view shows besides the item (columns 16..25); the last message's three
// columns packed into one JSON object.
QString rowColumns(const SqlDialect &sql)
{
    return QStringLiteral(
               ", s.status, s.channel, s.customer_sentiment, s.issue_category, s.issue_summary, s.customer_id,"
               " coalesce(c.name, ''), coalesce(c.tier, 'STANDARD'), coalesce(c.is_vip, 0), (SELECT ")
        + sql.jsonObject(QStringLiteral("'role', m.role, 'content', m.content, 'timestamp', m.timestamp"))
        + QStringLiteral(" FROM messages m WHERE m.session_id = d.session_id AND m.role <> 'internal_note'"
                         " ORDER BY m.seq DESC LIMIT 1)"
                         " FROM desk_items d JOIN sessions s ON s.id = d.session_id"
                         " LEFT JOIN customers c ON c.company_id = s.company_id AND c.id = s.customer_id");
}

// ?1 company, ?2 queue ('' = all), ?3 assignee mode (0 any, 1 nobody, 2 one agent), ?4 that agent,
// ?5 snoozed mode (0 awake at ?6, 1 snoozed at ?6, 2 either).
const QString kFilter
    = QStringLiteral(" WHERE d.company_id = ? AND (? = '' OR d.queue = ?)"
                     " AND (? = 0 OR (? = 1 AND d.assignee_id IS NULL) OR (? = 2 AND d.assignee_id = ?))"
                     " AND (? = 2 OR (? = 0) = (d.snoozed_until <= ?))");

DeskItem readItem(const QSqlQuery &q)
{
    DeskItem d;
    d.sessionId = q.value(0).toString();
    d.companyId = q.value(1).toString();
    d.queue = q.value(2).toString();
    d.priority = static_cast<Priority>(qBound(0, q.value(3).toInt(), 3));
    d.reason = parse<EscalationReason>(q.value(4).toString()).value_or(EscalationReason::CustomerRequest);
    d.fromTier = parse<Tier>(q.value(5).toString()).value_or(Tier::AiRep);
    d.queuedAt = q.value(6).toLongLong();
    d.assigneeId = q.value(7).toString();
    d.assigneeName = q.value(8).toString();
    d.claimedAt = q.value(9).toLongLong();
    d.firstResponseDue = q.value(10).toLongLong();
    d.resolutionDue = q.value(11).toLongLong();
    d.firstResponseAt = q.value(12).toLongLong();
    d.sla = parseSlaState(q.value(13).toString()).value_or(SlaState::Ok);
    d.updatedAt = q.value(14).toLongLong();
    d.snoozedUntil = q.value(15).toLongLong();
    return d;
}

// The last message as rowColumns(m_db.dialect()) reads it: a JSON object, or nothing.
std::optional<DeskMessage> lastMessageOf(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (o.isEmpty())
        return std::nullopt;
    return DeskMessage{QString(), o.value(QLatin1String("role")).toString(),
        o.value(QLatin1String("content")).toString(), qint64(o.value(QLatin1String("timestamp")).toDouble())};
}

QueueRow readQueueRow(const QSqlQuery &q)
{
    QueueRow r;
    r.item = readItem(q);
    r.status = q.value(16).toString();
    r.channel = q.value(17).toString();
    r.sentiment = q.value(18).toString();
    r.issueCategory = q.value(19).toString();
    r.issueSummary = q.value(20).toString();
    r.customerId = q.value(21).toString();
    r.customerName = q.value(22).toString();
    r.customerTier = q.value(23).toString();
    r.customerVip = q.value(24).toInt() != 0;
    r.lastMessage = lastMessageOf(q.value(25).toByteArray());
    return r;
}

} // namespace

Status DeskRepo::put(const DeskItem &d)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "INSERT INTO desk_items(session_id, company_id, queue, priority, reason, from_tier, queued_at,"
        " assignee_id, assignee_name, claimed_at, first_response_due, resolution_due, first_response_at, sla_state, "
        "updated_at, snoozed_until)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id) DO UPDATE SET"
        " company_id = excluded.company_id, queue = excluded.queue, priority = excluded.priority,"
        " reason = excluded.reason, from_tier = excluded.from_tier, queued_at = excluded.queued_at,"
        " assignee_id = excluded.assignee_id, assignee_name = excluded.assignee_name,"
        " claimed_at = excluded.claimed_at, first_response_due = excluded.first_response_due,"
        " resolution_due = excluded.resolution_due, first_response_at = excluded.first_response_at,"
        " sla_state = excluded.sla_state, updated_at = excluded.updated_at, snoozed_until = excluded.snoozed_until"));
    return m_db.status(m_db.exec(q,
        {d.sessionId, d.companyId, d.queue, static_cast<int>(d.priority), toString(d.reason), toString(d.fromTier),
            d.queuedAt, d.assigneeId.isEmpty() ? QVariant() : QVariant(d.assigneeId), d.assigneeName, d.claimedAt,
            d.firstResponseDue, d.resolutionDue, d.firstResponseAt, toString(d.sla), d.updatedAt, d.snoozedUntil}));
}

std::optional<DeskItem> DeskRepo::find(const QString &sessionId)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT %1 FROM desk_items d WHERE d.session_id = ?").arg(kDeskColumns));
    if (!m_db.exec(q, {sessionId}))
        return std::nullopt;
    std::optional<DeskItem> out;
    if (q.next())
        out = readItem(q);
    q.finish();
    return out;
}

Status DeskRepo::remove(const QString &sessionId, qint64 now)
{
    return m_db.status(
        m_db.exec(m_db.statement(QStringLiteral("INSERT INTO desk_outcomes(company_id, queue, session_id, at, met)"
                                                " SELECT company_id, queue, session_id, ?, 1 FROM desk_items WHERE "
                                                "session_id = ? AND sla_state <> 'breached'")),
            {now, sessionId})
        && m_db.exec(
            m_db.statement(QStringLiteral(
                "INSERT INTO desk_history(company_id, queue, session_id, queued_at, first_response_at, left_at, "
                "breached)"
                " SELECT company_id, queue, session_id, queued_at, first_response_at, ?, CASE WHEN sla_state = "
                "'breached' THEN 1 ELSE 0 END"
                " FROM desk_items WHERE session_id = ?")),
            {now, sessionId})
        && m_db.exec(m_db.statement(QStringLiteral("DELETE FROM desk_items WHERE session_id = ?")), {sessionId}));
}

Status DeskRepo::claim(const QString &sessionId, const QString &agentId, const QString &agentName, qint64 now)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE desk_items SET assignee_id = ?, assignee_name = ?, claimed_at = ?, updated_at = ?"
                       " WHERE session_id = ? AND (assignee_id IS NULL OR assignee_id = ?)"));
    return m_db.oneRow(m_db.exec(q, {agentId, agentName, now, now, sessionId, agentId}), q);
}

Status DeskRepo::setAssignee(const QString &sessionId, const QString &agentId, const QString &agentName, qint64 now)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("UPDATE desk_items SET assignee_id = ?, assignee_name = ?, claimed_at "
                                                 "= ?, updated_at = ? WHERE session_id = ?"));
    return m_db.status(m_db.exec(q,
        {agentId.isEmpty() ? QVariant() : QVariant(agentId), agentName, agentId.isEmpty() ? 0 : now, now, sessionId}));
}

Status DeskRepo::setFirstResponse(const QString &sessionId, qint64 at)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "UPDATE desk_items SET first_response_at = ?, updated_at = ? WHERE session_id = ? AND first_response_at = 0"));
    return m_db.status(m_db.exec(q, {at, at, sessionId}));
}

Status DeskRepo::setSla(const QString &sessionId, SlaState state, qint64 now)
{
    if (state == SlaState::Breached
        && !m_db.exec(m_db.statement(QStringLiteral("INSERT INTO desk_outcomes(company_id, queue, session_id, at, met)"
                                                    " SELECT company_id, queue, session_id, ?, 0 FROM desk_items WHERE "
                                                    "session_id = ? AND sla_state <> 'breached'")),
            {now, sessionId}))
        return m_db.lastFailure();
    QSqlQuery &q
        = m_db.statement(QStringLiteral("UPDATE desk_items SET sla_state = ?, updated_at = ? WHERE session_id = ?"));
    return m_db.status(m_db.exec(q, {toString(state), now, sessionId}));
}

QList<QueueRow> DeskRepo::list(const QueueFilter &f, int *total)
{
    const int mode = !f.assignee ? 0 : f.assignee->isEmpty() ? 1 : 2;
    const QString agent = f.assignee.value_or(QString());
    const int snoozed = static_cast<int>(f.snoozed);
    if (total) {
        QSqlQuery &c = m_db.statement(QStringLiteral("SELECT count(*) FROM desk_items d") + kFilter);
        *total
            = m_db.exec(c, {f.companyId, f.queue, f.queue, mode, mode, mode, agent, snoozed, snoozed, f.at}) && c.next()
            ? c.value(0).toInt()
            : 0;
        c.finish();
    }
    const QString preferred = QLatin1Char(',') + f.preferredQueues.join(QLatin1Char(',')) + QLatin1Char(',');
    // The preferred queues first: their names found in ",a,b,".
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kDeskColumns + rowColumns(m_db.dialect()) + kFilter
        + QStringLiteral(" ORDER BY (d.sla_state = 'breached') DESC, ")
        + m_db.dialect().position(QStringLiteral("?"), QStringLiteral("',' || d.queue || ','"))
        + QStringLiteral(" = 0, d.priority, d.queued_at, d.session_id LIMIT ?"));
    QList<QueueRow> out;
    if (!m_db.exec(
            q, {f.companyId, f.queue, f.queue, mode, mode, mode, agent, snoozed, snoozed, f.at, preferred, f.limit}))
        return out;
    while (q.next())
        out << readQueueRow(q);
    q.finish();
    return out;
}

std::optional<QueueRow> DeskRepo::row(const QString &sessionId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kDeskColumns + rowColumns(m_db.dialect())
        + QStringLiteral(" WHERE d.session_id = ?"));
    if (!m_db.exec(q, {sessionId}))
        return std::nullopt;
    std::optional<QueueRow> out;
    if (q.next())
        out = readQueueRow(q);
    q.finish();
    return out;
}

QHash<QString, QueueCounts> DeskRepo::counts(const QString &companyId, qint64 sinceMs)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT queue, sum(CASE WHEN assignee_id IS NULL THEN 1 ELSE 0 END),"
        " sum(CASE WHEN assignee_id IS NOT NULL THEN 1 ELSE 0 END), sum(CASE WHEN sla_state = 'breached' THEN 1 ELSE 0 "
        "END),"
        " sum(CASE WHEN sla_state = 'warning' THEN 1 ELSE 0 END), min(CASE WHEN assignee_id IS NULL THEN queued_at END)"
        " FROM desk_items WHERE company_id = ? GROUP BY queue"));
    QHash<QString, QueueCounts> out;
    if (!m_db.exec(q, {companyId}))
        return out;
    while (q.next())
        out.insert(q.value(0).toString(),
            QueueCounts{q.value(1).toInt(), q.value(2).toInt(), q.value(3).toInt(), q.value(4).toInt(),
                q.value(5).toLongLong(), 0, 0});
    q.finish();
    if (sinceMs < 0)
        return out;
    QSqlQuery &o = m_db.statement(QStringLiteral(
        "SELECT queue, sum(met), sum(1 - met) FROM desk_outcomes WHERE company_id = ? AND at >= ? GROUP BY queue"));
    if (!m_db.exec(o, {companyId, sinceMs}))
        return out;
    while (o.next()) {
        QueueCounts &c = out[o.value(0).toString()];
        c.met = o.value(1).toInt();
        c.missed = o.value(2).toInt();
    }
    o.finish();
    return out;
}

QList<HeldSession> DeskRepo::held(const QString &companyId)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT d.session_id, d.assignee_id, d.assignee_name, d.queue, "
                                        "coalesce(c.name, s.customer_id), d.claimed_at, d.sla_state"
                                        " FROM desk_items d JOIN sessions s ON s.id = d.session_id"
                                        " LEFT JOIN customers c ON c.company_id = s.company_id AND c.id = s.customer_id"
                                        " WHERE d.company_id = ? AND d.assignee_id IS NOT NULL ORDER BY d.claimed_at"));
    QList<HeldSession> out;
    if (!m_db.exec(q, {companyId}))
        return out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toLongLong(),
            parseSlaState(q.value(6).toString()).value_or(SlaState::Ok)});
    q.finish();
    return out;
}

QList<DeskItem> DeskRepo::unbreached(int limit)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM desk_items d WHERE d.sla_state <> 'breached' ORDER BY d.resolution_due LIMIT ?")
            .arg(kDeskColumns));
    QList<DeskItem> out;
    if (!m_db.exec(q, {limit}))
        return out;
    while (q.next())
        out << readItem(q);
    q.finish();
    return out;
}

std::optional<int> DeskRepo::positionOf(const QString &sessionId, const QString &messageId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT seq FROM messages WHERE session_id = ? AND id = ?"));
    std::optional<int> out;
    if (m_db.exec(q, {sessionId, messageId}) && q.next())
        out = q.value(0).toInt();
    q.finish();
    return out;
}

QList<DeskMessage> DeskRepo::customerMessagesAfter(const QString &sessionId, int position, int limit)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT id, content, timestamp FROM messages WHERE session_id = ? AND "
                                                 "seq > ? AND role = 'customer' ORDER BY seq LIMIT ?"));
    QList<DeskMessage> out;
    if (!m_db.exec(q, {sessionId, position, limit}))
        return out;
    while (q.next())
        out << DeskMessage{
            q.value(0).toString(), QStringLiteral("customer"), q.value(1).toString(), q.value(2).toLongLong()};
    q.finish();
    return out;
}

Status DeskRepo::setSnooze(const QString &sessionId, qint64 until, qint64 now)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE desk_items SET snoozed_until = ?, updated_at = ? WHERE session_id = ?"));
    return m_db.oneRow(m_db.exec(q, {until, now, sessionId}), q);
}

QList<DeskItem> DeskRepo::snoozeOver(qint64 now, int limit)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT %1 FROM desk_items d WHERE d.snoozed_until > 0"
                                                 " AND d.snoozed_until <= ? ORDER BY d.snoozed_until LIMIT ?")
                                      .arg(kDeskColumns));
    QList<DeskItem> out;
    if (!m_db.exec(q, {now, limit}))
        return out;
    while (q.next())
        out << readItem(q);
    q.finish();
    return out;
}

QList<DeskItem> DeskRepo::waiting(const QString &companyId, qint64 now, int limit)
{
    // The queue's own order: breached first, then priority, then age.
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM desk_items d WHERE d.company_id = ? AND d.assignee_id IS NULL"
                       " AND d.snoozed_until <= ? ORDER BY (d.sla_state = 'breached') DESC, d.priority, d.queued_at,"
                       " d.session_id LIMIT ?")
            .arg(kDeskColumns));
    QList<DeskItem> out;
    if (!m_db.exec(q, {companyId, now, limit}))
        return out;
    while (q.next())
        out << readItem(q);
    q.finish();
    return out;
}

QHash<QString, AgentHolding> DeskRepo::holdings(const QString &companyId)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT assignee_id, count(*), max(claimed_at) FROM desk_items"
                                        " WHERE company_id = ? AND assignee_id IS NOT NULL GROUP BY assignee_id"));
    QHash<QString, AgentHolding> out;
    if (!m_db.exec(q, {companyId}))
        return out;
    while (q.next())
        out.insert(q.value(0).toString(), AgentHolding{q.value(1).toInt(), q.value(2).toLongLong()});
    q.finish();
    return out;
}

QStringList DeskRepo::heldSessions(const QString &companyId, const QString &agentId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT session_id FROM desk_items WHERE company_id = ? AND assignee_id = ? ORDER BY claimed_at"));
    QStringList out;
    if (!m_db.exec(q, {companyId, agentId}))
        return out;
    while (q.next())
        out << q.value(0).toString();
    q.finish();
    return out;
}

int DeskRepo::heldBy(const QString &companyId, const QString &agentId)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT count(*) FROM desk_items WHERE company_id = ? AND assignee_id = ?"));
    const int n = m_db.exec(q, {companyId, agentId}) && q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return n;
}

} // namespace tierdesk
