#include "core/store/PostgresMaintenance.h"

#include "core/store/DataDir.h"
#include "core/store/Schema.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

namespace tierdesk {
namespace {

constexpr int kDumpTimeoutMs = 6 * 60 * 60 * 1000;

int latestVersion()
{
    int latest = 0;
    for (const schema::Migration &m : schema::postgresMigrations())
        latest = std::max(latest, m.version);
    return latest;
}

} // namespace

Result<QStringList> PostgresMaintenance::check(const DatabaseTarget &target)
{
    auto db = Database::openReader(target);
    if (!db)
        return db.error();
    QStringList problems;
    const int version = (*db)->schemaVersion();
    if (version != latestVersion())
        problems << QStringLiteral("schema version %1, this Tierdesk expects %2 (run `tierdesk db migrate`)")
                        .arg(version)
                        .arg(latestVersion());
    QSqlQuery tables((*db)->handle());
    if (!tables.exec(QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                                    " ORDER BY tablename")))
        return makeError(
            ErrorKind::Internal, QStringLiteral("cannot list the tables: ") + Database::errorText(tables.lastError()));
    while (tables.next()) {
        const QString table = tables.value(0).toString();
        QSqlQuery count((*db)->handle());
        // Names come from the catalogue; quoted all the same.
        if (!count.exec(QStringLiteral("SELECT count(*) FROM \"%1\"")
                            .arg(QString(table).replace(QLatin1Char('"'), QStringLiteral("\"\"")))))
            problems << QStringLiteral("table %1 cannot be read: %2")
                            .arg(table, Database::errorText(count.lastError()).trimmed());
    }
    return problems;
}

Status PostgresMaintenance::backup(const DatabaseTarget &target, const QString &destPath)
{
    if (QFileInfo(destPath).exists() || QFileInfo(destPath).isSymLink())
        return makeError(
            ErrorKind::Internal, QStringLiteral("%1 already exists; give the backup a new file name").arg(destPath));
    const DatabaseUrl &url = target.url;
    const QString dump = QStandardPaths::findExecutable(QStringLiteral("pg_dump"));
    const QStringList args{QStringLiteral("--format=custom"), QStringLiteral("--no-password"), QStringLiteral("--host"),
        url.host, QStringLiteral("--port"), QString::number(url.port), QStringLiteral("--username"), url.user,
        QStringLiteral("--file"), destPath, url.name};
    if (dump.isEmpty())
        return makeError(ErrorKind::Unavailable,
            QStringLiteral(
                "pg_dump is not installed (Debian: apt install postgresql-client-15); back up with: pg_dump %1")
                .arg(args.join(QLatin1Char(' '))));
    if (const Status created = DataDir::createOwnerOnly(destPath); !created)
        return created;
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QString password = url.password.isEmpty() ? target.password : url.password;
    if (!password.isEmpty())
        env.insert(QStringLiteral("PGPASSWORD"), password);
    for (const QString &option : url.options.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        if (option.startsWith(QLatin1String("sslmode=")))
            env.insert(QStringLiteral("PGSSLMODE"), option.mid(8));
    p.setProcessEnvironment(env);
    p.start(dump, args);
    if (!p.waitForFinished(kDumpTimeoutMs) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        const QString why = QString::fromLocal8Bit(p.readAllStandardError()).trimmed();
        QFile::remove(destPath);
        return makeError(
            ErrorKind::Internal, QStringLiteral("pg_dump failed: ") + (why.isEmpty() ? p.errorString() : why));
    }
    return Ok{};
}

} // namespace tierdesk
