#include "core/store/Database.h"

#include "core/common/Ids.h"
#include "core/store/Schema.h"

#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>

Q_LOGGING_CATEGORY(lcStore, "tierdesk.store")

namespace tierdesk {

Database::~Database()
{
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, bool synchronousFull)
{
    std::unique_ptr<Database> d(new Database);
    d->m_path = path;
    d->m_connectionName = QStringLiteral("tierdesk-") + QString::fromLatin1(ids::randomHex(6));
    if (path != QLatin1String(":memory:"))
        QDir().mkpath(QFileInfo(path).absolutePath());
    d->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->m_connectionName);
    d->m_db.setDatabaseName(path);
    d->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!d->m_db.open())
        return makeError(ErrorKind::Internal, QStringLiteral("cannot open database %1: %2").arg(path, d->m_db.lastError().text()));
    const QString sync = synchronousFull ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    // A 64 MiB page cache keeps the hot sessions and indexes in memory. The
    // Checkpointer copies the log into the database in the background; the
    // writer's own automatic checkpoint (every 1000 pages) is left only the
    // few pages written since, which keeps the log small without long stalls.
    const QStringList pragmas{QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=") + sync,
                              QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA temp_store=MEMORY"),
                              QStringLiteral("PRAGMA cache_size=-65536"), QStringLiteral("PRAGMA wal_autocheckpoint=1000")};
    for (const QString &pragma : pragmas) {
        if (!d->exec(pragma))
            return makeError(ErrorKind::Internal, QStringLiteral("database setup failed: ") + d->lastError());
    }
    const Status migrated = d->migrate();
    if (!migrated)
        return migrated.error();
    return d;
}

int Database::schemaVersion()
{
    QSqlQuery q(m_db);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM schema_version")) || !q.next())
        return 0;
    return q.value(0).toInt();
}

Status Database::migrate()
{
    exec(QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)"));
    const int current = schemaVersion();
    const QList<schema::Migration> &all = schema::migrations();
    for (const schema::Migration &m : all) {
        if (m.version <= current)
            continue;
        if (!begin())
            return makeError(ErrorKind::Internal, lastError());
        for (const QString &sql : m.statements) {
            if (!exec(sql)) {
                const QString err = lastError();
                rollback();
                return makeError(ErrorKind::Internal, QStringLiteral("migration %1 failed: %2").arg(m.version).arg(err));
            }
        }
        exec(QStringLiteral("INSERT INTO schema_version(version, applied_at) VALUES (?, datetime('now'))"), {m.version});
        if (!commit())
            return makeError(ErrorKind::Internal, lastError());
    }
    return Ok{};
}

QSqlQuery &Database::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true); // no row cache: every use reads its rows once, in order
        if (!q.prepare(sql))
            qCWarning(lcStore) << "prepare failed:" << q.lastError().text() << sql;
        it = m_statements.insert(sql, q);
    }
    return it.value();
}

bool Database::exec(QSqlQuery &q, std::initializer_list<QVariant> values)
{
    int i = 0;
    for (const QVariant &v : values) {
        // A null QString binds as SQL NULL; columns take '' for "no text".
        // Pass an invalid QVariant() where NULL is meant.
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.bindValue(i++, QStringLiteral(""));
        else
            q.bindValue(i++, v);
    }
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        qCWarning(lcStore) << "query failed:" << m_lastError << q.lastQuery();
        return false;
    }
    return true;
}

bool Database::exec(const QString &sql, std::initializer_list<QVariant> values)
{
    QSqlQuery q(m_db);
    if (values.size() == 0) {
        if (!q.exec(sql)) {
            m_lastError = q.lastError().text();
            qCWarning(lcStore) << "query failed:" << m_lastError << sql;
            return false;
        }
        return true;
    }
    if (!q.prepare(sql)) {
        m_lastError = q.lastError().text();
        return false;
    }
    return exec(q, values);
}

bool Database::begin()
{
    m_inTransaction = exec(QStringLiteral("BEGIN IMMEDIATE"));
    return m_inTransaction;
}

bool Database::commit()
{
    const bool ok = exec(QStringLiteral("COMMIT"));
    if (ok)
        m_inTransaction = false;
    return ok;
}

bool Database::rollback()
{
    m_inTransaction = false;
    return exec(QStringLiteral("ROLLBACK"));
}

// Savepoints run on every request: prepared once like any hot statement.
bool Database::savepoint(const QString &name) { return exec(statement(QStringLiteral("SAVEPOINT ") + name), {}); }
bool Database::release(const QString &name) { return exec(statement(QStringLiteral("RELEASE ") + name), {}); }
bool Database::rollbackTo(const QString &name)
{
    return exec(statement(QStringLiteral("ROLLBACK TO ") + name), {}) && release(name);
}

} // namespace tierdesk
