// One source's share of the SIP door (SourceLimits): calls under way, INVITEs a minute, the
// Retry-After a flooding source is told, one log line a window, and a table that stays bounded
// when every INVITE comes from another address. Times are given, never waited for.
#include "core/voice/SourceLimits.h"

#include <QTest>

using tierdesk::voice::SourceLimits;
using Verdict = SourceLimits::Verdict;

class TestSourceLimits : public QObject {
    Q_OBJECT

private slots:
    void callsUnderWayAreCapped()
    {
        SourceLimits limits({4, 30});
        QCOMPARE(limits.admit(QStringLiteral("192.0.2.1"), 3, 0), Verdict::Allowed);
        QCOMPARE(limits.admit(QStringLiteral("192.0.2.1"), 4, 10), Verdict::TooManyCalls);
        // Another address has its own share.
        QCOMPARE(limits.admit(QStringLiteral("192.0.2.2"), 0, 20), Verdict::Allowed);
    }

    void aFloodIsRefusedUntilItStops()
    {
        SourceLimits limits({4, 30});
        const QString flood = QStringLiteral("198.51.100.7");
        for (int i = 0; i < 30; ++i)
            QCOMPARE(limits.admit(flood, 0, i * 100), Verdict::Allowed);
        QCOMPARE(limits.admit(flood, 0, 3000), Verdict::TooManyInvites);
        // The refusal pushed the INVITE at 0 ms out; the oldest kept (100 ms) leaves the window at 60.1 s.
        QCOMPARE(limits.retryAfterSecs(flood, 3000), 58);
        QCOMPARE(limits.admit(QStringLiteral("198.51.100.8"), 0, 3000), Verdict::Allowed);
        // Still flooding, still refused: each attempt counts.
        for (int i = 0; i < 100; ++i)
            QCOMPARE(limits.admit(flood, 0, 3000 + i * 500), Verdict::TooManyInvites);
        // A minute of quiet after the last attempt (at 52.5 s), and the source is welcome again.
        QCOMPARE(limits.admit(flood, 0, 52500 + SourceLimits::kWindowMs), Verdict::Allowed);
    }

    void retryAfterIsAtLeastOneSecond()
    {
        SourceLimits limits({4, 1});
        QCOMPARE(limits.admit(QStringLiteral("a"), 0, 0), Verdict::Allowed);
        QCOMPARE(limits.admit(QStringLiteral("a"), 0, 59999), Verdict::TooManyInvites);
        QCOMPARE(limits.retryAfterSecs(QStringLiteral("a"), 59999), 60); // the refused one is the oldest now
        QCOMPARE(limits.retryAfterSecs(QStringLiteral("unknown"), 0), 1);
    }

    void aRefusalIsLoggedOnceAWindow()
    {
        SourceLimits limits({4, 30});
        QVERIFY(limits.tell(QStringLiteral("a"), 0));
        QVERIFY(!limits.tell(QStringLiteral("a"), 59999));
        QVERIFY(limits.tell(QStringLiteral("b"), 100));
        QVERIFY(limits.tell(QStringLiteral("a"), 60000));
    }

    void theTableStaysBounded()
    {
        SourceLimits limits({4, 30});
        for (int i = 0; i < SourceLimits::kMaxSources * 3; ++i)
            QCOMPARE(limits.admit(QStringLiteral("10.%1.%2.%3").arg(i >> 16).arg((i >> 8) & 255).arg(i & 255), 0, i),
                Verdict::Allowed);
        QVERIFY(limits.sources() <= SourceLimits::kMaxSources);
        // A busy source is kept over the quiet ones.
        SourceLimits busy({4, 3});
        for (int i = 0; i < 3; ++i)
            busy.admit(QStringLiteral("busy"), 0, i);
        for (int i = 0; i < SourceLimits::kMaxSources; ++i)
            busy.admit(QStringLiteral("quiet-%1").arg(i), 0, 10);
        QCOMPARE(busy.admit(QStringLiteral("busy"), 0, 20), Verdict::TooManyInvites);
    }
};

QTEST_APPLESS_MAIN(TestSourceLimits)
#include "tst_sourcelimits.moc"
