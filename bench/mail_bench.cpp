// Mail import at scale (bench/mail_import.sh): MAILS mails delivered into one Dovecot mailbox (its
// Maildir, as Dovecot's LDA delivers), then imported by `tierdesk serve`'s poller: each mail a new
// session, answered by the demo company's local responder and sent to a real SMTP server. Reports
// the import's mails per second (from PUT of the mailbox to the end of the poll) and the server's
// peak RSS (VmHWM). Uses the tests' Dovecot, SMTP sink and `tierdesk serve` helpers.
#include "tests/api/ApiTestSupport.h"
#include "tests/integrations/SmtpSink.h"
#include "tests/support/DovecotServer.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTextStream>

#include <unistd.h>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QByteArray benchMail(int i)
{
    const QByteArray n = QByteArray::number(i);
    return "From: Customer " + n + " <customer" + n
        + "@example.org>\r\nTo: support@shop.example\r\nDate: Fri, 27 Nov 2026 09:00:00 +0000\r\n"
          "Message-ID: <bench."
        + n + "@example.org>\r\nSubject: Question " + n
        + " about my order\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
          "Hello,\r\n\r\nwhere is my order ORD-10001? I ordered it last week.\r\n\r\nThanks\r\n-- \r\nCustomer "
        + n + "\r\n";
}

// Delivered as Dovecot's LDA does: a file in the Maildir's new/ (or cur/), owned by the user Dovecot runs as.
bool deliver(const QString &maildir, int count, bool cur)
{
    QString existing = maildir;
    while (!QFileInfo::exists(existing))
        existing = QFileInfo(existing).path();
    const QFileInfo owner(existing);
    for (const QString &sub : {QString(), QStringLiteral("/new"), QStringLiteral("/cur"), QStringLiteral("/tmp")}) {
        if (!QDir().mkpath(maildir + sub)
            || ::chown(QFile::encodeName(maildir + sub).constData(), owner.ownerId(), owner.groupId()) != 0)
            return false;
    }
    for (int i = 0; i < count; ++i) {
        const QString name = cur ? maildir + QStringLiteral("/cur/1795000000.M%1P1.bench:2,").arg(i)
                                 : maildir + QStringLiteral("/new/1795000000.M%1P1.bench").arg(i);
        QFile f(name);
        if (!f.open(QIODevice::WriteOnly) || f.write(benchMail(i)) < 0)
            return false;
        f.close();
        if (::chown(QFile::encodeName(name).constData(), owner.ownerId(), owner.groupId()) != 0)
            return false;
    }
    return true;
}

qint64 peakRssKiB(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/status").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

int fail(const QString &why)
{
    QTextStream(stderr) << "mail bench: " << why << Qt::endl;
    return 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int mails = argc > 1 ? QByteArray(argv[1]).toInt() : 10000;
    DovecotServer dovecot;
    QString error;
    if (!dovecot.start(&error))
        return fail(error);
    // MAILDIR_CUR=1: the mails in cur/ (as after a client's SELECT), unseen, instead of new/.
    if (!deliver(dovecot.mailDir(), mails, qEnvironmentVariableIntValue("MAILDIR_CUR") == 1))
        return fail(QStringLiteral("cannot write into %1").arg(dovecot.mailDir()));
    SmtpSink sink;
    if (!sink.isRunning())
        return fail(sink.error());
    QTemporaryDir data;
    ServeProcess server;
    if (!server.start(data.path(), {QStringLiteral("--demo"), QStringLiteral("--no-rate-limit")}, &error))
        return fail(error);
    HttpClient admin(server.port(), server.adminToken());
    const QString query = QStringLiteral("?companyId=") + server.companyId();
    const QJsonObject mailbox{{QStringLiteral("address"), QStringLiteral("support@shop.example")},
        {QStringLiteral("imap"),
            QJsonObject{{QStringLiteral("url"), dovecot.url().toString()}, {QStringLiteral("username"), dovecot.user()},
                {QStringLiteral("password"), QString::fromUtf8(dovecot.password())},
                {QStringLiteral("pollSeconds"), 86400}, {QStringLiteral("startTls"), false}}},
        {QStringLiteral("smtp"),
            QJsonObject{{QStringLiteral("url"), QStringLiteral("smtp://127.0.0.1:%1").arg(sink.port())},
                {QStringLiteral("startTls"), false}}}};
    QElapsedTimer clock;
    clock.start();
    // The first poll starts at the next tick after PUT; POST .../poll joins it and answers at its end.
    HttpResult r = admin.put(QStringLiteral("/api/cs/channels/email") + query, mailbox);
    if (r.status != 201)
        return fail(QString::fromUtf8(describe(r)));
    qint64 imported = 0;
    while (imported < mails) {
        r = admin.send("POST", QStringLiteral("/api/cs/channels/email/poll") + query, {}, {}, true, 3600 * 1000);
        if (r.status != 200)
            return fail(QString::fromUtf8(describe(r)));
        const qint64 fetched = r.json().value(QLatin1String("fetched")).toInteger();
        imported += fetched;
        if (fetched == 0)
            break;
    }
    const double seconds = double(clock.elapsed()) / 1000.0;
    const qint64 rss = peakRssKiB(server.process().processId());
    const QJsonObject status
        = admin.get(QStringLiteral("/api/cs/channels/email") + query).json().value(QLatin1String("status")).toObject();
    QTextStream(stdout) << QJsonDocument(
        QJsonObject{{QStringLiteral("mails"), mails}, {QStringLiteral("imported"), imported},
            {QStringLiteral("fetchedInStatus"), status.value(QLatin1String("fetched"))},
            {QStringLiteral("seconds"), seconds}, {QStringLiteral("mailsPerSecond"), double(imported) / seconds},
            {QStringLiteral("serverPeakRssMiB"), double(rss) / 1024.0},
            {QStringLiteral("repliesAtSink"), int(sink.messages().size())}})
                               .toJson(QJsonDocument::Compact)
                        << Qt::endl;
    server.terminate();
    return imported == mails ? 0 : 1;
}
