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

namespace {

// Storage encoding of the `status` column. It held the HTTP status of each action before
// outcomes existed, and still does, so the rows written then read the same: an outcome is
// stored as the number it was written with, a request an API family audited as its status.
struct OutcomeCode {
    AuditOutcome outcome;
    int column;
};
constexpr OutcomeCode kOutcomeCodes[] = {{AuditOutcome::System, 0}, {AuditOutcome::Done, 200},
    {AuditOutcome::Created, 201}, {AuditOutcome::Accepted, 202}, {AuditOutcome::Removed, 204},
    {AuditOutcome::Unauthorized, 401}, {AuditOutcome::Failed, 500}, {AuditOutcome::NotDelivered, 502}};

} // namespace

int AuditRepo::statusColumn(const AuditEntry &e)
{
    if (e.answeredStatus != 0)
        return e.answeredStatus;
    for (const OutcomeCode &c : kOutcomeCodes)
        if (c.outcome == e.outcome)
            return c.column;
    return 0;
}

void AuditRepo::readStatusColumn(AuditEntry &e, int column)
{
    for (const OutcomeCode &c : kOutcomeCodes) {
        if (c.column == column) {
            e.outcome = c.outcome;
            e.answeredStatus = 0;
            return;
        }
    }
    e.answeredStatus = column; // a request's status that no outcome stands for
}

Status AuditRepo::append(const AuditEntry &e)
{
    return m_db.status(m_db.write(
        QStringLiteral(
            "INSERT INTO audit_log(at, company_id, actor, role, action, resource, client_address, status, details)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
        {e.at, e.companyId, e.actor, e.role, e.action, e.resource, e.clientAddress, statusColumn(e),
            detailsText(e.details)}));
}

QList<AuditEntry> AuditRepo::recent(const QString &companyId, int limit)
{
    QList<AuditEntry> out;
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT at, actor, role, action, resource, client_address, status, details FROM audit_log WHERE company_id = ?"
        " ORDER BY id DESC LIMIT ?"));
    if (!m_db.exec(q, {companyId, limit}))
        return out;
    while (q.next()) {
        AuditEntry e{q.value(0).toLongLong(), companyId, q.value(1).toString(), q.value(2).toString(),
            q.value(3).toString(), q.value(4).toString(), q.value(5).toString(), AuditOutcome::System,
            detailsOf(q.value(7).toByteArray())};
        readStatusColumn(e, q.value(6).toInt());
        out << e;
    }
    q.finish();
    return out;
}

} // namespace tierdesk
