// GET /audit/logs on a real server (seed 000): every filter, paging with the total,
// seed 000's entry shape, and contains_pii from the entry's details or the personal
// data a chatbot message held.
#include "tests/api/platform/PlatformTestSupport.h"

#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

using namespace tierdesk;
using namespace tierdesk::test;

class TestPlatformApiAudit : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
        m_client = std::make_unique<PlatformClient>(m_server.port(), issueSigV4Key(m_server));
        // An entry whose details hold an e-mail address (personal data) ...
        const HttpResult mail = m_client->post(QStringLiteral("/notifications/email/configure"),
            {{QStringLiteral("email"), QStringLiteral("support@example.com")},
                {QStringLiteral("events"), QJsonArray{QStringLiteral("escalation.created")}}});
        QVERIFY2(mail.status == 200, describe(mail));
        // ... and one about a conversation.
        auto admin = m_server.client(api::Role::Admin);
        const HttpResult s = admin->post(QStringLiteral("/api/cs/sessions"),
            sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), QStringLiteral("Hello")));
        QVERIFY2(s.status == 201, describe(s));
        m_session = s.json().value(QLatin1String("id")).toString();
    }

    void entriesHaveSeedShape()
    {
        const QJsonObject o = logs({{QStringLiteral("action_type"), QStringLiteral("notification.email.configure")}});
        QCOMPARE(o.value(QLatin1String("total")).toInt(), 1);
        QCOMPARE(o.value(QLatin1String("limit")).toInt(), 100);
        QCOMPARE(o.value(QLatin1String("offset")).toInt(), 0);
        const QJsonObject e = o.value(QLatin1String("logs")).toArray().first().toObject();
        QVERIFY(e.value(QLatin1String("log_id")).toString().startsWith(QLatin1String("audit-")));
        QVERIFY(e.value(QLatin1String("timestamp")).toString().endsWith(QLatin1Char('Z')));
        QCOMPARE(e.value(QLatin1String("service")).toString(), QStringLiteral("notifications"));
        QCOMPARE(e.value(QLatin1String("action")).toString(), QStringLiteral("notification.email.configure"));
        QCOMPARE(e.value(QLatin1String("request_ip")).toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(!e.value(QLatin1String("user_id")).toString().isEmpty());
        m_keyUser = e.value(QLatin1String("user_id")).toString();
        const QJsonObject details = e.value(QLatin1String("details")).toObject();
        QCOMPARE(details.value(QLatin1String("contains_pii")), QJsonValue(true));
        QCOMPARE(details.value(QLatin1String("email")).toString(), QStringLiteral("support@example.com"));
    }

    void filtersByConversationAndUser()
    {
        const QJsonArray about
            = logs({{QStringLiteral("conversation_id"), m_session}}).value(QLatin1String("logs")).toArray();
        QVERIFY(!about.isEmpty());
        for (const QJsonValue &e : about) {
            QVERIFY(e[QLatin1String("resource_id")].toString().contains(m_session));
            QCOMPARE(e[QLatin1String("details")][QLatin1String("contains_pii")], QJsonValue(false));
        }
        QVERIFY(!m_keyUser.isEmpty());
        const QJsonArray byKey = logs({{QStringLiteral("user_id"), m_keyUser}}).value(QLatin1String("logs")).toArray();
        QVERIFY(!byKey.isEmpty());
        for (const QJsonValue &e : byKey)
            QCOMPARE(e[QLatin1String("user_id")].toString(), m_keyUser);
        QCOMPARE(
            logs({{QStringLiteral("user_id"), QStringLiteral("nobody")}}).value(QLatin1String("total")).toInt(), 0);
    }

    // A chatbot message is audited without its text; the entry still says it held personal
    // data, and which kinds (never the data itself).
    void chatbotMessageWithPersonalDataIsPii_data()
    {
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("kind"); // empty: no personal data
        QTest::newRow("e-mail") << QStringLiteral("Please send the invoice to jane.doe@example.com")
                                << QStringLiteral("email");
        QTest::newRow("phone") << QStringLiteral("Call me back on +1 415 555 0199 please") << QStringLiteral("phone");
        QTest::newRow("card") << QStringLiteral("I paid with 4111 1111 1111 1111") << QStringLiteral("card_number");
        QTest::newRow("address") << QStringLiteral("Ship it to 221 Baker Street instead") << QStringLiteral("address");
        QTest::newRow("none") << QStringLiteral("Where is my order ORD-10007?") << QString();
    }
    void chatbotMessageWithPersonalDataIsPii()
    {
        QFETCH(QString, message);
        QFETCH(QString, kind);
        const HttpResult started = m_client->post(
            QStringLiteral("/chatbot/conversation"), {{QStringLiteral("user_id"), QStringLiteral("cust_pii")}});
        QVERIFY2(started.status == 200, describe(started));
        const QString conversation = started.json().value(QLatin1String("conversation_id")).toString();
        const HttpResult sent = m_client->post(QStringLiteral("/chatbot/conversation/%1/message").arg(conversation),
            {{QStringLiteral("message"), message}});
        QVERIFY2(sent.status == 200, describe(sent));

        const QJsonArray entries = logs({{QStringLiteral("conversation_id"), conversation},
                                            {QStringLiteral("action_type"), QStringLiteral("message.create")}})
                                       .value(QLatin1String("logs"))
                                       .toArray();
        QCOMPARE(entries.size(), 1);
        const QJsonObject details = entries.first()[QLatin1String("details")].toObject();
        QCOMPARE(details.value(QLatin1String("contains_pii")), QJsonValue(!kind.isEmpty()));
        if (!kind.isEmpty())
            QCOMPARE(details.value(QLatin1String("pii")).toArray(), QJsonArray{kind});
        const QByteArray entry = QJsonDocument(entries.first().toObject()).toJson();
        QVERIFY2(!entry.contains(message.toUtf8()), entry.constData());
    }

    // The first message of a conversation is audited with the conversation's start.
    void initialMessageWithAnEmailIsPii()
    {
        const HttpResult started = m_client->post(QStringLiteral("/chatbot/conversation"),
            {{QStringLiteral("user_id"), QStringLiteral("cust_pii")},
                {QStringLiteral("initial_message"), QStringLiteral("Hi, I am jane.doe@example.com")}});
        QVERIFY2(started.status == 200, describe(started));
        const QString conversation = started.json().value(QLatin1String("conversation_id")).toString();
        const QJsonArray entries = logs({{QStringLiteral("conversation_id"), conversation},
                                            {QStringLiteral("action_type"), QStringLiteral("session.create")}})
                                       .value(QLatin1String("logs"))
                                       .toArray();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first()[QLatin1String("details")][QLatin1String("contains_pii")], QJsonValue(true));
    }

    void filtersByTime()
    {
        const int all = logs({}).value(QLatin1String("total")).toInt();
        QVERIFY(all >= 2);
        const QString today = QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate);
        QCOMPARE(logs({{QStringLiteral("start_time"), today}, {QStringLiteral("end_time"), today}})
                     .value(QLatin1String("total"))
                     .toInt(),
            all);
        QCOMPARE(logs({{QStringLiteral("end_time"), QStringLiteral("2020-01-01T00:00:00Z")}})
                     .value(QLatin1String("total"))
                     .toInt(),
            0);
        QCOMPARE(logs({{QStringLiteral("start_time"), QStringLiteral("2999-01-01T00:00:00Z")}})
                     .value(QLatin1String("total"))
                     .toInt(),
            0);
    }

    void pages()
    {
        const QJsonObject first = logs({{QStringLiteral("limit"), QStringLiteral("1")}});
        const QJsonObject second
            = logs({{QStringLiteral("limit"), QStringLiteral("1")}, {QStringLiteral("offset"), QStringLiteral("1")}});
        QCOMPARE(first.value(QLatin1String("logs")).toArray().size(), 1);
        QCOMPARE(second.value(QLatin1String("offset")).toInt(), 1);
        QCOMPARE(first.value(QLatin1String("total")), second.value(QLatin1String("total")));
        QVERIFY(first.value(QLatin1String("logs"))[0][QLatin1String("log_id")]
            != second.value(QLatin1String("logs"))[0][QLatin1String("log_id")]);
    }

    void anotherCompanySeesNothingOfIt()
    {
        const QString other = m_server.createCompany(QStringLiteral("Other Co"));
        PlatformClient stranger(m_server.port(), issueSigV4Key(m_server, other));
        const HttpResult r = stranger.get(QStringLiteral("/audit/logs?conversation_id=") + m_session);
        QVERIFY2(r.status == 200, describe(r));
        QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 0);
    }

    void refusesBadQueries_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("limit zero") << QStringLiteral("limit=0");
        QTest::newRow("limit high") << QStringLiteral("limit=1001");
        QTest::newRow("limit text") << QStringLiteral("limit=ten");
        QTest::newRow("offset") << QStringLiteral("offset=-1");
        QTest::newRow("time") << QStringLiteral("start_time=now");
        QTest::newRow("reversed") << QStringLiteral("start_time=2025-03-01&end_time=2025-02-01");
        QTest::newRow("long filter") << QStringLiteral("user_id=") + QString(300, QLatin1Char('u'));
    }
    void refusesBadQueries()
    {
        QFETCH(QString, query);
        const QString problem = checkPlatformError(
            m_client->get(QStringLiteral("/audit/logs?") + query), 400, QStringLiteral("BadRequestException"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

private:
    QJsonObject logs(const QList<QPair<QString, QString>> &params)
    {
        QUrlQuery query;
        for (const auto &[k, v] : params)
            query.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
        const HttpResult r = m_client->get(QStringLiteral("/audit/logs?") + query.toString(QUrl::FullyEncoded));
        if (r.status != 200)
            qWarning("%s", describe(r).constData());
        return r.json();
    }

    ServerFixture m_server;
    std::unique_ptr<PlatformClient> m_client;
    QString m_session;
    QString m_keyUser;
};

QTEST_GUILESS_MAIN(TestPlatformApiAudit)
#include "tst_platformapi_audit.moc"
