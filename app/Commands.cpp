// The headless commands: each opens the runtime for the data directory, does
// one thing, and prints its result on stdout (errors: one line on stderr).
#include "app/Cli.h"

#include "core/api/cs/Runtime.h"
#include "core/api/cs/ServerHost.h"
#include "core/engine/DemoSeeder.h"
#include "core/store/DataDir.h"
#include "core/store/DbMaintenance.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
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

QString dataDir(const Args &args)
{
    return args.dataDir.isEmpty() ? api::Runtime::defaultDataDir() : args.dataDir;
}

std::unique_ptr<api::Runtime> openRuntime(const Args &args, int *exitCode)
{
    auto rt = api::Runtime::open(dataDir(args));
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
    int code = 0;
    auto rt = openRuntime(args, &code);
    if (!rt)
        return code;
    auto company = rt->engine().createCompany(args.options.value(QStringLiteral("name")), kCliActor);
    if (!company)
        return fail(company.error().kind == ErrorKind::InvalidArgument ? 2 : 1, company.error().message);
    if (!rt->store().batch().flush())
        return fail(1, QStringLiteral("could not store the company"));
    out() << company->id << Qt::endl;
    return 0;
}

// Every option was validated by parse(): the values are known to be well formed.
// Works beside a running server too: tokens need only the key and a read.
int runTokenCreate(const Args &args)
{
    const QString company = args.options.value(QStringLiteral("company"));
    const api::Role role = *api::parseRole(args.options.value(QStringLiteral("role")));
    const qint64 ttl = args.options.value(QStringLiteral("ttl"), QStringLiteral("86400")).toLongLong();
    const QString subject = args.options.value(QStringLiteral("subject"), QStringLiteral("cli-") + api::roleName(role)).trimmed();
    const QString customer = args.options.value(QStringLiteral("customer"));
    auto rt = api::Runtime::open(dataDir(args));
    if (!rt && rt.error().kind == ErrorKind::Conflict) {
        const auto token = api::Runtime::issueTokenBesideOwner(dataDir(args), company, role, subject, ttl, customer);
        if (!token)
            return fail(1, token.error().message);
        out() << *token << Qt::endl;
        return 0;
    }
    if (!rt)
        return fail(1, rt.error().message);
    if (!rt.value()->secretsWarning().isEmpty())
        QTextStream(stderr) << "tierdesk: " << rt.value()->secretsWarning() << Qt::endl;
    if (!rt.value()->store().companies().find(company))
        return fail(1, QStringLiteral("no company with id ") + company);
    out() << rt.value()->auth().issue(company, role, subject, ttl, customer) << Qt::endl;
    return 0;
}

// db check and db backup only read the database and take no lock, so they
// work beside a running server (WAL readers see one consistent snapshot).
int runDbCheck(const Args &args)
{
    const QString db = QDir(dataDir(args)).absoluteFilePath(QLatin1String(DataDir::kDatabase));
    const auto problems = DbMaintenance::check(db);
    if (!problems)
        return fail(1, problems.error().message);
    if (problems->isEmpty()) {
        out() << "ok" << Qt::endl;
        return 0;
    }
    for (const QString &p : *problems)
        out() << p << Qt::endl;
    return fail(1, QStringLiteral("database %1 is damaged: %2 problem(s) listed above%3")
                       .arg(db)
                       .arg(problems->size())
                       .arg(problems->size() >= DbMaintenance::kMaxProblems ? QStringLiteral(" (the list stops there)") : QString()));
}

int runDbBackup(const Args &args)
{
    const QString db = QDir(dataDir(args)).absoluteFilePath(QLatin1String(DataDir::kDatabase));
    const QString dest = QFileInfo(args.arguments.constFirst()).absoluteFilePath();
    const Status done = DbMaintenance::backup(db, dest);
    if (!done)
        return fail(1, done.error().message);
    out() << dest << Qt::endl;
    return 0;
}

int runServe(const Args &args)
{
    api::ServerOptions options; // --host and --port were validated by parse()
    if (args.options.contains(QStringLiteral("host")))
        options.host = QHostAddress(args.options.value(QStringLiteral("host")));
    if (args.options.contains(QStringLiteral("port")))
        options.port = static_cast<quint16>(args.options.value(QStringLiteral("port")).toUInt());
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
