#include "core/store/DbMaintenance.h"

#include "core/store/PostgresMaintenance.h"

#include "core/common/Ids.h"
#include "core/store/DataDir.h"
#include "core/store/Database.h"

#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

#include <sqlite3.h>

namespace tierdesk {
namespace {

// A QSQLITE connection of its own, removed again when it goes out of scope.
class Connection {
public:
    Connection(const QString &path, bool readOnly)
        : m_name(QStringLiteral("tierdesk-maintenance-") + QString::fromLatin1(ids::randomHex(6)))
    {
        m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        m_db.setDatabaseName(path);
        m_db.setConnectOptions(readOnly ? QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000")
                                        : QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        m_ok = m_db.open();
    }
    ~Connection()
    {
        m_db.close();
        m_db = QSqlDatabase();
        QSqlDatabase::removeDatabase(m_name);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    bool ok() const { return m_ok; }
    QSqlDatabase &db() { return m_db; }
    QString error() const { return Database::errorText(m_db.lastError()); }

    // The rows of a PRAGMA *_check: {"ok"} for a sound database. A statement
    // that fails (file is not a database, ...) is itself the problem.
    QStringList checkRows(const QString &pragma)
    {
        QStringList rows;
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (q.exec(pragma))
            while (q.next())
                rows << q.value(0).toString();
        if (q.lastError().isValid())
            rows << Database::errorText(q.lastError());
        if (rows == QStringList{QStringLiteral("ok")})
            return rows;
        // One problem per line (a row may hold several), without the
        // "*** in database main ***" headings.
        rows = rows.join(QLatin1Char('\n')).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        rows.removeIf([](const QString &line) { return line.startsWith(QLatin1String("***")); });
        return rows;
    }

private:
    QString m_name;
    QSqlDatabase m_db;
    bool m_ok = false;
};

Status fail(const QString &message)
{
    return makeError(ErrorKind::Internal, message);
}

} // namespace

Result<QStringList> DbMaintenance::check(const QString &dbPath)
{
    if (!QFileInfo(dbPath).isFile())
        return makeError(ErrorKind::NotFound, QStringLiteral("no database at %1").arg(dbPath));
    if (QFileInfo(dbPath).size() == 0)
        return QStringList{QStringLiteral("the database file is empty (0 bytes)")};
    Connection c(dbPath, true);
    if (!c.ok())
        return makeError(ErrorKind::Internal, QStringLiteral("cannot open %1: %2").arg(dbPath, c.error()));
    // SQLite: PRAGMA integrity_check.
    const QStringList rows = c.checkRows(QStringLiteral("PRAGMA integrity_check(%1)").arg(kMaxProblems));
    if (rows == QStringList{QStringLiteral("ok")})
        return QStringList{};
    return rows;
}

Status DbMaintenance::backup(const QString &dbPath, const QString &destPath)
{
    // SQLite: the online backup API (sqlite3_backup_*).
    if (!QFileInfo(dbPath).isFile())
        return makeError(ErrorKind::NotFound, QStringLiteral("no database at %1").arg(dbPath));
    if (QFileInfo(destPath).exists() || QFileInfo(destPath).isSymLink())
        return fail(QStringLiteral("%1 already exists; give the backup a new file name").arg(destPath));
    if (const Status created = DataDir::createOwnerOnly(destPath); !created)
        return created;
    QString error;
    {
        Connection from(dbPath, true);
        Connection to(destPath, false);
        sqlite3 *source = from.ok() ? Database::sqliteHandle(from.db()) : nullptr;
        sqlite3 *dest = to.ok() ? Database::sqliteHandle(to.db()) : nullptr;
        sqlite3_backup *b = source && dest ? sqlite3_backup_init(dest, "main", source, "main") : nullptr;
        if (!b) {
            error = !from.ok() ? from.error()
                : !to.ok()     ? to.error()
                               : QString::fromUtf8(sqlite3_errmsg(dest ? dest : source));
        } else {
            // All pages in one step: one read transaction, so one consistent
            // snapshot, however busy the writer is meanwhile.
            int rc = sqlite3_backup_step(b, -1);
            for (int retry = 0; (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && retry < 50; ++retry) {
                sqlite3_sleep(100);
                rc = sqlite3_backup_step(b, -1);
            }
            sqlite3_backup_finish(b);
            if (rc != SQLITE_DONE)
                error = QString::fromUtf8(sqlite3_errstr(rc));
        }
        if (error.isEmpty()) {
            // The copy carries the source's WAL flag; make it one self-contained file.
            QSqlQuery q(to.db());
            // SQLite: PRAGMA journal_mode.
            if (!q.exec(QStringLiteral("PRAGMA journal_mode=DELETE")))
                error = Database::errorText(q.lastError());
        }
        if (error.isEmpty()) {
            const QStringList rows = to.checkRows(QStringLiteral("PRAGMA quick_check(%1)").arg(kMaxProblems));
            if (rows != QStringList{QStringLiteral("ok")})
                return fail(QStringLiteral("the backup %1 was written, but the database it copies is damaged (%2); "
                                           "run `tierdesk db check`")
                                .arg(destPath, rows.value(0)));
        }
    }
    if (!error.isEmpty()) {
        QFile::remove(destPath);
        return fail(QStringLiteral("backup of %1 failed: %2").arg(dbPath, error));
    }
    return Ok{};
}

Result<bool> DbMaintenance::companyExists(const QString &dbPath, const QString &id)
{
    Connection c(dbPath, true);
    if (!c.ok())
        return makeError(ErrorKind::Internal, QStringLiteral("cannot open ") + dbPath);
    QSqlQuery q(c.db());
    q.prepare(QStringLiteral("SELECT 1 FROM companies WHERE id = ?"));
    q.addBindValue(id);
    if (!q.exec())
        return makeError(ErrorKind::Internal, QStringLiteral("cannot read the companies of ") + dbPath);
    return q.next();
}

Result<QStringList> DbMaintenance::check(const DatabaseTarget &target)
{
    return target.backend == Backend::Postgres ? PostgresMaintenance::check(target) : check(target.path);
}

Status DbMaintenance::backup(const DatabaseTarget &target, const QString &destPath)
{
    return target.backend == Backend::Postgres ? PostgresMaintenance::backup(target, destPath)
                                               : backup(target.path, destPath);
}

Result<bool> DbMaintenance::companyExists(const DatabaseTarget &target, const QString &id)
{
    if (target.backend != Backend::Postgres)
        return companyExists(target.path, id);
    auto db = Database::openReader(target);
    if (!db)
        return db.error();
    QSqlQuery &q = (*db)->statement(QStringLiteral("SELECT 1 FROM companies WHERE id = ?"));
    if (!(*db)->exec(q, {id}))
        return makeError(ErrorKind::Internal, QStringLiteral("cannot read the companies of ") + target.url.redacted());
    return q.next();
}

} // namespace tierdesk
