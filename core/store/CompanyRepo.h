#pragma once

#include "core/common/Result.h"
#include "core/domain/Entities.h"
#include "core/store/Database.h"

#include <optional>

namespace tierdesk {

class CompanyRepo {
public:
    explicit CompanyRepo(Database &db) : m_db(db) { }
    Status insert(const Company &c);
    std::optional<Company> find(const QString &id);
    std::optional<Company> findByName(const QString &name);
    Status updateConfig(const QString &id, const CsConfig &config);
    Status updateName(const QString &id, const QString &name);
    int count();
    QList<Company> all();

private:
    std::optional<Company> fromQuery(QSqlQuery &q);
    Database &m_db;
};

} // namespace tierdesk
