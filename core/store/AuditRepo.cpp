#include "core/store/AuditRepo.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk {

QString AuditRepo::detailsText(const QVariantMap &details)
{
    return details.isEmpty()
        ? QString()
        : QString::fromUtf8(QJsonDocument(QJsonObject::fromVariantMap(details)).toJson(QJsonDocument::Compact));
}

QVariantMap AuditRepo::detailsOf(const QByteArray &text)
{
    return text.isEmpty() ? QVariantMap() : QJsonDocument::fromJson(text).object().toVariantMap();
}

Status AuditRepo::append(const AuditEntry &e)
{
    return m_db.status(m_db.write(
        QStringLiteral(
            "INSERT INTO audit_log(at, company_id, actor, role, action, resource, client_address, status, details)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {e.at, e.companyId, e.actor, e.role, e.action, e.resource, e.clientAddress, e.status, detailsText(e.details)}));
}

QList<AuditEntry> AuditRepo::recent(const QString &companyId, int limit)
{
    QList<AuditEntry> out;
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT at, actor, role, action, resource, client_address, status, details FROM audit_log WHERE company_id = ?"
        " ORDER BY id DESC LIMIT ?"));
    if (!m_db.exec(q, {companyId, limit}))
        return out;
    while (q.next())
        out << AuditEntry{q.value(0).toLongLong(), companyId, q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), q.value(6).toInt(),
            detailsOf(q.value(7).toByteArray())};
    q.finish();
    return out;
}

} // namespace tierdesk
