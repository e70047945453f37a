// The server's SMTP settings over /api/cs/settings/smtp on a real server: read and written
// by admins (the password only into the secret store, never answered), checked field by
// field, read-only on a server with several companies, audited; what is written is what
// the next start reads.
#include "tests/api/ApiTestSupport.h"

#include "core/common/Settings.h"
#include "core/integrations/SmtpMailer.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QString kPath = QStringLiteral("/api/cs/settings/smtp");

QJsonObject goodSettings()
{
    return {{QStringLiteral("host"), QStringLiteral("mail.example.com")}, {QStringLiteral("port"), 2525},
        {QStringLiteral("tls"), QStringLiteral("tls")}, {QStringLiteral("user"), QStringLiteral("desk")},
        {QStringLiteral("from"), QStringLiteral("Tierdesk <desk@example.com>")}, {QStringLiteral("timeoutSeconds"), 20},
        {QStringLiteral("password"), QStringLiteral("mail password 123")}};
}

} // namespace

class TestCsApiSmtpSettings : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_server = std::make_unique<ServerFixture>();
        QString error;
        QVERIFY2(m_server->start({}, false, &error), qPrintable(error));
        m_admin = m_server->client(api::Role::Admin);
    }
    void cleanup()
    {
        m_admin.reset();
        m_server.reset();
    }

    void defaultsThenWrittenForTheNextStart()
    {
        HttpResult r = m_admin->get(kPath);
        QVERIFY2(r.status == 200, describe(r));
        QCOMPARE(r.json().value(QLatin1String("host")).toString(), QString());
        QCOMPARE(r.json().value(QLatin1String("port")).toInt(), 587);
        QCOMPARE(r.json().value(QLatin1String("tls")).toString(), QStringLiteral("starttls"));
        QCOMPARE(r.json().value(QLatin1String("passwordSet")).toBool(), false);
        QCOMPARE(r.json().value(QLatin1String("editable")).toBool(), true);
        QCOMPARE(r.json().value(QLatin1String("active")).toBool(), false);

        r = m_admin->put(kPath, goodSettings());
        QVERIFY2(r.status == 200, describe(r));
        QCOMPARE(r.json().value(QLatin1String("restartRequired")).toBool(), true);
        QCOMPARE(r.json().value(QLatin1String("passwordSet")).toBool(), true);
        QVERIFY(!r.body.contains("mail password 123"));
        r = m_admin->get(kPath);
        QCOMPARE(r.json().value(QLatin1String("host")).toString(), QStringLiteral("mail.example.com"));
        QCOMPARE(r.json().value(QLatin1String("port")).toInt(), 2525);
        QCOMPARE(r.json().value(QLatin1String("passwordSet")).toBool(), true);
        QVERIFY(!r.json().contains(QLatin1String("password")));

        // The next start reads exactly this; the password is not in the ini file.
        const QString ini = m_server->dataDir() + QStringLiteral("/tierdesk.ini");
        const auto config = SmtpConfig::fromSettings(AppSettings(ini), m_server->runtime().secrets());
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.error().message));
        QCOMPARE(config->host, QStringLiteral("mail.example.com"));
        QCOMPARE(config->port, 2525);
        QCOMPARE(config->tls, SmtpConfig::Tls::Implicit);
        QCOMPARE(config->timeoutMs, 20000);
        QCOMPARE(config->password, QByteArray("mail password 123"));
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(!file.readAll().contains("mail password"));

        // A later change without "password" keeps the stored one.
        r = m_admin->put(kPath, {{QStringLiteral("port"), 465}});
        QVERIFY2(r.status == 200, describe(r));
        QCOMPARE(r.json().value(QLatin1String("passwordSet")).toBool(), true);
        QCOMPARE(r.json().value(QLatin1String("host")).toString(), QStringLiteral("mail.example.com"));
        QCOMPARE(
            m_server->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'settings.smtp'")).toInt(),
            2);
        QCOMPARE(m_server->scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE details LIKE '%mail password%'"))
                     .toInt(),
            0);
    }

    void badInputNamesTheField()
    {
        struct Case {
            const char *key;
            QJsonValue value;
            const char *field;
        };
        const QList<Case> cases{
            {"port", 0, "port"},
            {"port", 70000, "port"},
            {"port", QStringLiteral("25"), "port"},
            {"tls", QStringLiteral("ssl"), "tls"},
            {"timeoutSeconds", 301, "timeoutSeconds"},
            {"host", QStringLiteral("mail example com"), "host"},
            {"host", QString(254, QLatin1Char('h')), "host"},
            {"from", QStringLiteral("not an address"), "from"},
            {"password", 12, "password"},
        };
        for (const Case &c : cases) {
            QJsonObject body = goodSettings();
            body.insert(QLatin1String(c.key), c.value);
            const HttpResult r = m_admin->put(kPath, body);
            QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
            QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(),
                QLatin1String(c.field));
        }
        // A user needs a password, and none is stored yet.
        QJsonObject body = goodSettings();
        body.remove(QStringLiteral("password"));
        const HttpResult r = m_admin->put(kPath, body);
        QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
        QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(),
            QStringLiteral("password"));
        QCOMPARE(m_admin->get(kPath).json().value(QLatin1String("host")).toString(), QString());
    }

    void onlyAdminsAndOnlyOnAOneCompanyServer()
    {
        QCOMPARE(m_server->client(api::Role::Supervisor)->get(kPath).status, 403);
        QCOMPARE(m_server->client(api::Role::Supervisor)->put(kPath, goodSettings()).status, 403);
        m_server->createCompany(QStringLiteral("Second company"));
        const HttpResult r = m_admin->put(kPath, goodSettings());
        QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r));
        QCOMPARE(m_admin->get(kPath).json().value(QLatin1String("editable")).toBool(), false);
        QCOMPARE(m_admin->get(kPath).json().value(QLatin1String("host")).toString(), QString());
    }

    // A settings file the server cannot write is a part that does not work (503 CS_021),
    // not a fault of ours: the table says so, with the route's own words.
    void anUnwritableSettingsFileAnswersCs021()
    {
        const QString ini = m_server->dataDir() + QStringLiteral("/tierdesk.ini");
        QVERIFY(QFile::remove(ini));
        QVERIFY(QDir().mkdir(ini)); // what stands there now is no file QSettings can replace
        const HttpResult r = m_admin->put(kPath, goodSettings());
        QVERIFY2(checkErrorBody(r, 503, QStringLiteral("CS_021")).isEmpty(), describe(r));
        QCOMPARE(r.error().value(QLatin1String("message")).toString(), QStringLiteral("could not write tierdesk.ini"));
        QCOMPARE(m_admin->get(kPath).json().value(QLatin1String("host")).toString(), QString());
    }

private:
    std::unique_ptr<ServerFixture> m_server;
    std::unique_ptr<HttpClient> m_admin;
};

QTEST_MAIN(TestCsApiSmtpSettings)
#include "tst_csapi_smtpsettings.moc"
