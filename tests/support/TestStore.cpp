#include "tests/support/TestStore.h"

#include "tests/support/PgServer.h"

#include <QFile>
#include <QHash>

namespace tierdesk::test {

QString testDatabaseUrl(const QString &sqlitePath)
{
    if (!PgServer::wanted())
        return {};
    // A missing file means a new store on SQLite: a new database here. The file is kept
    // (empty) so that opening the path again finds this database.
    static QHash<QString, QString> databases;
    QString &url = databases[sqlitePath];
    if (url.isEmpty() || !QFile::exists(sqlitePath)) {
        QString error;
        url = PgServer::shared().createDatabase(&error);
        if (url.isEmpty())
            qFatal("cannot create a test database: %s", qPrintable(error));
        QFile marker(sqlitePath);
        marker.open(QIODevice::WriteOnly);
    }
    return url;
}

Result<std::unique_ptr<Store>> openTestStore(const QString &sqlitePath, const DatabaseOptions &options)
{
    const QString url = testDatabaseUrl(sqlitePath);
    if (url.isEmpty())
        return Store::open(sqlitePath, options);
    const auto parsed = DatabaseUrl::parse(url);
    if (!parsed)
        return parsed.error();
    return Store::openPostgres(*parsed, options);
}

} // namespace tierdesk::test
