#include "core/store/OidcFlowRepo.h"

namespace tierdesk {

Status OidcFlowRepo::insert(const OidcFlow &f)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO oidc_flows(state, company_id, nonce, code_verifier, redirect, device, created_at,"
                       " expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    return m_db.status(
        m_db.exec(q, {f.state, f.companyId, f.nonce, f.codeVerifier, f.redirect, f.device, f.createdAt, f.expiresAt}));
}

std::optional<OidcFlow> OidcFlowRepo::take(const QString &state, qint64 nowMs)
{
    QSqlQuery &read = m_db.statement(
        QStringLiteral("SELECT company_id, nonce, code_verifier, redirect, device, created_at, expires_at"
                       " FROM oidc_flows WHERE state = ?"));
    if (!m_db.exec(read, {state}) || !read.next())
        return std::nullopt;
    OidcFlow f;
    f.state = state;
    f.companyId = read.value(0).toString();
    f.nonce = read.value(1).toString();
    f.codeVerifier = read.value(2).toString();
    f.redirect = read.value(3).toString();
    f.device = read.value(4).toString();
    f.createdAt = read.value(5).toLongLong();
    f.expiresAt = read.value(6).toLongLong();
    read.finish();
    // Whoever removes the row has the flow; a second taker removes nothing.
    QSqlQuery &remove = m_db.statement(QStringLiteral("DELETE FROM oidc_flows WHERE state = ?"));
    if (!m_db.exec(remove, {state}) || remove.numRowsAffected() != 1)
        return std::nullopt;
    if (f.expiresAt <= nowMs)
        return std::nullopt;
    return f;
}

int OidcFlowRepo::removeExpired(qint64 nowMs)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("DELETE FROM oidc_flows WHERE expires_at <= ?"));
    if (!m_db.exec(q, {nowMs}))
        return 0;
    return q.numRowsAffected();
}

int OidcFlowRepo::pending(const QString &companyId, qint64 nowMs)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM oidc_flows WHERE company_id = ? AND expires_at > ?"));
    if (!m_db.exec(q, {companyId, nowMs}) || !q.next())
        return 0;
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

} // namespace tierdesk
