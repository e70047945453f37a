#include "core/store/CompanyRepo.h"

#include "core/store/ConfigCodec.h"
#include "core/store/TeamEventRepo.h"

namespace tierdesk {

Status CompanyRepo::insert(const Company &c)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("INSERT INTO companies(id, name, config, created_at) VALUES (?, ?, ?, ?)"));
    return m_db.status(m_db.exec(q, {c.id, c.name, QString::fromUtf8(storage::encodeConfig(c.config)), c.createdAt}));
}

namespace {

Company readCompany(const QSqlQuery &q)
{
    Company c;
    c.id = q.value(0).toString();
    c.name = q.value(1).toString();
    c.config = storage::decodeConfig(q.value(2).toByteArray());
    c.createdAt = q.value(3).toLongLong();
    return c;
}

} // namespace

std::optional<Company> CompanyRepo::fromQuery(QSqlQuery &q)
{
    std::optional<Company> out;
    if (q.next())
        out = readCompany(q);
    q.finish();
    return out;
}

std::optional<Company> CompanyRepo::find(const QString &id)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT id, name, config, created_at FROM companies WHERE id = ?"));
    if (!m_db.exec(q, {id}))
        return std::nullopt;
    return fromQuery(q);
}

std::optional<Company> CompanyRepo::findByName(const QString &name)
{
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT id, name, config, created_at FROM companies WHERE name = ? ORDER BY created_at LIMIT 1"));
    if (!m_db.exec(q, {name}))
        return std::nullopt;
    return fromQuery(q);
}

Status CompanyRepo::updateConfig(const QString &id, const CsConfig &config)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("UPDATE companies SET config = ? WHERE id = ?"));
    if (!m_db.exec(q, {QString::fromUtf8(storage::encodeConfig(config)), id}))
        return m_db.lastFailure();
    return TeamEventRepo::announceCompanyChange(m_db, id); // the tiers' authority changes on every instance
}

Status CompanyRepo::updateName(const QString &id, const QString &name)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("UPDATE companies SET name = ? WHERE id = ?"));
    if (!m_db.exec(q, {name, id}))
        return m_db.lastFailure();
    return TeamEventRepo::announceCompanyChange(m_db, id);
}

int CompanyRepo::count()
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM companies"));
    if (!m_db.exec(q, {}) || !q.next())
        return 0;
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

QList<Company> CompanyRepo::all()
{
    QList<Company> out;
    QSqlQuery q(m_db.handle());
    if (!q.exec(QStringLiteral("SELECT id, name, config, created_at FROM companies ORDER BY created_at")))
        return out;
    while (q.next())
        out << readCompany(q);
    return out;
}

} // namespace tierdesk
