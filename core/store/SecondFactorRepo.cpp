#include "core/store/SecondFactorRepo.h"

namespace tierdesk {

Status SecondFactorRepo::setPending(const QString &agentId, const QString &sealedSecret)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("UPDATE agents SET mfa_pending = ? WHERE id = ?"));
    return m_db.oneRow(m_db.exec(q, {sealedSecret, agentId}), q);
}

Status SecondFactorRepo::confirm(
    const QString &agentId, const QString &sealedSecret, qint64 step, const QStringList &codeHashes)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE agents SET mfa_secret = ?, mfa_pending = '', mfa_last_step = ? WHERE id = ?"));
    if (const Status set = m_db.oneRow(m_db.exec(q, {sealedSecret, step, agentId}), q); !set)
        return set;
    if (!m_db.exec(QStringLiteral("DELETE FROM agent_recovery_codes WHERE agent_id = ?"), {agentId}))
        return m_db.lastFailure();
    QSqlQuery &insert
        = m_db.statement(QStringLiteral("INSERT INTO agent_recovery_codes(agent_id, code_hash) VALUES (?, ?)"));
    for (const QString &hash : codeHashes)
        if (!m_db.exec(insert, {agentId, hash}))
            return m_db.lastFailure();
    return Ok{};
}

Status SecondFactorRepo::clear(const QString &agentId)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE agents SET mfa_secret = '', mfa_pending = '', mfa_last_step = 0 WHERE id = ?"));
    if (const Status set = m_db.oneRow(m_db.exec(q, {agentId}), q); !set)
        return set;
    return m_db.status(m_db.exec(QStringLiteral("DELETE FROM agent_recovery_codes WHERE agent_id = ?"), {agentId}));
}

Result<bool> SecondFactorRepo::claimStep(const QString &agentId, qint64 step)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("UPDATE agents SET mfa_last_step = ? WHERE id = ? AND mfa_last_step < ?"));
    if (!m_db.exec(q, {step, agentId, step}))
        return m_db.lastFailure();
    return q.numRowsAffected() > 0;
}

Result<bool> SecondFactorRepo::useRecoveryCode(const QString &agentId, const QString &codeHash)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("DELETE FROM agent_recovery_codes WHERE agent_id = ? AND code_hash = ?"));
    if (!m_db.exec(q, {agentId, codeHash}))
        return m_db.lastFailure();
    return q.numRowsAffected() > 0;
}

int SecondFactorRepo::recoveryCodesLeft(const QString &agentId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT count(*) FROM agent_recovery_codes WHERE agent_id = ?"));
    int left = 0;
    if (m_db.exec(q, {agentId}) && q.next())
        left = q.value(0).toInt();
    q.finish();
    return left;
}

} // namespace tierdesk
