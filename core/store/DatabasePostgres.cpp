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

// libpq options we add unless the URL sets them: give up on a server that does not answer a
// connection within 10 s, and notice a dead network in about 10 s (tcp_user_timeout: unacknowledged
// data; keepalives: an idle connection) instead of TCP's quarter of an hour.
QString withDefaultOptions(QString options)
{
    const QList<QPair<QString, QString>> defaults{{QStringLiteral("connect_timeout"), QStringLiteral("10")},
        {QStringLiteral("application_name"), QStringLiteral("tierdesk")},
        {QStringLiteral("tcp_user_timeout"), QStringLiteral("10000")},
        {QStringLiteral("keepalives_idle"), QStringLiteral("10")},
        {QStringLiteral("keepalives_interval"), QStringLiteral("3")},
        {QStringLiteral("keepalives_count"), QStringLiteral("3")}};
    for (const auto &option : defaults) {
        if (options.contains(option.first + QLatin1Char('=')))
            continue;
        options
            += (options.isEmpty() ? QString() : QStringLiteral(";")) + option.first + QLatin1Char('=') + option.second;
    }
    return options;
}

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
    db.setConnectOptions(withDefaultOptions(url.options));
    return db;
}

bool isConnectionState(const QString &sqlState)
{
    return sqlState.startsWith(QLatin1String("08")) || sqlState.startsWith(QLatin1String("57P"));
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

Result<std::unique_ptr<Database>> Database::connectPostgres(
    const DatabaseTarget &target, const QString &role, bool readOnly)
{
    std::unique_ptr<Database> d(new Database);
    d->m_backend = Backend::Postgres;
    d->m_readOnly = readOnly;
    d->m_url = target.url;
    d->m_path = target.url.redacted();
    d->m_password = target.password;
    d->m_connectionName = QStringLiteral("tierdesk-pg-%1-").arg(role) + QString::fromLatin1(ids::randomHex(6));
    d->m_db = addConnection(d->m_connectionName, target.url, target.password);
    if (const Status started = d->startPostgresSession(); !started)
        return started.error();
    return d;
}

// Opens the connection and sets it up: times are epoch milliseconds and text is UTF-8 on both
// backends, nothing depends on the session's time zone; a statement that waits longer than
// lock_timeout for a lock gives up.
Status Database::startPostgresSession()
{
    if (!m_db.open())
        return makeError(ErrorKind::Unavailable,
            QStringLiteral("cannot connect to %1: %2").arg(m_path, errorText(m_db.lastError()).trimmed()));
    QStringList settings{QStringLiteral("SET client_encoding = 'UTF8'"), QStringLiteral("SET lock_timeout = '10s'"),
        QStringLiteral("SET client_min_messages = warning")};
    if (m_readOnly)
        settings << QStringLiteral("SET default_transaction_read_only = on");
    for (const QString &setting : settings) {
        QSqlQuery q(m_db);
        if (!q.exec(setting))
            return makeError(ErrorKind::Internal, QStringLiteral("database setup failed: ") + errorText(q.lastError()));
    }
    return Ok{};
}

Status Database::reconnect()
{
    if (!postgres())
        return Ok{};
    m_statements.clear(); // prepared on the old connection
    m_db.close();
    m_inTransaction = false;
    m_aborted = false;
    m_implicitSavepoint.clear();
    if (const Status started = startPostgresSession(); !started) {
        m_failure = QLatin1String(kConnectionLost);
        return started;
    }
    m_failure.clear();
    m_lastError.clear();
    qCInfo(lcStore).noquote() << QStringLiteral("connected to %1 again").arg(m_path);
    return Ok{};
}

bool Database::reachable(const DatabaseTarget &target)
{
    const QString name = QStringLiteral("tierdesk-pg-probe-") + QString::fromLatin1(ids::randomHex(6));
    bool opened = false;
    {
        QSqlDatabase db = addConnection(name, target.url, target.password);
        opened = db.open();
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return opened;
}

Result<std::unique_ptr<Database>> Database::openPostgres(
    const DatabaseUrl &url, const DatabaseOptions &, const QString &password)
{
    auto connected = connectPostgres({Backend::Postgres, {}, url, password}, QStringLiteral("store"), false);
    if (!connected)
        return connected.error();
    std::unique_ptr<Database> d = std::move(connected.value());
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
    return connectPostgres({Backend::Postgres, {}, url, password}, QStringLiteral("read"), true);
}

Result<std::unique_ptr<Database>> Database::openPostgresListener(const DatabaseTarget &target)
{
    return connectPostgres(target, QStringLiteral("listen"), false);
}

// PostgreSQL's errors are the statement's own (a constraint, a lock timeout) or the
// connection's (class 08, the server shutting down): neither damages the database. A lost
// connection degrades the store (kConnectionLost: every family refuses as unavailable) until
// StoreReconnector connects again.
void Database::notePostgresFailure(const QSqlError &error)
{
    if (connectionLost() || !connectionBroken(error))
        return;
    m_failure = QLatin1String(kConnectionLost);
    qCWarning(lcStore).noquote() << QStringLiteral(
        "lost the connection to %1 (%2); storage unavailable until it is back")
                                        .arg(m_path, errorText(error).trimmed());
}

bool Database::connectionBroken(const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    if (isConnectionState(state))
        return true;
    if (!state.isEmpty())
        return false; // the server's answer to the statement: the connection works
    // No SQLSTATE: libpq's own words (the socket closed) or Qt's (a bad bind). Ask the server.
    QSqlQuery probe(m_db);
    if (probe.exec(QStringLiteral("SELECT 1")))
        return false;
    const QString probed = probe.lastError().nativeErrorCode();
    return probed.isEmpty() || isConnectionState(probed);
}

} // namespace tierdesk
