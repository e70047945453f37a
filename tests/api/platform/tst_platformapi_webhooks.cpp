// POST /webhook/configure on a real server (seed 000): registration, its checks, and
// seed 000's events delivered signed to a real receiver on loopback.
#include "tests/api/platform/PlatformTestSupport.h"

#include "core/integrations/WebhookSigner.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {
const QString kSecret = QStringLiteral("your-webhook-secret");
}

class TestPlatformApiWebhooks : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_receiver.listen());
        QString error;
        QVERIFY2(m_server.start("[webhooks]\nbaseDelayMs=200\n", false, &error), qPrintable(error));
        m_client = std::make_unique<PlatformClient>(m_server.port(), issueSigV4Key(m_server));
    }

    void eventsAreDeliveredSigned()
    {
        const HttpResult r = configure(m_receiver.url(QStringLiteral("/platform")),
            {QStringLiteral("conversation.created"), QStringLiteral("sentiment.negative")});
        QVERIFY2(r.status == 201, describe(r));
        const QJsonObject hook = r.json();
        QVERIFY(hook.value(QLatin1String("webhook_id")).toString().startsWith(QLatin1String("wh_")));
        QCOMPARE(hook.value(QLatin1String("events")).toArray().size(), 2);

        auto admin = m_server.client(api::Role::Admin);
        const HttpResult s = admin->post(QStringLiteral("/api/cs/sessions"),
            sessionBody(m_server.companyId(), QStringLiteral("cust_ben"),
                QStringLiteral("This is terrible, I am furious, nothing works!")));
        QVERIFY2(s.status == 201, describe(s));
        const QString id = s.json().value(QLatin1String("id")).toString();

        QTRY_VERIFY_WITH_TIMEOUT(!delivered(QStringLiteral("conversation.created"), id).isEmpty()
                && !delivered(QStringLiteral("sentiment.negative"), id).isEmpty(),
            15000);
        const ReceivedHttp created = delivered(QStringLiteral("conversation.created"), id).first();
        QCOMPARE(created.json().value(QLatin1String("data"))[QLatin1String("user_id")].toString(),
            QStringLiteral("cust_ben"));
        QVERIFY(verifyWebhookSignature(kSecret.toUtf8(), created.header("x-tierdesk-signature"), created.body,
            QDateTime::currentSecsSinceEpoch()));
        const QJsonObject negative = delivered(QStringLiteral("sentiment.negative"), id).first().json();
        QVERIFY(!negative.value(QLatin1String("data"))[QLatin1String("sentiment")].toString().isEmpty());
        // Only the subscribed events reach this hook.
        for (const ReceivedHttp &req : m_receiver.requests())
            if (req.target == "/platform")
                QVERIFY(req.json().value(QLatin1String("event")).toString() != QLatin1String("session.created"));
    }

    void registrationIsChecked_data()
    {
        QTest::addColumn<QByteArray>("body");
        // Built here, not written as raw strings: moc reads "//" in a raw string as a comment.
        const QString url = QStringLiteral("https://hooks.example.com/x");
        const QJsonArray one{QStringLiteral("conversation.created")};
        QTest::newRow("unknown event") << json(
            {{QStringLiteral("url"), url}, {QStringLiteral("events"), QJsonArray{QStringLiteral("session.created")}},
                {QStringLiteral("secret"), kSecret}});
        QTest::newRow("no events") << json({{QStringLiteral("url"), url}, {QStringLiteral("events"), QJsonArray{}},
            {QStringLiteral("secret"), kSecret}});
        QTest::newRow("events not a list") << json({{QStringLiteral("url"), url},
            {QStringLiteral("events"), QStringLiteral("conversation.created")}, {QStringLiteral("secret"), kSecret}});
        QTest::newRow("short secret") << json({{QStringLiteral("url"), url}, {QStringLiteral("events"), one},
            {QStringLiteral("secret"), QStringLiteral("short")}});
        QTest::newRow("no secret") << json({{QStringLiteral("url"), url}, {QStringLiteral("events"), one}});
        QTest::newRow("ftp") << json({{QStringLiteral("url"), QStringLiteral("ftp://hooks.example.com/x")},
            {QStringLiteral("events"), one}, {QStringLiteral("secret"), kSecret}});
        QTest::newRow("no url") << json({{QStringLiteral("events"), one}, {QStringLiteral("secret"), kSecret}});
    }
    void registrationIsChecked()
    {
        QFETCH(QByteArray, body);
        const QString problem = checkPlatformError(m_client->send("POST", QStringLiteral("/webhook/configure"), body),
            400, QStringLiteral("BadRequestException"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void registrationIsAudited()
    {
        QVERIFY(
            configure(QStringLiteral("http://203.0.113.7/hook"), {QStringLiteral("escalation.created")}).status == 201);
        QCOMPARE(m_server
                     .scalar(QStringLiteral(
                                 "SELECT count(*) FROM audit_log WHERE action = 'webhook.create' AND company_id = ?"),
                         {m_server.companyId()})
                     .toInt(),
            2);
    }

    // A case made through POST /escalation/cases reaches a hook on escalation.created in seed 000's shape.
    void caseEscalationIsDelivered()
    {
        QVERIFY(configure(m_receiver.url(QStringLiteral("/platform")), {QStringLiteral("escalation.created")}).status
            == 201);
        auto admin = m_server.client(api::Role::Admin);
        const HttpResult s = admin->post(QStringLiteral("/api/cs/sessions"),
            sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), QStringLiteral("Where is my order?")));
        QVERIFY2(s.status == 201, describe(s));
        const QString id = s.json().value(QLatin1String("id")).toString();
        const HttpResult c = m_client->post(QStringLiteral("/escalation/cases"),
            {{QStringLiteral("conversation_id"), id}, {QStringLiteral("user_id"), QStringLiteral("cust_ben")},
                {QStringLiteral("issue_summary"), QStringLiteral("Order lost in transit")},
                {QStringLiteral("priority"), QStringLiteral("high")}});
        QVERIFY2(c.status == 200, describe(c));
        QTRY_VERIFY_WITH_TIMEOUT(!delivered(QStringLiteral("escalation.created"), id).isEmpty(), 15000);
        const QJsonObject data = delivered(QStringLiteral("escalation.created"), id)
                                     .first()
                                     .json()
                                     .value(QLatin1String("data"))
                                     .toObject();
        QCOMPARE(data.value(QLatin1String("escalation_id")).toString(),
            c.json().value(QLatin1String("escalation_id")).toString());
        QCOMPARE(data.value(QLatin1String("priority")).toString(), QStringLiteral("high"));
        QCOMPARE(data.value(QLatin1String("issue_summary")).toString(), QStringLiteral("Order lost in transit"));
        QCOMPARE(data.value(QLatin1String("user_id")).toString(), QStringLiteral("cust_ben"));
    }

private:
    static QByteArray json(const QJsonObject &o) { return QJsonDocument(o).toJson(QJsonDocument::Compact); }
    HttpResult configure(const QString &url, const QStringList &events)
    {
        return m_client->post(QStringLiteral("/webhook/configure"),
            {{QStringLiteral("url"), url}, {QStringLiteral("events"), QJsonArray::fromStringList(events)},
                {QStringLiteral("secret"), kSecret}});
    }
    QList<ReceivedHttp> delivered(const QString &event, const QString &conversation) const
    {
        QList<ReceivedHttp> out;
        for (const ReceivedHttp &r : m_receiver.withEvent(event))
            if (r.target == "/platform"
                && r.json().value(QLatin1String("data"))[QLatin1String("conversation_id")].toString() == conversation)
                out << r;
        return out;
    }

    WebhookReceiver m_receiver;
    ServerFixture m_server;
    std::unique_ptr<PlatformClient> m_client;
};

QTEST_GUILESS_MAIN(TestPlatformApiWebhooks)
#include "tst_platformapi_webhooks.moc"
