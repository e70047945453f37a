#include "app/Cli.h"

#include "core/api/auth/Authenticator.h"
#include "core/common/PasswordRule.h"
#include "core/runtime/Runtime.h"

#include <QCommandLineParser>
#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace tierdesk::cli {
namespace {

// Every command with the options it takes (data-dir and database go with all) and how
// many positional arguments follow its name.
struct Command {
    QString name;
    QStringList values;
    QStringList flags;
    int arguments = 0;
};

const QList<Command> &commands()
{
    static const QList<Command> all{
        {QString(), {QStringLiteral("server"), QStringLiteral("port")}, {}, 0},
        {QStringLiteral("serve"), {QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("sip-port")},
            {QStringLiteral("no-rate-limit"), QStringLiteral("demo")}, 0},
        {QStringLiteral("demo seed"),
            {QStringLiteral("sessions"), QStringLiteral("escalations"), QStringLiteral("gaps")},
            {QStringLiteral("desk")}, 0},
        {QStringLiteral("company create"), {QStringLiteral("name")}, {}, 0},
        {QStringLiteral("token create"),
            {QStringLiteral("company"), QStringLiteral("role"), QStringLiteral("ttl"), QStringLiteral("subject"),
                QStringLiteral("customer"), QStringLiteral("kind"), QStringLiteral("region"), QStringLiteral("name")},
            {}, 0},
        {QStringLiteral("agent create"),
            {QStringLiteral("company"), QStringLiteral("email"), QStringLiteral("name"), QStringLiteral("role"),
                QStringLiteral("queues")},
            {QStringLiteral("password-stdin")}, 0},
        {QStringLiteral("smtp password"), {}, {QStringLiteral("password-stdin")}, 0},
        {QStringLiteral("kb import"), {QStringLiteral("company")}, {}, 1},
        {QStringLiteral("customers import"), {QStringLiteral("company")}, {QStringLiteral("dry-run")}, 1},
        {QStringLiteral("customers erase"), {QStringLiteral("company")}, {}, 1},
        {QStringLiteral("db check"), {}, {}, 0},
        {QStringLiteral("db migrate"), {}, {}, 0},
        {QStringLiteral("db password"), {}, {QStringLiteral("password-stdin")}, 0},
        {QStringLiteral("secrets export"), {}, {}, 0},
        {QStringLiteral("secrets import"), {}, {}, 0},
        {QStringLiteral("db backup"), {}, {}, 1},
        {QStringLiteral("db copy"), {QStringLiteral("to")}, {}, 0},
        {QStringLiteral("nlu train"), {QStringLiteral("company"), QStringLiteral("data")}, {}, 0},
        {QStringLiteral("nlu eval"), {QStringLiteral("train"), QStringLiteral("test"), QStringLiteral("predictions")},
            {QStringLiteral("json")}, 0},
        {QStringLiteral("sentiment eval"), {QStringLiteral("test"), QStringLiteral("predictions")},
            {QStringLiteral("json")}, 0},
        {QStringLiteral("ai provider add"),
            {QStringLiteral("company"), QStringLiteral("name"), QStringLiteral("kind"), QStringLiteral("base-url"),
                QStringLiteral("timeout-ms"), QStringLiteral("price-input"), QStringLiteral("price-output")},
            {QStringLiteral("api-key-stdin")}, 0},
        {QStringLiteral("ai provider list"), {QStringLiteral("company")}, {QStringLiteral("json")}, 0},
        {QStringLiteral("ai provider remove"), {QStringLiteral("company"), QStringLiteral("name")}, {}, 0},
        {QStringLiteral("ai provider test"),
            {QStringLiteral("company"), QStringLiteral("name"), QStringLiteral("model")}, {}, 0},
        {QStringLiteral("connector add"), {QStringLiteral("company"), QStringLiteral("name"), QStringLiteral("spec")},
            {}, 0},
        {QStringLiteral("connector list"), {QStringLiteral("company")}, {QStringLiteral("json")}, 0},
        {QStringLiteral("voice say"), {QStringLiteral("out"), QStringLiteral("voice"), QStringLiteral("pad-ms")}, {},
            1},
        {QStringLiteral("voice hear"), {}, {QStringLiteral("digits"), QStringLiteral("json")}, 1},
        {QStringLiteral("connector remove"), {QStringLiteral("company"), QStringLiteral("name")}, {}, 0},
        {QStringLiteral("connector test"),
            {QStringLiteral("company"), QStringLiteral("name"), QStringLiteral("purpose"), QStringLiteral("input")}, {},
            0},
        {QStringLiteral("channel email set"), {QStringLiteral("company"), QStringLiteral("spec")}, {}, 0},
        {QStringLiteral("channel email show"), {QStringLiteral("company")}, {}, 0},
        {QStringLiteral("channel email remove"), {QStringLiteral("company")}, {}, 0},
        {QStringLiteral("channel twilio set"), {QStringLiteral("company"), QStringLiteral("spec")}, {}, 0},
        {QStringLiteral("channel twilio show"), {QStringLiteral("company")}, {}, 0},
        {QStringLiteral("channel twilio remove"), {QStringLiteral("company")}, {}, 0},
        {QStringLiteral("mail deliver"), {QStringLiteral("company"), QStringLiteral("file")}, {}, 0},
    };
    return all;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands())
        if (c.name == name)
            return &c;
    return nullptr;
}

bool hasControlCharacters(const QString &s)
{
    return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.category() == QChar::Other_Control; });
}

// The API's id rule (SessionEngine: customerId, session ids): 1..128 of
// A-Z a-z 0-9 . _ : @ -, starting with a letter or digit.
bool validId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$"));
    return pattern.match(id).hasMatch();
}

// Names (company, token subject) as the engine takes them: 1..200 characters
// after trimming, no control characters.
bool validName(const QString &name)
{
    const QString clean = name.trimmed();
    return !clean.isEmpty() && clean.size() <= 200 && !hasControlCharacters(clean);
}

// A whole number from `min` to `max`, digits only (no sign, spaces or units).
bool inRange(const QString &value, qint64 min, qint64 max)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{1,12}$"));
    if (!digits.match(value).hasMatch())
        return false;
    const qint64 n = value.toLongLong();
    return n >= min && n <= max;
}

// One option's value; an empty string when it is fine, else the complaint.
QString checkValue(const QString &name, const QString &value)
{
    if (name == QLatin1String("data-dir"))
        return value.trimmed().isEmpty() ? QStringLiteral("--data-dir must not be empty") : QString();
    if (name == QLatin1String("database") || name == QLatin1String("to")) {
        const Status url = api::Runtime::checkDatabaseUrl(value);
        return url ? QString() : QStringLiteral("--%1: ").arg(name) + url.error().message;
    }
    for (const char *file : {"data", "train", "test", "predictions", "out"})
        if (name == QLatin1String(file))
            return value.trimmed().isEmpty() ? QStringLiteral("--%1 must name a file").arg(name) : QString();
    if (name == QLatin1String("server")) {
        const QUrl url(value, QUrl::StrictMode);
        const bool web = url.scheme() == QLatin1String("http") || url.scheme() == QLatin1String("https");
        return web && !url.host().isEmpty() && url.query().isEmpty() && url.fragment().isEmpty()
            ? QString()
            : QStringLiteral("--server must be an http:// or https:// URL of a Tierdesk server");
    }
    if (name == QLatin1String("voice"))
        return value == QLatin1String("slt") || value == QLatin1String("rms")
            ? QString()
            : QStringLiteral("--voice must be slt or rms");
    if (name == QLatin1String("pad-ms"))
        return inRange(value, 0, 60000) ? QString() : QStringLiteral("--pad-ms must be 0 to 60000");
    if (name == QLatin1String("host"))
        return QHostAddress(value).isNull() ? QStringLiteral("--host must be an IP address") : QString();
    if (name == QLatin1String("port"))
        return inRange(value, 0, 65535) ? QString() : QStringLiteral("--port must be a number from 0 to 65535");
    if (name == QLatin1String("sip-port"))
        return inRange(value, 0, 65535) ? QString() : QStringLiteral("--sip-port must be a number from 0 to 65535");
    if (name == QLatin1String("name"))
        return validName(value) ? QString()
                                : QStringLiteral("--name must be 1 to 200 characters (no control characters)");
    if (name == QLatin1String("subject"))
        return validName(value) ? QString()
                                : QStringLiteral("--subject must be 1 to 200 characters (no control characters)");
    if (name == QLatin1String("company") || name == QLatin1String("customer"))
        return validId(value)
            ? QString()
            : QStringLiteral("--%1 must be 1 to 128 letters, digits or ._:@- (starting with a letter or digit)")
                  .arg(name);
    if (name == QLatin1String("base-url") || name == QLatin1String("model"))
        return value.trimmed().isEmpty() || value.size() > 2048 || hasControlCharacters(value)
            ? QStringLiteral("--%1 must be 1 to 2048 characters (no control characters)").arg(name)
            : QString();
    if (name == QLatin1String("timeout-ms"))
        return inRange(value, 1000, 600000) ? QString() : QStringLiteral("--timeout-ms must be 1000 to 600000");
    if (name == QLatin1String("price-input") || name == QLatin1String("price-output")) {
        static const QRegularExpression price(QStringLiteral("^[0-9]{1,5}(\\.[0-9]{1,6})?$"));
        return price.match(value).hasMatch() && value.toDouble() <= 10000
            ? QString()
            : QStringLiteral("--%1 must be USD per million tokens, 0 to 10000 (e.g. 0.15)").arg(name);
    }
    if (name == QLatin1String("kind")) {
        const QStringList kinds{QStringLiteral("jwt"), QStringLiteral("sigv4"), QStringLiteral("apikey"),
            QStringLiteral("widget"), QStringLiteral("openai"), QStringLiteral("anthropic"), QStringLiteral("ollama")};
        return kinds.contains(value)
            ? QString()
            : QStringLiteral(
                "--kind must be jwt, sigv4, apikey or widget (ai provider add: openai, anthropic or ollama)");
    }
    if (name == QLatin1String("region")) {
        static const QRegularExpression region(QStringLiteral("^[a-z0-9]+(-[a-z0-9]+)*$"));
        return value.size() <= 32 && region.match(value).hasMatch()
            ? QString()
            : QStringLiteral("--region must be 1 to 32 lower-case letters, digits and inner dashes (e.g. eu-west-1)");
    }
    if (name == QLatin1String("role"))
        return api::parseRole(value) ? QString() : QStringLiteral("--role must be client, agent, supervisor or admin");
    if (name == QLatin1String("sessions") || name == QLatin1String("escalations") || name == QLatin1String("gaps"))
        return inRange(value, 0, 1000000) ? QString()
                                          : QStringLiteral("--%1 must be a whole number from 0 to 1000000").arg(name);
    if (name == QLatin1String("ttl"))
        return inRange(value, 1, kMaxTtlSecs)
            ? QString()
            : QStringLiteral("--ttl must be a whole number of seconds from 1 to %1").arg(kMaxTtlSecs);
    return {};
}

QString checkAgentCreate(const Args &a)
{
    for (const char *name : {"company", "email", "name", "role"})
        if (!a.options.contains(QLatin1String(name)))
            return QStringLiteral("agent create needs --company ID --email E --name N --role agent|supervisor|admin "
                                  "--password-stdin");
    if (a.options.value(QStringLiteral("role")) == QLatin1String("client"))
        return QStringLiteral("an agent's --role is agent, supervisor or admin");
    if (!a.flags.contains(QStringLiteral("password-stdin")))
        return QStringLiteral("agent create reads the password from standard input: add --password-stdin");
    return {};
}

// token create --kind sigv4|apikey|widget: a stored key of the company.
QString checkKeyCreate(const Args &a, const QString &kind)
{
    if (!a.options.contains(QStringLiteral("company")))
        return QStringLiteral("token create needs --company ID");
    for (const char *jwtOnly : {"customer", "subject"})
        if (a.options.contains(QLatin1String(jwtOnly)))
            return QStringLiteral("--%1 goes only with a JWT (no --kind)").arg(QLatin1String(jwtOnly));
    if (a.options.value(QStringLiteral("name")).trimmed().size() > 100)
        return QStringLiteral("a key's --name is 1 to 100 characters");
    if (kind != QLatin1String("sigv4") && a.options.contains(QStringLiteral("region")))
        return QStringLiteral("--region goes only with --kind sigv4");
    if (kind == QLatin1String("widget") && a.options.contains(QStringLiteral("role")))
        return QStringLiteral("a widget key has no --role: it lets an anonymous visitor start a session");
    if (a.options.value(QStringLiteral("role")) == QLatin1String("client"))
        return QStringLiteral("a key's --role is agent, supervisor or admin (default admin)");
    if (a.options.contains(QStringLiteral("ttl")) && a.options.value(QStringLiteral("ttl")).toLongLong() < 60)
        return QStringLiteral("a key's --ttl is at least 60 seconds (leave it out: the key does not expire)");
    return {};
}

// ai provider add|list|remove|test: what each needs.
QString checkAiProvider(const Args &a)
{
    const QString verb = a.command.section(QLatin1Char(' '), 2);
    QStringList needed{QStringLiteral("company")};
    if (verb != QLatin1String("list"))
        needed << QStringLiteral("name");
    if (verb == QLatin1String("add"))
        needed << QStringLiteral("kind") << QStringLiteral("base-url");
    if (verb == QLatin1String("test"))
        needed << QStringLiteral("model");
    for (const QString &option : std::as_const(needed))
        if (!a.options.contains(option))
            return QStringLiteral("%1 needs --%2").arg(a.command, needed.join(QStringLiteral(" and --")));
    const QStringList jwtKinds{
        QStringLiteral("jwt"), QStringLiteral("sigv4"), QStringLiteral("apikey"), QStringLiteral("widget")};
    if (verb == QLatin1String("add") && jwtKinds.contains(a.options.value(QStringLiteral("kind"))))
        return QStringLiteral("--kind must be openai, anthropic or ollama");
    return {};
}

// connector add|list|remove|test: what each needs.
QString checkConnector(const Args &a)
{
    const QString verb = a.command.section(QLatin1Char(' '), 1);
    QStringList needed{QStringLiteral("company")};
    if (verb != QLatin1String("list"))
        needed << QStringLiteral("name");
    if (verb == QLatin1String("test"))
        needed << QStringLiteral("purpose");
    for (const QString &option : std::as_const(needed))
        if (!a.options.contains(option))
            return QStringLiteral("%1 needs --%2").arg(a.command, needed.join(QStringLiteral(" and --")));
    return {};
}

// What a command needs beyond each option being valid on its own.
QString checkCommand(const Args &a)
{
    if (a.command.startsWith(QLatin1String("ai provider ")))
        return checkAiProvider(a);
    if (a.command.startsWith(QLatin1String("connector ")))
        return checkConnector(a);
    if ((a.command.startsWith(QLatin1String("channel ")) || a.command == QLatin1String("mail deliver"))
        && !a.options.contains(QStringLiteral("company")))
        return QStringLiteral("%1 needs --company ID").arg(a.command);
    if (a.command.isEmpty() && a.options.contains(QStringLiteral("server"))
        && a.options.contains(QStringLiteral("port")))
        return QStringLiteral("--port is the embedded server's; with --server there is none");
    if (a.command == QLatin1String("company create") && !a.options.contains(QStringLiteral("name")))
        return QStringLiteral("company create needs --name NAME");
    if (a.command == QLatin1String("agent create"))
        return checkAgentCreate(a);
    if (a.command == QLatin1String("db password") && !a.flags.contains(QStringLiteral("password-stdin")))
        return QStringLiteral("db password reads the password from standard input: add --password-stdin");
    if (a.command == QLatin1String("smtp password") && !a.flags.contains(QStringLiteral("password-stdin")))
        return QStringLiteral("smtp password reads the password from standard input: add --password-stdin");
    for (const QString &part : {QStringLiteral("escalations"), QStringLiteral("gaps")}) // of the loaded sessions
        if (a.command == QLatin1String("demo seed")
            && a.options.value(part).toLongLong() > a.options.value(QStringLiteral("sessions")).toLongLong())
            return QStringLiteral("--%1 must not exceed --sessions").arg(part);
    if (a.command == QLatin1String("nlu eval")
        && (!a.options.contains(QStringLiteral("train")) || !a.options.contains(QStringLiteral("test"))))
        return QStringLiteral("nlu eval needs --train CSV and --test CSV");
    if (a.command == QLatin1String("kb import") && !a.options.contains(QStringLiteral("company")))
        return QStringLiteral("kb import needs --company ID (the company whose knowledge base gets the articles)");
    if (a.command.startsWith(QLatin1String("customers ")) && !a.options.contains(QStringLiteral("company")))
        return a.command + QStringLiteral(" needs --company ID (the company whose customers these are)");
    if (a.command == QLatin1String("db copy") && !a.options.contains(QStringLiteral("to")))
        return QStringLiteral("db copy needs --to postgresql://USER[:PASSWORD]@HOST[:PORT]/DB");
    if (a.command == QLatin1String("db copy") && !a.database.isEmpty())
        return QStringLiteral("db copy reads the data directory's SQLite database; the PostgreSQL one is --to, "
                              "not --database");
    if (a.command == QLatin1String("sentiment eval") && !a.options.contains(QStringLiteral("test")))
        return QStringLiteral("sentiment eval needs --test CSV");
    if (a.command == QLatin1String("voice say") && !a.options.contains(QStringLiteral("out")))
        return QStringLiteral("voice say needs --out FILE.wav");
    if (a.command != QLatin1String("token create"))
        return {};
    const QString kind = a.options.value(QStringLiteral("kind"), QStringLiteral("jwt"));
    if (!QStringList{QStringLiteral("jwt"), QStringLiteral("sigv4"), QStringLiteral("apikey"), QStringLiteral("widget")}
             .contains(kind))
        return QStringLiteral("--kind must be jwt, sigv4, apikey or widget");
    if (kind != QLatin1String("jwt"))
        return checkKeyCreate(a, kind);
    for (const char *keyOnly : {"region", "name"})
        if (a.options.contains(QLatin1String(keyOnly)))
            return QStringLiteral("--%1 goes only with --kind sigv4, apikey or widget").arg(QLatin1String(keyOnly));
    if (!a.options.contains(QStringLiteral("company")) || !a.options.contains(QStringLiteral("role")))
        return QStringLiteral("token create needs --company ID and --role client|agent|supervisor|admin");
    const bool client = a.options.value(QStringLiteral("role")) == QLatin1String("client");
    if (client && !a.options.contains(QStringLiteral("customer")))
        return QStringLiteral("a client token acts for one customer: add --customer CUSTOMER_ID");
    if (!client && a.options.contains(QStringLiteral("customer")))
        return QStringLiteral("--customer goes only with --role client");
    return {};
}

// The command named by the leading positional arguments.
QString findCommandName(const QStringList &words, int *used, QString *error)
{
    *used = 0;
    if (words.isEmpty())
        return QString();
    if (words.size() >= 3 && findCommand(words.mid(0, 3).join(QLatin1Char(' ')))) {
        *used = 3;
        return words.mid(0, 3).join(QLatin1Char(' '));
    }
    if (words.size() >= 2 && findCommand(words.at(0) + QLatin1Char(' ') + words.at(1))) {
        *used = 2;
        return words.at(0) + QLatin1Char(' ') + words.at(1);
    }
    if (findCommand(words.at(0))) {
        *used = 1;
        return words.at(0);
    }
    QStringList like;
    for (const Command &c : commands())
        if (c.name.startsWith(words.at(0) + QLatin1Char(' ')))
            like << c.name;
    *error = like.isEmpty() ? QStringLiteral("unknown command: ") + words.join(QLatin1Char(' '))
                            : QStringLiteral("unknown command: %1 (try: %2)")
                                  .arg(words.mid(0, 2).join(QLatin1Char(' ')), like.join(QStringLiteral(", ")));
    return {};
}

} // namespace

QString usage()
{
    return QStringLiteral(
               "Usage:\n"
               "  tierdesk [--port P]                       console (GUI); starts the embedded server too (on port P)\n"
               "  tierdesk --server URL                     console against a remote Tierdesk (tierdesk serve)\n"
               "  tierdesk serve [--host IP] [--port P] [--no-rate-limit] [--demo] [--sip-port P]\n"
               "                                            headless: engine + REST + WebSocket only;\n"
               "                                            --demo seeds the demo store and prints a ready token;\n"
               "                                            --sip-port also answers SIP calls (UDP and TCP on\n"
               "                                            --host) for the companies' numbers (voice.numbers)\n"
               "  tierdesk demo seed [--sessions N [--escalations M] [--gaps G]] [--desk]\n"
               "                                            idempotent demo data; prints JSON; --sessions adds N "
               "generated\n"
               "                                            sessions (M of them waiting in the human queues) on every "
               "run;\n"
               "                                            --gaps: G of them asked what the knowledge lacks\n"
               "                                            --desk: a handful of escalations waiting (while the desk "
               "is\n"
               "                                            empty) and, if nobody can log in yet, the demo admin (its\n"
               "                                            login on stderr)\n"
               "  tierdesk company create --name NAME       prints the new company's id\n"
               "  tierdesk token create --company ID --role ROLE [--customer ID] [--ttl SECONDS] [--subject NAME]\n"
               "                                            prints a JWT; ROLE is client, agent, supervisor or admin;\n"
               "                                            a client token needs --customer (the one customer it acts "
               "for)\n"
               "  tierdesk token create --company ID --kind sigv4|apikey|widget [--region R] [--role ROLE] [--name N]\n"
               "                        [--ttl SECONDS]\n"
               "                                            a stored key for the other API families: sigv4 prints\n"
               "                                            {\"accessKeyId\",\"secretAccessKey\",\"region\"} (AWS "
               "SigV4, "
               "service\n"
               "                                            execute-api, --region default us-east-1); apikey prints an "
               "X-API-Key;\n"
               "                                            widget prints a company's public chat widget key. ROLE: "
               "agent,\n"
               "                                            supervisor or admin (default admin; none for widget); "
               "without "
               "--ttl\n"
               "                                            the key does not expire; revoke with DELETE "
               "/api/cs/tokens/ID\n"
               "  tierdesk agent create --company ID --email E --name N --role agent|supervisor|admin\n"
               "                        [--queues orders,inquiries,complaints] --password-stdin\n"
               "                                            reads the password (")
        + PasswordRule::text()
        + QStringLiteral(
            ") as one line\n"
            "                                            from standard input; prints the agent's id\n"
            "  tierdesk smtp password --password-stdin   keeps the SMTP password (smtp/user's) in the secret store;\n"
            "                                            read as one line from standard input; used from the next "
            "start\n"
            "  tierdesk kb import PATH --company ID      Markdown (front matter) or JSON articles from a folder or "
            "file "
            "into\n"
            "                                            the company's knowledge base (same slug: updated); progress "
            "on\n"
            "                                            stderr, a JSON summary on stdout; exit 1 if any file failed\n"
            "  tierdesk customers import FILE --company ID [--dry-run]\n"
            "                                            customers from a CSV (header row; id, name, email, phone,\n"
            "                                            tier, isVIP, lifetimeValue, any other column an attribute) "
            "or\n"
            "                                            NDJSON (.ndjson) file, matched by id, then e-mail, then "
            "phone;\n"
            "                                            the report (created, updated, unchanged, failed rows) as "
            "JSON\n"
            "  tierdesk customers erase ID --company ID  erases the customer's personal data (GDPR Art. 17): the\n"
            "                                            record keeps its id, their messages are masked\n"
            "  tierdesk db check                         full integrity check of the database; prints ok or the "
            "problems\n"
            "  tierdesk db password --password-stdin     keeps the PostgreSQL password in the secret store, for a "
            "--database\n"
            "                                            URL without one (one line on standard input)\n"
            "  tierdesk secrets export                   the token signing key and the data key as one JSON document "
            "on\n"
            "                                            stdout: what a second instance on the same database needs\n"
            "  tierdesk secrets import                   that document, from stdin, into this data directory's "
            "secret store\n"
            "  tierdesk db migrate                       brings the database's schema up to date (every start does it "
            "too;\n"
            "                                            on PostgreSQL the first instance to start, under a lock)\n"
            "  tierdesk db backup PATH                   consistent copy of the database into the new file PATH "
            "(0600);\n"
            "                                            works while Tierdesk runs\n"
            "  tierdesk db copy --to postgresql://USER[:PASSWORD]@HOST[:PORT]/DB\n"
            "                                            copies the data directory's SQLite database into a new, "
            "empty\n"
            "                                            PostgreSQL database (migrated first), checks the row count "
            "of\n"
            "                                            every table and the messages' contents (SHA-256) on both "
            "sides\n"
            "                                            before it commits, and prints what it moved; works while\n"
            "                                            Tierdesk runs on the data directory (it only reads it); a\n"
            "                                            password missing from the URL: the secret store, else "
            "PGPASSFILE\n"
            "  tierdesk nlu train [--company ID] [--data CSV]\n"
            "                                            trains an intent model (CSV text,label; default: the "
            "built-in\n"
            "                                            examples) and stores it as the company's next version "
            "(without\n"
            "                                            --company: the installation's); used from the next start\n"
            "  tierdesk nlu eval --train CSV --test CSV [--json] [--predictions FILE]\n"
            "                                            trains on one file, measures on the other (docs/nlu.md)\n"
            "  tierdesk sentiment eval --test CSV [--json] [--predictions FILE]\n"
            "                                            measures the sentiment analyser (labels -1/0/1, -4..4 or a "
            "level)\n"
            "  tierdesk voice say \"TEXT\" --out FILE.wav [--voice slt|rms] [--pad-ms N]\n"
            "                                            the words as calls speak them (16 kHz mono WAV; N ms of\n"
            "                                            silence after)\n"
            "  tierdesk voice hear FILE [--digits] [--json]\n"
            "                                            what calls hear in a 16 kHz mono WAV (or raw s16le) file\n"
            "  tierdesk ai provider add --company ID --name NAME --kind openai|anthropic|ollama --base-url URL\n"
            "                        [--api-key-stdin] [--timeout-ms N] [--price-input USD_PER_MTOK]\n"
            "                        [--price-output USD_PER_MTOK]\n"
            "                                            registers a language-model provider (the key read as one "
            "line\n"
            "                                            from standard input, sealed, never shown again); e.g. "
            "Ollama:\n"
            "                                            --kind ollama --base-url http://127.0.0.1:11434\n"
            "  tierdesk ai provider list --company ID [--json]\n"
            "  tierdesk ai provider remove --company ID --name NAME\n"
            "  tierdesk ai provider test --company ID --name NAME --model MODEL\n"
            "                                            one short request: latency and answer, or the provider's "
            "error\n"
            "  tierdesk connector add --company ID --name NAME [--spec FILE]\n"
            "                                            registers (or replaces) a connector to the company's own "
            "system:\n"
            "                                            the JSON of PUT /api/cs/connectors/:name from FILE or "
            "standard "
            "input\n"
            "                                            (kind lambda|http|stripe, purposes, url, auth, ...); secrets "
            "sealed\n"
            "  tierdesk connector list --company ID [--json]\n"
            "  tierdesk connector remove --company ID --name NAME\n"
            "  tierdesk connector test --company ID --name NAME --purpose PURPOSE [--input JSON]\n"
            "                                            one call with the placeholders' values (refund, credit, "
            "cancel: "
            "the\n"
            "                                            request shown, nothing sent); exit 1 when it failed\n"
            "  tierdesk channel email set|show|remove --company ID [--spec FILE]\n"
            "                                            the company's mailbox: the JSON of PUT "
            "/api/cs/channels/email\n"
            "                                            from FILE or standard input (IMAP to read, SMTP to reply); "
            "secrets sealed\n"
            "  tierdesk channel twilio set|show|remove --company ID [--spec FILE]\n"
            "                                            the company's Twilio account for SMS and WhatsApp "
            "(PUT /api/cs/channels/twilio)\n"
            "  tierdesk mail deliver --company ID [--file MESSAGE.eml]\n"
            "                                            one mail (standard input: a mail server's pipe) into the "
            "inbox;\n"
            "                                            exit 65 when it cannot be read, 75 to be tried again\n"
            "Common options: --data-dir DIR (or TIERDESK_DATA_DIR), --version, --help\n"
            "  --database postgresql://USER[:PASSWORD]@HOST[:PORT]/DB[?sslmode=...] (or TIERDESK_DATABASE_URL)\n"
            "                                            team mode: the store in PostgreSQL, shared by every instance\n"
            "                                            (a password missing from the URL: the secret store, else "
            "PGPASSFILE);\n"
            "                                            without it, SQLite in the data directory\n"
            "One process owns a data directory: while one runs, the others (but db check, db backup and db copy) exit "
            "1.\n"
            "Exit codes: 0 ok, 1 runtime error, 2 usage error.\n");
}

bool parse(const QStringList &argv, Args *out, QString *error)
{
    error->clear();
    QCommandLineParser p;
    QStringList valueNames{QStringLiteral("data-dir"), QStringLiteral("database")};
    QStringList flagNames;
    for (const Command &c : commands()) {
        valueNames += c.values;
        flagNames += c.flags;
    }
    valueNames.removeDuplicates();
    flagNames.removeDuplicates();
    for (const QString &name : std::as_const(valueNames))
        p.addOption(QCommandLineOption(name, QString(), QStringLiteral("value")));
    for (const QString &name : std::as_const(flagNames))
        p.addOption(QCommandLineOption(name, QString()));
    if (!p.parse(QStringList{QStringLiteral("tierdesk")} + argv)) {
        *error = p.errorText();
        if (error->endsWith(QLatin1Char('.')))
            error->chop(1);
        return false;
    }

    int used = 0;
    out->command = findCommandName(p.positionalArguments(), &used, error);
    if (!error->isEmpty())
        return false;
    const Command &command = *findCommand(out->command);
    const QString label = out->command.isEmpty() ? QStringLiteral("tierdesk") : out->command;
    out->arguments = p.positionalArguments().mid(used);
    if (out->arguments.size() > command.arguments) {
        *error = QStringLiteral("unexpected argument '%1' for '%2'").arg(out->arguments.at(command.arguments), label);
        return false;
    }
    if (out->arguments.size() < command.arguments || (command.arguments > 0 && out->arguments.constLast().isEmpty())) {
        *error = QStringLiteral("'%1' needs PATH").arg(label);
        return false;
    }

    const QStringList seen = p.optionNames();
    for (const QString &name : seen) {
        if (seen.count(name) > 1) {
            *error = QStringLiteral("--%1 given more than once").arg(name);
            return false;
        }
        const bool common = name == QLatin1String("data-dir") || name == QLatin1String("database");
        if (!common && !command.values.contains(name) && !command.flags.contains(name)) {
            *error = QStringLiteral("unknown option --%1 for '%2'").arg(name, label);
            return false;
        }
        if (command.flags.contains(name)) {
            out->flags << name;
            continue;
        }
        const QString value = p.value(name);
        *error = checkValue(name, value);
        if (!error->isEmpty())
            return false;
        if (name == QLatin1String("data-dir"))
            out->dataDir = value;
        else if (name == QLatin1String("database"))
            out->database = value;
        else
            out->options.insert(name, value);
    }
    *error = checkCommand(*out);
    return error->isEmpty();
}

} // namespace tierdesk::cli
