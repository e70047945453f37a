#include "core/store/AgentRepo.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk {
namespace {

const QString kAgentColumns
    = QStringLiteral("id, company_id, email, name, role, queues, password_hash, active, created_at,"
                     " tokens_valid_after, capacity, weekly_summary");
// What is read besides: the second factor (SecondFactorRepo writes it).
const QString kReadColumns = kAgentColumns + QStringLiteral(", mfa_secret, mfa_pending, mfa_last_step");

Agent readAgent(const QSqlQuery &q)
{
    Agent a;
    a.id = q.value(0).toString();
    a.companyId = q.value(1).toString();
    a.email = q.value(2).toString();
    a.name = q.value(3).toString();
    a.role = q.value(4).toString();
    for (const QJsonValue &queue : QJsonDocument::fromJson(q.value(5).toByteArray()).array())
        a.queues << queue.toString();
    a.passwordHash = q.value(6).toString();
    a.active = q.value(7).toInt() != 0;
    a.createdAt = q.value(8).toLongLong();
    a.tokensValidAfter = q.value(9).toLongLong();
    a.capacity = q.value(10).toInt();
    a.weeklySummary = q.value(11).toInt() != 0;
    a.mfaSecret = q.value(12).toString();
    a.mfaPending = q.value(13).toString();
    a.mfaLastStep = q.value(14).toLongLong();
    return a;
}

} // namespace

Status AgentRepo::insert(const Agent &a)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO agents(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kAgentColumns));
    const QByteArray queues = QJsonDocument(QJsonArray::fromStringList(a.queues)).toJson(QJsonDocument::Compact);
    return m_db.status(m_db.exec(q,
        {a.id, a.companyId, a.email.toLower(), a.name, a.role, QString::fromUtf8(queues), a.passwordHash,
            a.active ? 1 : 0, a.createdAt, a.tokensValidAfter, a.capacity, a.weeklySummary ? 1 : 0}));
}

Status AgentRepo::update(const Agent &a)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("UPDATE agents SET name = ?, role = ?, queues = ?, active = ?,"
                       " tokens_valid_after = ?, capacity = ?, weekly_summary = ? WHERE company_id = ? AND id = ?"));
    const QByteArray queues = QJsonDocument(QJsonArray::fromStringList(a.queues)).toJson(QJsonDocument::Compact);
    return m_db.oneRow(m_db.exec(q,
                           {a.name, a.role, QString::fromUtf8(queues), a.active ? 1 : 0, a.tokensValidAfter, a.capacity,
                               a.weeklySummary ? 1 : 0, a.companyId, a.id}),
        q);
}

std::optional<Agent> AgentRepo::findById(const QString &id)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT %1 FROM agents WHERE id = ?").arg(kReadColumns));
    if (!m_db.exec(q, {id}))
        return std::nullopt;
    return fromQuery(q);
}

std::optional<Agent> AgentRepo::fromQuery(QSqlQuery &q)
{
    std::optional<Agent> out;
    if (q.next())
        out = readAgent(q);
    q.finish();
    return out;
}

std::optional<Agent> AgentRepo::find(const QString &companyId, const QString &id)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT %1 FROM agents WHERE company_id = ? AND id = ?").arg(kReadColumns));
    if (!m_db.exec(q, {companyId, id}))
        return std::nullopt;
    return fromQuery(q);
}

std::optional<Agent> AgentRepo::findByEmail(const QString &email)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT %1 FROM agents WHERE email = ?").arg(kReadColumns));
    if (!m_db.exec(q, {email.toLower()}))
        return std::nullopt;
    return fromQuery(q);
}

QList<Agent> AgentRepo::list(const QString &companyId)
{
    QList<Agent> out;
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT %1 FROM agents WHERE company_id = ? ORDER BY name").arg(kReadColumns));
    if (!m_db.exec(q, {companyId}))
        return out;
    while (q.next())
        out << readAgent(q);
    q.finish();
    return out;
}

Status AgentRepo::updatePassword(
    const QString &companyId, const QString &id, const QString &passwordHash, qint64 tokensValidAfter)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("UPDATE agents SET password_hash = ?, tokens_valid_after = ")
        + m_db.dialect().greatest(QStringLiteral("tokens_valid_after"), QStringLiteral("?"))
        + QStringLiteral(" WHERE company_id = ? AND id = ?"));
    return m_db.oneRow(m_db.exec(q, {passwordHash, tokensValidAfter, companyId, id}), q);
}

int AgentRepo::count()
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT count(*) FROM agents"));
    if (!m_db.exec(q, {}) || !q.next())
        return -1;
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

} // namespace tierdesk
