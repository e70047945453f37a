#include "core/store/MentionRepo.h"

namespace tierdesk {
namespace {

const QString kMentionColumns = QStringLiteral(
    "id, company_id, agent_id, session_id, message_id, from_id, from_name, excerpt, created_at, read_at");

Mention readMention(const QSqlQuery &q)
{
    Mention m;
    m.id = q.value(0).toString();
    m.companyId = q.value(1).toString();
    m.agentId = q.value(2).toString();
    m.sessionId = q.value(3).toString();
    m.messageId = q.value(4).toString();
    m.fromId = q.value(5).toString();
    m.fromName = q.value(6).toString();
    m.excerpt = q.value(7).toString();
    m.createdAt = q.value(8).toLongLong();
    m.readAt = q.value(9).toLongLong();
    return m;
}

} // namespace

Status MentionRepo::insert(const Mention &m)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO mentions(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)").arg(kMentionColumns));
    return m_db.status(m_db.exec(q,
        {m.id, m.companyId, m.agentId, m.sessionId, m.messageId, m.fromId, m.fromName, m.excerpt, m.createdAt,
            m.readAt}));
}

QList<Mention> MentionRepo::forAgent(const QString &companyId, const QString &agentId, bool unreadOnly, int limit)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT %1 FROM mentions WHERE company_id = ? AND agent_id = ?"
                                                 " AND (? = 0 OR read_at = 0) ORDER BY created_at DESC, id LIMIT ?")
                                      .arg(kMentionColumns));
    QList<Mention> out;
    if (!m_db.exec(q, {companyId, agentId, unreadOnly ? 1 : 0, limit}))
        return out;
    while (q.next())
        out << readMention(q);
    q.finish();
    return out;
}

int MentionRepo::unreadCount(const QString &companyId, const QString &agentId)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT COUNT(*) FROM mentions WHERE company_id = ? AND agent_id = ? AND read_at = 0"));
    if (!m_db.exec(q, {companyId, agentId}) || !q.next())
        return 0;
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

std::optional<Mention> MentionRepo::find(const QString &companyId, const QString &agentId, const QString &id)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT %1 FROM mentions WHERE company_id = ? AND agent_id = ? AND id = ?")
                             .arg(kMentionColumns));
    if (!m_db.exec(q, {companyId, agentId, id}))
        return std::nullopt;
    std::optional<Mention> out;
    if (q.next())
        out = readMention(q);
    q.finish();
    return out;
}

std::optional<Mention> MentionRepo::markRead(
    const QString &companyId, const QString &agentId, const QString &id, qint64 now)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "UPDATE mentions SET read_at = ? WHERE company_id = ? AND agent_id = ? AND id = ? AND read_at = 0"));
    if (!m_db.exec(q, {now, companyId, agentId, id}))
        return std::nullopt;
    return find(companyId, agentId, id);
}

} // namespace tierdesk
