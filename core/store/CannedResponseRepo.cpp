#include "core/store/CannedResponseRepo.h"

namespace tierdesk {
namespace {

const QString kCannedResponseColumns
    = QStringLiteral("id, company_id, shortcut, title, content, created_at, updated_at");

CannedResponse readCanned(const QSqlQuery &q)
{
    return CannedResponse{q.value(0).toString(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
        q.value(4).toString(), q.value(5).toLongLong(), q.value(6).toLongLong()};
}

std::optional<CannedResponse> first(QSqlQuery &q)
{
    std::optional<CannedResponse> out;
    if (q.next())
        out = readCanned(q);
    q.finish();
    return out;
}

} // namespace

Status CannedResponseRepo::insert(const CannedResponse &r)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO canned_responses(%1) VALUES (?, ?, ?, ?, ?, ?, ?)").arg(kCannedResponseColumns));
    return m_db.status(m_db.exec(q, {r.id, r.companyId, r.shortcut, r.title, r.content, r.createdAt, r.updatedAt}));
}

Status CannedResponseRepo::update(const CannedResponse &r)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("UPDATE canned_responses SET shortcut = ?, title = ?, content = ?,"
                                                 " updated_at = ? WHERE company_id = ? AND id = ?"));
    return m_db.oneRow(m_db.exec(q, {r.shortcut, r.title, r.content, r.updatedAt, r.companyId, r.id}), q);
}

Status CannedResponseRepo::remove(const QString &companyId, const QString &id)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("DELETE FROM canned_responses WHERE company_id = ? AND id = ?"));
    return m_db.oneRow(m_db.exec(q, {companyId, id}), q);
}

std::optional<CannedResponse> CannedResponseRepo::find(const QString &companyId, const QString &id)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT %1 FROM canned_responses WHERE company_id = ? AND id = ?").arg(kCannedResponseColumns));
    if (!m_db.exec(q, {companyId, id}))
        return std::nullopt;
    return first(q);
}

std::optional<CannedResponse> CannedResponseRepo::findByShortcut(const QString &companyId, const QString &shortcut)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT %1 FROM canned_responses WHERE company_id = ? AND shortcut = ?")
                             .arg(kCannedResponseColumns));
    if (!m_db.exec(q, {companyId, shortcut}))
        return std::nullopt;
    return first(q);
}

QList<CannedResponse> CannedResponseRepo::list(const QString &companyId)
{
    QList<CannedResponse> out;
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT %1 FROM canned_responses WHERE company_id = ? ORDER BY shortcut")
                             .arg(kCannedResponseColumns));
    if (!m_db.exec(q, {companyId}))
        return out;
    while (q.next())
        out << readCanned(q);
    q.finish();
    return out;
}

int CannedResponseRepo::count(const QString &companyId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT count(*) FROM canned_responses WHERE company_id = ?"));
    if (!m_db.exec(q, {companyId}) || !q.next())
        return -1;
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

} // namespace tierdesk
