// Who views which conversation and who types in it, without a server: one entry per person
// whatever their windows, typing that runs out, a reply that ends it, a closed connection.
#include "core/api/cs/SessionViewers.h"

#include <QTest>

using tierdesk::api::SessionViewers;

class TestSessionViewers : public QObject {
    Q_OBJECT

private slots:
    void onePersonTwoWindows();
    void typingRunsOutAndEndsWithAReply();
    void aConnectionViewsAtMostFifty();
};

namespace {

QString line(const SessionViewers &v, const QString &session)
{
    QStringList out;
    for (const SessionViewers::Viewer &x : v.viewers(session))
        out << x.agentId + (x.typing ? (x.internal ? QStringLiteral("*note") : QStringLiteral("*")) : QString());
    return out.join(QLatin1Char(','));
}

const int windowA = 1;
const int windowB = 2;
const int windowC = 3;

} // namespace

void TestSessionViewers::onePersonTwoWindows()
{
    SessionViewers v;
    bool changed = false;
    QVERIFY(v.view(&windowA, QStringLiteral("s1"), QStringLiteral("ann"), QStringLiteral("Ann"), &changed));
    QVERIFY(changed);
    QVERIFY(v.view(&windowB, QStringLiteral("s1"), QStringLiteral("ann"), QStringLiteral("Ann"), &changed));
    QVERIFY2(!changed, "Ann's second window changes nothing others see");
    QCOMPARE(line(v, QStringLiteral("s1")), QStringLiteral("ann"));
    QVERIFY(!v.leave(&windowA, QStringLiteral("s1"))); // still there in window B
    QCOMPARE(v.drop(&windowB), QStringList{QStringLiteral("s1")});
    QCOMPARE(line(v, QStringLiteral("s1")), QString());
    QVERIFY(!v.leave(&windowC, QStringLiteral("s1")));
}

void TestSessionViewers::typingRunsOutAndEndsWithAReply()
{
    SessionViewers v;
    bool changed = false;
    QVERIFY(
        v.type(&windowA, QStringLiteral("s1"), QStringLiteral("ann"), QStringLiteral("Ann"), false, 1000, &changed));
    QVERIFY(v.type(&windowC, QStringLiteral("s1"), QStringLiteral("bob"), QStringLiteral("Bob"), true, 3000, &changed));
    QCOMPARE(line(v, QStringLiteral("s1")), QStringLiteral("ann*,bob*note"));
    QCOMPARE(v.nextDeadline(), qint64(1000));
    QCOMPARE(v.expire(999), QStringList());
    QCOMPARE(v.expire(1000), QStringList{QStringLiteral("s1")});
    QCOMPARE(line(v, QStringLiteral("s1")), QStringLiteral("ann,bob*note"));
    QVERIFY(v.wrote(QStringLiteral("s1"), QStringLiteral("bob")));
    QCOMPARE(line(v, QStringLiteral("s1")), QStringLiteral("ann,bob"));
    QCOMPARE(v.nextDeadline(), qint64(0));
    QVERIFY(!v.wrote(QStringLiteral("s1"), QStringLiteral("bob")));
}

void TestSessionViewers::aConnectionViewsAtMostFifty()
{
    SessionViewers v;
    bool changed = false;
    for (int i = 0; i < SessionViewers::kMaxViewedPerConnection; ++i)
        QVERIFY(v.view(&windowA, QString::number(i), QStringLiteral("ann"), QStringLiteral("Ann"), &changed));
    QVERIFY(!v.view(&windowA, QStringLiteral("one more"), QStringLiteral("ann"), QStringLiteral("Ann"), &changed));
    QVERIFY(v.view(&windowA, QStringLiteral("0"), QStringLiteral("ann"), QStringLiteral("Ann"), &changed)); // again
    QCOMPARE(v.drop(&windowA).size(), SessionViewers::kMaxViewedPerConnection);
}

QTEST_GUILESS_MAIN(TestSessionViewers)
#include "tst_sessionviewers.moc"
