// Seed 000's webhook events queued from the engine's session events, and the rule that
// keeps them cheap: PlatformEvents listens only while some webhook subscribes to them.
#include "core/api/platform/PlatformEvents.h"
#include "tests/engine/EngineFixture.h"

using namespace tierdesk;
using namespace tierdesk::test;

class TestPlatformEvents : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_fx = std::make_unique<EngineFixture>();
        QVERIFY(m_fx->setUp());
    }
    void cleanup() { m_fx.reset(); }

    void listensOnlyWhileAWebhookSubscribes()
    {
        api::PlatformEvents events(*m_fx->engine);
        // Nothing subscribes: the engine makes no event per message.
        QVERIFY(!events.listening());
        QVERIFY(!m_fx->engine->eventsWanted());
        // A hook for other events changes nothing.
        QVERIFY(!addHook({QStringLiteral("session.created")}).isEmpty());
        QVERIFY(!events.listening());

        const QString hook = addHook({QStringLiteral("sentiment.negative")});
        QVERIFY(!hook.isEmpty());
        QVERIFY(events.listening());
        QVERIFY(m_fx->engine->eventsWanted());
        QVERIFY(m_fx->say(openSession(), QStringLiteral("This is terrible, I am furious, nothing works!")));
        QVERIFY(m_fx->store->batch().flush());
        QCOMPARE(outboxCount(QStringLiteral("sentiment.negative")), 1);

        // Started again (a restart) with the hook stored: listening from the start.
        api::PlatformEvents again(*m_fx->engine);
        QVERIFY(again.listening());

        QVERIFY(m_fx->engine->webhooks().remove(m_fx->companyId, hook, Actor{}));
        QVERIFY(m_fx->store->batch().flush());
        QVERIFY(!events.listening());
        QVERIFY(!again.listening());
        QVERIFY(!m_fx->engine->eventsWanted());
    }

    void conversationCreatedIsQueuedForItsSubscriber()
    {
        api::PlatformEvents events(*m_fx->engine);
        QVERIFY(!addHook({QStringLiteral("conversation.created")}).isEmpty());
        QVERIFY(events.listening());
        const QString id = openSession();
        QVERIFY(m_fx->store->batch().flush());
        QCOMPARE(outboxCount(QStringLiteral("conversation.created")), 1);
        QCOMPARE(outboxCount(QStringLiteral("sentiment.negative")), 0);
        QVERIFY(!id.isEmpty());
    }

private:
    QString addHook(const QStringList &subscribed)
    {
        const auto w = m_fx->engine->webhooks().add(m_fx->companyId, QStringLiteral("https://hooks.example.com/x"),
            subscribed, QByteArrayLiteral("a-secret-of-sixteen+"), Actor{});
        if (!w || !m_fx->store->batch().flush())
            return {};
        return w->id;
    }
    QString openSession()
    {
        const auto s = m_fx->open(QStringLiteral("cust_1"), QStringLiteral("Hello"));
        return s ? s->id : QString();
    }
    int outboxCount(const QString &event)
    {
        return scalarOf(
            m_fx->store->db().handle(), QStringLiteral("SELECT COUNT(*) FROM webhook_outbox WHERE event = ?"), {event})
            .toInt();
    }

    std::unique_ptr<EngineFixture> m_fx;
};

QTEST_GUILESS_MAIN(TestPlatformEvents)
#include "tst_platformevents.moc"
