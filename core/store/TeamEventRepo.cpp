#include "core/store/TeamEventRepo.h"

namespace tierdesk {

Status TeamEventRepo::append(const QString &origin, const QByteArray &payload, qint64 now)
{
    // NOTIFY inside the transaction is sent when it commits, and not at all if it rolls back.
    return m_db.status(
        m_db.write(QStringLiteral("INSERT INTO team_events(origin, payload, created_at) VALUES (?, ?, ?)"),
            {origin, QString::fromUtf8(payload), now})
        && m_db.write(QStringLiteral("NOTIFY ") + QLatin1String(kChannel)));
}

QList<TeamEventRow> TeamEventRepo::after(qint64 afterId, int limit)
{
    QList<TeamEventRow> out;
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT id, origin, payload FROM team_events WHERE id > ? ORDER BY id LIMIT ?"));
    if (!m_db.exec(q, {afterId, limit}))
        return out;
    while (q.next())
        out << TeamEventRow{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString().toUtf8()};
    q.finish();
    return out;
}

qint64 TeamEventRepo::lastId()
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT COALESCE(MAX(id), 0) FROM team_events"));
    if (!m_db.exec(q, {}) || !q.next())
        return 0;
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    return id;
}

int TeamEventRepo::prune(qint64 beforeMs)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("DELETE FROM team_events WHERE created_at < ?"));
    if (!m_db.exec(q, {beforeMs}))
        return 0;
    return q.numRowsAffected();
}

Status TeamEventRepo::announceCompanyChange(Database &db, const QString &companyId)
{
    if (!db.postgres())
        return Ok{};
    return db.status(
        db.exec(QStringLiteral("SELECT pg_notify(?, ?)"), {QString::fromLatin1(kCompanyChannel), companyId}));
}

Status TeamEventRepo::announceLoginsEnded(Database &db)
{
    if (!db.postgres())
        return Ok{};
    return db.status(db.write(QStringLiteral("NOTIFY ") + QLatin1String(kLoginChannel)));
}

} // namespace tierdesk
