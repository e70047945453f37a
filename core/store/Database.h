#pragma once

#include "core/common/Result.h"
#include "core/store/DatabaseUrl.h"
#include "core/store/SqlDialect.h"
#include "core/store/SqliteStatement.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <initializer_list>
#include <memory>

struct sqlite3;

namespace tierdesk {

struct DatabaseOptions {
    // trades throughput for durability across power loss; NORMAL already
    // survives a killed process once a commit returns.
    bool synchronousFull = false;
    // Time budget of the integrity check (PRAGMA quick_check) at open; a check
    // that runs out of time is logged and skipped, 0 skips it altogether.
    int startupCheckMs = 10000;
};

// The two kinds of store: a SQLite file (the default) or a PostgreSQL database (team mode).
enum class Backend { Sqlite, Postgres };

// Where a database is, enough to open another connection to it (a reader on another thread).
struct DatabaseTarget {
    Backend backend = Backend::Sqlite;
    QString path; // SQLite
    DatabaseUrl url; // PostgreSQL
    QString password; // PostgreSQL, when not in the URL
};

// One connection owned by one thread, SQLite (QSQLITE: WAL mode) or PostgreSQL
// (QPSQL), with numbered migrations and a cache of prepared statements so hot paths
// never re-parse SQL. Repositories write SQL both backends take; where they differ
// they ask postgres() (the store keeps every dialect difference inside itself).
class Database {
public:
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    // Opens (creating it, mode 0600, if needed), checks and migrates the
    // database at `path`. Refuses a read-only or damaged database.
    static Result<std::unique_ptr<Database>> open(const QString &path, const DatabaseOptions &options);
    static Result<std::unique_ptr<Database>> open(const QString &path, bool synchronousFull = false)
    {
        return open(path, DatabaseOptions{synchronousFull});
    }
    // A read-only connection to an existing database that open() set up (WAL: it reads the
    // last committed state while the writer goes on), for reads off the engine thread. No
    // check, no migration; the thread that opens it is the only one that may use it.
    static Result<std::unique_ptr<Database>> openReadOnly(const QString &path);
    bool readOnly() const { return m_readOnly; }
    // A PostgreSQL database: migrated once, under an advisory lock, by whichever
    // instance comes first. A password missing from the URL is `password` when given,
    // else libpq's own (PGPASSFILE, ~/.pgpass).
    static Result<std::unique_ptr<Database>> openPostgres(
        const DatabaseUrl &url, const DatabaseOptions &options, const QString &password = {});
    // A second connection to it for reads off the engine thread (no migration).
    static Result<std::unique_ptr<Database>> openPostgresReader(const DatabaseUrl &url, const QString &password = {});
    // A connection of its own that only LISTENs (QSqlDriver::subscribeToNotification): one that
    // runs queries too may read a notification off the socket mid-query and hold it until its next.
    static Result<std::unique_ptr<Database>> openPostgresListener(const DatabaseTarget &target);

    // A read-only connection to `target`, for reads off the engine thread.
    static Result<std::unique_ptr<Database>> openReader(const DatabaseTarget &target);
    DatabaseTarget target() const { return {m_backend, m_path, m_url, m_password}; }

    Backend backend() const { return m_backend; }
    bool postgres() const { return m_backend == Backend::Postgres; }
    SqlDialect dialect() const { return SqlDialect{postgres()}; }
    // "sqlite" or "postgresql", as /health says it.
    QString backendName() const;
    // Where it is, for messages: the file's path, or the URL without its password.
    QString location() const { return m_path; }

    // Problems PRAGMA quick_check reports at most (it stops counting there).
    static constexpr int kMaxReportedProblems = 20;

    QSqlDatabase &handle() { return m_db; }
    // The driver's SQLite connection, for what QtSql does not offer (backup, progress handler).
    static sqlite3 *sqliteHandle(const QSqlDatabase &db);
    // SQLite's own words for an error ("database disk image is malformed").
    static QString errorText(const QSqlError &error);
    QString path() const { return m_path; }
    // The URL of a PostgreSQL store (empty for SQLite).
    const DatabaseUrl &url() const { return m_url; }
    int schemaVersion();

    // A prepared statement for `sql`, cached for the connection's life. Do not
    // nest two uses of the same statement.
    QSqlQuery &statement(const QString &sql);
    // Binds positional values and executes; returns false and logs on error.
    bool exec(QSqlQuery &q, std::initializer_list<QVariant> values);
    bool exec(const QString &sql, std::initializer_list<QVariant> values = {});
    // A write that reads no rows (INSERT, UPDATE, DELETE, SAVEPOINT...), prepared once and run
    // straight on SQLite: the message path's statements. Same values and errors as exec().
    bool write(const QString &sql, std::initializer_list<QVariant> values = {});
    QString lastError() const { return m_lastError; }
    // The last failure as the store's error, for a repository to return instead of its
    // bool: Internal with SQLite's words, or degradedError() once storage has failed.
    Error lastFailure() const;
    // What a write on a degraded database gets: Unavailable (StorageFailure), the failure
    // ("corrupt", "io", "readonly") in details.reason, so every family answers its 503.
    Error degradedError() const;
    // `ok` of exec()/write() as a Status: the last failure when it failed.
    Status status(bool ok) const;
    // A write meant to change exactly one row: NotFound when it ran but changed none.
    Status oneRow(bool ok, const QSqlQuery &q) const;

    bool begin();
    bool commit();
    bool rollback();
    bool inTransaction() const { return m_inTransaction; }
    // PostgreSQL: a statement failed inside the open transaction, which takes nothing more
    // until a rollback (to a savepoint taken before the failure).
    bool aborted() const;
    bool savepoint(const QString &name);
    bool release(const QString &name);
    bool rollbackTo(const QString &name);

    // PostgreSQL: the connection is gone (the server restarted, the network dropped). The
    // store is degraded (failure() == kConnectionLost) until reconnect() succeeds.
    static constexpr char kConnectionLost[] = "connection";
    bool connectionLost() const { return m_failure == QLatin1String(kConnectionLost); }
    // A fresh connection in place of a lost one: cached statements and any open transaction
    // (already lost with the old connection) are dropped. Call between units of work only.
    Status reconnect();
    // Whether a new connection to `target` opens now (to ask from another thread first, so
    // a server that does not answer never holds up the connection's own thread).
    static bool reachable(const DatabaseTarget &target);

    // Storage failure: a statement or commit failed with SQLITE_CORRUPT,
    // SQLITE_NOTADB, SQLITE_IOERR or SQLITE_READONLY. From then on the database
    // is degraded: the write batch refuses writes (reads go on) until a restart,
    // whose integrity check tells whether the file is damaged.
    bool degraded() const { return !m_failure.isEmpty(); }
    // "corrupt", "io" or "readonly"; empty while healthy.
    const QString &failure() const { return m_failure; }
    // SQLite: the write-ahead log copied into the database and emptied, so that the page images
    // it held (an erased customer's words among them) are gone from disk too. Nothing on PostgreSQL.
    bool truncateLog();

private:
    Database() = default;
    Status configure(const DatabaseOptions &options);
    Status quickCheck(int budgetMs);
    Status migrate();
    Status applyMigrations();
    // A new connection to `target` named after its `role` (its own QSqlDatabase connection name).
    static Result<std::unique_ptr<Database>> connectPostgres(
        const DatabaseTarget &target, const QString &role, bool readOnly);
    Status startPostgresSession();
    // True (with lastError said) when the connection is lost: no statement is tried then.
    bool refusedWhileLost();
    void noteFailure(const QSqlError &error);
    void notePostgresFailure(const QSqlError &error);
    bool connectionBroken(const QSqlError &error);
    bool endImplicitTransaction(const QString &name, bool ok);
    void noteFailure(int code, const QString &text);

    QString m_connectionName;
    QString m_path;
    Backend m_backend = Backend::Sqlite;
    DatabaseUrl m_url;
    QString m_password; // PostgreSQL, when not in the URL: for readers' connections
    QSqlDatabase m_db;
    QHash<QString, QSqlQuery> m_statements;
    QHash<QString, std::shared_ptr<SqliteStatement>> m_writes;
    QString m_lastError;
    QString m_failure;
    bool m_inTransaction = false;
    QString m_implicitSavepoint; // PostgreSQL: the savepoint that began the transaction
    bool m_aborted = false;

    bool m_readOnly = false;
};

} // namespace tierdesk
