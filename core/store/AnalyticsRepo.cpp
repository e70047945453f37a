#include "core/store/AnalyticsRepo.h"

#include "core/common/Time.h"
#include "core/domain/Enums.h"

#include <QJsonArray>

namespace tierdesk {
namespace {

const QString kRange = QStringLiteral(" company_id = ? AND created_at >= ? AND created_at <= ?");

double rate(double part, double whole) { return whole > 0 ? qRound(part * 1000.0 / whole) / 10.0 : 0.0; }
double round1(double v) { return qRound(v * 10.0) / 10.0; }

} // namespace

QSqlQuery AnalyticsRepo::run(const QString &sql, const QVariantList &binds)
{
    QSqlQuery q(m_db.handle());
    q.prepare(sql);
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds.at(i));
    q.exec();
    return q;
}

QJsonObject AnalyticsRepo::compute(const QString &companyId, qint64 startMs, qint64 endMs, GroupBy groupBy)
{
    const QVariantList range{companyId, startMs, endMs};
    QJsonObject out;
    out.insert(QStringLiteral("period"), QJsonObject{{QStringLiteral("start"), timefmt::iso(startMs)},
                                                     {QStringLiteral("end"), timefmt::iso(endMs)}});
    const QJsonObject ov = overview(range);
    out.insert(QStringLiteral("overview"), ov);
    out.insert(QStringLiteral("byTier"), byTier(range));
    out.insert(QStringLiteral("byChannel"), byChannel(range));
    out.insert(QStringLiteral("escalations"), escalations(range, ov.value(QLatin1String("totalSessions")).toInt()));
    out.insert(QStringLiteral("sentiment"), sentiment(range));
    if (groupBy != GroupBy::None)
        out.insert(QStringLiteral("timeline"), timeline(range, groupBy));
    return out;
}

QJsonObject AnalyticsRepo::overview(const QVariantList &range)
{
    // Satisfaction on a 1-5 scale from each session's final sentiment.
    QSqlQuery q = run(QStringLiteral(
        "SELECT COUNT(*), SUM(status = 'RESOLVED'),"
        " AVG(CASE WHEN status = 'RESOLVED' THEN (resolved_at - created_at) / 1000.0 END), AVG(message_count),"
        " AVG(CASE customer_sentiment WHEN 'HAPPY' THEN 5 WHEN 'SATISFIED' THEN 4 WHEN 'NEUTRAL' THEN 3"
        " WHEN 'FRUSTRATED' THEN 2 ELSE 1 END) FROM sessions WHERE") + kRange, range);
    const bool any = q.next();
    const int total = any ? q.value(0).toInt() : 0;
    const int resolved = any ? q.value(1).toInt() : 0;
    return {{QStringLiteral("totalSessions"), total},
            {QStringLiteral("resolvedSessions"), resolved},
            {QStringLiteral("resolutionRate"), rate(resolved, total)},
            {QStringLiteral("avgResolutionTime"), any ? qRound(q.value(2).toDouble()) : 0},
            {QStringLiteral("avgMessagesPerSession"), any ? round1(q.value(3).toDouble()) : 0.0},
            {QStringLiteral("customerSatisfactionAvg"), total > 0 ? round1(q.value(4).toDouble()) : 0.0}};
}

QJsonArray AnalyticsRepo::byTier(const QVariantList &range)
{
    // A session counts for the tier that held it last: where it was resolved or left.
    QSqlQuery q = run(QStringLiteral(
        "SELECT current_tier, COUNT(*), SUM(status = 'RESOLVED'),"
        " AVG(CASE WHEN status = 'RESOLVED' THEN (resolved_at - created_at) / 1000.0 END)"
        " FROM sessions WHERE") + kRange + QStringLiteral(" GROUP BY current_tier"), range);
    QHash<QString, QJsonObject> rows;
    while (q.next()) {
        const int sessions = q.value(1).toInt();
        const int resolved = q.value(2).toInt();
        rows.insert(q.value(0).toString(), {{QStringLiteral("tier"), q.value(0).toString()},
                                             {QStringLiteral("sessions"), sessions},
                                             {QStringLiteral("resolved"), resolved},
                                             {QStringLiteral("resolutionRate"), rate(resolved, sessions)},
                                             {QStringLiteral("avgTime"), qRound(q.value(3).toDouble())}});
    }
    QJsonArray out;
    for (const QString &tier : allNames<Tier>())
        out.append(rows.value(tier, {{QStringLiteral("tier"), tier}, {QStringLiteral("sessions"), 0},
                                     {QStringLiteral("resolved"), 0}, {QStringLiteral("resolutionRate"), 0.0},
                                     {QStringLiteral("avgTime"), 0}}));
    return out;
}

QJsonArray AnalyticsRepo::byChannel(const QVariantList &range)
{
    QSqlQuery q = run(QStringLiteral(
        "SELECT channel, COUNT(*), SUM(status = 'RESOLVED'),"
        " AVG(CASE WHEN status = 'RESOLVED' THEN (resolved_at - created_at) / 1000.0 END)"
        " FROM sessions WHERE") + kRange + QStringLiteral(" GROUP BY channel ORDER BY COUNT(*) DESC, channel"), range);
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{QStringLiteral("channel"), q.value(0).toString()},
                               {QStringLiteral("sessions"), q.value(1).toInt()},
                               {QStringLiteral("resolved"), q.value(2).toInt()},
                               {QStringLiteral("avgTime"), qRound(q.value(3).toDouble())}});
    return out;
}

QJsonObject AnalyticsRepo::escalations(const QVariantList &range, int totalSessions)
{
    const QString inRange = QStringLiteral(" session_id IN (SELECT id FROM sessions WHERE") + kRange + QLatin1Char(')');
    QJsonObject byReason;
    int total = 0;
    QSqlQuery q = run(QStringLiteral("SELECT reason, COUNT(*) FROM escalations WHERE transfer = 0 AND") + inRange
                          + QStringLiteral(" GROUP BY reason ORDER BY reason"), range);
    while (q.next()) {
        byReason.insert(q.value(0).toString(), q.value(1).toInt());
        total += q.value(1).toInt();
    }
    // Time from a session's start to its first escalation, and how many sessions escalated at all.
    QSqlQuery t = run(QStringLiteral(
        "SELECT AVG((first - s.created_at) / 1000.0), COUNT(*) FROM (SELECT session_id, MIN(timestamp) AS first"
        " FROM escalations WHERE transfer = 0 AND") + inRange + QStringLiteral(" GROUP BY session_id) e JOIN sessions s ON s.id = e.session_id"),
                      range);
    const bool any = t.next();
    return {{QStringLiteral("total"), total},
            {QStringLiteral("byReason"), byReason},
            {QStringLiteral("avgEscalationTime"), any ? qRound(t.value(0).toDouble()) : 0},
            {QStringLiteral("escalationRate"), rate(any ? t.value(1).toInt() : 0, totalSessions)}};
}

QJsonObject AnalyticsRepo::sentiment(const QVariantList &range)
{
    QJsonObject distribution;
    for (const QString &s : allNames<Sentiment>())
        distribution.insert(s, 0);
    QSqlQuery q = run(QStringLiteral("SELECT customer_sentiment, COUNT(*) FROM sessions WHERE") + kRange
                          + QStringLiteral(" GROUP BY customer_sentiment"), range);
    while (q.next())
        distribution.insert(q.value(0).toString(), q.value(1).toInt());

    const QString inRange = QStringLiteral(" session_id IN (SELECT id FROM sessions WHERE") + kRange + QLatin1Char(')');
    QSqlQuery irate = run(QStringLiteral("SELECT COUNT(DISTINCT session_id) FROM sentiment_points WHERE sentiment = 'IRATE' AND")
                              + inRange, range);
    // Share of sessions with two or more readings whose last reading beats the first.
    QSqlQuery improved = run(QStringLiteral(
        "SELECT COUNT(*), SUM(last_score > first_score) FROM (SELECT session_id,"
        " (SELECT score FROM sentiment_points p WHERE p.session_id = g.session_id ORDER BY rowid LIMIT 1) AS first_score,"
        " (SELECT score FROM sentiment_points p WHERE p.session_id = g.session_id ORDER BY rowid DESC LIMIT 1) AS last_score"
        " FROM sentiment_points g WHERE") + inRange + QStringLiteral(" GROUP BY session_id HAVING COUNT(*) >= 2)"), range);
    const bool anyImproved = improved.next();
    return {{QStringLiteral("distribution"), distribution},
            {QStringLiteral("irateIncidents"), irate.next() ? irate.value(0).toInt() : 0},
            {QStringLiteral("sentimentImprovement"),
             anyImproved ? rate(improved.value(1).toInt(), improved.value(0).toInt()) : 0.0}};
}

QJsonArray AnalyticsRepo::timeline(const QVariantList &range, GroupBy groupBy)
{
    const QString format = groupBy == GroupBy::Day    ? QStringLiteral("%Y-%m-%d")
                           : groupBy == GroupBy::Week ? QStringLiteral("%Y-W%W")
                                                      : QStringLiteral("%Y-%m");
    QVariantList binds{format};
    binds.append(range);
    QSqlQuery q = run(QStringLiteral(
        "SELECT strftime(?, created_at / 1000, 'unixepoch') AS period, COUNT(*), SUM(status = 'RESOLVED'),"
        " SUM(current_tier <> 'AI_REP') FROM sessions WHERE") + kRange + QStringLiteral(" GROUP BY period ORDER BY period"),
                      binds);
    QJsonArray out;
    while (q.next())
        out.append(QJsonObject{{QStringLiteral("period"), q.value(0).toString()},
                               {QStringLiteral("sessions"), q.value(1).toInt()},
                               {QStringLiteral("resolved"), q.value(2).toInt()},
                               {QStringLiteral("escalated"), q.value(3).toInt()}});
    return out;
}

} // namespace tierdesk
