// `tierdesk customers import FILE --company ID [--dry-run]`: a CSV (header row) or NDJSON file
// of customers into the company (matched by id, then e-mail, then phone), as
// POST /api/cs/customers/import does; progress on a terminal, the report as JSON on stdout.
// `tierdesk customers erase ID --company ID`: the customer's personal data erased (GDPR Art. 17).
#include "app/CliSupport.h"

#include "core/runtime/Runtime.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

#include <unistd.h>

namespace tierdesk::cli {
namespace {

QJsonObject reportJson(const CustomerImport::Report &r)
{
    QJsonArray failed;
    for (const CustomerImport::Failure &f : r.failed)
        failed.append(QJsonObject{{QStringLiteral("line"), f.line},
            {QStringLiteral("field"), f.field.isEmpty() ? QJsonValue() : QJsonValue(f.field)},
            {QStringLiteral("error"), f.error}});
    return {{QStringLiteral("created"), r.created}, {QStringLiteral("updated"), r.updated},
        {QStringLiteral("unchanged"), r.unchanged}, {QStringLiteral("failedCount"), r.failedCount},
        {QStringLiteral("failed"), failed}};
}

} // namespace

int runCustomersImport(const Args &args)
{
    const QString path = args.arguments.value(0);
    const CustomerImport::Format format = path.endsWith(QLatin1String(".ndjson"), Qt::CaseInsensitive)
            || path.endsWith(QLatin1String(".jsonl"), Qt::CaseInsensitive)
        ? CustomerImport::Format::NdJson
        : CustomerImport::Format::Csv;
    QFile file(path);
    if (file.size() > CustomerImport::kMaxBytes)
        return fail(2, QStringLiteral("%1: an import takes at most %2 bytes").arg(path).arg(CustomerImport::kMaxBytes));
    if (!file.open(QIODevice::ReadOnly))
        return fail(2, QStringLiteral("%1: %2").arg(path, file.errorString()));
    const QByteArray content = file.readAll();
    auto rt = api::Runtime::open(dataDir(args), SystemClock::instance(), databaseUrl(args));
    if (!rt)
        return fail(1, rt.error().message);
    const bool terminal = isatty(STDERR_FILENO) != 0;
    QTextStream err(stderr);
    const auto report = rt.value()->customers().importFile(args.options.value(QStringLiteral("company")), content,
        format, args.flags.contains(QStringLiteral("dry-run")), kCliActor, [&](int done, int total) {
            if (terminal)
                err << QStringLiteral("\r%1 of %2 rows").arg(done).arg(total) << Qt::flush;
        });
    if (terminal)
        err << Qt::endl;
    if (!report)
        return fail(1, report.error().message);
    QTextStream(stdout) << QJsonDocument(reportJson(*report)).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

int runCustomersErase(const Args &args)
{
    auto rt = api::Runtime::open(dataDir(args), SystemClock::instance(), databaseUrl(args));
    if (!rt)
        return fail(1, rt.error().message);
    const QString id = args.arguments.value(0);
    const Status erased = rt.value()->customers().erase(args.options.value(QStringLiteral("company")), id, kCliActor);
    if (!erased)
        return fail(erased.error().kind == ErrorKind::NotFound ? 2 : 1, erased.error().message);
    QTextStream(stdout) << QStringLiteral("erased %1").arg(id) << Qt::endl;
    return 0;
}

} // namespace tierdesk::cli
