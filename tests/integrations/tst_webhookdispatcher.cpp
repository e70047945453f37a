// WebhookDispatcher with an in-memory outbox, a scripted sender and a FakeClock;
// one case goes through the real libcurl sender to a loopback receiver.
#include "core/integrations/WebhookDispatcher.h"
#include "core/integrations/WebhookSigner.h"
#include "tests/integrations/LoopbackReceiver.h"
#include "tests/support/FakeClock.h"

#include <QMap>
#include <QScopeGuard>
#include <QSemaphore>
#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace tierdesk;
using tierdesk::test::FakeClock;
using tierdesk::test::LoopbackReceiver;

namespace {

// The store's contract in memory. It also checks the threading rule: every call
// must come from the thread that created it (the engine thread).
class FakeOutbox final : public OutboxRepository {
public:
    struct Row {
        OutboxItem item;
        qint64 nextAttemptMs = 0;
        bool delivered = false;
        bool dead = false;
        int httpStatus = 0;
        QString lastError;
    };

    qint64 add(const QString &url, const QString &event = QStringLiteral("session.escalated"))
    {
        OutboxItem item;
        item.id = m_nextId++;
        item.webhookId = QStringLiteral("wh_") + url; // one hook per URL
        item.url = url;
        item.secret = "whsec_" + QByteArray::number(item.id);
        item.event = event;
        item.payload = R"({"event":")" + event.toUtf8() + R"(","data":{"n":)" + QByteArray::number(item.id) + "}}";
        item.deliveryId = QStringLiteral("dlv_%1").arg(item.id);
        m_rows.insert(item.id, Row{item, 0, false, false, 0, {}});
        return item.id;
    }

    QList<OutboxItem> due(qint64 nowMs, const DueFilter &filter) override
    {
        checkThread();
        ++dueCalls;
        // The store's order: each hook's oldest perHook rows, round-robin across hooks.
        QList<QPair<int, OutboxItem>> ranked;
        QHash<QString, int> rank;
        for (const Row &r : std::as_const(m_rows)) { // QMap: id order, and all rows are due at once here
            if (r.delivered || r.dead || r.nextAttemptMs > nowMs || filter.busyIds.contains(r.item.id)
                || filter.fullHooks.contains(r.item.webhookId))
                continue;
            const int n = ++rank[r.item.webhookId];
            if (n <= filter.perHook)
                ranked.append({n, r.item});
        }
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        QList<OutboxItem> out;
        for (const auto &r : std::as_const(ranked))
            if (out.size() < filter.limit)
                out.append(r.second);
        return out;
    }
    void markDelivered(qint64 id, qint64, int httpStatus) override
    {
        checkThread();
        m_rows[id].delivered = true;
        m_rows[id].httpStatus = httpStatus;
    }
    void markFailed(qint64 id, int attempts, qint64 nextAttemptMs, const QString &error, bool dead) override
    {
        checkThread();
        Row &r = m_rows[id];
        r.item.attempts = attempts;
        r.nextAttemptMs = nextAttemptMs;
        r.lastError = error;
        r.dead = dead;
    }

    Row row(qint64 id) const { return m_rows.value(id); }
    int dueCalls = 0;
    bool wrongThread = false;

private:
    void checkThread()
    {
        if (QThread::currentThread() != m_owner)
            wrongThread = true;
    }

    QThread *m_owner = QThread::currentThread();
    QMap<qint64, Row> m_rows;
    qint64 m_nextId = 1;
};

// Answers with whatever the test scripts and records what it was asked to send.
class FakeHttp final : public OutboundHttp {
public:
    OutboundResult post(const OutboundRequest &r) override
    {
        QMutexLocker lock(&m_mutex);
        requests.append(r);
        if (respond)
            return respond(r);
        return OutboundResult{200, {}};
    }
    QList<OutboundRequest> sent() const
    {
        QMutexLocker lock(&m_mutex);
        return requests;
    }
    std::function<OutboundResult(const OutboundRequest &)> respond;

private:
    mutable QMutex m_mutex;
    QList<OutboundRequest> requests;
};

QByteArray headerOf(const OutboundRequest &r, const QByteArray &name)
{
    for (const auto &h : r.headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

constexpr auto kUrl = "http://127.0.0.1:9/hook";

// Pokes the dispatcher and waits until it has looked at the outbox again: true when that
// look started no delivery (a delivery is in flight from the moment it is started).
bool pokeStartsNothing(WebhookDispatcher &d, const FakeOutbox &repo)
{
    const int looks = repo.dueCalls;
    d.poke();
    return QTest::qWaitFor([&] { return repo.dueCalls > looks; }, 5000) && d.inFlight() == 0;
}

} // namespace

class TestWebhookDispatcher : public QObject {
    Q_OBJECT

private slots:
    void deliversWithSignedHeaders();
    void retriesWithBackoffOn500();
    void retriesWhenReceiverDown();
    void deadAfterMaxAttempts();
    void invalidUrlIsDeadAtOnce_data();
    void invalidUrlIsDeadAtOnce();
    void pokesAreCoalesced();
    void limitsInFlight();
    void sendsWithConfiguredTimeout();
    void refusedAddressIsDeadAtOnce();
    void stopRecordsInFlightOutcome();
    void backoffSchedule();
    void realSenderAgainstLoopback();
};

void TestWebhookDispatcher::deliversWithSignedHeaders()
{
    FakeOutbox repo;
    FakeHttp http;
    FakeClock clock;
    WebhookDispatcher d(repo, http, clock);
    QSignalSpy delivered(&d, &WebhookDispatcher::delivered);
    const qint64 id = repo.add(QString::fromLatin1(kUrl));

    d.poke();
    QVERIFY(delivered.wait(5000));
    QCOMPARE(delivered.first().at(0).toLongLong(), id);
    QCOMPARE(delivered.first().at(1).toInt(), 200);
    QVERIFY(repo.row(id).delivered);
    QCOMPARE(repo.row(id).httpStatus, 200);
    QVERIFY(!repo.wrongThread);

    const auto sent = http.sent();
    QCOMPARE(sent.size(), 1);
    const OutboundRequest &r = sent.first();
    QCOMPARE(r.url, QUrl(QString::fromLatin1(kUrl)));
    QCOMPARE(r.body, repo.row(id).item.payload);
    QCOMPARE(headerOf(r, "Content-Type"), QByteArrayLiteral("application/json"));
    QCOMPARE(headerOf(r, "X-Tierdesk-Event"), QByteArrayLiteral("session.escalated"));
    QCOMPARE(headerOf(r, "X-Tierdesk-Delivery"), QByteArrayLiteral("dlv_1"));
    QCOMPARE(headerOf(r, "User-Agent"), QByteArrayLiteral("Tierdesk/" TIERDESK_VERSION));
    const QByteArray sig = headerOf(r, "X-Tierdesk-Signature");
    QVERIFY(sig.startsWith(QByteArray("t=" + QByteArray::number(clock.nowSecs()) + ",v1=")));
    QVERIFY(verifyWebhookSignature(repo.row(id).item.secret, sig, r.body, clock.nowSecs()));

    // Nothing is sent twice.
    QVERIFY(pokeStartsNothing(d, repo));
    QCOMPARE(http.sent().size(), 1);
}

void TestWebhookDispatcher::retriesWithBackoffOn500()
{
    FakeOutbox repo;
    FakeHttp http;
    FakeClock clock;
    std::atomic<int> status{500};
    http.respond = [&status](const OutboundRequest &) {
        const int s = status;
        return OutboundResult{s, s == 500 ? QStringLiteral("HTTP 500") : QString()};
    };
    WebhookDispatcher d(repo, http, clock, RetryPolicy{8, 2000, 3600000});
    QSignalSpy failed(&d, &WebhookDispatcher::failed);
    QSignalSpy delivered(&d, &WebhookDispatcher::delivered);
    const qint64 id = repo.add(QString::fromLatin1(kUrl));

    d.poke();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(1).toInt(), 1);
    QCOMPARE(failed.first().at(2).toBool(), false);
    QCOMPARE(repo.row(id).item.attempts, 1);
    QCOMPARE(repo.row(id).lastError, QStringLiteral("HTTP 500"));
    const qint64 start = clock.nowMs();
    QVERIFY(repo.row(id).nextAttemptMs >= start + 2000);
    QVERIFY(repo.row(id).nextAttemptMs <= start + 2200); // at most 10% jitter

    // Not due yet: a poke before the backoff elapses sends nothing.
    clock.advanceMs(1999);
    QVERIFY(pokeStartsNothing(d, repo));
    QCOMPARE(http.sent().size(), 1);

    // Second failure doubles the delay.
    clock.advanceMs(201);
    d.poke();
    QVERIFY(failed.wait(5000));
    QCOMPARE(repo.row(id).item.attempts, 2);
    QVERIFY(repo.row(id).nextAttemptMs >= clock.nowMs() + 4000);
    QVERIFY(repo.row(id).nextAttemptMs <= clock.nowMs() + 4400);

    // The receiver recovers: the next attempt delivers, with the same delivery id.
    status = 200;
    clock.advanceMs(4400);
    d.poke();
    QVERIFY(delivered.wait(5000));
    QVERIFY(repo.row(id).delivered);
    const auto sent = http.sent();
    QCOMPARE(sent.size(), 3);
    for (const auto &r : sent)
        QCOMPARE(headerOf(r, "X-Tierdesk-Delivery"), QByteArrayLiteral("dlv_1"));
    // Each attempt is signed with its own send time.
    QVERIFY(headerOf(sent[0], "X-Tierdesk-Signature") != headerOf(sent[2], "X-Tierdesk-Signature"));
    QVERIFY(!repo.wrongThread);
}

void TestWebhookDispatcher::retriesWhenReceiverDown()
{
    FakeOutbox repo;
    FakeHttp http;
    FakeClock clock;
    std::atomic<bool> down{true};
    http.respond = [&down](const OutboundRequest &) {
        return down ? OutboundResult{0, QStringLiteral("Connection refused")} : OutboundResult{204, {}};
    };
    WebhookDispatcher d(repo, http, clock);
    QSignalSpy failed(&d, &WebhookDispatcher::failed);
    QSignalSpy delivered(&d, &WebhookDispatcher::delivered);
    const qint64 id = repo.add(QString::fromLatin1(kUrl));

    d.poke();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.last().at(3).toString(), QStringLiteral("Connection refused"));
    QCOMPARE(repo.row(id).lastError, QStringLiteral("Connection refused"));

    down = false;
    clock.advanceSecs(3);
    d.poke();
    QVERIFY(delivered.wait(5000));
    QCOMPARE(delivered.first().at(1).toInt(), 204);
    QVERIFY(repo.row(id).delivered);
}

void TestWebhookDispatcher::deadAfterMaxAttempts()
{
    FakeOutbox repo;
    FakeHttp http;
    FakeClock clock;
    http.respond = [](const OutboundRequest &) { return OutboundResult{503, QStringLiteral("HTTP 503")}; };
    const RetryPolicy policy{4, 1000, 3000};
    WebhookDispatcher d(repo, http, clock, policy);
    QSignalSpy failed(&d, &WebhookDispatcher::failed);
    const qint64 id = repo.add(QString::fromLatin1(kUrl));

    for (int attempt = 1; attempt <= policy.maxAttempts; ++attempt) {
        d.poke();
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.last().at(1).toInt(), attempt);
        QCOMPARE(failed.last().at(2).toBool(), attempt == policy.maxAttempts);
        clock.advanceMs(3300); // past the capped delay plus jitter
    }
    QVERIFY(repo.row(id).dead);
    QCOMPARE(repo.row(id).item.attempts, 4);

    // A dead item is never tried again.
    clock.advanceSecs(3600);
    QVERIFY(pokeStartsNothing(d, repo));
    QCOMPARE(http.sent().size(), 4);
}

void TestWebhookDispatcher::invalidUrlIsDeadAtOnce_data()
{
    QTest::addColumn<QString>("url");
    QTest::newRow("file") << QStringLiteral("file:///etc/passwd");
    QTest::newRow("no host") << QStringLiteral("http:///hook");
    QTest::newRow("credentials") << QStringLiteral("http://user:pass@127.0.0.1:9/hook");
}

void TestWebhookDispatcher::invalidUrlIsDeadAtOnce()
{
    QFETCH(QString, url);
    FakeOutbox repo;
    FakeHttp http;
    FakeClock clock;
    WebhookDispatcher d(repo, http, clock);
    QSignalSpy failed(&d, &WebhookDispatcher::failed);
    const qint64 id = repo.add(url);
    d.poke();
    QVERIFY(failed.wait(5000));
    QVERIFY(repo.row(id).dead);
    QCOMPARE(http.sent().size(), 0);
}

void TestWebhookDispatcher::pokesAreCoalesced()
{
    FakeOutbox repo;
    FakeHttp http;
    FakeClock clock;
    WebhookDispatcher d(repo, http, clock);
    for (int i = 0; i < 5; ++i)
        d.poke();
    // Queued after the pokes, so it runs after whatever they queued.
    bool after = false;
    QMetaObject::invokeMethod(
        &d, [&after] { after = true; }, Qt::QueuedConnection);
    QTRY_VERIFY(after);
    QCOMPARE(repo.dueCalls, 1);
}

void TestWebhookDispatcher::limitsInFlight()
{
    FakeOutbox repo;
    FakeClock clock;
    // Counts concurrency overall and per URL; each request is held until the test lets one
    // answer, so calls really overlap.
    struct Counting final : OutboundHttp {
        QMutex mutex;
        QSemaphore answers;
        int now = 0;
        int peak = 0;
        QHash<QString, int> nowPerUrl;
        QHash<QString, int> peakPerUrl;
        OutboundResult post(const OutboundRequest &r) override
        {
            const QString url = r.url.toString();
            {
                QMutexLocker lock(&mutex);
                peak = qMax(peak, ++now);
                peakPerUrl[url] = qMax(peakPerUrl.value(url), ++nowPerUrl[url]);
            }
            answers.acquire();
            QMutexLocker lock(&mutex);
            --now;
            --nowPerUrl[url];
            return OutboundResult{200, {}};
        }
        int held()
        {
            QMutexLocker lock(&mutex);
            return now;
        }
    } http;

    DispatchLimits limits;
    limits.maxConcurrency = 4;
    limits.perHookConcurrency = 2;
    WebhookDispatcher d(repo, http, clock, RetryPolicy{}, limits);
    QSignalSpy delivered(&d, &WebhookDispatcher::delivered);
    const auto answerAll = qScopeGuard([&http] { http.answers.release(1000); }); // before d waits for them
    for (int i = 0; i < 24; ++i)
        repo.add(QStringLiteral("http://127.0.0.1:9/hook%1").arg(i % 4));
    d.poke();
    QTRY_COMPARE(http.held(), limits.maxConcurrency); // really parallel
    // One answer at a time: each frees a slot for the next delivery.
    for (int answered = 1; answered <= 24; ++answered) {
        http.answers.release();
        QTRY_COMPARE(delivered.size(), answered);
    }
    QMutexLocker lock(&http.mutex);
    QVERIFY2(http.peak <= limits.maxConcurrency, qPrintable(QString::number(http.peak)));
    for (auto it = http.peakPerUrl.cbegin(); it != http.peakPerUrl.cend(); ++it)
        QVERIFY2(it.value() <= limits.perHookConcurrency, qPrintable(it.key()));
    QCOMPARE(d.inFlight(), 0);
}

void TestWebhookDispatcher::sendsWithConfiguredTimeout()
{
    FakeOutbox repo;
    FakeHttp http;
    FakeClock clock;
    DispatchLimits limits;
    limits.timeoutMs = 1234;
    WebhookDispatcher d(repo, http, clock, RetryPolicy{}, limits);
    QSignalSpy delivered(&d, &WebhookDispatcher::delivered);
    repo.add(QString::fromLatin1(kUrl));
    d.poke();
    QVERIFY(delivered.wait(5000));
    QCOMPARE(http.sent().constFirst().timeoutMs, 1234);
}

void TestWebhookDispatcher::refusedAddressIsDeadAtOnce()
{
    // The sender refused the destination address (AddressPolicy): permanent, so no retries.
    FakeOutbox repo;
    FakeHttp http;
    FakeClock clock;
    http.respond = [](const OutboundRequest &) {
        OutboundResult r;
        r.error = QStringLiteral("address not allowed: 10.0.0.7 is a private-network address");
        r.refused = true;
        return r;
    };
    WebhookDispatcher d(repo, http, clock);
    QSignalSpy failed(&d, &WebhookDispatcher::failed);
    const qint64 id = repo.add(QString::fromLatin1(kUrl));
    d.poke();
    QVERIFY(failed.wait(5000));
    QCOMPARE(failed.first().at(1).toInt(), 1);
    QCOMPARE(failed.first().at(2).toBool(), true);
    QVERIFY(repo.row(id).dead);
    QVERIFY(repo.row(id).lastError.startsWith(QLatin1String("address not allowed: ")));
    clock.advanceSecs(3600);
    QVERIFY(pokeStartsNothing(d, repo));
    QCOMPARE(http.sent().size(), 1);
}

void TestWebhookDispatcher::stopRecordsInFlightOutcome()
{
    FakeOutbox repo;
    FakeHttp http;
    FakeClock clock;
    QSemaphore posting;
    QSemaphore answer;
    http.respond = [&posting, &answer](const OutboundRequest &) {
        posting.release();
        answer.acquire(); // the receiver answers when the test says so
        return OutboundResult{200, {}};
    };
    auto d = std::make_unique<WebhookDispatcher>(repo, http, clock);
    const qint64 id = repo.add(QString::fromLatin1(kUrl));
    d->poke();
    QTRY_COMPARE(d->inFlight(), 1);
    QVERIFY(posting.tryAcquire(1, 5000));
    // Answered just as stop() is called: it must wait for the post under way and record it, not drop it.
    answer.release();
    d->stop();
    QVERIFY(repo.row(id).delivered);
    QCOMPARE(d->inFlight(), 0);
    d.reset();
}

void TestWebhookDispatcher::backoffSchedule()
{
    const RetryPolicy p{8, 2000, 3600000};
    QCOMPARE(retryDelayMs(p, 1), 2000);
    QCOMPARE(retryDelayMs(p, 2), 4000);
    QCOMPARE(retryDelayMs(p, 3), 8000);
    QCOMPARE(retryDelayMs(p, 11), 2048000);
    QCOMPARE(retryDelayMs(p, 12), 3600000); // capped
    QCOMPARE(retryDelayMs(p, 1000), 3600000); // no overflow
}

void TestWebhookDispatcher::realSenderAgainstLoopback()
{
    LoopbackReceiver rx;
    QVERIFY(rx.isListening());
    rx.stopListening(); // the receiver starts down: connection refused

    FakeOutbox repo;
    CurlOutboundHttp http(AddressPolicy(true)); // loopback is a private network
    FakeClock clock;
    WebhookDispatcher d(repo, http, clock);
    QSignalSpy failed(&d, &WebhookDispatcher::failed);
    QSignalSpy delivered(&d, &WebhookDispatcher::delivered);
    const qint64 id = repo.add(rx.url().toString(), QStringLiteral("session.resolved"));

    d.start(20);
    QVERIFY(failed.wait(5000));
    QCOMPARE(repo.row(id).item.attempts, 1);
    QVERIFY(!repo.row(id).lastError.isEmpty());

    // The receiver answers 500: still a failure, with the status in the error.
    QVERIFY(rx.resumeListening());
    rx.setStatus(500);
    clock.advanceSecs(3);
    QVERIFY(failed.wait(5000));
    QCOMPARE(repo.row(id).item.attempts, 2);
    // The status only: the receiver's answer body ("ok") is never kept.
    QCOMPARE(repo.row(id).lastError, QStringLiteral("HTTP 500"));

    // Back to normal: delivered by the poll timer once the backoff has elapsed.
    rx.setStatus(200);
    clock.advanceSecs(5);
    QVERIFY(delivered.wait(5000));
    QVERIFY(repo.row(id).delivered);
    d.stop();

    const auto got = rx.requests();
    QCOMPARE(got.size(), 2);
    for (const auto &r : got) {
        QCOMPARE(r.header("x-tierdesk-delivery"), repo.row(id).item.deliveryId.toUtf8());
        QCOMPARE(r.header("x-tierdesk-event"), QByteArrayLiteral("session.resolved"));
        QVERIFY(!r.hasHeader("expect"));
        QCOMPARE(r.body, repo.row(id).item.payload);
    }
    QVERIFY(verifyWebhookSignature(
        repo.row(id).item.secret, got.last().header("x-tierdesk-signature"), got.last().body, clock.nowSecs()));
    QVERIFY(!repo.wrongThread);
}

QTEST_GUILESS_MAIN(TestWebhookDispatcher)
#include "tst_webhookdispatcher.moc"
