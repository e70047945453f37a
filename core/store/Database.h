#pragma once

#include "core/common/Result.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>
#include <memory>

namespace tierdesk {

// One SQLite connection (QSQLITE) owned by one thread: WAL mode, numbered
// migrations, and a cache of prepared statements so hot paths never re-parse SQL.
class Database
{
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating if needed) and migrates the database at `path`.
    // `synchronousFull` trades throughput for durability across power loss;
    // NORMAL already survives a killed process once a commit returns.
    static Result<std::unique_ptr<Database>> open(const QString &path, bool synchronousFull = false);

    QSqlDatabase &handle() { return m_db; }
    QString path() const { return m_path; }
    int schemaVersion();

    // A prepared statement for `sql`, cached for the connection's life. Do not
    // nest two uses of the same statement.
    QSqlQuery &statement(const QString &sql);
    // Binds positional values and executes; returns false and logs on error.
    bool exec(QSqlQuery &q, std::initializer_list<QVariant> values);
    bool exec(const QString &sql, std::initializer_list<QVariant> values = {});
    QString lastError() const { return m_lastError; }

    bool begin();
    bool commit();
    bool rollback();
    bool inTransaction() const { return m_inTransaction; }
    bool savepoint(const QString &name);
    bool release(const QString &name);
    bool rollbackTo(const QString &name);

private:
    Database() = default;
    Status migrate();

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements;
    QString m_lastError;
    bool m_inTransaction = false;
};

} // namespace tierdesk
