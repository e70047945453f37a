#include "app/CliSupport.h"

namespace tierdesk::cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

int fail(int code, const QString &message)
{
    QTextStream(stderr) << "tierdesk: " << message << Qt::endl;
    return code;
}

bool usage(const Error &e)
{
    return e.kind == ErrorKind::InvalidArgument && e.detail == ErrorDetail::None;
}

QString dataDir(const Args &args)
{
    return args.dataDir.isEmpty() ? api::Runtime::defaultDataDir() : args.dataDir;
}

QString databaseUrl(const Args &args)
{
    return args.database.isEmpty() ? api::Runtime::defaultDatabaseUrl() : args.database;
}

std::unique_ptr<api::Runtime> openRuntime(const Args &args, int *exitCode)
{
    auto rt = api::Runtime::open(dataDir(args), SystemClock::instance(), databaseUrl(args));
    if (!rt) {
        *exitCode = fail(1, rt.error().message);
        return nullptr;
    }
    if (!rt.value()->secretsWarning().isEmpty())
        QTextStream(stderr) << "tierdesk: " << rt.value()->secretsWarning() << Qt::endl;
    return std::move(rt.value());
}

// The password comes as one line on standard input, never on the command line
// (where every user's `ps` would see it).
QString readLineFromStdin()
{
    QTextStream in(stdin);
    QString line = in.readLine();
    if (line.endsWith(QLatin1Char('\r')))
        line.chop(1);
    return line;
}

} // namespace tierdesk::cli
