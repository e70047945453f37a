// `tierdesk connector add | list | remove | test`: a company's own systems (docs/api.md,
// "Connectors"). A connector is described by the JSON body PUT /api/cs/connectors/:name
// takes, read from --spec FILE or standard input, so its secrets never sit in argv.
#include "app/CliSupport.h"

#include "core/api/cs/CsConnectorJson.h"

#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstdio>

namespace tierdesk::cli {
namespace {

constexpr qint64 kMaxSpecBytes = 256 * 1024;

QString company(const Args &args)
{
    return args.options.value(QStringLiteral("company"));
}

QString name(const Args &args)
{
    return args.options.value(QStringLiteral("name"));
}

// The spec's bytes: --spec FILE, else standard input; at most 256 KiB.
std::optional<QByteArray> readSpec(const Args &args, QString *error)
{
    QFile file;
    const QString path = args.options.value(QStringLiteral("spec"));
    const bool opened = path.isEmpty() ? file.open(stdin, QIODevice::ReadOnly)
                                       : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *error = QStringLiteral("cannot read %1: %2")
                     .arg(path.isEmpty() ? QStringLiteral("standard input") : path, file.errorString());
        return std::nullopt;
    }
    const QByteArray spec = file.read(kMaxSpecBytes + 1);
    if (spec.size() > kMaxSpecBytes) {
        *error = QStringLiteral("the connector's spec is larger than 256 KiB");
        return std::nullopt;
    }
    return spec;
}

int add(api::Runtime &rt, const Args &args)
{
    QString error;
    const std::optional<QByteArray> spec = readSpec(args, &error);
    if (!spec)
        return fail(2, error);
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(*spec, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return fail(
            2, QStringLiteral("the connector's spec must be a JSON object (as PUT /api/cs/connectors/:name takes)"));
    const Result<ConnectorDraft> draft = api::cs::connectorDraft(name(args), doc.object());
    if (!draft)
        return fail(2, draft.error().message);
    bool created = false;
    const Result<Connector> put = rt.engine().connectors().put(company(args), *draft, kCliActor, &created);
    if (!put)
        return fail(usage(put.error()) ? 2 : 1, put.error().message);
    if (!rt.engine().flush())
        return fail(1, QStringLiteral("could not store the connector"));
    out() << QJsonDocument(api::cs::connectorJson(*put)).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

int list(api::Runtime &rt, const Args &args)
{
    const auto all = rt.engine().connectors().list(company(args));
    if (!all)
        return fail(1, all.error().message);
    if (args.flags.contains(QStringLiteral("json"))) {
        QJsonArray shown;
        for (const Connector &c : *all)
            shown.append(api::cs::connectorJson(c));
        out() << QJsonDocument(shown).toJson(QJsonDocument::Compact) << Qt::endl;
        return 0;
    }
    if (all->isEmpty())
        out() << "No connectors: orders and money are the built-in store's." << Qt::endl;
    for (const Connector &c : *all) {
        QStringList purposes;
        for (const ConnectorPurpose p : c.purposes)
            purposes << toString(p);
        out() << c.name << '\t' << toString(c.kind) << '\t' << purposes.join(QLatin1Char(',')) << '\t'
              << c.url.toString() << '\t' << toString(c.auth.type) << (c.auth.secret.isEmpty() ? "" : " (secret kept)")
              << '\t' << c.timeoutMs << " ms" << Qt::endl;
    }
    return 0;
}

int remove(api::Runtime &rt, const Args &args)
{
    const Status removed = rt.engine().connectors().remove(company(args), name(args), kCliActor);
    if (!removed)
        return fail(1, removed.error().message);
    if (!rt.engine().flush())
        return fail(1, QStringLiteral("could not remove the connector"));
    return 0;
}

// One call (a refund's or credit's: its request shown, nothing sent), waited for here.
int test(api::Runtime &rt, const Args &args)
{
    const QJsonDocument input
        = QJsonDocument::fromJson(args.options.value(QStringLiteral("input"), QStringLiteral("{}")).toUtf8());
    if (!input.isObject())
        return fail(2,
            QStringLiteral("--input must be a JSON object of the placeholders' values, e.g. {\"orderId\":\"1001\"}"));
    QMap<QString, QString> values;
    const QJsonObject given = input.object();
    for (auto it = given.constBegin(); it != given.constEnd(); ++it)
        values.insert(it.key(), it.value().isString() ? it.value().toString() : QString::number(it.value().toDouble()));
    std::optional<Result<ConnectorTest>> done;
    QEventLoop loop;
    rt.engine().connectors().test(company(args), name(args), args.options.value(QStringLiteral("purpose")), values,
        kCliActor, &loop, [&](Result<ConnectorTest> r) {
            done = std::move(r);
            loop.quit();
        });
    if (!done)
        loop.exec();
    rt.engine().flush(); // the call's log entry
    if (!*done)
        return fail(usage(done->error()) ? 2 : 1, done->error().message);
    out() << QJsonDocument(api::cs::connectorTestJson(**done)).toJson(QJsonDocument::Compact) << Qt::endl;
    return (*done)->answer.ok ? 0 : 1;
}

} // namespace

int runConnector(const Args &args)
{
    int code = 0;
    auto rt = openRuntime(args, &code);
    if (!rt)
        return code;
    const QString verb = args.command.section(QLatin1Char(' '), 1);
    if (verb == QLatin1String("add"))
        return add(*rt, args);
    if (verb == QLatin1String("list"))
        return list(*rt, args);
    if (verb == QLatin1String("remove"))
        return remove(*rt, args);
    return test(*rt, args);
}

} // namespace tierdesk::cli
