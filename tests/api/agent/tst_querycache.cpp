// QueryCache of the support agent API: its key (company, customer, the query with
// spacing and case aside), its age limit and its size limit.
#include "core/api/agent/QueryCache.h"

#include <QTest>

using tierdesk::api::QueryCache;

class TestQueryCache : public QObject {
    Q_OBJECT

private slots:
    void findsTheSameWords()
    {
        QueryCache cache;
        cache.store(QStringLiteral("co"), QStringLiteral("cu"), QStringLiteral("What are your hours?"),
            {{QStringLiteral("response"), 1}}, 1000);
        QVERIFY(
            cache.find(QStringLiteral("co"), QStringLiteral("cu"), QStringLiteral("  what ARE your\thours? "), 1000));
        QVERIFY(
            !cache.find(QStringLiteral("co"), QStringLiteral("other"), QStringLiteral("What are your hours?"), 1000));
        QVERIFY(
            !cache.find(QStringLiteral("other"), QStringLiteral("cu"), QStringLiteral("What are your hours?"), 1000));
        QVERIFY(!cache.find(QStringLiteral("co"), QStringLiteral("cu"), QStringLiteral("What are your prices?"), 1000));
    }

    void answersAgeOut()
    {
        QueryCache cache;
        cache.store(QStringLiteral("co"), QStringLiteral("cu"), QStringLiteral("q"), {}, 0);
        QVERIFY(cache.find(QStringLiteral("co"), QStringLiteral("cu"), QStringLiteral("q"), QueryCache::kMaxAgeMs));
        QVERIFY(
            !cache.find(QStringLiteral("co"), QStringLiteral("cu"), QStringLiteral("q"), QueryCache::kMaxAgeMs + 1));
        QCOMPARE(cache.size(), 0);
    }

    void theOldestGoesWhenFull()
    {
        QueryCache cache;
        for (int i = 0; i < QueryCache::kMaxEntries; ++i)
            cache.store(QStringLiteral("co"), QStringLiteral("cu"), QString::number(i), {}, 100 + i);
        QCOMPARE(cache.size(), QueryCache::kMaxEntries);
        cache.store(QStringLiteral("co"), QStringLiteral("cu"), QStringLiteral("new"), {}, 5000);
        QCOMPARE(cache.size(), QueryCache::kMaxEntries);
        QVERIFY(!cache.find(QStringLiteral("co"), QStringLiteral("cu"), QStringLiteral("0"), 5000));
        QVERIFY(cache.find(QStringLiteral("co"), QStringLiteral("cu"), QStringLiteral("1"), 5000));
        QVERIFY(cache.find(QStringLiteral("co"), QStringLiteral("cu"), QStringLiteral("new"), 5000));
    }
};

QTEST_GUILESS_MAIN(TestQueryCache)
#include "tst_querycache.moc"
