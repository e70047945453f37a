// The headless commands: each opens the runtime for the data directory, does
// one thing, and prints its result on stdout (errors: one line on stderr).
#include "app/Cli.h"

#include "core/api/cs/Runtime.h"
#include "core/api/cs/ServerHost.h"
#include "core/engine/DemoSeeder.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <unistd.h>

namespace tierdesk::cli {
namespace {

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

std::unique_ptr<api::Runtime> openRuntime(const Args &args, int *exitCode)
{
    const QString dir = args.dataDir.isEmpty() ? api::Runtime::defaultDataDir() : args.dataDir;
    auto rt = api::Runtime::open(dir);
    if (!rt) {
        *exitCode = fail(1, rt.error().message);
        return nullptr;
    }
    if (!rt.value()->secretsWarning().isEmpty())
        QTextStream(stderr) << "tierdesk: " << rt.value()->secretsWarning() << Qt::endl;
    return std::move(rt.value());
}

const Actor kCliActor{QStringLiteral("cli"), QStringLiteral("admin"), QStringLiteral("local")};

// SIGINT/SIGTERM end the event loop cleanly so the last batch is committed.
int signalPipe[2] = {-1, -1};
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}

} // namespace

int runDemoSeed(const Args &args)
{
    int code = 0;
    auto rt = openRuntime(args, &code);
    if (!rt)
        return code;
    auto seeded = seedDemo(rt->engine(), kCliActor);
    if (!seeded)
        return fail(1, seeded.error().message);
    out() << QJsonDocument(*seeded).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

int runCompanyCreate(const Args &args)
{
    const QString name = args.options.value(QStringLiteral("name"));
    if (name.trimmed().isEmpty())
        return fail(2, QStringLiteral("company create needs --name NAME"));
    int code = 0;
    auto rt = openRuntime(args, &code);
    if (!rt)
        return code;
    auto company = rt->engine().createCompany(name, kCliActor);
    if (!company)
        return fail(company.error().kind == ErrorKind::InvalidArgument ? 2 : 1, company.error().message);
    if (!rt->store().batch().flush())
        return fail(1, QStringLiteral("could not store the company"));
    out() << company->id << Qt::endl;
    return 0;
}

int runTokenCreate(const Args &args)
{
    const QString company = args.options.value(QStringLiteral("company"));
    const auto role = api::parseRole(args.options.value(QStringLiteral("role")));
    if (company.isEmpty() || !role)
        return fail(2, QStringLiteral("token create needs --company ID and --role client|agent|supervisor|admin"));
    bool ok = true;
    const qint64 ttl = args.options.value(QStringLiteral("ttl"), QStringLiteral("86400")).toLongLong(&ok);
    if (!ok || ttl < 1 || ttl > 366LL * 86400)
        return fail(2, QStringLiteral("--ttl must be a whole number of seconds from 1 to 31622400"));
    int code = 0;
    auto rt = openRuntime(args, &code);
    if (!rt)
        return code;
    if (!rt->store().companies().find(company))
        return fail(1, QStringLiteral("no company with id ") + company);
    const QString subject = args.options.value(QStringLiteral("subject"), QStringLiteral("cli-") + api::roleName(*role));
    out() << rt->auth().issue(company, *role, subject, ttl, args.options.value(QStringLiteral("customer"))) << Qt::endl;
    return 0;
}

int runServe(const Args &args)
{
    api::ServerOptions options;
    if (args.options.contains(QStringLiteral("host"))) {
        options.host = QHostAddress(args.options.value(QStringLiteral("host")));
        if (options.host.isNull())
            return fail(2, QStringLiteral("--host must be an IP address"));
    }
    if (args.options.contains(QStringLiteral("port"))) {
        bool ok = true;
        const int port = args.options.value(QStringLiteral("port")).toInt(&ok);
        if (!ok || port < 0 || port > 65535)
            return fail(2, QStringLiteral("--port must be a number from 0 to 65535"));
        options.port = static_cast<quint16>(port);
    }
    options.rateLimits = !args.flags.contains(QStringLiteral("no-rate-limit"));
    int code = 0;
    auto rt = openRuntime(args, &code);
    if (!rt)
        return code;
    QJsonObject demo;
    if (args.flags.contains(QStringLiteral("demo"))) {
        auto seeded = seedDemo(rt->engine(), kCliActor);
        if (!seeded)
            return fail(1, seeded.error().message);
        demo = *seeded;
    }
    api::ServerHost host(*rt, options);
    QString error;
    if (!host.start(&error))
        return fail(1, error);

    if (::pipe(signalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, qApp);
        QObject::connect(notifier, &QSocketNotifier::activated, qApp, [] { QCoreApplication::quit(); });
    }
    out() << "Tierdesk " << TIERDESK_VERSION << " serving " << host.baseUrl() << "/api/cs" << Qt::endl;
    out() << "Data: " << rt->dataDir() << " - secrets: " << rt->secretsDescription() << Qt::endl;
    if (!demo.isEmpty()) {
        const QString company = demo.value(QLatin1String("companyId")).toString();
        out() << "Demo company: " << company << " (" << demo.value(QLatin1String("companyName")).toString() << ")" << Qt::endl;
        out() << "Admin token (24 h): " << rt->auth().issue(company, api::Role::Admin, QStringLiteral("demo-admin"), 86400) << Qt::endl;
        out() << "Try: curl -H \"Authorization: Bearer $TOKEN\" '" << host.baseUrl()
              << "/api/cs/sessions?companyId=" << company << "'" << Qt::endl;
    }
    const int rc = QCoreApplication::exec();
    host.stop();
    return rc;
}

} // namespace tierdesk::cli
