// JsonRowsModel: live refreshes that bring back the same rows change cells only (selection
// and scroll position stay); any other answer resets the model. Checked by
// QAbstractItemModelTester throughout.
#include "ui/models/QueueStatsModel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk::ui;

class TestJsonRowsModel : public QObject {
    Q_OBJECT

private slots:
    void sameRowsChangeCellsOnly();
    void otherRowsReset();
    void longestWaitCountsOnFromTheClock();

private:
    static QJsonObject queue(const QString &name, int waiting, const QString &oldest = {})
    {
        return {{QStringLiteral("queue"), name}, {QStringLiteral("waiting"), waiting},
            {QStringLiteral("oldestWaitingSince"), oldest.isEmpty() ? QJsonValue() : QJsonValue(oldest)},
            {QStringLiteral("slaToday"),
                QJsonObject{
                    {QStringLiteral("met"), 3}, {QStringLiteral("missed"), 1}, {QStringLiteral("attainment"), 75.0}}}};
    }
};

void TestJsonRowsModel::sameRowsChangeCellsOnly()
{
    QueueStatsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({queue(QStringLiteral("orders"), 1), queue(QStringLiteral("complaints"), 0)});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setRows({queue(QStringLiteral("orders"), 4), queue(QStringLiteral("complaints"), 0)});
    QCOMPARE(reset.count(), 0);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(model.index(0, QueueStatsModel::Waiting).data().toInt(), 4);
    QCOMPARE(model.index(0, QueueStatsModel::SlaToday).data().toString(), QStringLiteral("75 % (3 of 4)"));
    QCOMPARE(model.index(0, QueueStatsModel::SlaToday).data(QueueStatsModel::ValueRole).toDouble(), 75.0);
}

void TestJsonRowsModel::otherRowsReset()
{
    QueueStatsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({queue(QStringLiteral("orders"), 1), queue(QStringLiteral("complaints"), 0)});
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setRows({queue(QStringLiteral("complaints"), 0), queue(QStringLiteral("orders"), 1)}); // reordered
    QCOMPARE(reset.count(), 1);
    model.setRows({queue(QStringLiteral("complaints"), 0)}); // one gone
    QCOMPARE(reset.count(), 2);
    QCOMPARE(model.rowOf(QStringLiteral("complaints")), 0);
    QCOMPARE(model.rowOf(QStringLiteral("orders")), -1);
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

void TestJsonRowsModel::longestWaitCountsOnFromTheClock()
{
    QueueStatsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 oldest
        = QDateTime::fromString(QStringLiteral("2026-11-24T10:00:00.000Z"), Qt::ISODateWithMs).toMSecsSinceEpoch();
    qint64 now = oldest + 65000;
    model.setClock([&now] { return now; });
    model.setRows({queue(QStringLiteral("orders"), 1, QStringLiteral("2026-11-24T10:00:00.000Z")),
        queue(QStringLiteral("complaints"), 0)});
    QCOMPARE(model.index(0, QueueStatsModel::LongestWait).data().toString(), QStringLiteral("1:05"));
    QCOMPARE(
        model.index(1, QueueStatsModel::LongestWait).data(QueueStatsModel::ValueRole).toLongLong(), -1); // nobody waits
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    now += 3600000;
    model.touchColumn(QueueStatsModel::LongestWait);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.first().at(0).toModelIndex().column(), int(QueueStatsModel::LongestWait));
    QCOMPARE(model.index(0, QueueStatsModel::LongestWait).data().toString(), QStringLiteral("1:01:05"));
}

QTEST_MAIN(TestJsonRowsModel)
#include "tst_jsonrowsmodel.moc"
