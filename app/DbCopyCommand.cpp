// `tierdesk db copy --to URL`: the data directory's SQLite store into a new PostgreSQL database.
#include "app/CliSupport.h"

#include <QFileInfo>

#include <algorithm>

namespace tierdesk::cli {

// Progress on stderr as it goes; what moved, how long it took and what was verified on stdout.
// It takes no lock: the source is only read, in one read transaction (like db backup).
int runDbCopy(const Args &args)
{
    const QString dir = dataDir(args);
    const QString source = api::Runtime::databasePath(dir);
    if (!QFileInfo(source).isFile())
        return fail(1, QStringLiteral("no database at %1").arg(source));
    const QString to = args.options.value(QStringLiteral("to"));
    if (const Status valid = api::Runtime::checkDatabaseUrl(to); !valid)
        return fail(1, valid.error().message);
    const QString where = api::Runtime::databaseLocation(dir, to);
    QTextStream err(stderr);
    err << "copying " << source << " to " << where << Qt::endl;
    const auto report = api::Runtime::copyDatabase(dir, to, [&err](const QString &line) { err << line << Qt::endl; });
    if (!report)
        return fail(1, report.error().message);
    auto tables = report->tables;
    std::sort(tables.begin(), tables.end(), [](const auto &a, const auto &b) { return a.name < b.name; });
    qsizetype width = 0;
    for (const auto &t : std::as_const(tables))
        width = std::max(width, t.name.size());
    out() << "copied " << source << " to " << where << Qt::endl;
    for (const auto &t : std::as_const(tables))
        out() << "  " << t.name.leftJustified(width) << "  " << t.rows << Qt::endl;
    const double secs = double(std::max<qint64>(report->elapsedMs, 1)) / 1000.0;
    out() << report->rows << " rows in " << QString::number(secs, 'f', 1) << " s ("
          << qint64(double(report->rows) / secs) << " rows/s)" << Qt::endl;
    out() << "verified: counts of " << report->tables.size() << " tables and " << report->messages
          << " messages (sha256 " << report->messagesSha256 << ")" << Qt::endl;
    return 0;
}

} // namespace tierdesk::cli
