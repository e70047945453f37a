// `tierdesk channel email|twilio set | show | remove` (a company's inbox channels, docs/channels.md)
// and `tierdesk mail deliver` (a mail handed in by a mail server, e.g. a Postfix pipe). A channel is
// described by the JSON body its PUT route takes, read from --spec FILE or standard input, so its
// secrets never sit in argv.
#include "app/CliSupport.h"

#include "core/api/cs/CsChannelJson.h"
#include "core/engine/channels/Channels.h"
#include "core/runtime/MailSpool.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>

namespace tierdesk::cli {
namespace {

constexpr qint64 kMaxSpecBytes = 64 * 1024;
// sysexits.h: what a mail server makes of a delivery command's exit.
constexpr int kExitDataError = 65; // the mail cannot be read: bounced, not retried
constexpr int kExitTempFail = 75; // try again later
constexpr int kSpoolWaitMs = 20000; // for the server to take a spooled mail (it is safe either way)
constexpr int kSpoolLookMs = 50;

QString company(const Args &args)
{
    return args.options.value(QStringLiteral("company"));
}

// At most `max` bytes of --spec FILE, else standard input.
std::optional<QByteArray> readInput(const Args &args, const char *option, qint64 max, QString *error)
{
    QFile file;
    const QString path = args.options.value(QLatin1String(option));
    const bool opened = path.isEmpty() ? file.open(stdin, QIODevice::ReadOnly)
                                       : (file.setFileName(path), file.open(QIODevice::ReadOnly));
    if (!opened) {
        *error = QStringLiteral("cannot read %1: %2")
                     .arg(path.isEmpty() ? QStringLiteral("standard input") : path, file.errorString());
        return std::nullopt;
    }
    const QByteArray bytes = file.read(max + 1);
    if (bytes.size() > max) {
        *error = QStringLiteral("the input is larger than %1 bytes").arg(max);
        return std::nullopt;
    }
    return bytes;
}

std::optional<QJsonObject> readSpec(const Args &args, QString *error)
{
    const std::optional<QByteArray> spec = readInput(args, "spec", kMaxSpecBytes, error);
    if (!spec)
        return std::nullopt;
    const QJsonDocument doc = QJsonDocument::fromJson(*spec);
    if (!doc.isObject()) {
        *error = QStringLiteral("the channel's spec must be a JSON object (as PUT /api/cs/channels/%1 takes)")
                     .arg(args.command.section(QLatin1Char(' '), 1, 1));
        return std::nullopt;
    }
    return doc.object();
}

int printed(const QJsonObject &o)
{
    out() << QJsonDocument(o).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}

int email(api::Runtime &rt, const Args &args, const QString &verb)
{
    ChannelAccounts &accounts = rt.channels().accounts();
    if (verb == QLatin1String("set")) {
        QString error;
        const std::optional<QJsonObject> spec = readSpec(args, &error);
        if (!spec)
            return fail(2, error);
        const Result<MailboxSettings> settings = api::cs::emailSettings(*spec);
        if (!settings)
            return fail(2, settings.error().message);
        bool created = false;
        if (const auto put = accounts.putEmail(company(args), *settings, kCliActor, &created); !put)
            return fail(usage(put.error()) ? 2 : 1, put.error().message);
        if (!rt.engine().flush())
            return fail(1, QStringLiteral("could not store the mailbox"));
    } else if (verb == QLatin1String("remove")) {
        if (const Status removed = accounts.removeEmail(company(args), kCliActor); !removed)
            return fail(1, removed.error().message);
        return rt.engine().flush() ? 0 : fail(1, QStringLiteral("could not remove the mailbox"));
    }
    const Result<MailboxSettings> shown = accounts.email(company(args));
    if (!shown)
        return fail(1, shown.error().message);
    const Result<EmailMailboxState> state = accounts.emailState(company(args));
    return printed(api::cs::emailSettingsJson(*shown, state ? *state : EmailMailboxState{}));
}

int twilio(api::Runtime &rt, const Args &args, const QString &verb)
{
    ChannelAccounts &accounts = rt.channels().accounts();
    if (verb == QLatin1String("set")) {
        QString error;
        const std::optional<QJsonObject> spec = readSpec(args, &error);
        if (!spec)
            return fail(2, error);
        const Result<TwilioSettings> settings = api::cs::twilioSettings(*spec);
        if (!settings)
            return fail(2, settings.error().message);
        bool created = false;
        if (const auto put = accounts.putTwilio(company(args), *settings, kCliActor, &created); !put)
            return fail(usage(put.error()) ? 2 : 1, put.error().message);
        if (!rt.engine().flush())
            return fail(1, QStringLiteral("could not store the Twilio account"));
    } else if (verb == QLatin1String("remove")) {
        if (const Status removed = accounts.removeTwilio(company(args), kCliActor); !removed)
            return fail(1, removed.error().message);
        return rt.engine().flush() ? 0 : fail(1, QStringLiteral("could not remove the Twilio account"));
    }
    const Result<TwilioSettings> shown = accounts.twilio(company(args));
    if (!shown)
        return fail(1, shown.error().message);
    return printed(api::cs::twilioSettingsJson(*shown));
}

// The server holding the data directory takes the mail from its spool (docs/channels.md): once
// written and synced there it is safe (exit 0). The server's answer is awaited a while, so a mail
// it cannot take (no mailbox for the company) is refused as a mail server expects (65).
int spoolMail(const Args &args, const QByteArray &raw)
{
    const Result<MailInbox::Parsed> readable = MailInbox::parse(raw, MailInbox::kMaxDeliveredBytes);
    if (!readable)
        return fail(kExitDataError, readable.error().message);
    const Result<QString> name = MailSpool::put(dataDir(args), company(args), raw);
    if (!name)
        return fail(name.error().kind == ErrorKind::InvalidArgument ? 2 : kExitTempFail, name.error().message);
    QElapsedTimer waited;
    waited.start();
    QString outcome;
    QEventLoop loop;
    QTimer look;
    QObject::connect(&look, &QTimer::timeout, &loop, [&] {
        outcome = MailSpool::outcome(dataDir(args), *name);
        if (!outcome.isEmpty() || waited.elapsed() > kSpoolWaitMs)
            loop.quit();
    });
    look.start(kSpoolLookMs);
    loop.exec();
    if (!outcome.isEmpty() && outcome != QLatin1String("done"))
        return fail(kExitDataError, QStringLiteral("the server did not take the mail: %1").arg(outcome));
    return printed({{QStringLiteral("spooled"), *name}, {QStringLiteral("taken"), outcome == QLatin1String("done")}});
}

} // namespace

int runChannel(const Args &args)
{
    int code = 0;
    auto rt = openRuntime(args, &code);
    if (!rt)
        return code;
    const QString kind = args.command.section(QLatin1Char(' '), 1, 1);
    const QString verb = args.command.section(QLatin1Char(' '), 2, 2);
    return kind == QLatin1String("email") ? email(*rt, args, verb) : twilio(*rt, args, verb);
}

int runMailDeliver(const Args &args)
{
    QString error;
    const std::optional<QByteArray> raw = readInput(args, "file", MailInbox::kMaxDeliveredBytes, &error);
    if (!raw)
        return fail(kExitDataError, error);
    auto rt = api::Runtime::open(dataDir(args), SystemClock::instance(), databaseUrl(args));
    if (!rt && rt.error().kind == ErrorKind::Conflict) // a server holds the data directory: hand it the mail
        return spoolMail(args, *raw);
    if (!rt)
        return fail(kExitTempFail, rt.error().message);
    const Result<MailboxSettings> mailbox = rt.value()->channels().accounts().email(company(args));
    if (!mailbox)
        return fail(usage(mailbox.error()) ? 2 : kExitTempFail, mailbox.error().message);
    const Result<MailInbox::Parsed> parsed = MailInbox::parse(*raw, mailbox->maxBytes);
    if (!parsed)
        return fail(kExitDataError, parsed.error().message);
    std::optional<Result<MailInbox::Receipt>> done;
    QEventLoop loop;
    rt.value()->channels().mail().receive(company(args), *parsed, &loop, [&](Result<MailInbox::Receipt> r) {
        done = std::move(r);
        loop.quit();
    });
    if (!done)
        loop.exec();
    if (!rt.value()->engine().flush() || !*done)
        return fail(kExitTempFail, *done ? QStringLiteral("could not store the mail") : (*done).error().message);
    return printed(
        {{QStringLiteral("sessionId"), (*done)->sessionId}, {QStringLiteral("duplicate"), (*done)->duplicate}});
}

} // namespace tierdesk::cli
