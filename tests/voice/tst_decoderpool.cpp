#include "core/voice/DecoderPool.h"
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"

#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>

using namespace tierdesk::voice;

class TestDecoderPool : public QObject {
    Q_OBJECT

private slots:
    void aLaneRunsInOrderAndLanesAreBounded();
    void laneLimitIsTheFullHouse();
    void callsAreRecognisedSideBySide();
    void anUrgentLaneGoesFirst();
    void recognizersAreLentAndBounded();
    void readyDecodersAreMadeAheadAndKept();
    void aLaneWhoseGateIsTakenLetsAnotherRun();
};

// Four lanes of 200 jobs on two threads: each lane's jobs in the order posted, never two of one
// lane at once, and never more than two jobs at once in all.
void TestDecoderPool::aLaneRunsInOrderAndLanesAreBounded()
{
    DecoderPool pool(2);
    std::atomic<int> running{0};
    std::atomic<int> most{0};
    std::atomic<bool> overlapped{false}; // QVERIFY belongs to the test's thread: checked after
    std::vector<std::vector<int>> seen(4);
    std::vector<std::atomic<int>> inLane(4);
    std::vector<std::shared_ptr<DecoderPool::Lane>> lanes;
    for (int l = 0; l < 4; ++l)
        lanes.push_back(pool.openLane());
    for (int i = 0; i < 200; ++i) {
        for (int l = 0; l < 4; ++l) {
            lanes[size_t(l)]->post([&, l, i] {
                const int now = ++running;
                int before = most.load();
                while (now > before && !most.compare_exchange_weak(before, now)) { }
                if (++inLane[size_t(l)] != 1)
                    overlapped = true;
                seen[size_t(l)].push_back(i);
                volatile double work = 0;
                for (int k = 0; k < 2000; ++k)
                    work = work + k;
                --inLane[size_t(l)];
                --running;
            });
        }
    }
    QVERIFY(pool.waitForDone(60000));
    QVERIFY(most.load() <= 2);
    QVERIFY(!overlapped);
    for (const auto &order : seen) {
        QCOMPARE(order.size(), size_t(200));
        QVERIFY(std::is_sorted(order.begin(), order.end()));
    }
}

void TestDecoderPool::laneLimitIsTheFullHouse()
{
    DecoderPool pool(1, 2);
    auto a = pool.openLane();
    auto b = pool.openLane();
    QVERIFY(a && b);
    QVERIFY(!pool.openLane());
    QCOMPARE(pool.openLanes(), 2);
    a.reset();
    QCOMPARE(pool.openLanes(), 1);
    QVERIFY(pool.openLane());
}

// Three calls, each with its own decoder and lane, fed frame by frame on a pool of two threads:
// every call hears its own caller.
void TestDecoderPool::callsAreRecognisedSideBySide()
{
    const QString said[] = {
        QStringLiteral("where is my order"), QStringLiteral("talk to a person"), QStringLiteral("i was charged twice")};
    DecoderPool pool(2);
    std::vector<std::unique_ptr<SpeechRecognizer>> recognizers;
    std::vector<std::shared_ptr<DecoderPool::Lane>> lanes;
    std::vector<std::vector<Pcm>> frames;
    for (const QString &text : said) {
        auto created = SpeechRecognizer::create();
        QVERIFY(created.ok());
        recognizers.push_back(std::move(created.value()));
        lanes.push_back(pool.openLane());
        frames.push_back(splitFrames(SpeechSynthesizer(SpeechSynthesizer::Voice::Rms).synthesize(text)));
    }
    std::vector<QString> heard(3);
    for (size_t c = 0; c < 3; ++c)
        lanes[c]->post([&, c] { recognizers[c]->start(); });
    // Frames arrive interleaved, as they do from three callers at once.
    for (size_t f = 0;; ++f) {
        bool any = false;
        for (size_t c = 0; c < 3; ++c) {
            if (f < frames[c].size()) {
                lanes[c]->post([&, c, f] { recognizers[c]->feed(frames[c][f]); });
                any = true;
            }
        }
        if (!any)
            break;
    }
    for (size_t c = 0; c < 3; ++c)
        lanes[c]->post([&, c] { heard[c] = recognizers[c]->finish().text; });
    QVERIFY(pool.waitForDone(120000));
    for (size_t c = 0; c < 3; ++c)
        QCOMPARE(heard[c], said[c]);
}

// One thread, held by a job until the others are queued: lanes B and C wait with normal jobs, then
// lane D's urgent job (a caller who stopped speaking) and lane B's second, urgent one arrive. When
// the thread is free, the urgent lanes run first (B's earlier job with it: a lane keeps its order),
// then C.
void TestDecoderPool::anUrgentLaneGoesFirst()
{
    DecoderPool pool(1);
    std::mutex mutex;
    std::condition_variable release;
    bool released = false;
    std::atomic<bool> holding{false};
    std::vector<QString> order;
    std::mutex orderMutex;
    const auto note = [&](const char *what) {
        const std::lock_guard<std::mutex> guard(orderMutex);
        order.push_back(QString::fromLatin1(what));
    };
    auto a = pool.openLane();
    auto b = pool.openLane();
    auto c = pool.openLane();
    auto d = pool.openLane();
    a->post([&] {
        holding = true;
        std::unique_lock<std::mutex> lock(mutex);
        release.wait(lock, [&] { return released; });
    });
    QTRY_VERIFY_WITH_TIMEOUT(holding.load(), 10000);
    c->post([&] { note("c"); });
    b->post([&] { note("b1"); });
    d->post([&] { note("d"); }, DecoderPool::Lane::Priority::Urgent);
    b->post([&] { note("b2"); }, DecoderPool::Lane::Priority::Urgent);
    {
        const std::lock_guard<std::mutex> guard(mutex);
        released = true;
    }
    release.notify_all();
    QVERIFY(pool.waitForDone(10000));
    QCOMPARE(order,
        (std::vector<QString>{QStringLiteral("d"), QStringLiteral("b1"), QStringLiteral("b2"), QStringLiteral("c")}));
}

// Decoders lent for a turn: given back they wait idle (at most maxIdle; the oldest is freed), an
// owner gets its own back, and another owner takes an idle one instead of a new one being made.
void TestDecoderPool::recognizersAreLentAndBounded()
{
    RecognizerPool pool(1);
    const SpeechRecognizer::Options options;
    auto a = pool.take(options, 1);
    auto b = pool.take(options, 2);
    QVERIFY(a && b);
    QCOMPARE(pool.made(), 2);
    QCOMPARE(pool.lent(), 2);
    SpeechRecognizer *bs = b->get();
    pool.give(std::move(*a), options, 1);
    pool.give(std::move(*b), options, 2);
    QCOMPARE(pool.idle(), 1); // a's was the oldest: freed
    QCOMPARE(pool.lent(), 0);
    auto again = pool.take(options, 2);
    QVERIFY(again && again->get() == bs);
    pool.give(std::move(*again), options, 2);
    auto other = pool.take(options, 3); // another caller: the idle one, not a new one
    QVERIFY(other && other->get() == bs);
    QCOMPARE(pool.made(), 2);
    SpeechRecognizer::Options company = options;
    company.extraWords = {QStringLiteral("pineapple")};
    auto kind = pool.take(company, 3); // another kind of decoder: made anew
    QVERIFY(kind);
    QCOMPARE(pool.made(), 3);

    // Idle past its time (here at once), a decoder is freed the next time the pool is used.
    RecognizerPool brief(4, 0);
    auto lent = brief.take(options, 1);
    QVERIFY(lent);
    brief.give(std::move(*lent), options, 1);
    QCOMPARE(brief.idle(), 1);
    QVERIFY(brief.take(options, 1));
    QCOMPARE(brief.made(), 2);
    QCOMPARE(brief.idle(), 0);
}

// voice/readyDecoders: made ahead on the pool's threads, lent without loading anything, and kept
// however long they are idle and whatever maxIdle says; those beyond the number kept go as before.
void TestDecoderPool::readyDecodersAreMadeAheadAndKept()
{
    DecoderPool decoders(2, 1);
    const SpeechRecognizer::Options options;
    decoders.keepReady(2, options);
    QVERIFY(decoders.waitForDone(60000));
    RecognizerPool &pool = decoders.recognizers();
    QCOMPARE(pool.made(), 2);
    QCOMPARE(pool.idle(), 2);
    auto a = pool.take(options, 1);
    auto b = pool.take(options, 2);
    QVERIFY(a && b);
    QCOMPARE(pool.made(), 2); // both were ready
    auto c = pool.take(options, 3);
    QVERIFY(c);
    QCOMPARE(pool.made(), 3); // a third caller waits for one to load
    pool.give(std::move(*a), options, 1);
    pool.give(std::move(*b), options, 2);
    pool.give(std::move(*c), options, 3);
    QCOMPARE(pool.idle(), 2); // maxIdle is 1, but two are kept ready: the third is freed
    QVERIFY(pool.prepare().ok()); // enough are made: nothing more
    QCOMPARE(pool.made(), 3);

    RecognizerPool brief(1, 0); // idle past its time at once
    brief.keepReady(1, options);
    QVERIFY(brief.prepare().ok());
    QCOMPARE(brief.made(), 1);
    auto lent = brief.take(options, 1);
    auto second = brief.take(options, 2);
    QVERIFY(lent && second);
    brief.give(std::move(*lent), options, 1);
    brief.give(std::move(*second), options, 2);
    QCOMPARE(brief.idle(), 1); // maxIdle
    QVERIFY(brief.take(options, 3)); // idle past its time, but kept: lent, not freed
    QCOMPARE(brief.made(), 2);
    QCOMPARE(brief.idle(), 0);
}

// Lanes whose decoders share a language model (a gate): while A's job holds the gate on one
// thread, the other thread that comes to B (gated too) runs C meanwhile instead of waiting for the
// gate, and B runs once A is done.
void TestDecoderPool::aLaneWhoseGateIsTakenLetsAnotherRun()
{
    DecoderPool pool(2);
    const auto gate = std::make_shared<std::recursive_mutex>();
    std::mutex mutex;
    std::condition_variable release;
    bool releaseA = false, releaseD = false;
    std::atomic<int> holding{0};
    std::atomic<int> noted{0};
    std::vector<QString> order;
    std::mutex orderMutex;
    const auto note = [&](const char *what) {
        const std::lock_guard<std::mutex> guard(orderMutex);
        order.push_back(QString::fromLatin1(what));
        ++noted;
    };
    const auto holdUntil = [&](bool &released) {
        ++holding;
        std::unique_lock<std::mutex> lock(mutex);
        release.wait(lock, [&] { return released; });
    };
    const auto let = [&](bool &released) {
        {
            const std::lock_guard<std::mutex> guard(mutex);
            released = true;
        }
        release.notify_all();
    };
    auto a = pool.openLane();
    auto b = pool.openLane();
    auto c = pool.openLane();
    auto d = pool.openLane();
    a->setGate(gate);
    b->setGate(gate);
    a->post([&] {
        holdUntil(releaseA);
        note("a");
    });
    d->post([&] {
        holdUntil(releaseD);
        note("d");
    });
    QTRY_COMPARE_WITH_TIMEOUT(holding.load(), 2, 10000); // both threads busy
    b->post([&] { note("b"); });
    c->post([&] { note("c"); });
    let(releaseD); // the thread comes to B first: its gate is A's
    QTRY_COMPARE_WITH_TIMEOUT(noted.load(), 2, 10000);
    {
        const std::lock_guard<std::mutex> guard(orderMutex);
        QCOMPARE(order, (std::vector<QString>{QStringLiteral("d"), QStringLiteral("c")}));
    }
    let(releaseA);
    QVERIFY(pool.waitForDone(10000));
    QCOMPARE(order,
        (std::vector<QString>{QStringLiteral("d"), QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b")}));
}

QTEST_GUILESS_MAIN(TestDecoderPool)
#include "tst_decoderpool.moc"
