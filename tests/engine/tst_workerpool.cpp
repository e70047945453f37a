// WorkerPool: work handed in during one pass of the event loop runs on the pool, in
// batches, and every result comes back once, on the owner's thread; a pool that goes
// first drops what it had not handed back.
#include "core/engine/pipeline/WorkerPool.h"

#include <QSemaphore>
#include <QTest>
#include <QThread>

using namespace tierdesk;

class TestWorkerPool : public QObject {
    Q_OBJECT

private slots:
    void everyResultComesBackOnceOnTheOwnersThread()
    {
        WorkerPool pool(2);
        QList<int> results;
        bool offOwner = true, onOwner = true;
        for (int i = 0; i < 200; ++i) {
            pool.run<int>(
                [i, &offOwner, this] {
                    offOwner = offOwner && QThread::currentThread() != thread();
                    return i * i;
                },
                [&results, &onOwner, this](int square) {
                    onOwner = onOwner && QThread::currentThread() == thread();
                    results << square;
                });
        }
        QVERIFY(results.isEmpty()); // nothing runs before the event loop does
        QTRY_COMPARE(results.size(), 200);
        QVERIFY(offOwner);
        QVERIFY(onOwner);
        std::sort(results.begin(), results.end());
        for (int i = 0; i < 200; ++i)
            QCOMPARE(results.at(i), i * i);
        // Handed in later, in another pass: still answered.
        pool.run<int>([] { return 7; }, [&results](int v) { results << v; });
        QTRY_COMPARE(results.size(), 201);
    }

    void aPoolGoneFirstDropsItsResults()
    {
        int delivered = 0;
        {
            QSemaphore gate;
            WorkerPool pool(2);
            for (int i = 0; i < 50; ++i)
                pool.run<int>(
                    [&gate] {
                        gate.acquire();
                        return 1;
                    },
                    [&delivered](int v) { delivered += v; });
            // The batch goes out and waits at the gate; the results are posted back only after
            // it opens, and the pool goes (waiting for its threads) before any is handed over.
            QCoreApplication::sendPostedEvents(&pool);
            gate.release(50);
        }
        QCoreApplication::processEvents();
        QCoreApplication::processEvents();
        QCOMPARE(delivered, 0);
    }
};

QTEST_GUILESS_MAIN(TestWorkerPool)
#include "tst_workerpool.moc"
