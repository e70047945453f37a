// CustomersModel: a page of GET /api/cs/customers with its place in the whole result ("1–2 of
// 5 customers"), next and previous, money and VIP as the console shows them, erased customers
// dimmed; and CustomerSessionsModel, a customer's conversations. Both checked by
// QAbstractItemModelTester throughout.
#include "ui/ConsoleLanguage.h"
#include "ui/models/CustomersModel.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QBrush>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk::ui;

namespace {

QJsonObject customer(const QString &id, const QString &name, double value, bool vip = false)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name},
        {QStringLiteral("email"), QString(id + QStringLiteral("@example.com"))},
        {QStringLiteral("phone"), QStringLiteral("+4930123456")}, {QStringLiteral("tier"), QStringLiteral("GOLD")},
        {QStringLiteral("lifetimeValue"), value}, {QStringLiteral("isVIP"), vip}, {QStringLiteral("creditBalance"), 0},
        {QStringLiteral("attributes"), QJsonObject{}}};
}

QJsonObject page(const QJsonArray &customers, int total, int offset, int limit = 2)
{
    return {{QStringLiteral("customers"), customers}, {QStringLiteral("total"), total},
        {QStringLiteral("offset"), offset}, {QStringLiteral("limit"), limit}};
}

} // namespace

class TestCustomersModel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // English with its plural forms, and US number formats.
        ConsoleLanguage::install(qApp, QLocale(QLocale::English));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }
    void pagesSayWhereTheyAre();
    void cellsAsTheConsoleShowsThem();
    void erasedCustomersDimmed();
    void conversationsOfACustomer();
};

void TestCustomersModel::pagesSayWhereTheyAre()
{
    CustomersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rangeText(), QStringLiteral("No customers"));
    QVERIFY(!model.hasNext() && !model.hasPrevious());

    model.setPage(page({customer(QStringLiteral("c1"), QStringLiteral("Alice"), 10),
                           customer(QStringLiteral("c2"), QStringLiteral("Ben"), 20)},
        5, 0));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(CustomersModel::ColumnCount));
    QCOMPARE(model.rangeText(), QStringLiteral("1–2 of 5 customers"));
    QVERIFY(model.hasNext());
    QVERIFY(!model.hasPrevious());

    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    model.setPage(page({customer(QStringLiteral("c5"), QStringLiteral("Emma"), 50)}, 5, 4));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(model.rangeText(), QStringLiteral("5–5 of 5 customers"));
    QVERIFY(!model.hasNext());
    QVERIFY(model.hasPrevious());
    QCOMPARE(model.offset(), 4);
    QCOMPARE(model.total(), 5);
    QCOMPARE(model.rowOf(QStringLiteral("c5")), 0);

    model.setPage(page({customer(QStringLiteral("c1"), QStringLiteral("Alice"), 10)}, 1, 0));
    QCOMPARE(model.rangeText(), QStringLiteral("1–1 of 1 customer"));
    model.setPage(page({}, 0, 0));
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.rangeText(), QStringLiteral("No customers"));
}

void TestCustomersModel::cellsAsTheConsoleShowsThem()
{
    CustomersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPage(page({customer(QStringLiteral("cust_alice"), QStringLiteral("Alice Moreno"), 2450, true),
                           customer(QStringLiteral("cust_ben"), QStringLiteral("Ben Okafor"), 640.5)},
        2, 0));
    const auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
    QCOMPARE(model.headerData(CustomersModel::Email, Qt::Horizontal).toString(), QStringLiteral("E-mail"));
    QCOMPARE(cell(0, CustomersModel::Name), QStringLiteral("Alice Moreno"));
    QCOMPARE(cell(0, CustomersModel::Email), QStringLiteral("cust_alice@example.com"));
    QCOMPARE(cell(0, CustomersModel::Phone), QStringLiteral("+4930123456"));
    QCOMPARE(cell(0, CustomersModel::Tier), QStringLiteral("Gold"));
    QCOMPARE(cell(0, CustomersModel::Vip), QStringLiteral("VIP"));
    QCOMPARE(cell(1, CustomersModel::Vip), QString());
    QCOMPARE(cell(0, CustomersModel::LifetimeValue), QStringLiteral("$2,450.00"));
    QCOMPARE(cell(1, CustomersModel::LifetimeValue), QStringLiteral("$640.50"));
    QCOMPARE(model.index(0, CustomersModel::LifetimeValue).data(Qt::TextAlignmentRole).toInt(),
        int(Qt::AlignRight | Qt::AlignVCenter));
    QCOMPARE(model.index(1, 0).data(JsonRowsModel::IdRole).toString(), QStringLiteral("cust_ben"));
    QCOMPARE(model.index(1, 0).data(Qt::ToolTipRole).toString(), QStringLiteral("cust_ben"));
    QCOMPARE(model.index(1, CustomersModel::Email).data(Qt::ToolTipRole).toString(),
        QStringLiteral("cust_ben@example.com")); // whole, where the column elides it
    QCOMPARE(CustomersModel::subscriptionStatus(QStringLiteral("paused")), QStringLiteral("Paused"));
}

void TestCustomersModel::erasedCustomersDimmed()
{
    CustomersModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QJsonObject erased{{QStringLiteral("id"), QStringLiteral("c9")}, {QStringLiteral("name"), QString()},
        {QStringLiteral("tier"), QStringLiteral("STANDARD")}, {QStringLiteral("lifetimeValue"), 5},
        {QStringLiteral("erasedAt"), QStringLiteral("2026-11-26T10:00:00.000Z")}};
    model.setPage(page({erased, customer(QStringLiteral("c1"), QStringLiteral("Alice"), 1)}, 2, 0));
    QCOMPARE(model.index(0, CustomersModel::Name).data().toString(), QStringLiteral("(erased)"));
    QVERIFY(model.index(0, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(!model.index(1, 0).data(Qt::ForegroundRole).isValid());
}

void TestCustomersModel::conversationsOfACustomer()
{
    CustomerSessionsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows({QJsonObject{{QStringLiteral("id"), QStringLiteral("sess_1")},
                       {QStringLiteral("status"), QStringLiteral("ESCALATED")},
                       {QStringLiteral("currentTier"), QStringLiteral("HUMAN_AGENT")},
                       {QStringLiteral("channel"), QStringLiteral("chat")},
                       {QStringLiteral("createdAt"), QStringLiteral("2026-11-20T09:30:00.000Z")},
                       {QStringLiteral("issueSummary"), QStringLiteral("Parcel stuck in Leeds")}},
        QJsonObject{{QStringLiteral("id"), QStringLiteral("sess_2")},
            {QStringLiteral("status"), QStringLiteral("RESOLVED")},
            {QStringLiteral("currentTier"), QStringLiteral("AI_REP")},
            {QStringLiteral("channel"), QStringLiteral("email")},
            {QStringLiteral("createdAt"), QStringLiteral("2026-11-19T09:30:00.000Z")},
            {QStringLiteral("issueCategory"), QStringLiteral("REFUND_REQUEST")}}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(CustomerSessionsModel::ColumnCount));
    QCOMPARE(model.keyOf(0), QStringLiteral("sess_1"));
    QCOMPARE(model.index(0, CustomerSessionsModel::Status).data().toString(), QStringLiteral("Escalated"));
    QCOMPARE(model.index(0, CustomerSessionsModel::Tier).data().toString(), QStringLiteral("Human agent"));
    QCOMPARE(model.index(0, CustomerSessionsModel::Issue).data().toString(), QStringLiteral("Parcel stuck in Leeds"));
    QCOMPARE(model.index(1, CustomerSessionsModel::Issue).data().toString(), QStringLiteral("Refund request"));
    QCOMPARE(model.index(1, CustomerSessionsModel::Tier).data().toString(), QStringLiteral("AI Rep"));
    QVERIFY(!model.index(0, CustomerSessionsModel::Created).data().toString().isEmpty());
}

QTEST_MAIN(TestCustomersModel)
#include "tst_customersmodel.moc"
