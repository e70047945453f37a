#include "core/store/CallRepo.h"
#include "core/store/Store.h"
#include "tests/support/TestStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;

// The calls table (migration 26): a call's row replaced as it goes; the recordings a session, a
// sweep and an erased customer find; and the call figures of the analytics for a known set of
// calls (per queue: answered, abandoned, times to answer and handle; the AI's own calls).
class TestCallRepo : public QObject {
    Q_OBJECT

private slots:
    void init();
    void putReplacesTheCallsRow();
    void recordingsAreFoundBySessionAgeAndCustomer();
    void forgettingARecordingKeepsTheCall();
    void summaryOfAKnownSetOfCalls();
    void summaryOfNoCallsIsZero();

private:
    static constexpr qint64 kT0 = 1766145600000; // 2025-12-19T12:00:00Z
    CallRecord call(const QString &id, const QString &session, qint64 startOffsetSecs) const;
    bool addSession(const QString &id, const QString &company, const QString &customer);

    QTemporaryDir m_dir;
    std::unique_ptr<Store> m_store;
};

void TestCallRepo::init()
{
    m_store.reset();
    QVERIFY(m_dir.isValid());
    QFile::remove(m_dir.filePath(QStringLiteral("calls.db")));
    auto store = test::openTestStore(m_dir.filePath(QStringLiteral("calls.db")));
    QVERIFY(store.ok());
    m_store = std::move(store.value());
    QVERIFY(m_store->batch().run([&] {
        return m_store->companies().insert({QStringLiteral("co"), QStringLiteral("Co"), kT0, CsConfig::defaults()})
            && m_store->companies().insert(
                {QStringLiteral("other"), QStringLiteral("Other"), kT0, CsConfig::defaults()});
    }));
}

CallRecord TestCallRepo::call(const QString &id, const QString &session, qint64 startOffsetSecs) const
{
    CallRecord c;
    c.id = id;
    c.companyId = QStringLiteral("co");
    c.sessionId = session;
    c.door = QStringLiteral("web");
    c.startedAt = kT0 + startOffsetSecs * 1000;
    return c;
}

bool TestCallRepo::addSession(const QString &id, const QString &company, const QString &customer)
{
    return m_store->batch()
        .run([&]() -> Status {
            Customer c;
            c.id = customer;
            c.companyId = company;
            c.name = QStringLiteral("Caller");
            if (const Status ok = m_store->customers().upsert(c, kT0); !ok)
                return ok;
            Session s;
            s.id = id;
            s.companyId = company;
            s.customerId = customer;
            s.channel = Channel::Voice;
            s.createdAt = s.updatedAt = s.lastActivityAt = kT0;
            return m_store->sessions().insert(s);
        })
        .ok();
}

void TestCallRepo::putReplacesTheCallsRow()
{
    CallRepo &calls = m_store->calls();
    CallRecord c = call(QStringLiteral("call_1"), QStringLiteral("s1"), 0);
    c.callerNumber = QStringLiteral("+15550100");
    QVERIFY(m_store->batch().run([&] { return calls.put(c); }));
    c.queuedAt = c.startedAt + 5000;
    c.queue = QStringLiteral("orders");
    c.answeredAt = c.startedAt + 35000;
    c.agentId = QStringLiteral("agent_1");
    c.endedAt = c.startedAt + 95000;
    c.endReason = QStringLiteral("hangup");
    c.recordingPath = QStringLiteral("recordings/co/s1-call_1.wav");
    c.recordingBytes = 1000044;
    QVERIFY(m_store->batch().run([&] { return calls.put(c); }));
    const std::optional<CallRecord> found = calls.find(QStringLiteral("call_1"));
    QVERIFY(found);
    QCOMPARE(found->callerNumber, QStringLiteral("+15550100"));
    QCOMPARE(found->queue, QStringLiteral("orders"));
    QCOMPARE(found->answeredAt - found->queuedAt, 30000);
    QCOMPARE(found->agentId, QStringLiteral("agent_1"));
    QCOMPARE(found->endReason, QStringLiteral("hangup"));
    QVERIFY(!found->aiAlone);
    QVERIFY(!found->abandoned);
    QCOMPARE(found->recordingBytes, 1000044);
    QVERIFY(!calls.find(QStringLiteral("call_2")));
}

void TestCallRepo::recordingsAreFoundBySessionAgeAndCustomer()
{
    QVERIFY(addSession(QStringLiteral("s1"), QStringLiteral("co"), QStringLiteral("cust_a")));
    QVERIFY(addSession(QStringLiteral("s2"), QStringLiteral("co"), QStringLiteral("cust_b")));
    CallRepo &calls = m_store->calls();
    CallRecord older = call(QStringLiteral("call_1"), QStringLiteral("s1"), 0);
    older.endedAt = older.startedAt + 60000;
    older.recordingPath = QStringLiteral("recordings/co/s1-call_1.wav");
    CallRecord newer = call(QStringLiteral("call_2"), QStringLiteral("s1"), 3600);
    newer.endedAt = newer.startedAt + 60000;
    newer.recordingPath = QStringLiteral("recordings/co/s1-call_2.wav");
    CallRecord unrecorded = call(QStringLiteral("call_3"), QStringLiteral("s2"), 0);
    unrecorded.endedAt = unrecorded.startedAt + 1000;
    CallRecord underWay = call(QStringLiteral("call_4"), QStringLiteral("s2"), 0);
    underWay.recordingPath = QStringLiteral("recordings/co/s2-call_4.wav");
    QVERIFY(m_store->batch().run(
        [&] { return calls.put(older) && calls.put(newer) && calls.put(unrecorded) && calls.put(underWay); }));

    const auto ofSession = calls.recordedOfSession(QStringLiteral("co"), QStringLiteral("s1"));
    QVERIFY(ofSession);
    QCOMPARE(ofSession->id, QStringLiteral("call_2")); // the newest
    QVERIFY(!calls.recordedOfSession(QStringLiteral("other"), QStringLiteral("s1")));
    // Ended before the cut: only the older call (a call under way has not ended).
    const QList<CallRecord> old = calls.recordedBefore(kT0 + 3600 * 1000);
    QCOMPARE(old.size(), 1);
    QCOMPARE(old.first().id, QStringLiteral("call_1"));
    QCOMPARE(calls.recordedBefore(kT0 + 10 * 3600 * 1000).size(), 2);
    // The customer's: through their sessions, in their company only.
    QCOMPARE(calls.recordedOfCustomer(QStringLiteral("co"), QStringLiteral("cust_a")).size(), 2);
    QCOMPARE(calls.recordedOfCustomer(QStringLiteral("co"), QStringLiteral("cust_b")).size(), 1);
    QCOMPARE(calls.recordedOfCustomer(QStringLiteral("other"), QStringLiteral("cust_a")).size(), 0);
    QCOMPARE(calls.recordedOfErasedCustomers().size(), 0);
    QVERIFY(m_store->batch().run(
        [&] { return m_store->customerAdmin().erase(QStringLiteral("co"), QStringLiteral("cust_b"), kT0 + 1); }));
    const QList<CallRecord> erased = calls.recordedOfErasedCustomers();
    QCOMPARE(erased.size(), 1);
    QCOMPARE(erased.first().id, QStringLiteral("call_4"));
}

void TestCallRepo::forgettingARecordingKeepsTheCall()
{
    CallRepo &calls = m_store->calls();
    CallRecord c = call(QStringLiteral("call_1"), QStringLiteral("s1"), 0);
    c.endedAt = c.startedAt + 1000;
    c.recordingPath = QStringLiteral("recordings/co/s1-call_1.wav");
    c.recordingBytes = 64044;
    QVERIFY(m_store->batch().run([&] { return calls.put(c); }));
    QVERIFY(m_store->batch().run([&] { return calls.forgetRecording(c.id); }));
    const auto found = calls.find(c.id);
    QVERIFY(found);
    QVERIFY(found->recordingPath.isEmpty());
    QCOMPARE(found->recordingBytes, 0);
    QCOMPARE(found->endedAt, c.endedAt);
    QVERIFY(!calls.recordedOfSession(QStringLiteral("co"), QStringLiteral("s1")));
}

void TestCallRepo::summaryOfAKnownSetOfCalls()
{
    CallRepo &calls = m_store->calls();
    QList<CallRecord> set;
    // The AI finished two alone.
    for (const QString &id : {QStringLiteral("ai_1"), QStringLiteral("ai_2")}) {
        CallRecord c = call(id, id, 10);
        c.endedAt = c.startedAt + 40000;
        c.aiAlone = true;
        set << c;
    }
    // orders: answered after 10 s (handled 60 s), 30 s (handled 120 s) and 50 s (still talking);
    // one caller hung up in line.
    const struct {
        const char *id;
        qint64 waitSecs; // -1: not answered
        qint64 handleSecs; // -1: not ended
    } orders[] = {{"o_1", 10, 60}, {"o_2", 30, 120}, {"o_3", 50, -1}, {"o_4", -1, -1}};
    for (const auto &o : orders) {
        CallRecord c = call(QLatin1String(o.id), QLatin1String(o.id), 20);
        c.queue = QStringLiteral("orders");
        c.queuedAt = c.startedAt + 5000;
        if (o.waitSecs >= 0)
            c.answeredAt = c.queuedAt + o.waitSecs * 1000;
        if (o.handleSecs >= 0)
            c.endedAt = c.answeredAt + o.handleSecs * 1000;
        if (o.waitSecs < 0) {
            c.endedAt = c.queuedAt + 90000;
            c.abandoned = true;
        }
        set << c;
    }
    // complaints: answered after 20 s and handled 30 s.
    CallRecord complaint = call(QStringLiteral("c_1"), QStringLiteral("c_1"), 30);
    complaint.queue = QStringLiteral("complaints");
    complaint.queuedAt = complaint.startedAt + 2000;
    complaint.answeredAt = complaint.queuedAt + 20000;
    complaint.endedAt = complaint.answeredAt + 30000;
    set << complaint;
    // Outside the range, and another company's: not counted.
    CallRecord late = call(QStringLiteral("late"), QStringLiteral("late"), 7200);
    CallRecord other = call(QStringLiteral("x_1"), QStringLiteral("x_1"), 10);
    other.companyId = QStringLiteral("other");
    set << late << other;
    QVERIFY(m_store->batch().run([&] {
        for (const CallRecord &c : set)
            if (!calls.put(c))
                return false;
        return true;
    }));

    const CallsSummary s = calls.summary(QStringLiteral("co"), kT0, kT0 + 3600 * 1000);
    QCOMPARE(s.total, 7);
    QCOMPARE(s.aiAlone, 2);
    QCOMPARE(s.answered, 4);
    QCOMPARE(s.abandoned, 1);
    QCOMPARE(s.avgTimeToAnswer, 28); // (10 + 30 + 50 + 20) / 4 = 27.5
    QCOMPARE(s.medianTimeToAnswer, 25); // 10 20 | 30 50
    QCOMPARE(s.avgHandleTime, 70); // (60 + 120 + 30) / 3
    QCOMPARE(s.byQueue.size(), 2);
    const CallsSummary::QueueRow &c = s.byQueue.at(0);
    QCOMPARE(c.queue, QStringLiteral("complaints"));
    QCOMPARE(c.calls, 1);
    QCOMPARE(c.answered, 1);
    QCOMPARE(c.avgTimeToAnswer, 20);
    QCOMPARE(c.medianTimeToAnswer, 20);
    QCOMPARE(c.avgHandleTime, 30);
    const CallsSummary::QueueRow &o = s.byQueue.at(1);
    QCOMPARE(o.queue, QStringLiteral("orders"));
    QCOMPARE(o.calls, 4);
    QCOMPARE(o.answered, 3);
    QCOMPARE(o.abandoned, 1);
    QCOMPARE(o.avgTimeToAnswer, 30);
    QCOMPARE(o.medianTimeToAnswer, 30);
    QCOMPARE(o.avgHandleTime, 90);
}

void TestCallRepo::summaryOfNoCallsIsZero()
{
    const CallsSummary s = m_store->calls().summary(QStringLiteral("co"), kT0, kT0 + 1000);
    QCOMPARE(s.total, 0);
    QCOMPARE(s.medianTimeToAnswer, 0);
    QVERIFY(s.byQueue.isEmpty());
}

QTEST_GUILESS_MAIN(TestCallRepo)
#include "tst_callrepo.moc"
