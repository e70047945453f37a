#include "core/store/KbGapRepo.h"

#include "core/store/MessageMetaCodec.h"

#include <algorithm>

namespace tierdesk {

Status KbGapRepo::record(const QString &companyId, const GapQuestion &q)
{
    // Whether its session already went to a person; later escalations and resolutions are kept by
    // the triggers kb_gap_escalated and kb_gap_resolved.
    QSqlQuery &insert = m_db.statement(QStringLiteral(
        "INSERT INTO kb_gap_questions(id, company_id, session_id, question, terms, reason, asked_at, escalated)"
        " SELECT ?, ?, ?, ?, ?, ?, ?, CASE WHEN EXISTS (SELECT 1 FROM escalations e WHERE e.session_id = ?"
        " AND e.to_tier = 'HUMAN_AGENT') THEN 1 ELSE 0 END"));
    return m_db.status(
        m_db.exec(insert, {q.id, companyId, q.sessionId, q.question, q.terms, q.reason, q.askedAt, q.sessionId}));
}

Result<QList<GapQuestion>> KbGapRepo::open(const QString &companyId, int limit)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT id, session_id, terms, asked_at, escalated, resolved_by_people FROM kb_gap_questions"
                       " WHERE company_id = ? AND closed_at IS NULL ORDER BY asked_at DESC, id DESC LIMIT ?"));
    if (!m_db.exec(q, {companyId, limit}))
        return m_db.lastFailure();
    QList<GapQuestion> out;
    while (q.next())
        out.append({q.value(0).toString(), q.value(1).toString(), {}, {}, q.value(3).toLongLong(),
            q.value(4).toInt() != 0, q.value(5).toInt() != 0, q.value(2).toString()});
    q.finish();
    std::reverse(out.begin(), out.end()); // oldest first: a group's first question names it
    return out;
}

Result<QHash<QString, QString>> KbGapRepo::questions(const QString &companyId, const QStringList &ids)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT question FROM kb_gap_questions WHERE id = ? AND company_id = ?"));
    QHash<QString, QString> out;
    for (const QString &id : ids) {
        if (out.contains(id))
            continue;
        if (!m_db.exec(q, {id, companyId}))
            return m_db.lastFailure();
        if (q.next())
            out.insert(id, q.value(0).toString());
        q.finish();
    }
    return out;
}

Status KbGapRepo::close(const QString &companyId, const QStringList &ids, const QString &why, qint64 nowMs)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("UPDATE kb_gap_questions SET closed_at = ?, closed_by = ?"
                                                 " WHERE company_id = ? AND id = ? AND closed_at IS NULL"));
    for (const QString &id : ids)
        if (!m_db.exec(q, {nowMs, why, companyId, id}))
            return m_db.status(false);
    return Ok{};
}

Result<QStringList> KbGapRepo::peopleReplies(const QString &companyId, const QStringList &sessionIds, int limit)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT m.content, m.metadata FROM messages m JOIN sessions s ON s.id = m.session_id"
                       " WHERE s.company_id = ? AND m.session_id = ? AND m.role = 'human_agent'"
                       " ORDER BY m.seq DESC"));
    QStringList out;
    for (const QString &id : sessionIds) {
        if (out.size() >= limit)
            break;
        if (!m_db.exec(q, {companyId, id}))
            return m_db.lastFailure();
        while (q.next() && out.size() < limit) {
            // A resolve's goodbye answers nothing.
            const MessageMeta meta = storage::decodeMessageMeta(q.value(1).toByteArray());
            if (!meta.person || !meta.person->closing)
                out << q.value(0).toString();
        }
        q.finish();
    }
    return out;
}

} // namespace tierdesk
