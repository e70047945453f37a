#include "core/store/MoneyActionRepo.h"

namespace tierdesk {

namespace {

const QString kColumns = QStringLiteral(
    "id, company_id, session_id, customer_id, kind, order_id, item, amount, currency, connector, target,"
    " idempotency_key, state, provider_id, error, tier, details, told, attempts, next_attempt_at, lease_until,"
    " created_at, updated_at");

MoneyAction readAction(const QSqlQuery &q)
{
    MoneyAction a;
    a.id = q.value(0).toString();
    a.companyId = q.value(1).toString();
    a.sessionId = q.value(2).toString();
    a.customerId = q.value(3).toString();
    a.kind = parseMoneyActionKind(q.value(4).toString()).value_or(MoneyAction::Kind::Refund);
    a.orderId = q.value(5).toString();
    a.item = q.value(6).toString();
    a.amount = q.value(7).toDouble();
    a.currency = q.value(8).toString();
    a.connector = q.value(9).toString();
    a.target = q.value(10).toString();
    a.idempotencyKey = q.value(11).toString();
    a.state = parseMoneyActionState(q.value(12).toString()).value_or(MoneyAction::State::Pending);
    a.providerId = q.value(13).toString();
    a.error = q.value(14).toString();
    a.tier = q.value(15).toString();
    a.details = q.value(16).toString();
    a.told = q.value(17).toLongLong() != 0;
    a.attempts = q.value(18).toInt();
    a.nextAttemptAt = q.value(19).toLongLong();
    a.leaseUntil = q.value(20).toLongLong();
    a.createdAt = q.value(21).toLongLong();
    a.updatedAt = q.value(22).toLongLong();
    return a;
}

} // namespace

Status MoneyActionRepo::insert(const MoneyAction &a)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("INSERT INTO money_actions(") + kColumns
        + QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    return m_db.status(m_db.exec(q,
        {a.id, a.companyId, a.sessionId, a.customerId, toString(a.kind), a.orderId, a.item, a.amount, a.currency,
            a.connector, a.target, a.idempotencyKey, toString(a.state), a.providerId, a.error, a.tier, a.details,
            a.told ? 1 : 0, a.attempts, a.nextAttemptAt, a.leaseUntil, a.createdAt, a.updatedAt}));
}

QList<MoneyAction> MoneyActionRepo::many(QSqlQuery &q)
{
    QList<MoneyAction> out;
    while (q.next())
        out << readAction(q);
    q.finish();
    return out;
}

std::optional<MoneyAction> MoneyActionRepo::find(const QString &id)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM money_actions WHERE id = ?"));
    if (!m_db.exec(q, {id}))
        return std::nullopt;
    const QList<MoneyAction> found = many(q);
    return found.isEmpty() ? std::nullopt : std::optional<MoneyAction>(found.first());
}

std::optional<MoneyAction> MoneyActionRepo::latestOf(
    const QString &companyId, const QString &orderId, MoneyAction::Kind kind)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM money_actions WHERE company_id = ? AND order_id = ? AND kind = ?"
                         " ORDER BY created_at DESC, id DESC LIMIT 1"));
    if (!m_db.exec(q, {companyId, orderId, toString(kind)}))
        return std::nullopt;
    const QList<MoneyAction> found = many(q);
    return found.isEmpty() ? std::nullopt : std::optional<MoneyAction>(found.first());
}

std::optional<MoneyAction> MoneyActionRepo::findByProvider(const QString &companyId, const QString &providerId)
{
    if (providerId.isEmpty())
        return std::nullopt;
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM money_actions WHERE company_id = ? AND provider_id = ?"));
    if (!m_db.exec(q, {companyId, providerId}))
        return std::nullopt;
    const QList<MoneyAction> found = many(q);
    return found.isEmpty() ? std::nullopt : std::optional<MoneyAction>(found.first());
}

QList<MoneyAction> MoneyActionRepo::ofSession(const QString &sessionId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kColumns
        + QStringLiteral(" FROM money_actions WHERE session_id = ? ORDER BY created_at, id"));
    if (!m_db.exec(q, {sessionId}))
        return {};
    return many(q);
}

Result<bool> MoneyActionRepo::take(const QString &id, qint64 nowMs, qint64 leaseUntil)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE money_actions SET lease_until = ?, attempts = attempts + 1, updated_at = ?"
                       " WHERE id = ? AND state = 'pending' AND lease_until <= ? AND next_attempt_at <= ?"));
    if (!m_db.exec(q, {leaseUntil, nowMs, id, nowMs, nowMs}))
        return m_db.lastFailure();
    const bool taken = q.numRowsAffected() == 1;
    q.finish();
    return taken;
}

Result<bool> MoneyActionRepo::takeToTell(const QString &id, qint64 nowMs, qint64 leaseUntil)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "UPDATE money_actions SET lease_until = ? WHERE id = ? AND told = 0 AND state IN ('succeeded', 'failed')"
        " AND lease_until <= ?"));
    if (!m_db.exec(q, {leaseUntil, id, nowMs}))
        return m_db.lastFailure();
    const bool taken = q.numRowsAffected() == 1;
    q.finish();
    return taken;
}

QList<QString> MoneyActionRepo::ids(const QString &sql, qint64 nowMs, int limit)
{
    QList<QString> out;
    QSqlQuery &q = m_db.statement(sql);
    if (!m_db.exec(q, {nowMs, nowMs, limit}))
        return out;
    while (q.next())
        out << q.value(0).toString();
    q.finish();
    return out;
}

QList<QString> MoneyActionRepo::due(qint64 nowMs, int limit)
{
    return ids(QStringLiteral("SELECT id FROM money_actions WHERE state = 'pending' AND next_attempt_at <= ?"
                              " AND lease_until <= ? ORDER BY created_at, id LIMIT ?"),
        nowMs, limit);
}

QList<QString> MoneyActionRepo::untold(qint64 nowMs, int limit)
{
    return ids(QStringLiteral("SELECT id FROM money_actions WHERE told = 0 AND state IN ('succeeded', 'failed')"
                              " AND updated_at <= ?"
                              " AND lease_until <= ? ORDER BY updated_at, id LIMIT ?"),
        nowMs, limit);
}

Result<bool> MoneyActionRepo::settle(const QString &id, MoneyAction::State state, const QString &providerId,
    const QString &error, qint64 nowMs, qint64 leaseUntil)
{
    const QString to = toString(state);
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE money_actions SET state = ?, provider_id = CASE WHEN ? = '' THEN provider_id ELSE ? END,"
                       " error = ?, updated_at = ?, lease_until = ? WHERE id = ?"
                       " AND (state = 'pending' OR (state = 'requested' AND ? IN ('succeeded', 'failed')))"));
    if (!m_db.exec(q, {to, providerId, providerId, error.left(500), nowMs, leaseUntil, id, to}))
        return m_db.lastFailure();
    const bool changed = q.numRowsAffected() == 1;
    q.finish();
    return changed;
}

Status MoneyActionRepo::retryLater(const QString &id, const QString &error, qint64 nowMs, qint64 nextAttemptAt)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE money_actions SET error = ?, updated_at = ?, next_attempt_at = ?, lease_until = 0"
                       " WHERE id = ? AND state = 'pending'"));
    return m_db.status(m_db.exec(q, {error.left(500), nowMs, nextAttemptAt, id}));
}

Status MoneyActionRepo::markTold(const QString &id, qint64 nowMs)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE money_actions SET told = 1, updated_at = ?, lease_until = 0 WHERE id = ?"));
    return m_db.status(m_db.exec(q, {nowMs, id}));
}

Status MoneyActionRepo::releaseLeases()
{
    if (!m_db.exec(QStringLiteral("UPDATE money_actions SET lease_until = 0 WHERE lease_until > 0")))
        return m_db.lastFailure();
    return m_db.status(
        m_db.exec(QStringLiteral("UPDATE money_actions SET next_attempt_at = 0 WHERE state = 'pending'")));
}

double MoneyActionRepo::refundedAtProvider(const QString &companyId, const QString &orderId, bool succeeded)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT COALESCE(SUM(amount), 0) FROM money_actions WHERE company_id = ? AND order_id = ?"
        " AND kind = 'refund' AND (state IN ('pending', 'requested') OR (? = 1 AND state = 'succeeded'))"));
    if (!m_db.exec(q, {companyId, orderId, succeeded ? 1 : 0}) || !q.next())
        return 0;
    const double sum = q.value(0).toDouble();
    q.finish();
    return sum;
}

} // namespace tierdesk
