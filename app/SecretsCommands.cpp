// `tierdesk secrets export | import`: the keys every instance of a team shares (TeamKeys);
// `tierdesk db password`: the PostgreSQL password kept beside them.
#include "app/CliSupport.h"

#include <QFile>

namespace tierdesk::cli {

int runSecretsExport(const Args &args)
{
    const auto document = api::Runtime::exportKeys(dataDir(args));
    if (!document)
        return fail(1, document.error().message);
    out() << QString::fromLatin1(*document) << Qt::endl;
    return 0;
}

int runSecretsImport(const Args &args)
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return fail(1, QStringLiteral("cannot read standard input"));
    const QByteArray document = in.read(64 * 1024).trimmed();
    const auto imported = api::Runtime::importKeys(dataDir(args), document);
    if (!imported)
        return fail(imported.error().kind == ErrorKind::InvalidArgument ? 2 : 1, imported.error().message);
    out() << "keys imported (fingerprint " << *imported << ")" << Qt::endl;
    return 0;
}

int runDbPassword(const Args &args)
{
    const QString password = readLineFromStdin();
    if (password.isEmpty() || password.size() > 1024)
        return fail(2, QStringLiteral("the database password is one line of 1 to 1024 characters on standard input"));
    const auto where = api::Runtime::storeDatabasePassword(dataDir(args), password);
    if (!where)
        return fail(1, where.error().message);
    out() << "database password stored in " << *where << Qt::endl;
    return 0;
}

} // namespace tierdesk::cli
