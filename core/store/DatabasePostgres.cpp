#include "core/store/Database.h"

#include "core/common/Ids.h"

#include <QLoggingCategory>
#include <QSqlError>

Q_DECLARE_LOGGING_CATEGORY(lcStore)

namespace tierdesk {
namespace {

// pg_advisory_lock key of the migrations: the first instance to start migrates, the
// others wait for it and then find nothing left to do.
constexpr qint64 kMigrationLock = 0x7469657264657301; // "tierdes" + 1

QSqlDatabase addConnection(const QString &name, const DatabaseUrl &url, const QString &password)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    db.setHostName(url.host);
    db.setPort(url.port);
    db.setUserName(url.user);
    db.setDatabaseName(url.name);
    const QString pw = url.password.isEmpty() ? password : url.password;
    if (!pw.isEmpty())
        db.setPassword(pw);
    QString options = url.options;
    if (!options.contains(QLatin1String("connect_timeout=")))
        options += (options.isEmpty() ? QString() : QStringLiteral(";")) + QStringLiteral("connect_timeout=10");
    if (!options.contains(QLatin1String("application_name=")))
        options += QStringLiteral(";application_name=tierdesk");
    db.setConnectOptions(options);
    return db;
}

} // namespace

Result<std::unique_ptr<Database>> Database::openReader(const DatabaseTarget &target)
{
    if (target.backend == Backend::Postgres)
        return openPostgresReader(target.url, target.password);
    return openReadOnly(target.path);
}

QString Database::backendName() const
{
    return postgres() ? QStringLiteral("postgresql") : QStringLiteral("sqlite");
}

Status Database::openConnection(const QString &password)
{
    m_db = addConnection(m_connectionName, m_url, password);
    if (!m_db.open())
        return makeError(ErrorKind::Unavailable,
            QStringLiteral("cannot connect to %1: %2").arg(m_path, errorText(m_db.lastError()).trimmed()));
    // Times are epoch milliseconds and text is UTF-8 on both backends; nothing depends on the
    // session's time zone. A statement that waits longer than this for a lock gives up.
    for (const QString &setting : {QStringLiteral("SET client_encoding = 'UTF8'"),
             QStringLiteral("SET lock_timeout = '10s'"), QStringLiteral("SET client_min_messages = warning")}) {
        QSqlQuery q(m_db);
        if (!q.exec(setting))
            return makeError(ErrorKind::Internal, QStringLiteral("database setup failed: ") + errorText(q.lastError()));
    }
    return Ok{};
}

Result<std::unique_ptr<Database>> Database::openPostgres(
    const DatabaseUrl &url, const DatabaseOptions &, const QString &password)
{
    std::unique_ptr<Database> d(new Database);
    d->m_backend = Backend::Postgres;
    d->m_url = url;
    d->m_path = url.redacted();
    d->m_password = password;
    d->m_connectionName = QStringLiteral("tierdesk-pg-") + QString::fromLatin1(ids::randomHex(6));
    if (const Status connected = d->openConnection(password); !connected)
        return connected.error();
    // One instance migrates; the lock is the session's, so a crash mid-way frees it.
    if (!d->exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(kMigrationLock)))
        return makeError(ErrorKind::Internal, QStringLiteral("cannot take the migration lock: ") + d->lastError());
    const Status migrated = d->migrate();
    d->exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(kMigrationLock));
    if (!migrated)
        return migrated.error();
    return d;
}

Result<std::unique_ptr<Database>> Database::openPostgresReader(const DatabaseUrl &url, const QString &password)
{
    std::unique_ptr<Database> d(new Database);
    d->m_backend = Backend::Postgres;
    d->m_readOnly = true;
    d->m_url = url;
    d->m_path = url.redacted();
    d->m_password = password;
    d->m_connectionName = QStringLiteral("tierdesk-pg-read-") + QString::fromLatin1(ids::randomHex(6));
    if (const Status connected = d->openConnection(password); !connected)
        return connected.error();
    if (!d->exec(QStringLiteral("SET default_transaction_read_only = on")))
        return makeError(ErrorKind::Internal, d->lastError());
    return d;
}

Result<std::unique_ptr<Database>> Database::openPostgresListener(const DatabaseTarget &target)
{
    std::unique_ptr<Database> d(new Database);
    d->m_backend = Backend::Postgres;
    d->m_url = target.url;
    d->m_path = target.url.redacted();
    d->m_password = target.password;
    d->m_connectionName = QStringLiteral("tierdesk-pg-listen-") + QString::fromLatin1(ids::randomHex(6));
    if (const Status connected = d->openConnection(target.password); !connected)
        return connected.error();
    return d;
}

// PostgreSQL's errors are the statement's own (a constraint, a lock timeout) or the
// connection's (class 08, the server shutting down): neither damages the database, so
// nothing here marks it degraded; a lost connection is said in the log.
void Database::notePostgresFailure(const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    if (state.startsWith(QLatin1String("08")) || state.startsWith(QLatin1String("57P")) || !m_db.isOpen())
        qCWarning(lcStore).noquote() << QStringLiteral("connection to %1 failed: %2").arg(m_path, errorText(error));
}

} // namespace tierdesk
