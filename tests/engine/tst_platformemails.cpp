#include "EngineFixture.h"
#include "core/integrations/SmtpMailer.h"
#include "core/runtime/PlatformEmails.h"
#include "tests/integrations/SmtpSink.h"

#include <QSignalSpy>

using namespace tierdesk;
using namespace tierdesk::test;

// Platform e-mail notifications sent for real to an SMTP server (aiosmtpd) on loopback.
class TestPlatformEmails : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        m_sink = std::make_unique<SmtpSink>();
        QVERIFY2(m_sink->isRunning(), qPrintable(m_sink->error()));
    }
    void init()
    {
        m_fx = std::make_unique<EngineFixture>();
        QVERIFY(m_fx->setUp());
        SmtpConfig c;
        c.host = QStringLiteral("127.0.0.1");
        c.port = m_sink->port();
        c.tls = SmtpConfig::Tls::None;
        c.from = QStringLiteral("Tierdesk <desk@example.com>");
        m_smtp = std::make_unique<SmtpMailer>(c);
        m_emails = std::make_unique<PlatformEmails>(*m_fx->engine, *m_smtp, c.from);
    }
    void cleanup()
    {
        m_emails.reset();
        m_smtp.reset();
        m_fx.reset();
    }

    void escalationIsMailedAsHtml()
    {
        configure({QStringLiteral("escalation.created")}, QStringLiteral("html"));
        QSignalSpy finished(m_emails.get(), &PlatformEmails::finished);
        const qsizetype before = m_sink->messages().size();
        const QString id = escalate(EscalationReason::CustomerRequest);
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().at(2).toBool());
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), before + 1, 10000);
        const QJsonObject mail = m_sink->messages().last();
        QCOMPARE(mail.value(QLatin1String("rcptTos")).toArray(), QJsonArray{QStringLiteral("support@example.com")});
        QCOMPARE(mail.value(QLatin1String("contentType")).toString(), QStringLiteral("text/html"));
        const QJsonObject headers = mail.value(QLatin1String("headers")).toObject();
        const QString subject = headers.value(QLatin1String("Subject")).toString().simplified(); // a long one is folded
        QCOMPARE(subject, QStringLiteral("New escalation: %1 (CUSTOMER_REQUEST)").arg(id));
        QVERIFY(mail.value(QLatin1String("body"))
                    .toString()
                    .contains(QLatin1String("<th align=\"left\">Conversation</th><td>") + id));
        QVERIFY(m_fx->store->batch().flush());
        QCOMPARE(m_fx->engine->auditLog(m_fx->companyId, 1).value(0).action, QStringLiteral("notification.email_sent"));
    }

    void onlyHighPriorityWhenAskedFor()
    {
        configure({QStringLiteral("high_priority_case")}, QStringLiteral("text"));
        QSignalSpy finished(m_emails.get(), &PlatformEmails::finished);
        const qsizetype before = m_sink->messages().size();
        escalate(EscalationReason::CustomerRequest); // normal priority: no mail
        const QString urgent = escalate(EscalationReason::LegalMention);
        QVERIFY(finished.wait(30000));
        QTRY_COMPARE_WITH_TIMEOUT(m_sink->messages().size(), before + 1, 10000);
        const QJsonObject mail = m_sink->messages().last();
        QCOMPARE(mail.value(QLatin1String("contentType")).toString(), QStringLiteral("text/plain"));
        const QString body = mail.value(QLatin1String("body")).toString();
        QVERIFY2(body.contains(QLatin1String("Conversation: ") + urgent), qPrintable(body));
        QVERIFY(body.contains(QLatin1String("Priority: urgent")) || body.contains(QLatin1String("Priority: URGENT")));
        QVERIFY(mail.value(QLatin1String("headers"))
                    .toObject()
                    .value(QLatin1String("Subject"))
                    .toString()
                    .startsWith(QLatin1String("High priority case: ")));
        QCOMPARE(finished.size(), 1);
    }

    void nothingWithoutConfiguration()
    {
        QSignalSpy finished(m_emails.get(), &PlatformEmails::finished);
        escalate(EscalationReason::LegalMention);
        QVERIFY(m_fx->store->batch().flush());
        QCoreApplication::processEvents();
        QCOMPARE(finished.size(), 0);
    }

    void listensOnlyOnceSomeCompanyHasNotifications()
    {
        // No e-mail notifications anywhere: the engine makes no event per message for them.
        QVERIFY(!m_emails->listening());
        QVERIFY(!m_fx->engine->eventsWanted());
        configure({QStringLiteral("escalation.created")}, QStringLiteral("text"));
        QVERIFY(m_emails->listening());
        QVERIFY(m_fx->engine->eventsWanted());
        // Started again (a restart) with the settings stored: listening from the start.
        PlatformEmails again(*m_fx->engine, *m_smtp, QStringLiteral("desk@example.com"));
        QVERIFY(again.listening());
    }

    void htmlIsEscaped()
    {
        PlatformNotice n;
        n.sessionId = QStringLiteral("sess_1");
        n.reason = QStringLiteral("COMPLEX_ISSUE");
        n.summary = QStringLiteral("<script>alert(1)</script>\r\nBcc: x@y.z");
        n.events = {QStringLiteral("escalation.created")};
        const MailMessage m
            = composePlatformMail(n, QStringLiteral("desk@example.com"), QStringLiteral("a@b.io"), true);
        QVERIFY(m.body.contains(QLatin1String("&lt;script&gt;")));
        QVERIFY(!m.body.contains(QLatin1String("<script>")));
        QVERIFY(m.validate());
    }

private:
    void configure(const QStringList &events, const QString &format)
    {
        EmailNotifications settings(*m_fx->engine);
        QVERIFY(settings.configure({m_fx->companyId, QStringLiteral("support@example.com"), events, format}, Actor{}));
        QVERIFY(m_fx->store->batch().flush());
    }
    QString escalate(EscalationReason reason)
    {
        const auto s = m_fx->open(QStringLiteral("cust_1"), QStringLiteral("I need help with my order"));
        if (!s)
            return {};
        const auto e = m_fx->engine->escalate(m_fx->companyId, s->id, reason, Tier::AiManager, QString(), Actor{});
        m_fx->store->batch().flush();
        return e ? e->id : QString();
    }

    std::unique_ptr<SmtpSink> m_sink;
    std::unique_ptr<EngineFixture> m_fx;
    std::unique_ptr<SmtpMailer> m_smtp;
    std::unique_ptr<PlatformEmails> m_emails;
};

QTEST_GUILESS_MAIN(TestPlatformEmails)
#include "tst_platformemails.moc"
