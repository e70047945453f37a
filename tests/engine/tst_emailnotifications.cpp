#include "EngineFixture.h"
#include "core/engine/admin/EmailNotifications.h"

using namespace tierdesk;
using namespace tierdesk::test;

// The e-mail notification settings of a company on a real SQLite file.
class TestEmailNotifications : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_fx = std::make_unique<EngineFixture>();
        QVERIFY(m_fx->setUp());
    }
    void cleanup() { m_fx.reset(); }

    void storesAndReplaces()
    {
        EmailNotifications notifications(*m_fx->engine);
        QVERIFY(!notifications.find(m_fx->companyId));
        const auto first = notifications.configure(
            {m_fx->companyId, QStringLiteral("support@example.com"),
                {QStringLiteral("escalation.created"), QStringLiteral("escalation.created")}, QStringLiteral("html")},
            Actor{QStringLiteral("key-1"), QStringLiteral("admin")});
        QVERIFY2(first.ok(), qPrintable(first ? QString() : first.error().message));
        QCOMPARE(first->events, QStringList{QStringLiteral("escalation.created")});
        QVERIFY(m_fx->store->batch().flush());
        auto found = notifications.find(m_fx->companyId);
        QVERIFY(found);
        QCOMPARE(found->email, QStringLiteral("support@example.com"));
        QCOMPARE(found->format, QStringLiteral("html"));

        QVERIFY(notifications.configure({m_fx->companyId, QStringLiteral("ops@example.org"),
                                            {QStringLiteral("high_priority_case")}, QStringLiteral("text")},
            Actor{}));
        QVERIFY(m_fx->store->batch().flush());
        found = notifications.find(m_fx->companyId);
        QCOMPARE(found->email, QStringLiteral("ops@example.org"));
        QCOMPARE(found->events, QStringList{QStringLiteral("high_priority_case")});
        QCOMPARE(found->format, QStringLiteral("text"));
        // Audited, newest first.
        const QList<AuditEntry> audit = m_fx->engine->auditLog(m_fx->companyId, 2);
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit.at(0).action, QStringLiteral("notification.email.configure"));
        QCOMPARE(audit.at(1).actor, QStringLiteral("key-1"));
    }

    void refusesBadInput_data()
    {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QStringList>("events");
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("field");
        const QStringList ok{QStringLiteral("escalation.created")};
        QTest::newRow("no address") << QString() << ok << QStringLiteral("html") << QStringLiteral("email");
        QTest::newRow("two addresses") << QStringLiteral("a@x.io,b@x.io") << ok << QStringLiteral("html")
                                       << QStringLiteral("email");
        QTest::newRow("header injection")
            << QStringLiteral("a@x.io\r\nBcc: c@x.io") << ok << QStringLiteral("html") << QStringLiteral("email");
        QTest::newRow("display name") << QStringLiteral("Ops <ops@x.io>") << ok << QStringLiteral("html")
                                      << QStringLiteral("email");
        QTest::newRow("no events") << QStringLiteral("a@x.io") << QStringList{} << QStringLiteral("html")
                                   << QStringLiteral("events");
        QTest::newRow("unknown event") << QStringLiteral("a@x.io") << QStringList{QStringLiteral("session.created")}
                                       << QStringLiteral("html") << QStringLiteral("events");
        QTest::newRow("format") << QStringLiteral("a@x.io") << ok << QStringLiteral("pdf") << QStringLiteral("format");
    }
    void refusesBadInput()
    {
        QFETCH(QString, email);
        QFETCH(QStringList, events);
        QFETCH(QString, format);
        QFETCH(QString, field);
        EmailNotifications notifications(*m_fx->engine);
        const auto r = notifications.configure({m_fx->companyId, email, events, format}, Actor{});
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ErrorKind::InvalidArgument);
        QCOMPARE(r.error().details.value(QLatin1String("field")).toString(), field);
        QVERIFY(m_fx->store->batch().flush());
        QVERIFY(!notifications.find(m_fx->companyId));
    }

    void unknownCompany()
    {
        EmailNotifications notifications(*m_fx->engine);
        const auto r = notifications.configure({QStringLiteral("co_none"), QStringLiteral("a@x.io"),
                                                   {QStringLiteral("escalation.created")}, QStringLiteral("html")},
            Actor{});
        QCOMPARE(r.error().kind, ErrorKind::NotFound);
    }

private:
    std::unique_ptr<EngineFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestEmailNotifications)
#include "tst_emailnotifications.moc"
