// The role of a SigV4 key on a real server (seed 000): the platform routes keep from a
// key what /api/cs keeps from a token of the same role for the same kind of action
// (analytics and the audit log: supervisor; webhooks and where mail goes: admin), and
// refuse it with 403 AccessDeniedException in API Gateway's body.
#include "tests/api/platform/PlatformTestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {
const QString kSecret = QStringLiteral("a-webhook-secret-of-the-test");
}

class TestPlatformApiRoles : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void agentKeyIsRefused_data() { routes(); }
    void agentKeyIsRefused();
    void supervisorKeyAsCsAllows_data() { routes(); }
    void supervisorKeyAsCsAllows();
    void adminKeyIsAllowed_data() { routes(); }
    void adminKeyIsAllowed();
    void refusedWebhookIsNotStored();

private:
    void routes();
    HttpResult send(PlatformClient &client);

    WebhookReceiver m_receiver;
    ServerFixture m_server;
    std::unique_ptr<PlatformClient> m_agent;
    std::unique_ptr<PlatformClient> m_supervisor;
    std::unique_ptr<PlatformClient> m_admin;
    QString m_reportId;
};

void TestPlatformApiRoles::initTestCase()
{
    QVERIFY(m_receiver.listen());
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    const SigV4Key agent = issueSigV4Key(m_server, {}, {}, QStringLiteral("agent"));
    const SigV4Key supervisor = issueSigV4Key(m_server, {}, {}, QStringLiteral("supervisor"));
    const SigV4Key admin = issueSigV4Key(m_server, {}, {}, QStringLiteral("admin"));
    QVERIFY(agent.isValid() && supervisor.isValid() && admin.isValid());
    m_agent = std::make_unique<PlatformClient>(m_server.port(), agent);
    m_supervisor = std::make_unique<PlatformClient>(m_server.port(), supervisor);
    m_admin = std::make_unique<PlatformClient>(m_server.port(), admin);
    // A ready report, so that its status and download answer 200 to whoever may read them.
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const HttpResult created = m_admin->post(QStringLiteral("/analytics/reports"),
        {{QStringLiteral("report_type"), QStringLiteral("daily_summary")},
            {QStringLiteral("format"), QStringLiteral("csv")},
            {QStringLiteral("time_period"),
                QJsonObject{{QStringLiteral("start"), today}, {QStringLiteral("end"), today}}}});
    QVERIFY2(created.status == 202, describe(created));
    m_reportId = created.json().value(QLatin1String("report_id")).toString();
    QTRY_COMPARE_WITH_TIMEOUT(m_admin->get(QStringLiteral("/analytics/reports/") + m_reportId)
                                  .json()
                                  .value(QLatin1String("status"))
                                  .toString(),
        QStringLiteral("ready"), 30000);
}

// Each route a key's role matters for: the least role /api/cs asks for the same kind of
// action, and the status the route answers a key of that role.
void TestPlatformApiRoles::routes()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<int>("minimum");
    QTest::addColumn<int>("okStatus");
    const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
    const int supervisor = int(api::Role::Supervisor);
    const int admin = int(api::Role::Admin);
    const QString report = QStringLiteral("/analytics/reports/") + m_reportId;
    QTest::newRow("dashboard") << QByteArray("GET") << QStringLiteral("/analytics/dashboard") << QJsonObject()
                               << supervisor << 200;
    QTest::newRow("report create") << QByteArray("POST") << QStringLiteral("/analytics/reports")
                                   << QJsonObject{{QStringLiteral("report_type"), QStringLiteral("daily_summary")},
                                          {QStringLiteral("format"), QStringLiteral("csv")},
                                          {QStringLiteral("time_period"),
                                              QJsonObject{
                                                  {QStringLiteral("start"), today}, {QStringLiteral("end"), today}}}}
                                   << supervisor << 202;
    QTest::newRow("report status") << QByteArray("GET") << report << QJsonObject() << supervisor << 200;
    QTest::newRow("report download") << QByteArray("GET") << report + QStringLiteral("/download") << QJsonObject()
                                     << supervisor << 200;
    QTest::newRow("audit logs") << QByteArray("GET") << QStringLiteral("/audit/logs?limit=5") << QJsonObject()
                                << supervisor << 200;
    QTest::newRow("webhook") << QByteArray("POST") << QStringLiteral("/webhook/configure")
                             << QJsonObject{{QStringLiteral("url"), m_receiver.url(QStringLiteral("/hook"))},
                                    {QStringLiteral("events"), QJsonArray{QStringLiteral("conversation.created")}},
                                    {QStringLiteral("secret"), kSecret}}
                             << admin << 201;
    QTest::newRow("e-mail notifications")
        << QByteArray("POST") << QStringLiteral("/notifications/email/configure")
        << QJsonObject{{QStringLiteral("email"), QStringLiteral("support@example.com")},
               {QStringLiteral("events"), QJsonArray{QStringLiteral("escalation.created")}}}
        << admin << 200;
}

HttpResult TestPlatformApiRoles::send(PlatformClient &client)
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    return client.send(
        method, path, method == "GET" ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact));
}

void TestPlatformApiRoles::agentKeyIsRefused()
{
    const HttpResult r = send(*m_agent);
    const QString problem = checkPlatformError(r, 403, QStringLiteral("AccessDeniedException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(r.json().value(QLatin1String("message")).toString().contains(QLatin1String("role")), describe(r));
}

void TestPlatformApiRoles::supervisorKeyAsCsAllows()
{
    QFETCH(int, minimum);
    QFETCH(int, okStatus);
    const HttpResult r = send(*m_supervisor);
    if (minimum > int(api::Role::Supervisor)) {
        const QString problem = checkPlatformError(r, 403, QStringLiteral("AccessDeniedException"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    } else {
        QVERIFY2(r.status == okStatus, describe(r));
    }
}

void TestPlatformApiRoles::adminKeyIsAllowed()
{
    QFETCH(int, okStatus);
    const HttpResult r = send(*m_admin);
    QVERIFY2(r.status == okStatus, describe(r));
}

void TestPlatformApiRoles::refusedWebhookIsNotStored()
{
    const QString url = m_receiver.url(QStringLiteral("/agents-hook"));
    const HttpResult r = m_agent->post(QStringLiteral("/webhook/configure"),
        {{QStringLiteral("url"), url}, {QStringLiteral("events"), QJsonArray{QStringLiteral("conversation.created")}},
            {QStringLiteral("secret"), kSecret}});
    const QString problem = checkPlatformError(r, 403, QStringLiteral("AccessDeniedException"));
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    auto csAdmin = m_server.client(api::Role::Admin);
    const HttpResult hooks = csAdmin->get(QStringLiteral("/api/cs/webhooks?companyId=") + m_server.companyId());
    QVERIFY2(hooks.status == 200, describe(hooks));
    QVERIFY2(!hooks.body.contains(url.toUtf8()), hooks.body.constData());
    QVERIFY2(hooks.body.contains(m_receiver.url(QStringLiteral("/hook")).toUtf8()), hooks.body.constData());
}

QTEST_GUILESS_MAIN(TestPlatformApiRoles)
#include "tst_platformapi_roles.moc"
