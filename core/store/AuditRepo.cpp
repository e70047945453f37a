#include "core/store/AuditRepo.h"

#include "core/common/Time.h"

#include <QJsonDocument>

namespace tierdesk {

bool AuditRepo::append(const AuditEntry &e)
{
    return m_db.write(
        QStringLiteral(
            "INSERT INTO audit_log(at, company_id, actor, role, action, resource, client_address, status, details)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {e.at, e.companyId, e.actor, e.role, e.action, e.resource, e.clientAddress, e.status,
            e.details.isEmpty() ? QString()
                                : QString::fromUtf8(QJsonDocument(e.details).toJson(QJsonDocument::Compact))});
}

QJsonArray AuditRepo::recent(const QString &companyId, int limit)
{
    QJsonArray out;
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT at, actor, role, action, resource, client_address, status, details FROM audit_log WHERE company_id = ?"
        " ORDER BY id DESC LIMIT ?"));
    if (!m_db.exec(q, {companyId, limit}))
        return out;
    while (q.next()) {
        QJsonObject o{{QStringLiteral("timestamp"), timefmt::iso(q.value(0).toLongLong())},
            {QStringLiteral("actor"), q.value(1).toString()}, {QStringLiteral("role"), q.value(2).toString()},
            {QStringLiteral("action"), q.value(3).toString()}, {QStringLiteral("resource"), q.value(4).toString()},
            {QStringLiteral("clientAddress"), q.value(5).toString()}, {QStringLiteral("status"), q.value(6).toInt()}};
        if (!q.value(7).toString().isEmpty())
            o.insert(QStringLiteral("details"), QJsonDocument::fromJson(q.value(7).toByteArray()).object());
        out.append(o);
    }
    q.finish();
    return out;
}

} // namespace tierdesk
