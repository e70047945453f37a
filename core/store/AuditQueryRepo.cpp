#include "core/store/AuditQueryRepo.h"

namespace tierdesk {

namespace {

// One statement for every combination of filters: an empty filter matches all
// (a null QString binds as NULL, hence coalesce).
QString where(const SqlDialect &sql)
{
    return QStringLiteral(
               " FROM audit_log WHERE company_id = :company AND (:start = 0 OR at >= :start) AND (:end = 0 OR at <= "
               ":end)"
               " AND (coalesce(:actor, '') = '' OR actor = :actor) AND (coalesce(:action, '') = '' OR action = :action)"
               " AND (coalesce(:resource, '') = '' OR ")
        + sql.position(QStringLiteral("resource"), QStringLiteral(":resource")) + QStringLiteral(" > 0)");
}

void bindFilters(QSqlQuery &q, const AuditQuery &f)
{
    q.bindValue(QStringLiteral(":company"), f.companyId);
    q.bindValue(QStringLiteral(":start"), f.startMs);
    q.bindValue(QStringLiteral(":end"), f.endMs);
    q.bindValue(QStringLiteral(":actor"), f.actor);
    q.bindValue(QStringLiteral(":action"), f.action);
    q.bindValue(QStringLiteral(":resource"), f.resourcePart);
}

} // namespace

std::optional<QList<AuditRow>> AuditQueryRepo::find(const AuditQuery &f, int *total)
{
    QSqlQuery &count = m_db.statement(QStringLiteral("SELECT count(*)") + where(m_db.dialect()));
    bindFilters(count, f);
    if (!count.exec() || !count.next())
        return std::nullopt;
    *total = count.value(0).toInt();
    count.finish();

    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT id, at, actor, role, action, resource, client_address, status, details")
            + where(m_db.dialect()) + QStringLiteral(" ORDER BY at DESC, id DESC LIMIT :limit OFFSET :offset"));
    bindFilters(q, f);
    q.bindValue(QStringLiteral(":limit"), f.limit);
    q.bindValue(QStringLiteral(":offset"), f.offset);
    if (!q.exec())
        return std::nullopt;
    QList<AuditRow> rows;
    while (q.next()) {
        AuditEntry e{q.value(1).toLongLong(), f.companyId, q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(), q.value(6).toString(), AuditOutcome::System,
            AuditRepo::detailsOf(q.value(8).toByteArray())};
        AuditRepo::readStatusColumn(e, q.value(7).toInt());
        rows.append(AuditRow{q.value(0).toLongLong(), e});
    }
    q.finish();
    return rows;
}

} // namespace tierdesk
