// The headless commands: each opens the runtime for the data directory, does
// one thing, and prints its result on stdout (errors: one line on stderr).
#include "app/CliSupport.h"

#include "core/engine/access/ApiKeysBesideOwner.h"
#include "core/engine/demo/DemoSeeder.h"
#include "core/engine/desk/DemoDesk.h"
#include "core/engine/desk/DemoLoad.h"
#include "core/integrations/SecretBox.h"
#include "core/integrations/SecretStore.h"
#include "core/integrations/SmtpMailer.h"
#include "core/runtime/Runtime.h"
#include "core/runtime/ServerHost.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <unistd.h>

namespace tierdesk::cli {
namespace {

// SIGINT/SIGTERM end the event loop cleanly so the last batch is committed.
int signalPipe[2] = {-1, -1};

// A company whose numbers ask nothing of callers (voice.sip) takes calls from whoever reaches the
// port: said at start-up, so that nobody learns it from a flood.
void sayNumbersOpenToAnyone(api::Runtime &rt)
{
    for (const Company &company : rt.engine().companies())
        if (!company.config.voice.numbers.isEmpty() && company.config.voice.sip.open())
            out() << "SIP: " << company.name << " (" << company.id << ")'s numbers "
                  << company.config.voice.numbers.join(QStringLiteral(", "))
                  << " take calls from anyone; set voice.sip.allowedSources or voice.sip.digest (docs/calls.md)"
                  << Qt::endl;
}
void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}

QString randomPassword()
{
    static const QLatin1String alphabet("ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789");
    QString password;
    for (int i = 0; i < 16; ++i)
        password += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
    return password;
}

// Seed 004's agent profiles as the demo desk's people: John Perry handles inquiries, Douglas
// Smith complaints. Added once each (by e-mail), after the demo admin, with passwords nobody
// knows: an admin sets one in Settings > Agents to log in as them.
Status addDemoProfiles(api::Runtime &rt, const QString &company)
{
    const struct {
        const char *name, *email, *queue;
    } profiles[] = {{"John Perry", "john.perry", "inquiries"}, {"Douglas Smith", "douglas.smith", "complaints"}};
    for (const auto &p : profiles) {
        NewAgent a;
        a.companyId = company;
        a.email = QStringLiteral("%1@%2.local").arg(QLatin1String(p.email), company.toLower());
        if (rt.agents().findByEmail(a.email))
            continue;
        a.name = QLatin1String(p.name);
        a.queues = {QLatin1String(p.queue)};
        if (const auto made = rt.agents().create(a, randomPassword(), kCliActor); !made)
            return made.error();
    }
    if (!rt.engine().flush())
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the demo agents"));
    return Ok{};
}

// The demo company's first admin, admin@<company>.local, with a random
// 16-character password; returns "EMAIL / PASSWORD" to print once.
Result<QString> createDemoAdmin(api::Runtime &rt, const QString &company)
{
    const QString password = randomPassword();
    NewAgent a;
    a.companyId = company;
    a.email = QStringLiteral("admin@%1.local").arg(company.toLower());
    a.name = QStringLiteral("Demo admin");
    a.role = QStringLiteral("admin");
    const auto agent = rt.agents().create(a, password, kCliActor);
    if (!agent)
        return agent.error();
    if (!rt.engine().flush())
        return makeError(ErrorKind::Internal, QStringLiteral("could not store the demo admin"));
    return QString(agent->email + QStringLiteral(" / ") + password);
}

// demo seed --desk: the demo company's desk filled with escalations, and someone to log in
// as. What a person needs is said on stderr (stdout stays the JSON).
int seedDesk(api::Runtime &rt, QJsonObject &result)
{
    const QString company = result.value(QLatin1String("companyId")).toString();
    const auto desk = seedDemoDesk(rt.engine(), company);
    if (!desk)
        return fail(1, desk.error().message);
    result.insert(QStringLiteral("desk"), *desk);
    QTextStream err(stderr);
    err << "Demo company: " << result.value(QLatin1String("companyName")).toString() << " - "
        << desk->value(QLatin1String("waiting")).toInt() << " escalations waiting on the desk" << Qt::endl;
    if (!rt.agents().empty()) {
        err << "Console login: an agent of this data directory (the demo admin admin@" << company.toLower()
            << ".local: the password shown when it was made; tierdesk agent create adds another)" << Qt::endl;
    } else {
        const auto made = createDemoAdmin(rt, company);
        if (!made)
            return fail(1, made.error().message);
        result.insert(QStringLiteral("login"), made->section(QLatin1Char(' '), 0, 0));
        err << "Console login: " << *made << Qt::endl;
    }
    if (const Status profiles = addDemoProfiles(rt, company); !profiles)
        return fail(1, profiles.error().message);
    return 0;
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
    QJsonObject result = *seeded;
    if (args.options.contains(QStringLiteral("sessions"))) {
        DemoLoadRequest load;
        load.sessions = args.options.value(QStringLiteral("sessions")).toInt();
        load.escalations = args.options.value(QStringLiteral("escalations")).toInt();
        load.gaps = args.options.value(QStringLiteral("gaps")).toInt();
        const auto loaded = seedDemoLoad(rt->engine(), result.value(QLatin1String("companyId")).toString(), load);
        if (!loaded)
            return fail(1, loaded.error().message);
        result.insert(QStringLiteral("load"), *loaded);
    }
    if (args.flags.contains(QStringLiteral("desk")))
        if (const int failed = seedDesk(*rt, result); failed != 0)
            return failed;
    out() << QJsonDocument(result).toJson(QJsonDocument::Compact) << Qt::endl;
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
        return fail(usage(company.error()) ? 2 : 1, company.error().message);
    if (!rt->engine().flush())
        return fail(1, QStringLiteral("could not store the company"));
    out() << company->id << Qt::endl;
    return 0;
}

namespace {

// The credential of a key, printed once: sigv4 as one JSON object
// {"accessKeyId","secretAccessKey","region"} (in that order), the others the key.
QString printableCredential(const IssuedApiKey &key)
{
    if (key.record.kind != tokenkind::SigV4)
        return key.credential.value(QLatin1String("key")).toString();
    QString json = QStringLiteral("{");
    for (const char *name : {"accessKeyId", "secretAccessKey", "region"}) {
        const QJsonArray value{key.credential.value(QLatin1String(name))};
        const QString quoted = QString::fromUtf8(QJsonDocument(value).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
        json += (json.size() > 1 ? QStringLiteral(",\"") : QStringLiteral("\"")) + QLatin1String(name)
            + QStringLiteral("\":") + quoted;
    }
    return json + QLatin1Char('}');
}

// A key made beside the process that holds the data directory: the data key is
// read from the secret store (the owner made it when it started; never a new one).
Result<IssuedApiKey> createKeyBesideOwner(
    const QString &dir, const QString &databaseUrl, const QString &company, const ApiKeyRequest &request)
{
    const auto database = api::Runtime::databaseTarget(dir, databaseUrl);
    if (!database)
        return database.error();
    QString warning;
    const auto secrets = openSecretStore(dir, api::Runtime::keyringService(dir), &warning);
    const auto dataKey = secrets->read(QString::fromLatin1(kWebhookDataKeyName));
    if (!dataKey)
        return makeError(ErrorKind::Internal, QStringLiteral("cannot read the data key of ") + dir);
    const auto box = SecretBox::withKey(*dataKey);
    if (!box)
        return box.error();
    return issueApiKeyBesideOwner(*database, company, request, kCliActor, *box, QDateTime::currentMSecsSinceEpoch());
}

// token create --kind sigv4|apikey|widget: a key stored in the database, made by
// the runtime, or beside a running server through a connection of its own.
int runKeyCreate(const Args &args)
{
    const QString company = args.options.value(QStringLiteral("company"));
    ApiKeyRequest request;
    request.kind = args.options.value(QStringLiteral("kind"));
    request.name = args.options.value(QStringLiteral("name"), QStringLiteral("CLI %1 key").arg(request.kind));
    request.role = args.options.value(QStringLiteral("role"));
    request.region = args.options.value(QStringLiteral("region"));
    request.ttlSecs = args.options.value(QStringLiteral("ttl"), QStringLiteral("0")).toLongLong();
    Result<IssuedApiKey> key = makeError(ErrorKind::Internal, QString());
    auto rt = api::Runtime::open(dataDir(args), SystemClock::instance(), databaseUrl(args));
    if (!rt && rt.error().kind == ErrorKind::Conflict) {
        key = createKeyBesideOwner(QDir(dataDir(args)).absolutePath(), databaseUrl(args), company, request);
    } else if (!rt) {
        return fail(1, rt.error().message);
    } else {
        if (!rt.value()->secretsWarning().isEmpty())
            QTextStream(stderr) << "tierdesk: " << rt.value()->secretsWarning() << Qt::endl;
        key = rt.value()->apiTokens().createKey(company, request, kCliActor);
        if (key && !rt.value()->engine().flush())
            return fail(1, QStringLiteral("could not store the key"));
    }
    if (!key && key.error().kind == ErrorKind::NotFound)
        return fail(1, QStringLiteral("no company with id ") + company);
    if (!key)
        return fail(usage(key.error()) ? 2 : 1, key.error().message);
    out() << printableCredential(*key) << Qt::endl;
    return 0;
}

} // namespace

// Every option was validated by parse(): the values are known to be well formed.
// Works beside a running server too: tokens need only the key and a read.
int runTokenCreate(const Args &args)
{
    if (args.options.contains(QStringLiteral("kind"))
        && args.options.value(QStringLiteral("kind")) != QLatin1String("jwt"))
        return runKeyCreate(args);
    const QString company = args.options.value(QStringLiteral("company"));
    const api::Role role = *api::parseRole(args.options.value(QStringLiteral("role")));
    const qint64 ttl = args.options.value(QStringLiteral("ttl"), QStringLiteral("86400")).toLongLong();
    const QString subject
        = args.options.value(QStringLiteral("subject"), QStringLiteral("cli-") + api::roleName(role)).trimmed();
    const QString customer = args.options.value(QStringLiteral("customer"));
    auto rt = api::Runtime::open(dataDir(args), SystemClock::instance(), databaseUrl(args));
    if (!rt && rt.error().kind == ErrorKind::Conflict) {
        const auto token = api::Runtime::issueTokenBesideOwner(
            dataDir(args), company, role, subject, ttl, customer, databaseUrl(args));
        if (!token)
            return fail(1, token.error().message);
        out() << *token << Qt::endl;
        return 0;
    }
    if (!rt)
        return fail(1, rt.error().message);
    if (!rt.value()->secretsWarning().isEmpty())
        QTextStream(stderr) << "tierdesk: " << rt.value()->secretsWarning() << Qt::endl;
    if (!rt.value()->engine().company(company))
        return fail(1, QStringLiteral("no company with id ") + company);
    out() << rt.value()->auth().issue(company, role, subject, ttl, customer) << Qt::endl;
    return 0;
}

int runAgentCreate(const Args &args)
{
    int code = 0;
    auto rt = openRuntime(args, &code);
    if (!rt)
        return code;
    const QString password = readLineFromStdin();
    if (password.isEmpty())
        return fail(2, QStringLiteral("no password on standard input (--password-stdin reads one line)"));
    NewAgent a;
    a.companyId = args.options.value(QStringLiteral("company"));
    a.email = args.options.value(QStringLiteral("email"));
    a.name = args.options.value(QStringLiteral("name"));
    a.role = args.options.value(QStringLiteral("role"));
    if (args.options.contains(QStringLiteral("queues")))
        a.queues = args.options.value(QStringLiteral("queues")).split(QLatin1Char(','));
    const auto agent = rt->agents().create(a, password, kCliActor);
    if (!agent) {
        // A company that does not exist or an e-mail in use are facts of the data, not usage.
        return fail(usage(agent.error()) ? 2 : 1, agent.error().message);
    }
    if (!rt->engine().flush())
        return fail(1, QStringLiteral("could not store the agent"));
    out() << agent->id << Qt::endl;
    return 0;
}

// The SMTP password lives in the secret store, never in tierdesk.ini. A running
// server reads it at start, so this command (which takes the data directory's
// lock) is run while Tierdesk is stopped.
int runSmtpPassword(const Args &args)
{
    int code = 0;
    auto rt = openRuntime(args, &code);
    if (!rt)
        return code;
    const QString password = readLineFromStdin();
    if (password.isEmpty() || password.size() > 1024)
        return fail(2, QStringLiteral("the SMTP password is one line of 1 to 1024 characters on standard input"));
    if (const Status stored = rt->secrets().write(QLatin1String(kSmtpPasswordSecret), password.toUtf8()); !stored)
        return fail(1, stored.error().message);
    out() << "SMTP password stored in " << rt->secretsDescription() << Qt::endl;
    return 0;
}

// db check and db backup only read the database and take no lock, so they
// work beside a running server (WAL readers see one consistent snapshot).
int runDbCheck(const Args &args)
{
    const QString url = databaseUrl(args);
    const auto problems = api::Runtime::checkDatabase(dataDir(args), url);
    if (!problems)
        return fail(1, problems.error().message);
    const QString db = api::Runtime::databaseLocation(dataDir(args), url); // the URL parsed: checked above
    if (problems->isEmpty()) {
        out() << "ok" << Qt::endl;
        return 0;
    }
    for (const QString &p : *problems)
        out() << p << Qt::endl;
    return fail(1,
        QStringLiteral("database %1 is damaged: %2 problem(s) listed above%3")
            .arg(db)
            .arg(problems->size())
            .arg(problems->size() >= api::Runtime::kMaxReportedDbProblems ? QStringLiteral(" (the list stops there)")
                                                                          : QString()));
}

int runDbBackup(const Args &args)
{
    const QString dest = QFileInfo(args.arguments.constFirst()).absoluteFilePath();
    const Status done = api::Runtime::backupDatabase(dataDir(args), dest, databaseUrl(args));
    if (!done)
        return fail(1, done.error().message);
    out() << dest << Qt::endl;
    return 0;
}

// Opening the store migrates it (on PostgreSQL under a lock the instances share).
int runDbMigrate(const Args &args)
{
    int code = 0;
    auto rt = openRuntime(args, &code);
    if (!rt)
        return code;
    const api::Runtime::DatabaseInfo db = rt->databaseInfo();
    out() << "schema version " << db.schemaVersion << " (" << db.backend << ", " << db.location << ")" << Qt::endl;
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
    if (args.options.contains(QStringLiteral("sip-port")))
        options.sipPort = static_cast<quint16>(args.options.value(QStringLiteral("sip-port")).toUInt());
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
    // Someone must be able to log in to the console: with --demo and no agent yet,
    // an admin for the demo company; otherwise say how to make one.
    QString agentLogin;
    const bool noAgents = rt->agents().empty();
    if (noAgents && !demo.isEmpty()) {
        const auto made = createDemoAdmin(*rt, demo.value(QLatin1String("companyId")).toString());
        if (!made)
            return fail(1, made.error().message);
        agentLogin = *made;
    }
    api::ServerHost host(*rt, options);
    if (const Status started = host.start(); !started)
        return fail(1, started.error().message);

    if (::pipe(signalPipe) == 0) {
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, qApp);
        QObject::connect(notifier, &QSocketNotifier::activated, qApp, [] { QCoreApplication::quit(); });
    }
    out() << "Tierdesk " << TIERDESK_VERSION << " serving " << host.baseUrl() << "/api/cs" << Qt::endl;
    out() << "Data: " << rt->dataDir() << " - secrets: " << rt->secretsDescription() << Qt::endl;
    out() << "Every API: " << host.baseUrl() << "/api/openapi.json - web chat page: " << host.baseUrl()
          << "/chat?key=WIDGET_KEY (tierdesk token create --company ID --kind widget)" << Qt::endl;
    if (host.sipPort() != 0) {
        out() << "SIP calls: sip:NUMBER@" << options.host.toString() << ':' << host.sipPort()
              << " (UDP and TCP; NUMBER one of a company's voice.numbers)" << Qt::endl;
        sayNumbersOpenToAnyone(*rt);
    }
    if (!demo.isEmpty()) {
        const QString company = demo.value(QLatin1String("companyId")).toString();
        out() << "Demo company: " << company << " (" << demo.value(QLatin1String("companyName")).toString() << ")"
              << Qt::endl;
        out() << "Admin token (24 h): "
              << rt->auth().issue(company, api::Role::Admin, QStringLiteral("demo-admin"), 86400) << Qt::endl;
        if (!agentLogin.isEmpty())
            out() << "Agent login: " << agentLogin << Qt::endl;
        out() << "Try: curl -H \"Authorization: Bearer $TOKEN\" '" << host.baseUrl()
              << "/api/cs/sessions?companyId=" << company << "'" << Qt::endl;
    }
    if (noAgents && demo.isEmpty())
        out() << "No agent can log in yet: create one with  tierdesk agent create --company ID --email E --name N "
                 "--role admin --password-stdin  (or start with --demo)"
              << Qt::endl;
    const int rc = QCoreApplication::exec();
    host.stop();
    return rc;
}

} // namespace tierdesk::cli
