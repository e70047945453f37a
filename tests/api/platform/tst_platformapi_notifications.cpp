// POST /notifications/email/configure on a real server (seed 000), and the e-mail it
// causes sent for real to an SMTP server (aiosmtpd) on loopback when a case escalates.
#include "tests/api/platform/PlatformTestSupport.h"
#include "tests/integrations/SmtpSink.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestPlatformApiNotifications : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_sink = std::make_unique<SmtpSink>();
        QVERIFY2(m_sink->isRunning(), qPrintable(m_sink->error()));
        const QByteArray ini = "[smtp]\nhost=127.0.0.1\nport=" + QByteArray::number(m_sink->port())
            + "\ntls=none\nfrom=Tierdesk <desk@example.com>\n";
        QString error;
        QVERIFY2(m_server.start(ini, false, &error), qPrintable(error));
        m_client = std::make_unique<PlatformClient>(m_server.port(), issueSigV4Key(m_server));
    }

    void configureAnswersTheSettings()
    {
        const HttpResult r = m_client->post(QStringLiteral("/notifications/email/configure"),
            {{QStringLiteral("email"), QStringLiteral("support@example.com")},
                {QStringLiteral("events"),
                    QJsonArray{QStringLiteral("escalation.created"), QStringLiteral("high_priority_case")}},
                {QStringLiteral("format"), QStringLiteral("html")}});
        QVERIFY2(r.status == 200, describe(r));
        const QJsonObject o = r.json();
        QCOMPARE(o.value(QLatin1String("email")).toString(), QStringLiteral("support@example.com"));
        QCOMPARE(o.value(QLatin1String("events")).toArray().size(), 2);
        QCOMPARE(o.value(QLatin1String("format")).toString(), QStringLiteral("html"));
    }

    void escalationIsMailed()
    {
        auto admin = m_server.client(api::Role::Admin);
        const HttpResult s = admin->post(QStringLiteral("/api/cs/sessions"),
            sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), QStringLiteral("The parcel never arrived.")));
        QVERIFY2(s.status == 201, describe(s));
        const QString id = s.json().value(QLatin1String("id")).toString();
        const qsizetype before = m_sink->messages().size();
        const HttpResult e = admin->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(id),
            {{QStringLiteral("reason"), QStringLiteral("LEGAL_MENTION")},
                {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
        QVERIFY2(e.status == 200, describe(e));
        QTRY_VERIFY_WITH_TIMEOUT(mailAbout(id, before).has_value(), 15000);
        const QJsonObject mail = *mailAbout(id, before);
        QCOMPARE(mail.value(QLatin1String("rcptTos")).toArray(), QJsonArray{QStringLiteral("support@example.com")});
        QCOMPARE(mail.value(QLatin1String("contentType")).toString(), QStringLiteral("text/html"));
        const QString subject = mail.value(QLatin1String("headers"))[QLatin1String("Subject")].toString().simplified();
        QVERIFY2(
            subject.startsWith(QLatin1String("High priority case: ")), qPrintable(subject)); // LEGAL_MENTION is urgent
        QVERIFY(mail.value(QLatin1String("body"))
                    .toString()
                    .contains(QLatin1String("escalation.created, high_priority_case")));
        QTRY_COMPARE_WITH_TIMEOUT(
            m_server
                .scalar(QStringLiteral("SELECT count(*) FROM audit_log WHERE action = 'notification.email_sent'"
                                       " AND resource = ?"),
                    {QVariant(QStringLiteral("sessions/") + id)})
                .toInt(),
            1, 10000);
    }

    void casePriorityDecidesHighPriority()
    {
        // The same calm conversation escalated as a case twice: "medium", then "high" priority.
        const QString medium = escalateCase(QStringLiteral("medium"));
        const QString high = escalateCase(QStringLiteral("high"));
        QVERIFY(!medium.isEmpty() && !high.isEmpty());
        // The mails about the case (cust_ben is a repeat contact: the engine may escalate to the AI Manager first).
        const QString toPerson = QStringLiteral("<td>HUMAN_AGENT</td>");
        QTRY_VERIFY_WITH_TIMEOUT(
            mailAbout(medium, 0, toPerson).has_value() && mailAbout(high, 0, toPerson).has_value(), 15000);
        const QString mediumBody = mailAbout(medium, 0, toPerson)->value(QLatin1String("body")).toString();
        QVERIFY2(mediumBody.contains(QLatin1String("<td>escalation.created</td>")), qPrintable(mediumBody));
        const QString highBody = mailAbout(high, 0, toPerson)->value(QLatin1String("body")).toString();
        QVERIFY2(
            highBody.contains(QLatin1String("<td>escalation.created, high_priority_case</td>")), qPrintable(highBody));
        QVERIFY(highBody.contains(QLatin1String("<td>high</td>")));
    }

    void refusesBadSettings_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("no email") << QByteArray(R"({"events":["escalation.created"]})");
        QTest::newRow("bad email") << QByteArray(R"({"email":"support at example","events":["escalation.created"]})");
        QTest::newRow("injection") << QByteArray(
            R"({"email":"a@x.io\r\nBcc: b@x.io","events":["escalation.created"]})");
        QTest::newRow("unknown event") << QByteArray(R"({"email":"a@x.io","events":["conversation.created"]})");
        QTest::newRow("no events") << QByteArray(R"({"email":"a@x.io","events":[]})");
        QTest::newRow("events not a list") << QByteArray(R"({"email":"a@x.io","events":"escalation.created"})");
        QTest::newRow("format") << QByteArray(R"({"email":"a@x.io","events":["escalation.created"],"format":"pdf"})");
    }
    void refusesBadSettings()
    {
        QFETCH(QByteArray, body);
        const QString problem
            = checkPlatformError(m_client->send("POST", QStringLiteral("/notifications/email/configure"), body), 400,
                QStringLiteral("BadRequestException"));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

private:
    // A new conversation escalated through POST /escalation/cases; its id.
    QString escalateCase(const QString &priority)
    {
        auto admin = m_server.client(api::Role::Admin);
        const HttpResult s = admin->post(QStringLiteral("/api/cs/sessions"),
            sessionBody(
                m_server.companyId(), QStringLiteral("cust_ben"), QStringLiteral("Could you check my order status?")));
        const QString id = s.json().value(QLatin1String("id")).toString();
        const HttpResult r = m_client->post(QStringLiteral("/escalation/cases"),
            {{QStringLiteral("conversation_id"), id},
                {QStringLiteral("issue_summary"), QStringLiteral("Order status unclear")},
                {QStringLiteral("priority"), priority}});
        if (r.status != 200)
            qWarning("%s", describe(r).constData());
        return r.status == 200 ? id : QString();
    }

    std::optional<QJsonObject> mailAbout(const QString &sessionId, qsizetype from, const QString &alsoSaying = {}) const
    {
        for (qsizetype i = from; i < m_sink->messages().size(); ++i)
            if (const QString body = m_sink->messages().at(i).value(QLatin1String("body")).toString();
                body.contains(sessionId) && body.contains(alsoSaying))
                return m_sink->messages().at(i);
        return std::nullopt;
    }

    std::unique_ptr<SmtpSink> m_sink;
    ServerFixture m_server;
    std::unique_ptr<PlatformClient> m_client;
};

QTEST_GUILESS_MAIN(TestPlatformApiNotifications)
#include "tst_platformapi_notifications.moc"
