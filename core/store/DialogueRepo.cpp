#include "core/store/DialogueRepo.h"

#include <QJsonDocument>

namespace tierdesk {

std::optional<QJsonObject> DialogueRepo::load(const QString &sessionId)
{
    if (const std::optional<QJsonObject> *cached = m_cached.object(sessionId))
        return *cached;
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT state FROM dialogue_states WHERE session_id = ?"));
    if (!m_db.exec(q, {sessionId}))
        return std::nullopt;
    std::optional<QJsonObject> out;
    if (q.next())
        out = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    q.finish();
    m_cached.insert(sessionId, new std::optional<QJsonObject>(out));
    return out;
}

bool DialogueRepo::save(const QString &sessionId, const QJsonObject &state, qint64 nowMs)
{
    m_cached.remove(sessionId);
    if (!m_db.write(
            QStringLiteral(
                "INSERT INTO dialogue_states(session_id, state, updated_at) VALUES (?, ?, ?)"
                " ON CONFLICT(session_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at"),
            {sessionId, QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)), nowMs}))
        return false;
    m_cached.insert(sessionId, new std::optional<QJsonObject>(state));
    return true;
}

} // namespace tierdesk
