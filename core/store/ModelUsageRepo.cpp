#include "core/store/ModelUsageRepo.h"

namespace tierdesk {

Status ModelUsageRepo::record(const ModelUsage &u)
{
    if (u.charge.calls <= 0)
        return Ok{};
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "INSERT INTO model_usage(company_id, session_id, message_id, purpose, tier, model, calls, input_tokens,"
        " output_tokens, cost, currency, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const ModelCharge &c = u.charge;
    return m_db.status(m_db.exec(q,
        {u.companyId, u.sessionId, u.messageId, u.purpose, u.tier, c.model, c.calls, c.inputTokens, c.outputTokens,
            c.amount, c.currency, u.at}));
}

Status ModelUsageRepo::recordReply(
    const QString &sessionId, const QString &messageId, const QString &tier, const ModelCharge &c, qint64 at)
{
    if (c.calls <= 0)
        return Ok{};
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "INSERT INTO model_usage(company_id, session_id, message_id, purpose, tier, model, calls, input_tokens,"
        " output_tokens, cost, currency, at) SELECT company_id, id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM sessions"
        " WHERE id = ?"));
    return m_db.status(m_db.exec(q,
        {messageId, QString::fromLatin1(modelpurpose::kReply), tier, c.model, c.calls, c.inputTokens, c.outputTokens,
            c.amount, c.currency, at, sessionId}));
}

Status ModelUsageRepo::recordQuery(const AnsweredQuery &a)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO api_queries(company_id, at, model, response_ms, cached, message_id)"
                       " VALUES (?, ?, ?, ?, ?, ?)"));
    return m_db.status(m_db.exec(
        q, {a.companyId, a.at, a.model, a.responseTimeMs, a.cached ? 1 : 0, a.cached ? QString() : a.messageId}));
}

Result<QueryTotals> ModelUsageRepo::queryTotals(const QString &companyId, qint64 fromMs, qint64 toMs)
{
    QueryTotals t;
    QSqlQuery &byModel
        = m_db.statement(QStringLiteral("SELECT model, COUNT(*), SUM(cached), SUM(response_ms) FROM api_queries"
                                        " WHERE company_id = ? AND at >= ? AND at <= ? GROUP BY model"));
    if (!m_db.exec(byModel, {companyId, fromMs, toMs}))
        return m_db.lastFailure();
    while (byModel.next()) {
        const qint64 n = byModel.value(1).toLongLong();
        t.byModel.insert(byModel.value(0).toString(), n);
        t.queries += n;
        t.cacheHits += byModel.value(2).toLongLong();
        t.responseTimeMsTotal += byModel.value(3).toLongLong();
    }
    byModel.finish();
    // The replies' model calls; several currencies (providers priced apart) are not added up: the
    // one that cost most is reported.
    QSqlQuery &cost = m_db.statement(
        QStringLiteral("SELECT q.model, u.currency, SUM(u.cost) FROM api_queries q JOIN model_usage u"
                       " ON u.message_id = q.message_id WHERE q.company_id = ? AND q.at >= ? AND q.at <= ?"
                       " AND q.message_id <> '' GROUP BY q.model, u.currency"));
    if (!m_db.exec(cost, {companyId, fromMs, toMs}))
        return m_db.lastFailure();
    QMap<QString, QMap<QString, double>> byCurrency; // currency -> model -> cost
    while (cost.next())
        byCurrency[cost.value(1).toString()][cost.value(0).toString()] += cost.value(2).toDouble();
    cost.finish();
    double most = -1;
    for (auto it = byCurrency.cbegin(); it != byCurrency.cend(); ++it) {
        double sum = 0;
        for (double c : *it)
            sum += c;
        if (sum > most) {
            most = sum;
            t.currency = it.key();
            t.cost = sum;
            t.costByModel = *it;
        }
    }
    return t;
}

} // namespace tierdesk
