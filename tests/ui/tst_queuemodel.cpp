// QueueModel and QueueFilterModel with the contract's QueueItems and events.
#include "tests/ui/DeskJson.h"
#include "ui/models/QueueFilterModel.h"
#include "ui/models/QueueModel.h"

#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk::ui;
using namespace tierdesk::test;

namespace {

qint64 at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QJsonArray threeItems()
{
    QueueItemSpec a = spec(QStringLiteral("sess_a"));
    QueueItemSpec b = spec(QStringLiteral("sess_b"));
    b.priority = QStringLiteral("urgent");
    b.queue = QStringLiteral("complaints");
    b.vip = true;
    b.customerName = QStringLiteral("Ada Lovelace");
    QueueItemSpec c = spec(QStringLiteral("sess_c"));
    c.priority = QStringLiteral("low");
    c.slaState = QStringLiteral("breached");
    c.assigneeId = QStringLiteral("agt_1");
    c.assigneeName = QStringLiteral("Sam Agent");
    c.summary = QStringLiteral("Refund for a broken kettle");
    return {queueItem(a), queueItem(b), queueItem(c)};
}

} // namespace

class TestQueueModel : public QObject {
    Q_OBJECT

private slots:
    void passesTheModelTesterThroughEvents();
    void showsTheQueueItem();
    void eventsChangeRowsOneByOne();
    void tickRefreshesOnlyTheTimeColumns();
    void slaTurnsBreachedWhenTheDeadlinePasses();
    void defaultOrderIsBreachedThenPriorityThenOldest();
    void filtersNarrowTheQueue();
    void countsFollowEvents();
    void snoozedItemSaysUntilWhen();
    void slaNoteIsTheSlaColumnsTooltip();
    void webVisitorsAreNamedNotNumbered();
};

void TestQueueModel::passesTheModelTesterThroughEvents()
{
    QueueModel model;
    model.setClock([] { return at("2025-03-01T10:05:00.000Z"); });
    QueueFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(QueueModel::Priority);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setItems(threeItems());
    QueueItemSpec d = spec(QStringLiteral("sess_d"));
    QueueItemSpec b = spec(QStringLiteral("sess_b"));
    b.assigneeId = QStringLiteral("agt_2");
    model.applyEvents({wsEvent(QStringLiteral("queue.added"), QStringLiteral("sess_d"), queueItem(d)),
        wsEvent(QStringLiteral("queue.updated"), QStringLiteral("sess_b"), queueItem(b)),
        wsEvent(QStringLiteral("queue.removed"), QStringLiteral("sess_a"),
            {{QStringLiteral("sessionId"), QStringLiteral("sess_a")}}),
        wsEvent(QStringLiteral("sla.breached"), QStringLiteral("sess_d"), queueItem(d))});
    proxy.setSearchText(QStringLiteral("ben"));
    proxy.setUnassignedOnly(true);
    model.tick();
    proxy.setSearchText({});
    model.setItems({});
    QCOMPARE(model.rowCount(), 0);
}

void TestQueueModel::showsTheQueueItem()
{
    QueueModel model;
    model.setClock([] { return at("2025-03-01T10:05:00.000Z"); });
    model.setItems(threeItems());
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.columnCount(), 10);
    const int b = model.rowOf(QStringLiteral("sess_b"));
    QCOMPARE(model.index(b, QueueModel::Priority).data().toString(), QStringLiteral("Urgent"));
    QCOMPARE(model.index(b, QueueModel::Customer).data().toString(), QStringLiteral("★ Ada Lovelace"));
    QVERIFY(model.index(b, QueueModel::Customer).data(QueueModel::VipRole).toBool());
    QCOMPARE(model.index(b, QueueModel::Queue).data().toString(), QStringLiteral("Complaints"));
    QCOMPARE(model.index(b, QueueModel::Reason).data().toString(), QStringLiteral("Irate customer"));
    QCOMPARE(model.index(b, QueueModel::Sentiment).data().toString(), QStringLiteral("Angry"));
    QCOMPARE(model.index(b, QueueModel::Waiting).data().toString(), QStringLiteral("5:00"));
    QCOMPARE(model.index(b, QueueModel::Sla).data().toString(), QStringLiteral("10:00")); // first response due 10:15
    QCOMPARE(model.index(b, QueueModel::Assignee).data().toString(), QStringLiteral("—"));
    QCOMPARE(model.index(b, QueueModel::Summary).data().toString(), QStringLiteral("Parcel not delivered"));
    const int c = model.rowOf(QStringLiteral("sess_c"));
    QCOMPARE(model.index(c, QueueModel::Assignee).data().toString(), QStringLiteral("Sam Agent"));
    QCOMPARE(model.index(c, QueueModel::Sla).data(QueueModel::SlaStateRole).toString(), QStringLiteral("breached"));
    QVERIFY(model.index(c, QueueModel::Sla).data(Qt::BackgroundRole).isValid());
    QVERIFY(!model.index(b, QueueModel::Sla).data(Qt::BackgroundRole).isValid()); // ok: neutral
    QCOMPARE(model.headerData(QueueModel::Sla, Qt::Horizontal).toString(), QStringLiteral("SLA"));
    // Once answered, the countdown runs to the resolution deadline.
    QueueItemSpec answered = spec(QStringLiteral("sess_b"));
    answered.firstResponseAt = QStringLiteral("2025-03-01T10:02:00.000Z");
    model.applyEvents({wsEvent(QStringLiteral("queue.updated"), QStringLiteral("sess_b"), queueItem(answered))});
    QCOMPARE(model.index(b, QueueModel::Sla).data().toString(), QStringLiteral("3:55:00"));
}

void TestQueueModel::eventsChangeRowsOneByOne()
{
    QueueModel model;
    model.setClock([] { return at("2025-03-01T10:05:00.000Z"); });
    model.setItems(threeItems());
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    QueueItemSpec d = spec(QStringLiteral("sess_d"));
    model.applyEvents({wsEvent(QStringLiteral("queue.added"), QStringLiteral("sess_d"), queueItem(d))});
    QCOMPARE(inserted.size(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 3);
    QCOMPARE(model.rowOf(QStringLiteral("sess_d")), 3);

    // An added event for a row we have is an update, not a second row.
    d.assigneeId = QStringLiteral("agt_9");
    d.assigneeName = QStringLiteral("Kim");
    model.applyEvents({wsEvent(QStringLiteral("queue.added"), QStringLiteral("sess_d"), queueItem(d))});
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(3, QueueModel::Assignee).data().toString(), QStringLiteral("Kim"));

    model.applyEvents({wsEvent(QStringLiteral("queue.removed"), QStringLiteral("sess_a"),
        {{QStringLiteral("sessionId"), QStringLiteral("sess_a")}})});
    QCOMPARE(removed.size(), 1);
    QCOMPARE(removed.first().at(1).toInt(), 0);
    QCOMPARE(model.rowOf(QStringLiteral("sess_a")), -1);
    QCOMPARE(model.rowOf(QStringLiteral("sess_d")), 2); // the index follows the removal

    QueueItemSpec warn = spec(QStringLiteral("sess_b"));
    warn.slaState = QStringLiteral("warning");
    model.applyEvents({wsEvent(QStringLiteral("sla.warning"), QStringLiteral("sess_b"), queueItem(warn)),
        wsEvent(QStringLiteral("message"), QStringLiteral("sess_b"), {}),
        wsEvent(QStringLiteral("queue.removed"), QStringLiteral("sess_zz"),
            {{QStringLiteral("sessionId"), QStringLiteral("sess_zz")}})});
    QCOMPARE(model.index(model.rowOf(QStringLiteral("sess_b")), 0).data(QueueModel::SlaStateRole).toString(),
        QStringLiteral("warning"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(reset.size(), 0);
}

void TestQueueModel::tickRefreshesOnlyTheTimeColumns()
{
    QueueModel model;
    qint64 now = at("2025-03-01T10:05:00.000Z");
    model.setClock([&now] { return now; });
    model.setItems(threeItems());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    now += 1000;
    model.tick();
    QCOMPARE(reset.size(), 0);
    QCOMPARE(changed.size(), 2);
    QSet<int> columns;
    for (const auto &args : changed) {
        const QModelIndex tl = args.at(0).toModelIndex();
        const QModelIndex br = args.at(1).toModelIndex();
        QCOMPARE(tl.column(), br.column());
        QCOMPARE(tl.row(), 0);
        QCOMPARE(br.row(), 2);
        columns.insert(tl.column());
    }
    QCOMPARE(columns, (QSet<int>{QueueModel::Sla, QueueModel::Waiting}));
    QCOMPARE(model.index(0, QueueModel::Sla).data().toString(), QStringLiteral("9:59"));
    QCOMPARE(model.index(0, QueueModel::Waiting).data().toString(), QStringLiteral("5:01"));
}

void TestQueueModel::slaTurnsBreachedWhenTheDeadlinePasses()
{
    QueueModel model;
    qint64 now = at("2025-03-01T10:14:59.000Z");
    model.setClock([&now] { return now; });
    model.setItems({queueItem(spec(QStringLiteral("sess_a")))});
    QCOMPARE(model.index(0, QueueModel::Sla).data(QueueModel::SlaStateRole).toString(), QStringLiteral("ok"));
    QCOMPARE(model.counts().breached, 0);
    now = at("2025-03-01T10:17:05.000Z");
    model.tick();
    QCOMPARE(model.index(0, QueueModel::Sla).data(QueueModel::SlaStateRole).toString(), QStringLiteral("breached"));
    QCOMPARE(model.index(0, QueueModel::Sla).data().toString(), QStringLiteral("2:05 late"));
    QCOMPARE(model.counts().breached, 1);
}

void TestQueueModel::defaultOrderIsBreachedThenPriorityThenOldest()
{
    QueueModel model;
    model.setClock([] { return at("2025-03-01T10:05:00.000Z"); });
    QJsonArray items = threeItems();
    QueueItemSpec older = spec(QStringLiteral("sess_older"));
    older.queuedAt = QStringLiteral("2025-03-01T09:00:00.000Z");
    older.firstResponseDue = QStringLiteral("2025-03-01T11:00:00.000Z");
    items.append(queueItem(older));
    model.setItems(items);
    QueueFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(QueueModel::Priority);
    QStringList order;
    for (int r = 0; r < proxy.rowCount(); ++r)
        order << proxy.index(r, 0).data(QueueModel::SessionIdRole).toString();
    QCOMPARE(order,
        (QStringList{QStringLiteral("sess_c"), QStringLiteral("sess_b"), QStringLiteral("sess_older"),
            QStringLiteral("sess_a")}));
    // A new urgent escalation lands in its place, not at the end.
    QueueItemSpec urgent = spec(QStringLiteral("sess_u"));
    urgent.priority = QStringLiteral("urgent");
    urgent.queuedAt = QStringLiteral("2025-03-01T09:30:00.000Z");
    model.applyEvents({wsEvent(QStringLiteral("queue.added"), QStringLiteral("sess_u"), queueItem(urgent))});
    QCOMPARE(proxy.index(1, 0).data(QueueModel::SessionIdRole).toString(), QStringLiteral("sess_u"));
}

void TestQueueModel::filtersNarrowTheQueue()
{
    QueueModel model;
    model.setItems(threeItems());
    QueueFilterModel proxy;
    proxy.setSourceModel(&model);
    QCOMPARE(proxy.rowCount(), 3);
    proxy.setQueue(QStringLiteral("complaints"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(QueueModel::SessionIdRole).toString(), QStringLiteral("sess_b"));
    proxy.setQueue({});
    proxy.setPriority(QStringLiteral("low"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setPriority({});
    proxy.setUnassignedOnly(true);
    QCOMPARE(proxy.rowCount(), 2);
    proxy.setUnassignedOnly(false);
    proxy.setMineOnly(true);
    QCOMPARE(proxy.rowCount(), 0); // nobody logged in: nothing is mine
    proxy.setAgentId(QStringLiteral("agt_1"));
    QCOMPARE(proxy.rowCount(), 1);
    proxy.setMineOnly(false);
    proxy.setSearchText(QStringLiteral("  KETTLE refund "));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(QueueModel::SessionIdRole).toString(), QStringLiteral("sess_c"));
    proxy.setSearchText(QStringLiteral("ada"));
    QCOMPARE(proxy.index(0, 0).data(QueueModel::SessionIdRole).toString(), QStringLiteral("sess_b"));
    proxy.setSearchText(QStringLiteral("nobody-by-this-name"));
    QCOMPARE(proxy.rowCount(), 0);
}

void TestQueueModel::countsFollowEvents()
{
    QueueModel model;
    model.setClock([] { return at("2025-03-01T10:05:00.000Z"); });
    QSignalSpy counts(&model, &QueueModel::countsChanged);
    model.setItems(threeItems());
    QCOMPARE(model.counts().waiting, 2);
    QCOMPARE(model.counts().claimed, 1);
    QCOMPARE(model.counts().breached, 1);
    model.applyEvents({wsEvent(QStringLiteral("queue.removed"), QStringLiteral("sess_c"),
        {{QStringLiteral("sessionId"), QStringLiteral("sess_c")}})});
    QCOMPARE(counts.size(), 2);
    QCOMPARE(model.counts().claimed, 0);
    QCOMPARE(model.counts().breached, 0);
}

void TestQueueModel::snoozedItemSaysUntilWhen()
{
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
    QueueModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QDateTime now(QDate(2026, 11, 25), QTime(10, 0));
    model.setClock([now] { return now.toMSecsSinceEpoch(); });
    QJsonObject snoozed = queueItem(spec(QStringLiteral("sess_s")));
    snoozed.insert(QStringLiteral("snoozedUntil"), now.addDays(1).toUTC().toString(Qt::ISODateWithMs));
    QJsonObject waiting = queueItem(spec(QStringLiteral("sess_w")));
    waiting.insert(QStringLiteral("snoozedUntil"), QJsonValue::Null);
    model.setItems({snoozed, waiting});
    const int s = model.rowOf(QStringLiteral("sess_s"));
    QCOMPARE(model.index(s, QueueModel::SnoozedUntil).data().toString(), QStringLiteral("until tomorrow 10:00"));
    QVERIFY(
        model.index(s, QueueModel::SnoozedUntil).data(Qt::ToolTipRole).toString().contains(QLatin1String("customer")));
    QCOMPARE(model.index(model.rowOf(QStringLiteral("sess_w")), QueueModel::SnoozedUntil).data().toString(), QString());
    QCOMPARE(model.headerData(QueueModel::SnoozedUntil, Qt::Horizontal).toString(), QStringLiteral("Snoozed"));
    QCOMPARE(model.headerData(QueueModel::Assignee, Qt::Horizontal).toString(), QStringLiteral("Holder"));
    QLocale::setDefault(QLocale::c());
}

void TestQueueModel::slaNoteIsTheSlaColumnsTooltip()
{
    QueueModel model;
    model.setItems(threeItems());
    QCOMPARE(model.index(0, QueueModel::Sla).data(Qt::ToolTipRole), QVariant());
    QSignalSpy header(&model, &QAbstractItemModel::headerDataChanged);
    model.setSlaNote(QStringLiteral("Due times count only open hours"));
    QCOMPARE(header.count(), 1);
    QCOMPARE(model.index(0, QueueModel::Sla).data(Qt::ToolTipRole).toString(),
        QStringLiteral("Due times count only open hours"));
    QCOMPARE(model.headerData(QueueModel::Sla, Qt::Horizontal, Qt::ToolTipRole).toString(),
        QStringLiteral("Due times count only open hours"));
}

void TestQueueModel::webVisitorsAreNamedNotNumbered()
{
    QJsonObject named = queueItem(spec(QStringLiteral("sess_named")));
    named.insert(QStringLiteral("customer"),
        QJsonObject{{QStringLiteral("id"), QStringLiteral("visitor_029e7c6ba1b2c3d4e5f6")},
            {QStringLiteral("name"), QStringLiteral("Maria Lopez")}});
    QJsonObject anonymous = queueItem(spec(QStringLiteral("sess_anonymous")));
    anonymous.insert(QStringLiteral("customer"),
        QJsonObject{{QStringLiteral("id"), QStringLiteral("visitor_029e7c6ba1b2c3d4e5f6")},
            {QStringLiteral("name"), QString()}});
    QueueModel model;
    model.setItems(QJsonArray{named, anonymous});
    QCOMPARE(model.index(model.rowOf(QStringLiteral("sess_named")), QueueModel::Customer).data().toString(),
        QStringLiteral("Maria Lopez"));
    const QString shown
        = model.index(model.rowOf(QStringLiteral("sess_anonymous")), QueueModel::Customer).data().toString();
    QVERIFY2(shown.startsWith(QLatin1String("Web visitor")) && !shown.contains(QLatin1String("visitor_")),
        qPrintable(shown));
}

QTEST_MAIN(TestQueueModel)
#include "tst_queuemodel.moc"
