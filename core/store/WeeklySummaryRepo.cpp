#include "core/store/WeeklySummaryRepo.h"

namespace tierdesk {

Result<bool> WeeklySummaryRepo::claim(
    const QString &companyId, const QString &week, const QString &agentId, qint64 atMs)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("INSERT INTO weekly_summaries(company_id, week, agent_id, claimed_at)"
                                                 " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING"));
    if (!m_db.exec(q, {companyId, week, agentId, atMs}))
        return m_db.status(false).error();
    return q.numRowsAffected() > 0;
}

QStringList WeeklySummaryRepo::claimed(const QString &companyId, const QString &week)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT agent_id FROM weekly_summaries WHERE company_id = ? AND week = ?"));
    QStringList out;
    if (m_db.exec(q, {companyId, week}))
        while (q.next())
            out.append(q.value(0).toString());
    return out;
}

Status WeeklySummaryRepo::setError(
    const QString &companyId, const QString &week, const QString &agentId, const QString &error)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE weekly_summaries SET error = ? WHERE company_id = ? AND week = ? AND agent_id = ?"));
    return m_db.status(m_db.exec(q, {error.left(500), companyId, week, agentId}));
}

} // namespace tierdesk
