#include "core/store/Database.h"

#include "core/common/Ids.h"
#include "core/store/DataDir.h"
#include "core/store/Schema.h"

#include <QDateTime>
#include <QDeadlineTimer>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlDriver>
#include <QSqlError>

#include <sqlite3.h>

Q_LOGGING_CATEGORY(lcStore, "tierdesk.store")

namespace tierdesk {
namespace {

// The primary SQLite result code of a failed statement.
int sqliteCode(const QSqlError &e)
{
    bool ok = false;
    const int code = e.nativeErrorCode().toInt(&ok);
    return ok ? code & 0xff : SQLITE_OK;
}

int stopWhenDue(void *deadline)
{
    return static_cast<QDeadlineTimer *>(deadline)->hasExpired() ? 1 : 0;
}

} // namespace

Database::~Database()
{
    m_writes.clear();
    m_statements.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Database>> Database::open(const QString &path, const DatabaseOptions &options)
{
    std::unique_ptr<Database> d(new Database);
    d->m_path = path;
    d->m_connectionName = QStringLiteral("tierdesk-") + QString::fromLatin1(ids::randomHex(6));
    if (path != QLatin1String(":memory:")) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        // SQLite gives its -wal and -shm files the main file's mode, so
        // creating that one 0600 keeps all three private whatever the umask.
        if (!QFileInfo::exists(path)) {
            if (const Status created = DataDir::createOwnerOnly(path); !created)
                return makeError(ErrorKind::Internal,
                    QStringLiteral("cannot open database %1: %2").arg(path, created.error().message));
        }
        for (const QString &file : QStringList{path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")})
            DataDir::restrictToOwner(file);
    }
    d->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->m_connectionName);
    d->m_db.setDatabaseName(path);
    d->m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!d->m_db.open())
        return makeError(
            ErrorKind::Internal, QStringLiteral("cannot open database %1: %2").arg(path, d->m_db.lastError().text()));
    // SQLite falls back to read-only when it may not write the file; every
    // write would then fail, so say so now.
    if (sqlite3 *h = sqliteHandle(d->m_db); h && sqlite3_db_readonly(h, "main") == 1)
        return makeError(
            ErrorKind::Internal, QStringLiteral("database %1 is read-only: Tierdesk needs to write it").arg(path));
    if (const Status configured = d->configure(options); !configured)
        return configured.error();
    if (const Status checked = d->quickCheck(options.startupCheckMs); !checked)
        return checked.error();
    const Status migrated = d->migrate();
    if (!migrated)
        return migrated.error();
    return d;
}

Result<std::unique_ptr<Database>> Database::openReadOnly(const QString &path)
{
    std::unique_ptr<Database> d(new Database);
    d->m_path = path;
    d->m_readOnly = true;
    d->m_connectionName = QStringLiteral("tierdesk-read-") + QString::fromLatin1(ids::randomHex(6));
    d->m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), d->m_connectionName);
    d->m_db.setDatabaseName(path);
    d->m_db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
    if (!QFileInfo::exists(path) || !d->m_db.open())
        return makeError(ErrorKind::Internal,
            QStringLiteral("cannot open database %1 to read: %2").arg(path, d->m_db.lastError().text()));
    // A small page cache of its own: a report reads each row once.
    // SQLite: a PRAGMA.
    QSqlQuery pragma(d->m_db);
    pragma.exec(QStringLiteral("PRAGMA cache_size=-8192"));
    return d;
}

sqlite3 *Database::sqliteHandle(const QSqlDatabase &db)
{
    const QVariant v = db.driver() ? db.driver()->handle() : QVariant();
    if (!v.isValid() || qstrcmp(v.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(v.constData());
}

QString Database::errorText(const QSqlError &error)
{
    return error.databaseText().isEmpty() ? error.text() : error.databaseText();
}

namespace {
// The log size, in pages, at which the writer checkpoints itself so that the log
// starts again from its beginning (see Database::configure): 64 MiB at 4 KiB pages.
constexpr int kWalRestartPages = 16000;
// A log that grew past this (a restart put off by a long read) is cut back to it.
constexpr qint64 kWalKeptBytes = 96ll * 1024 * 1024;
} // namespace

Status Database::configure(const DatabaseOptions &options)
{
    const QString sync = options.synchronousFull ? QStringLiteral("FULL") : QStringLiteral("NORMAL");
    // A 64 MiB page cache keeps the hot sessions and indexes in memory. The
    // Checkpointer copies the log into the database in the background, off the
    // engine thread. The writer's own checkpoint is what lets the next
    // transaction start the log afresh, but it runs inside a commit on the
    // engine thread and waits for two fsyncs: so it runs only once the log
    // holds kWalRestartPages (about once a second at full load). At 1000 pages
    // it ran after most commits under load and doubled their time
    // (bench/README.md). journal_size_limit gives the disk back after a burst.
    // SQLite: the connection's PRAGMAs.
    const QStringList pragmas{QStringLiteral("PRAGMA journal_mode=WAL"), QStringLiteral("PRAGMA synchronous=") + sync,
        QStringLiteral("PRAGMA foreign_keys=ON"), QStringLiteral("PRAGMA temp_store=MEMORY"),
        QStringLiteral("PRAGMA cache_size=-65536"),
        // What an update or delete frees is zeroed: an erased customer's words stay in no page.
        QStringLiteral("PRAGMA secure_delete=ON"), QStringLiteral("PRAGMA wal_autocheckpoint=%1").arg(kWalRestartPages),
        QStringLiteral("PRAGMA journal_size_limit=%1").arg(kWalKeptBytes)};
    for (const QString &pragma : pragmas) {
        QSqlQuery q(m_db);
        if (q.exec(pragma))
            continue;
        // The first statement is where a file that is not a database shows.
        const int code = sqliteCode(q.lastError());
        if (code == SQLITE_NOTADB || code == SQLITE_CORRUPT)
            return makeError(ErrorKind::Internal,
                QStringLiteral("database %1 is damaged or not a Tierdesk database (%2); "
                               "it is left untouched. Restore it from a backup")
                    .arg(m_path, errorText(q.lastError())));
        return makeError(ErrorKind::Internal, QStringLiteral("database setup failed: ") + errorText(q.lastError()));
    }
    return Ok{};
}

// Bounded in time, not in size: quick_check reads every page, which takes
// seconds for a database of gigabytes; past the budget the check is abandoned
// (logged) rather than holding up the start. It reports at most
// kMaxReportedProblems problems.
bool Database::truncateLog()
{
    if (postgres())
        return true;
    QSqlQuery q(m_db);
    // SQLite: a TRUNCATE checkpoint (busy only while another connection reads).
    return q.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)")) && q.next() && q.value(0).toInt() == 0;
}

Status Database::quickCheck(int budgetMs)
{
    if (budgetMs <= 0 || m_path == QLatin1String(":memory:"))
        return Ok{};
    sqlite3 *h = sqliteHandle(m_db);
    QDeadlineTimer deadline(budgetMs);
    if (h)
        sqlite3_progress_handler(h, 10000, &stopWhenDue, &deadline);
    QStringList problems;
    QSqlError error;
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (q.exec(QStringLiteral("PRAGMA quick_check(%1)").arg(kMaxReportedProblems))) {
            // SQLite: PRAGMA quick_check.
            while (q.next())
                problems << q.value(0).toString();
        }
        error = q.lastError();
    }
    if (h)
        sqlite3_progress_handler(h, 0, nullptr, nullptr);
    if (error.isValid() && sqliteCode(error) == SQLITE_INTERRUPT) {
        qCWarning(lcStore).noquote() << QStringLiteral("integrity check of %1 stopped after %2 ms (%3 MiB); "
                                                       "run `tierdesk db check` to check it fully")
                                            .arg(m_path)
                                            .arg(budgetMs)
                                            .arg(QFileInfo(m_path).size() / (1024 * 1024));
        return Ok{};
    }
    if (error.isValid())
        problems << errorText(error);
    if (problems == QStringList{QStringLiteral("ok")})
        return Ok{};
    // quick_check puts several problems in one row; count them one per line.
    problems = problems.join(QLatin1Char('\n')).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    problems.removeIf([](const QString &line) { return line.startsWith(QLatin1String("***")); });
    return makeError(ErrorKind::Internal,
        QStringLiteral("database %1 is damaged (integrity check: %2%3); it is left "
                       "untouched. Run `tierdesk db check` for the details and restore a backup")
            .arg(m_path, problems.value(0).left(200),
                problems.size() > 1 ? QStringLiteral("; %1 more").arg(problems.size() - 1) : QString()));
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
    if (!exec(
            QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)")))
        return makeError(ErrorKind::Internal, QStringLiteral("cannot create schema_version: ") + lastError());
    return applyMigrations();
}

// Every migration not recorded yet, not only those above the highest: two branches
// number theirs apart (4 and 5), and a database that saw 5 first must still get 4.
Status Database::applyMigrations()
{
    QSet<int> applied;
    {
        QSqlQuery q(m_db);
        if (q.exec(QStringLiteral("SELECT version FROM schema_version")))
            while (q.next())
                applied.insert(q.value(0).toInt());
    }
    const QList<schema::Migration> &all = postgres() ? schema::postgresMigrations() : schema::migrations();
    for (const schema::Migration &m : all) {
        if (applied.contains(m.version))
            continue;
        if (!begin())
            return makeError(ErrorKind::Internal, lastError());
        for (const QString &sql : m.statements) {
            if (!exec(sql)) {
                const QString err = lastError();
                rollback();
                return makeError(
                    ErrorKind::Internal, QStringLiteral("migration %1 failed: %2").arg(m.version).arg(err));
            }
        }
        const QString now = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        if (!exec(QStringLiteral("INSERT INTO schema_version(version, applied_at) VALUES (?, ?)"), {m.version, now})
            || !commit()) {
            const QString err = lastError();
            rollback();
            return makeError(ErrorKind::Internal, QStringLiteral("migration %1 failed: %2").arg(m.version).arg(err));
        }
    }
    return Ok{};
}

QSqlQuery &Database::statement(const QString &sql)
{
    auto it = m_statements.find(sql);
    if (it == m_statements.end()) {
        QSqlQuery q(m_db);
        q.setForwardOnly(true); // no row cache: every use reads its rows once, in order
        // Left unprepared while the connection is lost: reconnect() drops it, prepared afresh then.
        if (!connectionLost() && !q.prepare(sql)) {
            qCWarning(lcStore) << "prepare failed:" << q.lastError().text() << sql;
            noteFailure(q.lastError());
        }
        it = m_statements.insert(sql, q);
    }
    return it.value();
}

// While the connection is lost, every statement would wait for the dead socket and say so.
bool Database::refusedWhileLost()
{
    if (!connectionLost())
        return false;
    m_lastError = QStringLiteral("the connection to the database is lost");
    return true;
}

bool Database::exec(QSqlQuery &q, std::initializer_list<QVariant> values)
{
    if (refusedWhileLost())
        return false;
    int i = 0;
    for (const QVariant &v : values) {
        // A null QString binds as SQL NULL; columns take '' for "no text".
        // Pass an invalid QVariant() where NULL is meant.
        if (v.typeId() == QMetaType::QString && v.toString().isNull())
            q.bindValue(i++, QStringLiteral(""));
        else if (v.typeId() == QMetaType::Bool) // columns are integers on both backends
            q.bindValue(i++, v.toBool() ? 1 : 0);
        else
            q.bindValue(i++, v);
    }
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        qCWarning(lcStore) << "query failed:" << m_lastError << q.lastQuery();
        noteFailure(q.lastError());
        return false;
    }
    return true;
}

bool Database::aborted() const
{
    return m_aborted;
}

bool Database::exec(const QString &sql, std::initializer_list<QVariant> values)
{
    if (refusedWhileLost())
        return false;
    QSqlQuery q(m_db);
    if (values.size() == 0) {
        if (!q.exec(sql)) {
            m_lastError = q.lastError().text();
            qCWarning(lcStore) << "query failed:" << m_lastError << sql;
            noteFailure(q.lastError());
            return false;
        }
        return true;
    }
    if (!q.prepare(sql)) {
        m_lastError = q.lastError().text();
        noteFailure(q.lastError());
        return false;
    }
    return exec(q, values);
}

bool Database::write(const QString &sql, std::initializer_list<QVariant> values)
{
    if (postgres()) // PostgreSQL prepares only DML: BEGIN, SAVEPOINT... run as they are
        return values.size() == 0 ? exec(sql) : exec(statement(sql), values);
    auto it = m_writes.find(sql);
    if (it == m_writes.end())
        it = m_writes.insert(sql, std::make_shared<SqliteStatement>(sqliteHandle(m_db), sql));
    SqliteStatement &statement = **it;
    const int code = statement.run(values);
    if (code == SQLITE_DONE || code == SQLITE_ROW)
        return true;
    m_lastError = statement.errorText();
    qCWarning(lcStore) << "query failed:" << m_lastError << sql;
    noteFailure(code, m_lastError);
    return false;
}

bool Database::begin()
{
    // SQLite: take the write lock now, not at the first write (no deadlock between two writers).
    m_inTransaction = write(postgres() ? QStringLiteral("BEGIN") : QStringLiteral("BEGIN IMMEDIATE"));
    return m_inTransaction;
}

bool Database::commit()
{
    // PostgreSQL turns the COMMIT of a transaction an error aborted into a ROLLBACK without
    // saying so: refuse it here, so the writes are reported lost and never acknowledged.
    if (m_aborted) {
        m_lastError = QStringLiteral("the transaction was aborted by an earlier failure: ") + m_lastError;
        return false;
    }
    const bool ok = write(QStringLiteral("COMMIT"));
    if (ok)
        m_inTransaction = false;
    return ok;
}

bool Database::rollback()
{
    m_inTransaction = false;
    m_aborted = false;
    return write(QStringLiteral("ROLLBACK"));
}

// Savepoints run on every request: prepared once like any hot statement. Outside a
// transaction SQLite's SAVEPOINT begins one and its RELEASE commits it; PostgreSQL
// takes savepoints only inside one, so there they are wrapped in BEGIN ... COMMIT.
bool Database::savepoint(const QString &name)
{
    if (postgres() && !m_inTransaction && m_implicitSavepoint.isEmpty()) {
        if (!write(QStringLiteral("BEGIN")))
            return false;
        m_implicitSavepoint = name;
    }
    if (write(QStringLiteral("SAVEPOINT ") + name))
        return true;
    endImplicitTransaction(name, false);
    return false;
}
bool Database::release(const QString &name)
{
    const bool released = write(QStringLiteral("RELEASE ") + name);
    return endImplicitTransaction(name, released) && released;
}
bool Database::rollbackTo(const QString &name)
{
    const bool undone = write(QStringLiteral("ROLLBACK TO ") + name) && write(QStringLiteral("RELEASE ") + name);
    if (undone)
        m_aborted = false; // the failure is undone with what followed the savepoint
    return endImplicitTransaction(name, undone) && undone;
}

// Commits (or, after a failure, rolls back) the transaction savepoint() began for `name`.
bool Database::endImplicitTransaction(const QString &name, bool ok)
{
    if (m_implicitSavepoint.isEmpty() || m_implicitSavepoint != name)
        return true;
    m_implicitSavepoint.clear();
    if (ok && !m_aborted)
        return write(QStringLiteral("COMMIT"));
    write(QStringLiteral("ROLLBACK"));
    m_aborted = false;
    return false;
}

Error Database::lastFailure() const
{
    if (degraded())
        return degradedError();
    return makeError(ErrorKind::Internal, m_lastError);
}

Error Database::degradedError() const
{
    const QString message = connectionLost() ? QStringLiteral("the database cannot be reached; reconnecting")
                                             : QStringLiteral("the database takes no writes: ") + m_failure;
    return makeError(
        ErrorKind::Unavailable, ErrorDetail::StorageFailure, message, {{QStringLiteral("reason"), m_failure}});
}

Status Database::status(bool ok) const
{
    if (!ok)
        return lastFailure();
    return Ok{};
}

Status Database::oneRow(bool ok, const QSqlQuery &q) const
{
    if (!ok)
        return lastFailure();
    if (q.numRowsAffected() != 1)
        return makeError(ErrorKind::NotFound, QStringLiteral("no such row"));
    return Ok{};
}

void Database::noteFailure(const QSqlError &error)
{
    if (postgres()) {
        // Inside a transaction, PostgreSQL refuses every statement after an error until
        // ROLLBACK (TO SAVEPOINT): remembered, so commit() does not pass it off as committed.
        if (m_inTransaction || !m_implicitSavepoint.isEmpty())
            m_aborted = true;
        notePostgresFailure(error);
        return;
    }
    noteFailure(sqliteCode(error), errorText(error));
}

void Database::noteFailure(int code, const QString &text)
{
    QString failure;
    switch (code & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        failure = QStringLiteral("corrupt");
        break;
    case SQLITE_IOERR:
        failure = QStringLiteral("io");
        break;
    case SQLITE_READONLY:
        failure = QStringLiteral("readonly");
        break;
    default:
        return;
    }
    if (degraded())
        return; // logged once, when it was first seen
    m_failure = failure;
    qCCritical(lcStore).noquote() << QStringLiteral(
        "storage failure (%1) on %2: %3. Writes are refused from now on; reads "
        "go on. Stop Tierdesk and run `tierdesk db check`.")
                                         .arg(failure, m_path, text);
}

} // namespace tierdesk
