// The agent desk's pure rules: priority, queue routing, due times, SLA states
// and the validation of the "desk" config.
#include "core/api/cs/CsConfigJson.h"
#include "core/engine/desk/DeskRules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace tierdesk;

class TestDeskRules : public QObject {
    Q_OBJECT

private slots:
    void priority_data();
    void priority();
    void defaultQueues_data();
    void defaultQueues();
    void companyQueuesOverride();
    void dueTimesFollowTheTargets();
    void slaStates();
    void firstReplyStopsTheFirstResponseClock();
    void invalidDeskConfig_data();
    void invalidDeskConfig();
    void partialSlaPatchKeepsTheRest();
    void pickAgentFewestOpenThenIdleLongest();
    void assignmentModeInTheConfig();
};

void TestDeskRules::priority_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("sentiment");
    QTest::addColumn<bool>("vip");
    QTest::addColumn<QString>("expected");
    QTest::newRow("legal") << "LEGAL_MENTION"
                           << "NEUTRAL" << false << "urgent";
    QTest::newRow("social") << "SOCIAL_MEDIA_THREAT"
                            << "NEUTRAL" << false << "urgent";
    QTest::newRow("irate reason") << "IRATE_CUSTOMER"
                                  << "IRATE" << true << "urgent";
    QTest::newRow("refund over threshold") << "REFUND_OVER_THRESHOLD"
                                           << "NEUTRAL" << false << "high";
    QTest::newRow("complaint") << "ESCALATED_COMPLAINT"
                               << "FRUSTRATED" << false << "high";
    QTest::newRow("repeat contact, vip") << "REPEAT_CONTACT"
                                         << "NEUTRAL" << true << "urgent";
    QTest::newRow("request") << "CUSTOMER_REQUEST"
                             << "NEUTRAL" << false << "normal";
    QTest::newRow("request, frustrated") << "CUSTOMER_REQUEST"
                                         << "FRUSTRATED" << false << "normal";
    QTest::newRow("request, angry") << "CUSTOMER_REQUEST"
                                    << "ANGRY" << false << "high";
    QTest::newRow("request, vip") << "CUSTOMER_REQUEST"
                                  << "NEUTRAL" << true << "high";
    QTest::newRow("vip and irate raise once") << "COMPLEX_ISSUE"
                                              << "IRATE" << true << "high";
    QTest::newRow("request, happy") << "CUSTOMER_REQUEST"
                                    << "HAPPY" << false << "low";
    QTest::newRow("technical, satisfied") << "TECHNICAL_LIMITATION"
                                          << "SATISFIED" << false << "low";
    QTest::newRow("happy vip stays normal") << "CUSTOMER_REQUEST"
                                            << "HAPPY" << true << "high";
    QTest::newRow("happy high stays high") << "REPEAT_CONTACT"
                                           << "HAPPY" << false << "high";
}

void TestDeskRules::priority()
{
    QFETCH(QString, reason);
    QFETCH(QString, sentiment);
    QFETCH(bool, vip);
    QFETCH(QString, expected);
    const auto r = parse<EscalationReason>(reason);
    const auto s = parse<Sentiment>(sentiment);
    QVERIFY(r && s);
    QCOMPARE(toString(desk::priorityFor(*r, *s, vip)), expected);
}

void TestDeskRules::defaultQueues_data()
{
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("queue");
    for (const char *c : {"SHIPPING", "REFUND", "BILLING", "CANCELLATION"})
        QTest::newRow(c) << c << "orders";
    for (const char *c : {"COMPLAINT", "PRODUCT_QUALITY"})
        QTest::newRow(c) << c << "complaints";
    for (const char *c : {"SUBSCRIPTION", "TECHNICAL", "ACCOUNT", "GENERAL_INQUIRY"})
        QTest::newRow(c) << c << "inquiries";
    QTest::newRow("no category") << ""
                                 << "inquiries";
}

void TestDeskRules::defaultQueues()
{
    QFETCH(QString, category);
    QFETCH(QString, queue);
    const DeskConfig config = CsConfig::defaults().desk;
    QCOMPARE(config.queueFor(category.isEmpty() ? std::nullopt : parse<IssueCategory>(category)), queue);
    QCOMPARE(config.queueNames(),
        (QStringList{QStringLiteral("orders"), QStringLiteral("complaints"), QStringLiteral("inquiries")}));
}

void TestDeskRules::companyQueuesOverride()
{
    const auto merged = api::cs::mergeConfig(CsConfig::defaults(),
        QJsonDocument::fromJson(R"({"desk":{"queues":[
        {"name":"money","categories":["BILLING","REFUND"],"email":"money@example.com"},
        {"name":"everything","categories":[]}]}})")
            .object());
    QVERIFY2(merged, qPrintable(merged ? QString() : merged.error().message));
    const DeskConfig &d = merged->desk;
    QCOMPARE(d.queueFor(IssueCategory::Refund), QStringLiteral("money"));
    QCOMPARE(d.queueFor(IssueCategory::Shipping), QStringLiteral("everything"));
    QCOMPARE(d.queues.first().email, QStringLiteral("money@example.com"));
    QVERIFY(!d.hasQueue(QStringLiteral("orders")));
    // Without a catch-all queue, the first queue takes the rest.
    const auto noCatchAll = api::cs::mergeConfig(CsConfig::defaults(),
        QJsonDocument::fromJson(R"({"desk":{"queues":[
        {"name":"a","categories":["BILLING"]},{"name":"b","categories":["REFUND"]}]}})")
            .object());
    QVERIFY(noCatchAll);
    QCOMPARE(noCatchAll->desk.queueFor(IssueCategory::Technical), QStringLiteral("a"));
}

void TestDeskRules::dueTimesFollowTheTargets()
{
    const DeskConfig config = CsConfig::defaults().desk;
    DeskItem item;
    item.queuedAt = 1000000;
    const QList<QPair<Priority, QPair<int, int>>> expected{{Priority::Urgent, {5, 60}}, {Priority::High, {15, 240}},
        {Priority::Normal, {60, 1440}}, {Priority::Low, {240, 4320}}};
    for (const auto &[priority, minutes] : expected) {
        item.priority = priority;
        desk::setDueTimes(item, config);
        QCOMPARE(item.firstResponseDue, item.queuedAt + qint64(minutes.first) * 60000);
        QCOMPARE(item.resolutionDue, item.queuedAt + qint64(minutes.second) * 60000);
    }
    QCOMPARE(config.warningAt, 0.75);
}

void TestDeskRules::slaStates()
{
    DeskItem item;
    item.queuedAt = 0;
    item.firstResponseDue = 100 * 1000;
    item.resolutionDue = 1000 * 1000;
    QCOMPARE(toString(desk::slaState(item, 74 * 1000, 0.75)), toString(SlaState::Ok));
    QCOMPARE(toString(desk::slaState(item, 75 * 1000, 0.75)), toString(SlaState::Warning));
    QCOMPARE(toString(desk::slaState(item, 99 * 1000, 0.75)), toString(SlaState::Warning));
    QCOMPARE(toString(desk::slaState(item, 100 * 1000, 0.75)), toString(SlaState::Breached));
    QCOMPARE(toString(desk::slaState(item, 50 * 1000, 0.5)), toString(SlaState::Warning));
}

void TestDeskRules::firstReplyStopsTheFirstResponseClock()
{
    DeskItem item;
    item.firstResponseDue = 100 * 1000;
    item.resolutionDue = 1000 * 1000;
    item.firstResponseAt = 10 * 1000;
    QCOMPARE(toString(desk::slaState(item, 200 * 1000, 0.75)), toString(SlaState::Ok));
    QCOMPARE(toString(desk::slaState(item, 750 * 1000, 0.75)), toString(SlaState::Warning));
    QCOMPARE(toString(desk::slaState(item, 1000 * 1000, 0.75)), toString(SlaState::Breached));
}

void TestDeskRules::invalidDeskConfig_data()
{
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("path");
    QTest::newRow("no queues") << QByteArray(R"({"desk":{"queues":[]}})") << "desk.queues";
    QTest::newRow("bad name") << QByteArray(R"({"desk":{"queues":[{"name":"Orders!","categories":[]}]}})")
                              << "desk.queues[0].name";
    QTest::newRow("twice") << QByteArray(R"({"desk":{"queues":[{"name":"a"},{"name":"a"}]}})") << "desk.queues[1].name";
    QTest::newRow("unknown category") << QByteArray(R"({"desk":{"queues":[{"name":"a","categories":["NOPE"]}]}})")
                                      << "desk.queues[0].categories";
    QTest::newRow("category twice") << QByteArray(R"({"desk":{"queues":[{"name":"a","categories":["BILLING"]},
                                                   {"name":"b","categories":["BILLING"]}]}})")
                                    << "desk.queues[1].categories";
    QTest::newRow("unknown key") << QByteArray(R"({"desk":{"queues":[{"name":"a","color":"red"}]}})")
                                 << "desk.queues[0].color";
    QTest::newRow("bad email") << QByteArray(R"({"desk":{"queues":[{"name":"a","email":"nobody"}]}})")
                               << "desk.queues[0].email";
    QTest::newRow("zero minutes") << QByteArray(R"({"desk":{"sla":{"urgent":{"firstResponseMinutes":0}}}})")
                                  << "desk.sla.urgent.firstResponseMinutes";
    QTest::newRow("fraction") << QByteArray(R"({"desk":{"sla":{"low":{"resolutionMinutes":1.5}}}})") << "desk.sla.low";
    QTest::newRow("first after resolution")
        << QByteArray(R"({"desk":{"sla":{"high":{"firstResponseMinutes":500}}}})") << "desk.sla.high";
    QTest::newRow("unknown priority") << QByteArray(R"({"desk":{"sla":{"critical":{}}}})") << "desk.sla.critical";
    QTest::newRow("warningAt") << QByteArray(R"({"desk":{"warningAt":1}})") << "desk.warningAt";
}

void TestDeskRules::invalidDeskConfig()
{
    QFETCH(QByteArray, patch);
    QFETCH(QString, path);
    const auto merged = api::cs::mergeConfig(CsConfig::defaults(), QJsonDocument::fromJson(patch).object());
    QVERIFY(!merged);
    QVERIFY2(merged.error().message.startsWith(path), qPrintable(merged.error().message));
}

void TestDeskRules::partialSlaPatchKeepsTheRest()
{
    const auto merged = api::cs::mergeConfig(CsConfig::defaults(),
        QJsonDocument::fromJson(R"({"desk":{"sla":{"urgent":{"firstResponseMinutes":3}},"warningAt":0.5}})").object());
    QVERIFY(merged);
    QCOMPARE(merged->desk.target(Priority::Urgent).firstResponseMinutes, 3);
    QCOMPARE(merged->desk.target(Priority::Urgent).resolutionMinutes, 60);
    QCOMPARE(merged->desk.target(Priority::Low).firstResponseMinutes, 240);
    QCOMPARE(merged->desk.warningAt, 0.5);
    QVERIFY(api::cs::validateConfig(api::cs::configJson(CsConfig::defaults())).ok());
}

void TestDeskRules::pickAgentFewestOpenThenIdleLongest()
{
    using desk::Candidate;
    QCOMPARE(desk::pickAgent({}).value_or(-1), -1);
    // Nobody with room: none, whatever else.
    QCOMPARE(desk::pickAgent({Candidate{QStringLiteral("a"), 3, 3, 0}, Candidate{QStringLiteral("b"), 5, 2, 0}})
                 .value_or(-1),
        -1);
    // The fewest open wins, even against a larger capacity.
    QCOMPARE(desk::pickAgent({Candidate{QStringLiteral("a"), 2, 10, 0}, Candidate{QStringLiteral("b"), 1, 2, 500}})
                 .value_or(-1),
        1);
    // A tie on open: the one idle the longest (the oldest idleSince).
    QCOMPARE(desk::pickAgent({Candidate{QStringLiteral("a"), 1, 3, 900}, Candidate{QStringLiteral("b"), 1, 3, 100}})
                 .value_or(-1),
        1);
    // A tie on both: the smaller id, wherever it is in the list.
    QCOMPARE(desk::pickAgent({Candidate{QStringLiteral("b"), 0, 3, 0}, Candidate{QStringLiteral("a"), 0, 3, 0}})
                 .value_or(-1),
        1);
    // A full person is skipped even with the fewest... of those over capacity.
    QCOMPARE(desk::pickAgent({Candidate{QStringLiteral("a"), 1, 1, 0}, Candidate{QStringLiteral("b"), 2, 3, 0}})
                 .value_or(-1),
        1);
}

void TestDeskRules::assignmentModeInTheConfig()
{
    QVERIFY(CsConfig::defaults().desk.assignment == Assignment::Manual);
    const auto automatic = api::cs::mergeConfig(
        CsConfig::defaults(), QJsonDocument::fromJson(R"({"desk":{"assignment":"automatic"}})").object());
    QVERIFY(automatic);
    QVERIFY(automatic->desk.assignment == Assignment::Automatic);
    QCOMPARE(api::cs::configJson(*automatic).value(QLatin1String("desk")).toObject().value(QLatin1String("assignment")),
        QJsonValue(QStringLiteral("automatic")));
    for (const char *bad : {R"({"desk":{"assignment":"auto"}})", R"({"desk":{"assignment":1}})"}) {
        const auto refused = api::cs::mergeConfig(CsConfig::defaults(), QJsonDocument::fromJson(bad).object());
        QVERIFY(!refused);
        QVERIFY2(
            refused.error().message.startsWith(QStringLiteral("desk.assignment")), qPrintable(refused.error().message));
    }
}

QTEST_GUILESS_MAIN(TestDeskRules)
#include "tst_deskrules.moc"
