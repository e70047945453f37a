// SmtpMailer against a real SMTP server (aiosmtpd) on loopback: what arrives is
// parsed by Python's e-mail package, so headers and body are checked by an
// independent reader. Failures (refused recipient, closed port, wrong password,
// silent server, header injection) come back as clear errors, never a crash.
#include "core/integrations/SmtpMailer.h"
#include "tests/integrations/SmtpSink.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;
using tierdesk::test::SmtpSink;

namespace {

SmtpConfig configFor(quint16 port)
{
    SmtpConfig c;
    c.host = QStringLiteral("127.0.0.1");
    c.port = port;
    c.tls = SmtpConfig::Tls::None; // aiosmtpd here has no certificate
    c.from = QStringLiteral("Tierdesk Desk <desk@example.com>");
    c.timeoutMs = 10000;
    return c;
}

MailMessage message(const QString &to = QStringLiteral("orders@example.com"))
{
    MailMessage m;
    m.from = QStringLiteral("Tierdesk Desk <desk@example.com>");
    m.to = {to};
    m.subject = QStringLiteral("New escalation in orders: Jürgen Groß — Rückerstattung (high)");
    m.body = QStringLiteral("Grüße aus Köln — 東京 🚀\n")
        + QStringLiteral("A long line that goes on and on ").repeated(5)
        + QStringLiteral("\n.a line that starts with a dot\nFrom the start\ntrailing space \n\nend\n");
    return m;
}

// Waits for the future through its watcher's signal (the GUI/engine-thread way).
Status await(const QFuture<Status> &future)
{
    QFutureWatcher<Status> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcherBase::finished);
    watcher.setFuture(future);
    if (!future.isFinished() && !finished.wait(30000))
        return makeError(ErrorKind::Internal, QStringLiteral("test: no result within 30 s"));
    return future.result();
}

QString normalized(QString s)
{
    return s.replace(QLatin1String("\r\n"), QLatin1String("\n"));
}

} // namespace

class TestSmtpMailer : public QObject {
    Q_OBJECT

private slots:
    void deliversHeadersAndBody();
    void authenticates();
    void wrongPasswordIsAClearError();
    void refusedRecipientIsAClearError();
    void closedPortIsAClearError();
    void serverAtARefusedAddressIsNotContacted();
    void silentServerTimesOut();
    void headerInjectionIsRefusedBeforeSending();
    void configFromSettings();
};

void TestSmtpMailer::deliversHeadersAndBody()
{
    SmtpSink sink;
    QVERIFY2(sink.isRunning(), qPrintable(sink.error()));
    SmtpMailer mailer(configFor(sink.port()));
    const MailMessage m = message();
    const Status r = await(mailer.send(m));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QTRY_COMPARE_WITH_TIMEOUT(sink.messages().size(), 1, 10000);

    const QJsonObject got = sink.messages().constFirst();
    QCOMPARE(got.value(QLatin1String("mailFrom")).toString(), QStringLiteral("desk@example.com"));
    QCOMPARE(got.value(QLatin1String("rcptTos")).toArray().toVariantList(),
        QVariantList{QStringLiteral("orders@example.com")});
    const QJsonObject headers = got.value(QLatin1String("headers")).toObject();
    QCOMPARE(headers.value(QLatin1String("From")).toString(), QStringLiteral("\"Tierdesk Desk\" <desk@example.com>"));
    QCOMPARE(headers.value(QLatin1String("To")).toString(), QStringLiteral("orders@example.com"));
    QCOMPARE(headers.value(QLatin1String("Subject")).toString(), m.subject);
    QVERIFY(got.value(QLatin1String("rawHeaders"))
                .toObject()
                .value(QLatin1String("Subject"))
                .toString()
                .startsWith(QLatin1String("=?utf-8?B?")));
    QCOMPARE(headers.value(QLatin1String("MIME-Version")).toString(), QStringLiteral("1.0"));
    const QString id = headers.value(QLatin1String("Message-ID")).toString();
    QVERIFY2(id.startsWith(QLatin1Char('<')) && id.endsWith(QLatin1String("@example.com>")), qPrintable(id));
    const QDateTime date = QDateTime::fromString(headers.value(QLatin1String("Date")).toString(), Qt::RFC2822Date);
    QVERIFY2(date.isValid(), qPrintable(headers.value(QLatin1String("Date")).toString()));
    QVERIFY(qAbs(date.secsTo(QDateTime::currentDateTimeUtc())) < 3600);
    QCOMPARE(got.value(QLatin1String("contentType")).toString(), QStringLiteral("text/plain"));
    QCOMPARE(got.value(QLatin1String("charset")).toString(), QStringLiteral("utf-8"));
    QCOMPARE(got.value(QLatin1String("transferEncoding")).toString(), QStringLiteral("quoted-printable"));
    QCOMPARE(normalized(got.value(QLatin1String("body")).toString()), m.body);
    QVERIFY(got.value(QLatin1String("maxLineLength")).toInt() <= 78);
    QVERIFY(got.value(QLatin1String("authUser")).isNull());
}

void TestSmtpMailer::authenticates()
{
    SmtpSink sink({QStringLiteral("--auth"), QStringLiteral("desk-user:s3cret pass")});
    QVERIFY2(sink.isRunning(), qPrintable(sink.error()));
    SmtpConfig c = configFor(sink.port());
    c.user = QStringLiteral("desk-user");
    c.password = "s3cret pass";
    SmtpMailer mailer(c);
    const Status r = await(mailer.send(message()));
    QVERIFY2(r.ok(), r.ok() ? "" : qPrintable(r.error().message));
    QTRY_COMPARE_WITH_TIMEOUT(sink.messages().size(), 1, 10000);
    QCOMPARE(sink.messages().constFirst().value(QLatin1String("authUser")).toString(), QStringLiteral("desk-user"));
}

void TestSmtpMailer::wrongPasswordIsAClearError()
{
    SmtpSink sink({QStringLiteral("--auth"), QStringLiteral("desk-user:right")});
    QVERIFY2(sink.isRunning(), qPrintable(sink.error()));
    SmtpConfig c = configFor(sink.port());
    c.user = QStringLiteral("desk-user");
    c.password = "wrong";
    SmtpMailer mailer(c);
    const Status r = await(mailer.send(message()));
    QVERIFY(!r.ok());
    QVERIFY2(
        r.error().message.contains(QLatin1String("refused the user name or password")), qPrintable(r.error().message));
    // Without credentials the server (auth required) refuses the sender.
    SmtpMailer anonymous(configFor(sink.port()));
    const Status r2 = await(anonymous.send(message()));
    QVERIFY(!r2.ok());
    QVERIFY2(r2.error().message.contains(QLatin1String("530")), qPrintable(r2.error().message));
    QCOMPARE(sink.messages().size(), 0);
}

void TestSmtpMailer::refusedRecipientIsAClearError()
{
    SmtpSink sink({QStringLiteral("--refuse"), QStringLiteral("nobody@example.com")});
    QVERIFY2(sink.isRunning(), qPrintable(sink.error()));
    SmtpMailer mailer(configFor(sink.port()));
    const Status r = await(mailer.send(message(QStringLiteral("nobody@example.com"))));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QLatin1String("refused a recipient"))
            && r.error().message.contains(QLatin1String("550")),
        qPrintable(r.error().message));
    // The server is still fine, and only the good message arrived.
    QVERIFY(await(mailer.send(message())).ok());
    QTRY_COMPARE_WITH_TIMEOUT(sink.messages().size(), 1, 10000);
    QCOMPARE(sink.messages().constFirst().value(QLatin1String("rcptTos")).toArray().at(0).toString(),
        QStringLiteral("orders@example.com"));
}

void TestSmtpMailer::closedPortIsAClearError()
{
    quint16 port = 0;
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    } // closed: nothing listens there now
    SmtpMailer mailer(configFor(port));
    const Status r = await(mailer.send(message()));
    QVERIFY(!r.ok());
    QVERIFY2(
        r.error().message.startsWith(QStringLiteral("cannot connect to the SMTP server smtp://127.0.0.1:%1").arg(port)),
        qPrintable(r.error().message));
}

// A company's mailbox's SMTP server is reached as its other systems are (MailReplies): under the
// connectors' policy this machine's sink takes the mail; a policy refusing loopback never connects.
void TestSmtpMailer::serverAtARefusedAddressIsNotContacted()
{
    SmtpSink sink;
    QVERIFY2(sink.isRunning(), qPrintable(sink.error()));
    SmtpConfig allowed = configFor(sink.port());
    allowed.policy = AddressPolicy::forConnectors(false);
    const Status sent = SmtpMailer(allowed, 1).sendNow(message());
    QVERIFY2(sent.ok(), sent.ok() ? "" : qPrintable(sent.error().message));
    QTRY_COMPARE_WITH_TIMEOUT(sink.messages().size(), 1, 10000);
    QTcpServer listener; // what a refused connection would have reached
    QVERIFY(listener.listen(QHostAddress::LocalHost, 0));
    SmtpConfig refused = configFor(listener.serverPort());
    refused.policy = AddressPolicy(false);
    const Status r = SmtpMailer(refused, 1).sendNow(message());
    QVERIFY(!r.ok());
    QCOMPARE(r.error().kind, ErrorKind::InvalidArgument); // the outbox does not try it again
    QCOMPARE(r.error().message,
        QStringLiteral("the SMTP server smtp://127.0.0.1:%1 is at an address not allowed: 127.0.0.1 is a loopback "
                       "address (allowed only with webhooks/allowPrivateNetworks=true)")
            .arg(listener.serverPort()));
    QVERIFY(!listener.waitForNewConnection(0));
}

void TestSmtpMailer::silentServerTimesOut()
{
    // Listens (the kernel completes the handshake) but never greets.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    SmtpConfig c = configFor(silent.serverPort());
    c.timeoutMs = 1000;
    SmtpMailer mailer(c);
    const Status r = await(mailer.send(message()));
    QVERIFY(!r.ok());
    QVERIFY2(r.error().message.contains(QLatin1String("did not answer within 1000 ms")), qPrintable(r.error().message));
}

void TestSmtpMailer::headerInjectionIsRefusedBeforeSending()
{
    SmtpSink sink;
    QVERIFY2(sink.isRunning(), qPrintable(sink.error()));
    SmtpMailer mailer(configFor(sink.port()));
    MailMessage bad = message();
    bad.subject = QStringLiteral("Hi\r\nBcc: victim@example.com");
    const QFuture<Status> f = mailer.send(bad);
    QVERIFY(f.isFinished()); // refused at once, no connection made
    QVERIFY(!f.result().ok());
    QVERIFY2(f.result().error().message.contains(QLatin1String("line breaks")), qPrintable(f.result().error().message));

    MailMessage badRcpt = message(QStringLiteral("orders@example.com>\r\nRCPT TO:<victim@example.com"));
    QVERIFY(!await(mailer.send(badRcpt)).ok());
    QVERIFY(!mailer.sendNow(badRcpt).ok()); // the blocking path checks too

    // A good message afterwards is the only one the server saw.
    QVERIFY(await(mailer.send(message())).ok());
    QTRY_COMPARE_WITH_TIMEOUT(sink.messages().size(), 1, 10000);
    QCOMPARE(sink.messages().constFirst().value(QLatin1String("rcptTos")).toArray().size(), 1);
    QVERIFY(!sink.messages().constFirst().value(QLatin1String("headers")).toObject().contains(QLatin1String("Bcc")));
}

void TestSmtpMailer::configFromSettings()
{
    QTemporaryDir dir;
    const QString ini = dir.filePath(QStringLiteral("tierdesk.ini"));
    FileSecretStore secrets(dir.filePath(QStringLiteral("secrets.json")));
    {
        // Nothing set: not configured, and not an error.
        const auto none = SmtpConfig::fromSettings(AppSettings(ini), secrets);
        QVERIFY(none.ok());
        QVERIFY(!none->isConfigured());
    }
    {
        QSettings s(ini, QSettings::IniFormat);
        s.setValue(QStringLiteral("smtp/host"), QStringLiteral("mail.example.com"));
        s.setValue(QStringLiteral("smtp/from"), QStringLiteral("Desk <desk@example.com>"));
        s.setValue(QStringLiteral("smtp/user"), QStringLiteral("desk"));
    }
    auto c = SmtpConfig::fromSettings(AppSettings(ini), secrets);
    QVERIFY(!c.ok()); // a user without a stored password
    QVERIFY2(c.error().message.contains(QLatin1String("smtp/password")), qPrintable(c.error().message));
    QVERIFY(secrets.write(QLatin1String(kSmtpPasswordSecret), "pw").ok());
    c = SmtpConfig::fromSettings(AppSettings(ini), secrets);
    QVERIFY2(c.ok(), qPrintable(c.ok() ? QString() : c.error().message));
    QCOMPARE(c->port, 587);
    QCOMPARE(c->tls, SmtpConfig::Tls::StartTls);
    QCOMPARE(c->password, QByteArray("pw"));
    QCOMPARE(c->timeoutMs, 30000);
    QCOMPARE(c->url(), QStringLiteral("smtp://mail.example.com:587"));

    {
        QSettings s(ini, QSettings::IniFormat);
        s.setValue(QStringLiteral("smtp/tls"), QStringLiteral("tls"));
        s.setValue(QStringLiteral("smtp/port"), 465);
    }
    c = SmtpConfig::fromSettings(AppSettings(ini), secrets);
    QVERIFY(c.ok());
    QCOMPARE(c->url(), QStringLiteral("smtps://mail.example.com:465"));

    const auto refuse = [&](const QString &key, const QVariant &value, const QString &expected) {
        QSettings s(ini, QSettings::IniFormat);
        const QVariant old = s.value(key);
        s.setValue(key, value);
        s.sync();
        const auto r = SmtpConfig::fromSettings(AppSettings(ini), secrets);
        s.setValue(key, old);
        s.sync();
        return !r.ok() && r.error().message.contains(expected);
    };
    QVERIFY(refuse(QStringLiteral("smtp/tls"), QStringLiteral("ssl"), QStringLiteral("starttls, tls or none")));
    QVERIFY(refuse(QStringLiteral("smtp/port"), 0, QStringLiteral("1-65535")));
    QVERIFY(
        refuse(QStringLiteral("smtp/host"), QStringLiteral("mail.example.com/x?y"), QStringLiteral("not a host name")));
    QVERIFY(refuse(QStringLiteral("smtp/from"), QStringLiteral("no-address"), QStringLiteral("smtp/from")));
    QVERIFY(refuse(QStringLiteral("smtp/timeoutSeconds"), 0, QStringLiteral("1-300")));
}

QTEST_GUILESS_MAIN(TestSmtpMailer)
#include "tst_smtpmailer.moc"
