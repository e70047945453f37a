#include "core/store/DialogueRepo.h"

#include <QJsonDocument>

namespace tierdesk {

std::optional<QJsonObject> DialogueRepo::load(const QString &sessionId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT state FROM dialogue_states WHERE session_id = ?"));
    if (!m_db.exec(q, {sessionId}))
        return std::nullopt;
    std::optional<QJsonObject> out;
    if (q.next())
        out = QJsonDocument::fromJson(q.value(0).toString().toUtf8()).object();
    q.finish();
    return out;
}

bool DialogueRepo::save(const QString &sessionId, const QJsonObject &state, qint64 nowMs)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("INSERT INTO dialogue_states(session_id, state, updated_at) VALUES (?, ?, ?)"
                                                 " ON CONFLICT(session_id) DO UPDATE SET state = excluded.state,"
                                                 " updated_at = excluded.updated_at"));
    return m_db.exec(q, {sessionId, QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)), nowMs});
}

} // namespace tierdesk
