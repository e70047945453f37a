#include "core/store/CallRepo.h"

namespace tierdesk {
namespace {

const QString kCallColumns = QStringLiteral(
    "id, company_id, session_id, door, caller_number, queue, started_at, queued_at, answered_at, ended_at,"
    " end_reason, ai_alone, abandoned, agent_id, recording_path, recording_bytes");

CallRecord readCall(const QSqlQuery &q)
{
    CallRecord c;
    c.id = q.value(0).toString();
    c.companyId = q.value(1).toString();
    c.sessionId = q.value(2).toString();
    c.door = q.value(3).toString();
    c.callerNumber = q.value(4).toString();
    c.queue = q.value(5).toString();
    c.startedAt = q.value(6).toLongLong();
    c.queuedAt = q.value(7).toLongLong();
    c.answeredAt = q.value(8).toLongLong();
    c.endedAt = q.value(9).toLongLong();
    c.endReason = q.value(10).toString();
    c.aiAlone = q.value(11).toLongLong() != 0;
    c.abandoned = q.value(12).toLongLong() != 0;
    c.agentId = q.value(13).toString();
    c.recordingPath = q.value(14).toString();
    c.recordingBytes = q.value(15).toLongLong();
    return c;
}

// The columns, each after `prefix` (the first gets it from the statement).
QString prefixed(const QString &prefix)
{
    QString columns = kCallColumns;
    return columns.replace(QStringLiteral(", "), QStringLiteral(", ") + prefix);
}

// Whole seconds of a mean over `n` (0 for none).
int meanSeconds(double totalMs, qint64 n)
{
    return n > 0 ? qRound(totalMs / 1000.0 / double(n)) : 0;
}

} // namespace

Status CallRepo::put(const CallRecord &c)
{
    // Replaced whole: a call's row changes a handful of times in its life.
    QSqlQuery &gone = m_db.statement(QStringLiteral("DELETE FROM calls WHERE id = ?"));
    if (!m_db.exec(gone, {c.id}))
        return m_db.status(false);
    QSqlQuery &q
        = m_db.statement(QStringLiteral("INSERT INTO calls(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                             .arg(kCallColumns));
    return m_db.status(m_db.exec(q,
        {c.id, c.companyId, c.sessionId, c.door, c.callerNumber, c.queue, c.startedAt, c.queuedAt, c.answeredAt,
            c.endedAt, c.endReason, int(c.aiAlone), int(c.abandoned), c.agentId, c.recordingPath, c.recordingBytes}));
}

QList<CallRecord> CallRepo::readAll(QSqlQuery &q)
{
    QList<CallRecord> out;
    while (q.next())
        out << readCall(q);
    q.finish();
    return out;
}

std::optional<CallRecord> CallRepo::find(const QString &callId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT %1 FROM calls WHERE id = ?").arg(kCallColumns));
    if (!m_db.exec(q, {callId}))
        return std::nullopt;
    const QList<CallRecord> found = readAll(q);
    return found.isEmpty() ? std::nullopt : std::optional<CallRecord>(found.first());
}

std::optional<CallRecord> CallRepo::recordedOfSession(const QString &companyId, const QString &sessionId)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM calls WHERE company_id = ? AND session_id = ? AND recording_path <> ''"
                       " ORDER BY started_at DESC, id DESC LIMIT 1")
            .arg(kCallColumns));
    if (!m_db.exec(q, {companyId, sessionId}))
        return std::nullopt;
    const QList<CallRecord> found = readAll(q);
    return found.isEmpty() ? std::nullopt : std::optional<CallRecord>(found.first());
}

QList<CallRecord> CallRepo::recordedBefore(qint64 beforeMs, int limit)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM calls WHERE ended_at > 0 AND ended_at < ? AND recording_path <> ''"
                       " ORDER BY ended_at, id LIMIT ?")
            .arg(kCallColumns));
    if (!m_db.exec(q, {beforeMs, qBound(1, limit, kMaxRows)}))
        return {};
    return readAll(q);
}

QList<CallRecord> CallRepo::recordedOfCustomer(const QString &companyId, const QString &customerId, int limit)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT c.%1 FROM calls c JOIN sessions s ON s.id = c.session_id"
                       " WHERE c.company_id = ? AND s.company_id = ? AND s.customer_id = ? AND c.recording_path <> ''"
                       " ORDER BY c.started_at, c.id LIMIT ?")
            .arg(prefixed(QStringLiteral("c."))));
    if (!m_db.exec(q, {companyId, companyId, customerId, qBound(1, limit, kMaxRows)}))
        return {};
    return readAll(q);
}

QList<CallRecord> CallRepo::recordedOfErasedCustomers(int limit)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT c.%1 FROM calls c JOIN sessions s ON s.id = c.session_id"
                       " JOIN customers u ON u.company_id = s.company_id AND u.id = s.customer_id"
                       " WHERE c.recording_path <> '' AND u.erased_at > 0 ORDER BY c.started_at, c.id LIMIT ?")
            .arg(prefixed(QStringLiteral("c."))));
    if (!m_db.exec(q, {qBound(1, limit, kMaxRows)}))
        return {};
    return readAll(q);
}

Status CallRepo::forgetRecording(const QString &callId)
{
    return m_db.status(
        m_db.write(QStringLiteral("UPDATE calls SET recording_path = '', recording_bytes = 0 WHERE id = ?"), {callId}));
}

CallsSummary CallRepo::summary(const QString &companyId, qint64 startMs, qint64 endMs)
{
    // Per queue ('' for the calls that never went to one); sums arrive as numeric on PostgreSQL.
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT queue, COUNT(*),"
        " SUM(CASE WHEN answered_at > 0 AND queued_at > 0 THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN answered_at > 0 AND queued_at > 0 THEN answered_at - queued_at ELSE 0 END),"
        " SUM(CASE WHEN answered_at > 0 AND ended_at >= answered_at THEN 1 ELSE 0 END),"
        " SUM(CASE WHEN answered_at > 0 AND ended_at >= answered_at THEN ended_at - answered_at ELSE 0 END),"
        " SUM(abandoned), SUM(ai_alone), SUM(CASE WHEN queued_at > 0 THEN 1 ELSE 0 END)"
        " FROM calls WHERE company_id = ? AND started_at >= ? AND started_at <= ? GROUP BY queue ORDER BY queue"));
    CallsSummary out;
    if (!m_db.exec(q, {companyId, startMs, endMs}))
        return out;
    double waitMs = 0, handleMs = 0;
    qint64 handled = 0;
    while (q.next()) {
        const QString queue = q.value(0).toString();
        const qint64 answered = qint64(q.value(2).toDouble());
        const qint64 ended = qint64(q.value(4).toDouble());
        out.total += q.value(1).toLongLong();
        out.answered += answered;
        out.abandoned += qint64(q.value(6).toDouble());
        out.aiAlone += qint64(q.value(7).toDouble());
        waitMs += q.value(3).toDouble();
        handleMs += q.value(5).toDouble();
        handled += ended;
        if (queue.isEmpty() && q.value(8).toDouble() == 0)
            continue; // the AI's own calls: no queue row
        CallsSummary::QueueRow row;
        row.queue = queue;
        row.calls = q.value(1).toLongLong();
        row.answered = answered;
        row.abandoned = qint64(q.value(6).toDouble());
        row.avgTimeToAnswer = meanSeconds(q.value(3).toDouble(), answered);
        row.avgHandleTime = meanSeconds(q.value(5).toDouble(), ended);
        out.byQueue << row;
    }
    q.finish();
    out.avgTimeToAnswer = meanSeconds(waitMs, out.answered);
    out.avgHandleTime = meanSeconds(handleMs, handled);
    out.medianTimeToAnswer = qRound(double(medianWait(companyId, startMs, endMs, std::nullopt)) / 1000.0);
    for (CallsSummary::QueueRow &row : out.byQueue)
        row.medianTimeToAnswer = qRound(double(medianWait(companyId, startMs, endMs, row.queue)) / 1000.0);
    return out;
}

qint64 CallRepo::medianWait(const QString &companyId, qint64 startMs, qint64 endMs, const std::optional<QString> &queue)
{
    // Counted, then the middle one or two read by offset (neither database needs a median function).
    const QString where = QStringLiteral(" FROM calls WHERE company_id = ? AND started_at >= ? AND started_at <= ?"
                                         " AND answered_at > 0 AND queued_at > 0 AND (? = 0 OR queue = ?)");
    const QString queueName = queue.value_or(QString());
    const int byQueue = queue ? 1 : 0;
    QSqlQuery &count = m_db.statement(QStringLiteral("SELECT COUNT(*)") + where);
    if (!m_db.exec(count, {companyId, startMs, endMs, byQueue, queueName}) || !count.next())
        return 0;
    const qint64 n = count.value(0).toLongLong();
    count.finish();
    if (n == 0)
        return 0;
    QSqlQuery &middle = m_db.statement(
        QStringLiteral("SELECT answered_at - queued_at") + where + QStringLiteral(" ORDER BY 1 LIMIT ? OFFSET ?"));
    if (!m_db.exec(middle, {companyId, startMs, endMs, byQueue, queueName, n % 2 == 0 ? 2 : 1, (n - 1) / 2}))
        return 0;
    qint64 sum = 0, values = 0;
    while (middle.next()) {
        sum += middle.value(0).toLongLong();
        ++values;
    }
    middle.finish();
    return values > 0 ? sum / values : 0;
}

} // namespace tierdesk
