#include "core/store/AnalyticsRepo.h"

#include "core/store/CallRepo.h"
#include "core/store/RatingRepo.h"

#include <QLoggingCategory>
#include <QSet>

namespace tierdesk {
namespace {

Q_LOGGING_CATEGORY(lcAnalytics, "tierdesk.analytics")

const QString kHourSpan = QStringLiteral("hour");
const QString kDaySpan = QStringLiteral("day");
const QString kRange = QStringLiteral(" company_id = ? AND created_at >= ? AND created_at <= ?");
const QString kSessionsInRange
    = QStringLiteral(" session_id IN (SELECT id FROM sessions WHERE") + kRange + QLatin1Char(')');

// The first multiple of `unit` at or after `ms`, and the last at or before it (ms >= 0).
qint64 ceilTo(qint64 ms, qint64 unit)
{
    return (ms + unit - 1) / unit * unit;
}
qint64 floorTo(qint64 ms, qint64 unit)
{
    return ms / unit * unit;
}

} // namespace

QSqlQuery &AnalyticsRepo::run(const QString &sql, const QVariantList &binds)
{
    QSqlQuery &q = m_db.statement(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    if (!q.exec())
        qCWarning(lcAnalytics) << "query failed:" << q.lastError().text() << sql;
    return q;
}

AnalyticsSummary AnalyticsRepo::compute(const QString &companyId, qint64 startMs, qint64 endMs, GroupBy groupBy)
{
    AnalyticsReport report(startMs, endMs, groupBy);
    const Sink sink = [&report](qint64 atMs, const AnalyticsFacts &facts) { report.add(atMs, facts); };
    if (endMs >= startMs) {
        if (refresh(companyId, startMs, endMs)) {
            collect(companyId, startMs, endMs, sink);
        } else {
            // The stored facts may be behind (a database that cannot be written):
            // the sessions themselves, a day at a time for the timeline.
            for (qint64 from = startMs; from <= endMs;) {
                const qint64 to = std::min(endMs, floorTo(std::max<qint64>(from, 0), kDayMs) + kDayMs - 1);
                sink(from, scan(companyId, from, to));
                from = to + 1;
            }
        }
    }
    AnalyticsSummary out = report.summary();
    out.desk = desk(companyId, startMs, endMs);
    out.calls = CallRepo(m_db).summary(companyId, startMs, endMs);
    return out;
}

DeskSummary AnalyticsRepo::desk(const QString &companyId, qint64 startMs, qint64 endMs)
{
    // COALESCE: a sum over no rows is NULL.
    QSqlQuery &q = run(
        QStringLiteral("SELECT COUNT(*), COALESCE(SUM(breached), 0),"
                       " COALESCE(SUM(CASE WHEN first_response_at > 0 THEN 1 ELSE 0 END), 0),"
                       " COALESCE(SUM(CASE WHEN first_response_at > 0 THEN first_response_at - queued_at END), 0),"
                       " COALESCE(SUM(left_at - queued_at), 0)"
                       " FROM desk_history WHERE company_id = ? AND left_at >= ? AND left_at <= ?"),
        {companyId, startMs, endMs});
    qint64 handled = 0, missed = 0, answered = 0;
    double firstResponseMs = 0, handleMs = 0;
    if (q.next()) {
        handled = q.value(0).toLongLong();
        missed = qint64(q.value(1).toDouble());
        answered = qint64(q.value(2).toDouble());
        firstResponseMs = q.value(3).toDouble();
        handleMs = q.value(4).toDouble();
    }
    q.finish();
    const auto meanSeconds = [](double totalMs, qint64 n) { return n > 0 ? qRound(totalMs / 1000.0 / double(n)) : 0; };
    DeskSummary out;
    out.handled = handled;
    out.slaMet = handled - missed;
    out.slaMissed = missed;
    if (handled > 0)
        out.slaAttainment = qRound((handled - missed) * 1000.0 / double(handled)) / 10.0;
    out.avgFirstResponseTime = meanSeconds(firstResponseMs, answered);
    out.avgHandleTime = meanSeconds(handleMs, handled);
    out.byAgent = RatingRepo(m_db).byAgent(companyId, startMs, endMs);
    return out;
}

void AnalyticsRepo::collect(const QString &companyId, qint64 fromMs, qint64 toMs, const Sink &sink)
{
    if (fromMs < 0) { // before 1970 nothing is stored by hour
        const qint64 to = std::min<qint64>(toMs, -1);
        sink(fromMs, scan(companyId, fromMs, to));
        if (to == toMs)
            return;
        fromMs = 0;
    }
    const qint64 firstDay = ceilTo(fromMs, kDayMs);
    const qint64 lastDayEnd = floorTo(toMs + 1, kDayMs) - 1;
    if (firstDay > lastDayEnd)
        return collectHours(companyId, fromMs, toMs, sink);
    if (fromMs < firstDay)
        collectHours(companyId, fromMs, firstDay - 1, sink);
    const auto days = stored(kDaySpan, companyId, firstDay / kDayMs, lastDayEnd / kDayMs);
    for (auto it = days.cbegin(); it != days.cend(); ++it)
        sink(it.key() * kDayMs, it.value());
    if (lastDayEnd < toMs)
        collectHours(companyId, lastDayEnd + 1, toMs, sink);
}

// [fromMs, toMs] lies within one day.
void AnalyticsRepo::collectHours(const QString &companyId, qint64 fromMs, qint64 toMs, const Sink &sink)
{
    const qint64 firstHour = ceilTo(fromMs, kHourMs);
    const qint64 lastHourEnd = floorTo(toMs + 1, kHourMs) - 1;
    if (firstHour > lastHourEnd) { // within one hour, or across one hour's end
        const qint64 boundary = std::min(toMs, floorTo(fromMs, kHourMs) + kHourMs - 1);
        sink(fromMs, partOfHour(companyId, fromMs, boundary));
        if (boundary < toMs)
            sink(boundary + 1, partOfHour(companyId, boundary + 1, toMs));
        return;
    }
    if (fromMs < firstHour)
        sink(fromMs, partOfHour(companyId, fromMs, firstHour - 1));
    const auto hours = stored(kHourSpan, companyId, firstHour / kHourMs, lastHourEnd / kHourMs);
    for (auto it = hours.cbegin(); it != hours.cend(); ++it)
        sink(it.key() * kHourMs, it.value());
    if (lastHourEnd < toMs)
        sink(lastHourEnd + 1, partOfHour(companyId, lastHourEnd + 1, toMs));
}

// [fromMs, toMs] lies within one hour: read the shorter of it and the rest of the hour.
AnalyticsFacts AnalyticsRepo::partOfHour(const QString &companyId, qint64 fromMs, qint64 toMs)
{
    if ((toMs - fromMs + 1) * 2 <= kHourMs)
        return scan(companyId, fromMs, toMs);
    const qint64 hourStart = floorTo(fromMs, kHourMs);
    const qint64 hourEnd = hourStart + kHourMs - 1;
    AnalyticsFacts f
        = stored(kHourSpan, companyId, hourStart / kHourMs, hourStart / kHourMs).value(hourStart / kHourMs);
    if (fromMs > hourStart)
        f.add(scan(companyId, hourStart, fromMs - 1), -1);
    if (toMs < hourEnd)
        f.add(scan(companyId, toMs + 1, hourEnd), -1);
    return f;
}

QMap<qint64, AnalyticsFacts> AnalyticsRepo::stored(
    const QString &span, const QString &companyId, qint64 first, qint64 last)
{
    QSqlQuery &q = run(QStringLiteral("SELECT bucket, facts FROM analytics_facts WHERE company_id = ? AND span = ?"
                                      " AND bucket >= ? AND bucket <= ?"),
        {companyId, span, first, last});
    QMap<qint64, AnalyticsFacts> out;
    while (q.next())
        out.insert(q.value(0).toLongLong(), AnalyticsFacts::fromJson(q.value(1).toByteArray()));
    q.finish();
    return out;
}

Status AnalyticsRepo::refresh(const QString &companyId, qint64 fromMs, qint64 toMs)
{
    const qint64 firstHour = floorTo(std::max<qint64>(fromMs, 0), kDayMs) / kHourMs;
    const qint64 lastHour = (floorTo(std::max<qint64>(toMs, 0), kDayMs) + kDayMs) / kHourMs - 1;
    QSqlQuery &q
        = run(QStringLiteral("SELECT hour FROM analytics_dirty WHERE company_id = ? AND hour >= ? AND hour <= ?"),
            {companyId, firstHour, lastHour});
    QList<qint64> hours;
    while (q.next())
        hours.append(q.value(0).toLongLong());
    q.finish();
    if (hours.isEmpty())
        return Ok{};
    if (m_db.readOnly()) // a reader's connection: compute() reads the sessions themselves
        return makeError(ErrorKind::Internal, QStringLiteral("a read-only connection cannot refresh analytics"));
    const QString savepoint = QStringLiteral("analytics_refresh");
    if (!m_db.savepoint(savepoint))
        return m_db.lastFailure();
    QSet<qint64> days;
    Status done = Ok{};
    for (qint64 hour : std::as_const(hours)) {
        if (done)
            done = recomputeHour(companyId, hour);
        days.insert(hour / 24);
    }
    for (qint64 day : std::as_const(days))
        if (done)
            done = recomputeDay(companyId, day);
    if (!done) {
        m_db.rollbackTo(savepoint);
        return done;
    }
    return m_db.status(m_db.release(savepoint));
}

Status AnalyticsRepo::recomputeHour(const QString &companyId, qint64 hour)
{
    const AnalyticsFacts facts = scan(companyId, hour * kHourMs, hour * kHourMs + kHourMs - 1);
    const Status stored = storeFacts(kHourSpan, companyId, hour, facts);
    if (!stored)
        return stored;
    return m_db.status(
        m_db.write(QStringLiteral("DELETE FROM analytics_dirty WHERE company_id = ? AND hour = ?"), {companyId, hour}));
}

Status AnalyticsRepo::recomputeDay(const QString &companyId, qint64 day)
{
    AnalyticsFacts facts;
    const auto hours = stored(kHourSpan, companyId, day * 24, day * 24 + 23);
    for (const AnalyticsFacts &f : hours)
        facts.add(f);
    return storeFacts(kDaySpan, companyId, day, facts);
}

Status AnalyticsRepo::storeFacts(
    const QString &span, const QString &companyId, qint64 bucket, const AnalyticsFacts &facts)
{
    if (facts.isEmpty())
        return m_db.status(
            m_db.write(QStringLiteral("DELETE FROM analytics_facts WHERE company_id = ? AND span = ? AND bucket = ?"),
                {companyId, span, bucket}));
    return m_db.status(
        m_db.write(QStringLiteral("INSERT INTO analytics_facts(company_id, span, bucket, facts) VALUES (?, ?, ?, ?)"
                                  " ON CONFLICT (company_id, span, bucket) DO UPDATE SET facts = excluded.facts"),
            {companyId, span, bucket, QString::fromUtf8(facts.toJson())}));
}

int AnalyticsRepo::changedHours(const QString &companyId)
{
    QSqlQuery &q = run(QStringLiteral("SELECT COUNT(*) FROM analytics_dirty WHERE company_id = ?"), {companyId});
    const int n = q.next() ? q.value(0).toInt() : 0;
    q.finish();
    return n;
}

AnalyticsFacts AnalyticsRepo::scan(const QString &companyId, qint64 fromMs, qint64 toMs)
{
    const QVariantList range{companyId, fromMs, toMs};
    AnalyticsFacts f;
    scanSessions(f, range);
    scanEscalations(f, range);
    scanReadings(f, range);
    scanModelUse(f, range);
    return f;
}

// No person took part in session s: never escalated to the human tier, no person's message (their
// resolve's closing line is one).
const QLatin1String kNoPerson("s.current_tier <> 'HUMAN_AGENT'"
                              " AND NOT EXISTS (SELECT 1 FROM escalations e WHERE e.session_id = s.id"
                              " AND e.to_tier = 'HUMAN_AGENT')"
                              " AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.session_id = s.id"
                              " AND m.role = 'human_agent')");

void AnalyticsRepo::scanSessions(AnalyticsFacts &f, const QVariantList &range)
{
    // A rated session's satisfaction is its customer's rating, else the estimate from its final sentiment;
    // the AI resolved a resolved session no person took part in.
    QSqlQuery &q
        = run(QStringLiteral("SELECT s.current_tier, s.channel, s.customer_sentiment, COUNT(*),"
                             " SUM(CASE WHEN s.status = 'RESOLVED' THEN 1 ELSE 0 END),"
                             " COUNT(CASE WHEN s.status = 'RESOLVED' THEN s.resolved_at END),"
                             " SUM(CASE WHEN s.status = 'RESOLVED' THEN s.resolved_at - s.created_at END),"
                             " SUM(s.message_count), COUNT(r.rating), SUM(r.rating),"
                             " SUM(CASE WHEN s.status = 'RESOLVED' AND %1 THEN 1 ELSE 0 END),"
                             " SUM(CASE WHEN s.status = 'RESOLVED' AND s.came_back = 0 THEN 1 ELSE 0 END),"
                             " SUM(CASE WHEN s.status = 'RESOLVED' AND s.came_back = 0 AND %1 THEN 1 ELSE 0 END),"
                             " SUM(CASE WHEN EXISTS (SELECT 1 FROM escalations e WHERE e.session_id = s.id"
                             " AND e.transfer = 0) THEN 1 ELSE 0 END),"
                             " COALESCE(sr.reason, ''), COALESCE(sr.category, '')"
                             " FROM sessions s LEFT JOIN session_ratings r ON r.session_id = s.id"
                             " LEFT JOIN session_reasons sr ON sr.session_id = s.id"
                             " WHERE s.company_id = ? AND s.created_at >= ? AND s.created_at <= ?"
                             " GROUP BY 1, 2, 3, 15, 16")
                  .arg(kNoPerson),
            range);
    while (q.next()) {
        const qint64 sessions = q.value(3).toLongLong();
        const qint64 rated = q.value(8).toLongLong();
        const qint64 ratingSum = q.value(9).toLongLong();
        const qint64 estimate = AnalyticsFacts::estimatedSatisfaction(q.value(2).toString());
        const AnalyticsFacts::Outcome o{sessions, q.value(4).toLongLong(), q.value(5).toLongLong(),
            q.value(6).toLongLong(), rated, ratingSum, (sessions - rated) * estimate + ratingSum,
            q.value(10).toLongLong(), q.value(11).toLongLong(), q.value(12).toLongLong(), q.value(13).toLongLong()};
        f.byTier[q.value(0).toString()] += o;
        f.byChannel[q.value(1).toString()] += o;
        if (const QString reason = q.value(14).toString(); !reason.isEmpty())
            f.byContactReason[reason + QLatin1Char('\t') + q.value(15).toString()] += o;
        f.bySentiment[q.value(2).toString()] += o.sessions;
        f.messages += q.value(7).toLongLong();
    }
    q.finish();
}

void AnalyticsRepo::scanEscalations(AnalyticsFacts &f, const QVariantList &range)
{
    // Transfers by a person are not escalations.
    QSqlQuery &reasons = run(QStringLiteral("SELECT reason, COUNT(*) FROM escalations WHERE transfer = 0 AND")
            + kSessionsInRange + QStringLiteral(" GROUP BY reason"),
        range);
    while (reasons.next())
        f.byReason.insert(reasons.value(0).toString(), reasons.value(1).toLongLong());
    reasons.finish();
    // Time from a session's start to its first escalation, and how many sessions escalated at all.
    QSqlQuery &first = run(
        QStringLiteral("SELECT COUNT(*), SUM(first - s.created_at) FROM (SELECT session_id, MIN(timestamp) AS first"
                       " FROM escalations WHERE transfer = 0 AND")
            + kSessionsInRange + QStringLiteral(" GROUP BY session_id) e JOIN sessions s ON s.id = e.session_id"),
        range);
    if (first.next()) {
        f.escalatedSessions = first.value(0).toLongLong();
        f.escalationDelayMs = first.value(1).toLongLong();
    }
    first.finish();
}

void AnalyticsRepo::scanModelUse(AnalyticsFacts &f, const QVariantList &range)
{
    QSqlQuery &q = run(QStringLiteral("SELECT purpose, tier, model, currency, SUM(calls), SUM(input_tokens),"
                                      " SUM(output_tokens), SUM(cost) FROM model_usage WHERE")
            + kSessionsInRange + QStringLiteral(" GROUP BY purpose, tier, model, currency"),
        range);
    while (q.next())
        f.byModelUse.insert(AnalyticsFacts::modelUseKey(q.value(0).toString(), q.value(1).toString(),
                                q.value(2).toString(), q.value(3).toString()),
            {q.value(4).toLongLong(), q.value(5).toLongLong(), q.value(6).toLongLong(),
                qRound64(q.value(7).toDouble() * 1e9)});
    q.finish();
}

void AnalyticsRepo::scanReadings(AnalyticsFacts &f, const QVariantList &range)
{
    QSqlQuery &irate
        = run(QStringLiteral("SELECT COUNT(DISTINCT session_id) FROM sentiment_points WHERE sentiment = 'IRATE' AND")
                + kSessionsInRange,
            range);
    f.irateSessions = irate.next() ? irate.value(0).toLongLong() : 0;
    irate.finish();
    // Sessions with two or more readings, and those whose last reading beats the first.
    // rowid orders the readings as they were written (PostgreSQL: a column of that name).
    QSqlQuery &improved
        = run(QStringLiteral("SELECT COUNT(*), SUM(CASE WHEN last_score > first_score THEN 1 ELSE 0 END)"
                             " FROM (SELECT session_id,"
                             " (SELECT score FROM sentiment_points p WHERE p.session_id = g.session_id "
                             "ORDER BY rowid LIMIT 1) AS first_score,"
                             " (SELECT score FROM sentiment_points p WHERE p.session_id = g.session_id "
                             "ORDER BY rowid DESC LIMIT 1) AS last_score"
                             " FROM sentiment_points g WHERE")
                + kSessionsInRange + QStringLiteral(" GROUP BY session_id HAVING COUNT(*) >= 2) AS changes"),
            range);
    if (improved.next()) {
        f.withTwoReadings = improved.value(0).toLongLong();
        f.improved = improved.value(1).toLongLong();
    }
    improved.finish();
}

} // namespace tierdesk
