// WebhookDispatcher on the real SQLite outbox (WebhookRepo on a file): rows
// the dispatcher could not start right away must stay deliverable, and one
// hanging hook must not hold up the others.
#include "core/integrations/SecretBox.h"
#include "core/integrations/WebhookDispatcher.h"
#include "core/store/Database.h"
#include "core/store/WebhookRepo.h"
#include "tests/support/FakeClock.h"

#include <QMutex>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <memory>

using namespace tierdesk;
using tierdesk::test::FakeClock;

namespace {

const QString kCompany = QStringLiteral("co_outbox");

// Holds every post to a URL containing `gatedPath` until the test lets it
// through; answers everything else with 200 at once. Counts concurrency per URL.
class GatedHttp final : public OutboundHttp {
public:
    explicit GatedHttp(QString gatedPath) : m_gatedPath(std::move(gatedPath)) { }

    OutboundResult post(const OutboundRequest &r) override
    {
        const bool gated = r.url.path().contains(m_gatedPath);
        if (gated) {
            const int now = ++m_gatedNow;
            int peak = m_gatedPeak;
            while (now > peak && !m_gatedPeak.compare_exchange_weak(peak, now)) { }
            if (!m_open)
                m_gate.acquire();
            --m_gatedNow;
        }
        QMutexLocker lock(&m_mutex);
        for (const auto &h : r.headers)
            if (h.first == "X-Tierdesk-Delivery")
                m_deliveryIds.append(h.second);
        return OutboundResult{200, {}};
    }

    void release(int n) { m_gate.release(n); }
    void open()
    {
        m_open = true;
        m_gate.release(100000);
    }
    int gatedNow() const { return m_gatedNow; }
    int gatedPeak() const { return m_gatedPeak; }
    QList<QByteArray> deliveryIds() const
    {
        QMutexLocker lock(&m_mutex);
        return m_deliveryIds;
    }

private:
    QString m_gatedPath;
    QSemaphore m_gate;
    std::atomic<bool> m_open{false};
    std::atomic<int> m_gatedNow{0};
    std::atomic<int> m_gatedPeak{0};
    mutable QMutex m_mutex;
    QList<QByteArray> m_deliveryIds;
};

struct OutboxDb {
    QTemporaryDir dir;
    std::unique_ptr<Database> db;
    std::unique_ptr<WebhookRepo> repo;

    bool open()
    {
        auto opened = Database::open(dir.filePath(QStringLiteral("outbox.db")));
        if (!opened)
            return false;
        db = std::move(opened.value());
        repo = std::make_unique<WebhookRepo>(*db);
        repo->setSealer(std::make_shared<SecretBox>(SecretBox::ephemeral()));
        return db->exec(
            QStringLiteral("INSERT INTO companies(id, name, config, created_at) VALUES (?, 'Outbox Co', '{}', 0)"),
            {kCompany});
    }
    bool addHook(const QString &id, const QString &path, const QString &event)
    {
        return repo
            ->insert(Webhook{id, kCompany, QStringLiteral("http://127.0.0.1:9") + path, {event},
                QByteArrayLiteral("whsec_outbox_0123456789"), 0})
            .ok();
    }
    int count(const QString &sql)
    {
        QSqlQuery q(db->handle());
        return q.exec(sql) && q.next() ? q.value(0).toInt() : -1;
    }
};

} // namespace

class TestWebhookOutbox : public QObject {
    Q_OBJECT

private slots:
    void rowsBeyondFreeSlotsAreNotStranded();
    void hangingHookDoesNotDelayOtherHooks();
    void dueIsFairAndMarksNothing();
    void unreadableSecretIsDeadAtOnce();
};

void TestWebhookOutbox::rowsBeyondFreeSlotsAreNotStranded()
{
    // More rows are due than there are free delivery slots, and slots free up
    // one at a time: every row must still be delivered, exactly once.
    OutboxDb o;
    QVERIFY(o.open());
    QVERIFY(o.addHook(QStringLiteral("wh_one"), QStringLiteral("/one"), QStringLiteral("session.created")));
    FakeClock clock;
    constexpr int kRows = 12;
    for (int i = 0; i < kRows; ++i)
        QCOMPARE(o.repo->enqueue(kCompany, QStringLiteral("session.created"), "{\"n\":" + QByteArray::number(i) + '}',
                     clock.nowMs()),
            1);

    GatedHttp http(QStringLiteral("/one"));
    WebhookDispatcher d(*o.repo, http, clock);
    const auto unblock = qScopeGuard([&http] { http.open(); }); // runs before d's destructor waits
    QSignalSpy delivered(&d, &WebhookDispatcher::delivered);
    d.poke();
    for (int i = 0; i < kRows; ++i) {
        QTRY_VERIFY2_WITH_TIMEOUT(http.gatedNow() > 0,
            qPrintable(QStringLiteral("delivery %1 of %2 never started").arg(i + 1).arg(kRows)), 5000);
        http.release(1);
        QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), i + 1, 5000);
    }
    QCOMPARE(o.count(QStringLiteral("SELECT COUNT(*) FROM webhook_outbox WHERE state = 'delivered'")), kRows);
    const QList<QByteArray> ids = http.deliveryIds();
    QCOMPARE(ids.size(), kRows);
    QCOMPARE(QSet<QByteArray>(ids.cbegin(), ids.cend()).size(), kRows);
    QCOMPARE(d.inFlight(), 0);
}

void TestWebhookOutbox::hangingHookDoesNotDelayOtherHooks()
{
    OutboxDb o;
    QVERIFY(o.open());
    QVERIFY(o.addHook(QStringLiteral("wh_hang"), QStringLiteral("/hang"), QStringLiteral("session.created")));
    QVERIFY(o.addHook(QStringLiteral("wh_fast"), QStringLiteral("/fast"), QStringLiteral("session.resolved")));
    FakeClock clock;
    // The hanging hook's rows come first in the queue.
    for (int i = 0; i < 20; ++i)
        o.repo->enqueue(
            kCompany, QStringLiteral("session.created"), "{\"hang\":" + QByteArray::number(i) + '}', clock.nowMs());
    for (int i = 0; i < 10; ++i)
        o.repo->enqueue(
            kCompany, QStringLiteral("session.resolved"), "{\"fast\":" + QByteArray::number(i) + '}', clock.nowMs());

    GatedHttp http(QStringLiteral("/hang"));
    WebhookDispatcher d(*o.repo, http, clock);
    const auto unblock = qScopeGuard([&http] { http.open(); });
    QSignalSpy delivered(&d, &WebhookDispatcher::delivered);
    d.poke();
    // All of the fast hook's events arrive while the other hook still hangs.
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 10, 10000);
    QVERIFY(http.gatedNow() > 0);
    QCOMPARE(o.count(QStringLiteral(
                 "SELECT COUNT(*) FROM webhook_outbox WHERE webhook_id = 'wh_fast' AND state = 'delivered'")),
        10);
    // The hanging hook holds only its own share of the delivery slots.
    QVERIFY2(http.gatedPeak() <= 2, qPrintable(QString::number(http.gatedPeak())));

    // Once it answers, its queue drains too.
    http.open();
    QTRY_COMPARE_WITH_TIMEOUT(delivered.size(), 30, 10000);
    QCOMPARE(o.count(QStringLiteral("SELECT COUNT(*) FROM webhook_outbox WHERE state = 'delivered'")), 30);
}

void TestWebhookOutbox::dueIsFairAndMarksNothing()
{
    OutboxDb o;
    QVERIFY(o.open());
    QVERIFY(o.addHook(QStringLiteral("wh_busy"), QStringLiteral("/busy"), QStringLiteral("session.created")));
    QVERIFY(o.addHook(QStringLiteral("wh_quiet"), QStringLiteral("/quiet"), QStringLiteral("session.resolved")));
    FakeClock clock;
    // A long backlog on one hook, enqueued before the other hook's few rows.
    for (int i = 0; i < 300; ++i)
        o.repo->enqueue(kCompany, QStringLiteral("session.created"), "{}", clock.nowMs());
    for (int i = 0; i < 3; ++i)
        o.repo->enqueue(kCompany, QStringLiteral("session.resolved"), "{}", clock.nowMs());
    const auto hooksOf = [](const QList<OutboxItem> &items) {
        QStringList hooks;
        for (const OutboxItem &item : items)
            hooks << item.webhookId;
        return hooks;
    };

    DueFilter filter;
    filter.perHook = 2;
    filter.limit = 3;
    const QList<OutboxItem> first = o.repo->due(clock.nowMs(), filter);
    // Round-robin: each hook's oldest row before any hook's second.
    QCOMPARE(hooksOf(first),
        (QStringList{QStringLiteral("wh_busy"), QStringLiteral("wh_quiet"), QStringLiteral("wh_busy")}));
    QVERIFY(!first.constFirst().secret.isEmpty());
    QCOMPARE(first.constFirst().url, QStringLiteral("http://127.0.0.1:9/busy"));
    // Asking again returns the same rows: the store keeps no in-flight state.
    QCOMPARE(hooksOf(o.repo->due(clock.nowMs(), filter)), hooksOf(first));
    QCOMPARE(o.repo->due(clock.nowMs(), filter).constFirst().id, first.constFirst().id);

    // What the dispatcher has in hand is left out.
    filter.limit = 10;
    filter.fullHooks = {QStringLiteral("wh_busy")};
    QCOMPARE(hooksOf(o.repo->due(clock.nowMs(), filter)),
        (QStringList{QStringLiteral("wh_quiet"), QStringLiteral("wh_quiet")}));
    filter.fullHooks.clear();
    filter.busyIds = {first.at(0).id, first.at(1).id};
    const QList<OutboxItem> rest = o.repo->due(clock.nowMs(), filter);
    QCOMPARE(rest.size(), 4);
    for (const OutboxItem &item : rest)
        QVERIFY(!filter.busyIds.contains(item.id));

    // Not yet due rows stay out.
    o.repo->markFailed(first.at(1).id, 1, clock.nowMs() + 60000, QStringLiteral("HTTP 500"), false);
    filter.busyIds.clear();
    filter.perHook = 5;
    const QList<OutboxItem> later = o.repo->due(clock.nowMs(), filter);
    QCOMPARE(hooksOf(later).count(QStringLiteral("wh_quiet")), 2);
}

void TestWebhookOutbox::unreadableSecretIsDeadAtOnce()
{
    // The data key was lost (a new keyring): the sealed secret cannot be opened,
    // and an unsigned or wrongly signed delivery must not go out.
    OutboxDb o;
    QVERIFY(o.open());
    QVERIFY(o.addHook(QStringLiteral("wh_lost"), QStringLiteral("/lost"), QStringLiteral("session.created")));
    o.repo->setSealer(std::make_shared<SecretBox>(SecretBox::ephemeral())); // another key than the one that sealed it
    FakeClock clock;
    o.repo->enqueue(kCompany, QStringLiteral("session.created"), "{}", clock.nowMs());
    GatedHttp http(QStringLiteral("/never"));
    WebhookDispatcher d(*o.repo, http, clock);
    QSignalSpy failed(&d, &WebhookDispatcher::failed);
    d.poke();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(2).toBool(), true);
    QVERIFY2(failed.first().at(3).toString().contains(QLatin1String("secret cannot be read")),
        qPrintable(failed.first().at(3).toString()));
    QCOMPARE(o.count(QStringLiteral("SELECT COUNT(*) FROM webhook_outbox WHERE state = 'dead'")), 1);
    QVERIFY(http.deliveryIds().isEmpty());
}

QTEST_GUILESS_MAIN(TestWebhookOutbox)
#include "tst_webhookoutbox.moc"
