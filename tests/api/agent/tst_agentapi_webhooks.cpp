// Seed 002's webhooks on a real server and a real receiver on 127.0.0.1:
// escalation.created when a ticket is made (POST /api/escalation, or a query the
// engine escalates) and session.closed when a session is closed, in the seed's payload.
#include "tests/api/agent/AgentTestSupport.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

class TestAgentApiWebhooks : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void escalationCreatedCarriesTheTicket();
    void queryThatEscalatesAnnouncesTheTicket();
    void sessionClosedCarriesTheSession();
    void anotherCompanysHooksHearNothing();

private:
    bool registerHook(const QString &company, const QString &path);
    std::unique_ptr<ServerFixture> m_fixture;
    ServerFixture &server() { return *m_fixture; }
    std::unique_ptr<AgentClient> m_client;
    std::unique_ptr<WebhookReceiver> m_receiver;
};

void TestAgentApiWebhooks::init()
{
    QString error;
    QVERIFY2(startAgentServer(m_fixture, m_client, false, &error), qPrintable(error));
    m_receiver = std::make_unique<WebhookReceiver>();
    QVERIFY(m_receiver->listen());
    QVERIFY(registerHook(server().companyId(), QStringLiteral("/agent")));
}

void TestAgentApiWebhooks::cleanup()
{
    m_client.reset();
    m_fixture.reset();
    m_receiver.reset();
}

bool TestAgentApiWebhooks::registerHook(const QString &company, const QString &path)
{
    auto admin = server().client(api::Role::Admin, company);
    const HttpResult r = admin->post(QStringLiteral("/api/cs/webhooks"),
        {{QStringLiteral("companyId"), company}, {QStringLiteral("url"), m_receiver->url(path)},
            {QStringLiteral("events"),
                QJsonArray{QStringLiteral("escalation.created"), QStringLiteral("session.closed")}},
            {QStringLiteral("secret"), QStringLiteral("0123456789abcdef-secret")}});
    if (r.status != 201)
        qWarning("%s", describe(r).constData());
    return r.status == 201;
}

void TestAgentApiWebhooks::escalationCreatedCarriesTheTicket()
{
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/session"),
                     {{QStringLiteral("customer_id"), QStringLiteral("cust_ben")},
                         {QStringLiteral("session_id"), QStringLiteral("w_1")}})
                 .status,
        201);
    const HttpResult made = m_client->post(QStringLiteral("/api/escalation"),
        {{QStringLiteral("session_id"), QStringLiteral("w_1")},
            {QStringLiteral("reason"), QStringLiteral("high_complexity")},
            {QStringLiteral("priority"), QStringLiteral("high")}});
    QVERIFY2(made.status == 201, describe(made));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->withEvent(QStringLiteral("escalation.created")).size(), 1, 10000);
    const QJsonObject payload = m_receiver->withEvent(QStringLiteral("escalation.created")).first().json();
    QVERIFY(QDateTime::fromString(str(payload, "timestamp"), Qt::ISODateWithMs).isValid());
    const QJsonObject data = payload.value(QLatin1String("data")).toObject();
    QCOMPARE(data,
        (QJsonObject{{QStringLiteral("ticket_id"), str(made.json(), "ticket_id")},
            {QStringLiteral("session_id"), QStringLiteral("w_1")},
            {QStringLiteral("customer_id"), QStringLiteral("cust_ben")},
            {QStringLiteral("priority"), QStringLiteral("high")},
            {QStringLiteral("reason"), QStringLiteral("high_complexity")}}));
    QVERIFY(m_receiver->withEvent(QStringLiteral("escalation.created"))
                .first()
                .header("x-tierdesk-signature")
                .startsWith("t="));
}

void TestAgentApiWebhooks::queryThatEscalatesAnnouncesTheTicket()
{
    const HttpResult r = m_client->post(QStringLiteral("/api/query"),
        {{QStringLiteral("query"), QStringLiteral("I want to speak to a human agent right now")},
            {QStringLiteral("session_id"), QStringLiteral("w_q")},
            {QStringLiteral("customer_id"), QStringLiteral("c1")}});
    QVERIFY2(r.status == 200 && r.json().value(QLatin1String("escalated")).toBool(), describe(r));
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->withEvent(QStringLiteral("escalation.created")).size(), 1, 10000);
    const QJsonObject data = m_receiver->withEvent(QStringLiteral("escalation.created"))
                                 .first()
                                 .json()
                                 .value(QLatin1String("data"))
                                 .toObject();
    QCOMPARE(str(data, "ticket_id"), str(r.json(), "ticket_id"));
    QCOMPARE(str(data, "session_id"), QStringLiteral("w_q"));
    QCOMPARE(str(data, "reason"), QStringLiteral("manual_request"));
}

void TestAgentApiWebhooks::sessionClosedCarriesTheSession()
{
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/query"),
                     {{QStringLiteral("query"), QStringLiteral("Hello")},
                         {QStringLiteral("session_id"), QStringLiteral("w_2")},
                         {QStringLiteral("customer_id"), QStringLiteral("c2")}})
                 .status,
        200);
    QCOMPARE(m_client->del(QStringLiteral("/api/session/w_2")).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->withEvent(QStringLiteral("session.closed")).size(), 1, 10000);
    const QJsonObject data = m_receiver->withEvent(QStringLiteral("session.closed"))
                                 .first()
                                 .json()
                                 .value(QLatin1String("data"))
                                 .toObject();
    QCOMPARE(data,
        (QJsonObject{{QStringLiteral("session_id"), QStringLiteral("w_2")},
            {QStringLiteral("customer_id"), QStringLiteral("c2")}, {QStringLiteral("duration_minutes"), 0},
            {QStringLiteral("message_count"), 2}, {QStringLiteral("escalated"), false}}));
}

void TestAgentApiWebhooks::anotherCompanysHooksHearNothing()
{
    const QString other = server().createCompany(QStringLiteral("Other Co"));
    QVERIFY(registerHook(other, QStringLiteral("/other")));
    QCOMPARE(m_client
                 ->post(QStringLiteral("/api/session"),
                     {{QStringLiteral("customer_id"), QStringLiteral("c3")},
                         {QStringLiteral("session_id"), QStringLiteral("w_3")}})
                 .status,
        201);
    QCOMPARE(m_client->del(QStringLiteral("/api/session/w_3")).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_receiver->withEvent(QStringLiteral("session.closed")).size(), 1, 10000);
    for (const ReceivedHttp &r : m_receiver->requests())
        QVERIFY2(r.target == "/agent", r.target.constData());
}

QTEST_GUILESS_MAIN(TestAgentApiWebhooks)
#include "tst_agentapi_webhooks.moc"
