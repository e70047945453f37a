#include "core/store/DialogueRepo.h"

namespace tierdesk {

std::optional<QByteArray> DialogueRepo::load(const QString &sessionId)
{
    if (const std::optional<QByteArray> *cached = m_cached.object(sessionId))
        return *cached;
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT state FROM dialogue_states WHERE session_id = ?"));
    if (!m_db.exec(q, {sessionId}))
        return std::nullopt;
    std::optional<QByteArray> out;
    if (q.next())
        out = q.value(0).toString().toUtf8();
    q.finish();
    m_cached.insert(sessionId, new std::optional<QByteArray>(out));
    return out;
}

Status DialogueRepo::save(const QString &sessionId, const QByteArray &state, qint64 nowMs)
{
    m_cached.remove(sessionId);
    if (!m_db.write(
            QStringLiteral(
                "INSERT INTO dialogue_states(session_id, state, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(session_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at"),
            {sessionId, QString::fromUtf8(state), nowMs}))
        return m_db.lastFailure();
    m_cached.insert(sessionId, new std::optional<QByteArray>(state));
    return Ok{};
}

} // namespace tierdesk
