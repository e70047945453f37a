#include "core/integrations/SmtpMailer.h"
#include "tests/api/ApiTestSupport.h"
#include "tests/integrations/SmtpSink.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QtTest>

using namespace tierdesk;
using namespace tierdesk::test;

// notifyOnEscalation by e-mail: the real server, a real SMTP server (aiosmtpd) on loopback.
class TestCsApiNotify : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void escalationMailsTheQueueOnlyWhenTheCompanyAsks();
    void smtpPasswordCommandKeepsItInTheSecretStore();

private:
    QString escalatedSession(HttpClient &admin, const QString &message);
    void setNotify(HttpClient &admin, bool on);

    std::unique_ptr<SmtpSink> m_sink;
    ServerFixture m_server;
};

void TestCsApiNotify::initTestCase()
{
    m_sink = std::make_unique<SmtpSink>();
    QVERIFY2(m_sink->isRunning(), qPrintable(m_sink->error()));
    const QByteArray ini = "[smtp]\nhost=127.0.0.1\nport=" + QByteArray::number(m_sink->port())
        + "\ntls=none\nfrom=Tierdesk <desk@example.com>\n";
    QString error;
    QVERIFY2(m_server.start(ini, false, &error), qPrintable(error));
}

void TestCsApiNotify::setNotify(HttpClient &admin, bool on)
{
    const QJsonObject patch{{QStringLiteral("companyId"), m_server.companyId()},
        {QStringLiteral("tiers"),
            QJsonObject{{QStringLiteral("humanAgent"), QJsonObject{{QStringLiteral("notifyOnEscalation"), on}}}}},
        {QStringLiteral("desk"),
            QJsonObject{{QStringLiteral("queues"),
                QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("complaints")},
                               {QStringLiteral("categories"), QJsonArray{QStringLiteral("COMPLAINT")}},
                               {QStringLiteral("email"), QStringLiteral("complaints@example.com")}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("inquiries")},
                        {QStringLiteral("categories"), QJsonArray{}}}}}}}};
    const HttpResult r = admin.put(QStringLiteral("/api/cs/config"), patch);
    QVERIFY2(r.status == 200, r.body.constData());
}

QString TestCsApiNotify::escalatedSession(HttpClient &admin, const QString &message)
{
    QJsonObject body = sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), message);
    body.insert(QStringLiteral("issueCategory"), QStringLiteral("COMPLAINT"));
    const QString id
        = admin.post(QStringLiteral("/api/cs/sessions"), body).json().value(QLatin1String("id")).toString();
    admin.post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(id),
        {{QStringLiteral("reason"), QStringLiteral("ESCALATED_COMPLAINT")},
            {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    return id;
}

void TestCsApiNotify::escalationMailsTheQueueOnlyWhenTheCompanyAsks()
{
    auto admin = m_server.client(api::Role::Admin);
    setNotify(*admin, false);
    const QString quiet = escalatedSession(*admin, QStringLiteral("The zipper broke on day one."));
    QVERIFY(!quiet.isEmpty());
    setNotify(*admin, true);
    const QString loud = escalatedSession(*admin, QStringLiteral("Second zipper broke too, this is not acceptable."));
    QVERIFY(!loud.isEmpty());

    QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), 1, 15000);
    const QJsonObject mail = m_sink->messages().first();
    QCOMPARE(mail.value(QLatin1String("rcptTos")).toArray(), QJsonArray{QStringLiteral("complaints@example.com")});
    const QJsonObject headers = mail.value(QLatin1String("headers")).toObject();
    const QString subject = headers.value(QLatin1String("Subject")).toString();
    QVERIFY2(subject.startsWith(QLatin1String("New escalation in complaints: ")), qPrintable(subject));
    QVERIFY2(mail.value(QLatin1String("body")).toString().contains(loud), "the mail names the session");
    QVERIFY(!mail.value(QLatin1String("body")).toString().contains(quiet));

    // The sending is in the audit log once the mailer reports back.
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            const QJsonArray rows = admin
                                        ->get(withQuery(QStringLiteral("/api/cs/audit"),
                                            {{QStringLiteral("companyId"), m_server.companyId()},
                                                {QStringLiteral("limit"), QStringLiteral("1000")}}))
                                        .json()
                                        .value(QLatin1String("entries"))
                                        .toArray();
            for (const QJsonValue &row : rows)
                if (row.toObject().value(QLatin1String("action")).toString() == QLatin1String("desk.notify_sent")
                    && row.toObject().value(QLatin1String("resource")).toString().endsWith(loud))
                    return true;
            return false;
        }(),
        10000);
}

void TestCsApiNotify::smtpPasswordCommandKeepsItInTheSecretStore()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QStringList command{
        QStringLiteral("--data-dir"), dir.path(), QStringLiteral("smtp"), QStringLiteral("password")};
    QCOMPARE(runTierdesk(command).exitCode, 2); // without --password-stdin

    QTemporaryFile input;
    QVERIFY(input.open());
    input.write("correct horse battery\n");
    input.flush();
    QProcess p;
    p.setStandardInputFile(input.fileName());
    const CliResult r = runTierdesk(p, command + QStringList{QStringLiteral("--password-stdin")});
    QVERIFY2(r.exitCode == 0, r.err.constData());

    auto rt = api::Runtime::open(dir.path());
    QVERIFY(rt);
    const auto stored = rt.value()->secrets().read(QLatin1String(kSmtpPasswordSecret));
    QVERIFY(stored);
    QCOMPARE(*stored, QByteArray("correct horse battery"));
    QFile ini(dir.filePath(QStringLiteral("tierdesk.ini")));
    if (ini.open(QIODevice::ReadOnly))
        QVERIFY(!ini.readAll().contains("correct horse"));
}

QTEST_GUILESS_MAIN(TestCsApiNotify)
#include "tst_csapi_notify.moc"
