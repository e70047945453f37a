// The agent desk's pure rules: priority, queue routing, due times, SLA states (also in
// business hours) and the validation of the "desk" config.
#include "core/api/cs/CsConfigJson.h"
#include "core/engine/desk/DeskRules.h"
#include "core/engine/reply/Phrases.h"

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
    void dueTimesCountOpenHours();
    void warningIsMeasuredInOpenTime();
    void businessHoursConfig();
    void businessHoursAreReplacedWhole();
    void invalidBusinessHours_data();
    void invalidBusinessHours();
    void theOpeningIsSaidInTheCompanysZone();
    void mentions_data();
    void mentions();
};

namespace {

qint64 berlinMs(const char *local)
{
    const QDateTime t = QDateTime::fromString(QLatin1String(local), Qt::ISODate);
    return QDateTime(t.date(), t.time(), QTimeZone("Europe/Berlin")).toMSecsSinceEpoch();
}

QString berlinText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone("Europe/Berlin")).toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
}

// The defaults with Monday to Friday, 09:00 to 17:00 in Berlin, closed on 2026-12-25, as PUT /config takes them.
DeskConfig officeDesk()
{
    const auto merged = api::cs::mergeConfig(CsConfig::defaults(),
        QJsonDocument::fromJson(R"({"desk":{"businessHours":{"timeZone":"Europe/Berlin",
        "weekly":{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]],"wed":[["09:00","17:00"]],
                  "thu":[["09:00","17:00"]],"fri":[["09:00","17:00"]]},"holidays":["2026-12-25"]}}})")
            .object());
    return merged ? merged->desk : DeskConfig{};
}

} // namespace

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

void TestDeskRules::dueTimesCountOpenHours()
{
    const DeskConfig config = officeDesk();
    QVERIFY(config.businessHours);
    DeskItem item;
    item.priority = Priority::Normal; // 60 minutes to a first reply, 1440 to resolution
    item.queuedAt = berlinMs("2026-01-09T16:30"); // a Friday
    desk::setDueTimes(item, config);
    QCOMPARE(berlinText(item.firstResponseDue), QStringLiteral("2026-01-12T09:30"));
    // 24 open hours: Fri 0.5, Mon and Tue 8 each, Wed 7.5.
    QCOMPARE(berlinText(item.resolutionDue), QStringLiteral("2026-01-14T16:30"));
    // Queued on a Saturday: the clocks start on Monday at 09:00.
    item.queuedAt = berlinMs("2026-01-10T11:00");
    desk::setDueTimes(item, config);
    QCOMPARE(berlinText(item.firstResponseDue), QStringLiteral("2026-01-12T10:00"));
    // A holiday is closed all day.
    item.queuedAt = berlinMs("2026-12-24T16:30");
    desk::setDueTimes(item, config);
    QCOMPARE(berlinText(item.firstResponseDue), QStringLiteral("2026-12-28T09:30"));
    // Without business hours every minute counts, as before.
    item.queuedAt = berlinMs("2026-01-09T16:30");
    desk::setDueTimes(item, CsConfig::defaults().desk);
    QCOMPARE(item.firstResponseDue - item.queuedAt, qint64(60) * 60000);
}

void TestDeskRules::warningIsMeasuredInOpenTime()
{
    const DeskConfig config = officeDesk();
    DeskItem item;
    item.priority = Priority::Normal;
    item.queuedAt = berlinMs("2026-01-09T16:30");
    desk::setDueTimes(item, config);
    auto state = [&](const char *local) {
        return toString(desk::slaState(item, berlinMs(local), config.warningAt, config.businessHours));
    };
    // 0.75 of 60 open minutes is 45: 30 on Friday, 15 on Monday.
    QCOMPARE(state("2026-01-09T16:59"), QStringLiteral("ok"));
    QCOMPARE(state("2026-01-10T23:00"), QStringLiteral("ok")); // in wall time far beyond the target, in open time not
    QCOMPARE(state("2026-01-12T09:14"), QStringLiteral("ok"));
    QCOMPARE(state("2026-01-12T09:15"), QStringLiteral("warning"));
    QCOMPARE(state("2026-01-12T09:30"), QStringLiteral("breached"));
    // After the first reply only the resolution target counts: 0.75 of 24 open hours is 18.
    item.firstResponseAt = berlinMs("2026-01-12T09:20");
    QCOMPARE(state("2026-01-13T17:00"), QStringLiteral("ok")); // 16.5 open hours
    QCOMPARE(state("2026-01-14T10:30"), QStringLiteral("warning")); // 18
    // States only move forward: an item already warned stays so.
    item.sla = SlaState::Warning;
    QCOMPARE(state("2026-01-12T09:20"), QStringLiteral("warning"));
}

void TestDeskRules::businessHoursConfig()
{
    const DeskConfig config = officeDesk();
    QVERIFY(config.businessHours);
    const BusinessHours &h = *config.businessHours;
    QCOMPARE(h.timeZone.id(), QByteArray("Europe/Berlin"));
    QCOMPARE(h.weekly[0].size(), 1);
    QCOMPARE(h.weekly[0].first().from, 9 * 60);
    QCOMPARE(h.weekly[0].first().to, 17 * 60);
    QVERIFY(h.weekly[5].isEmpty() && h.weekly[6].isEmpty());
    QCOMPARE(h.holidays, QList<QDate>{QDate(2026, 12, 25)});
    // Written back with every weekday (closed ones as []), and read again the same.
    CsConfig c;
    c.desk = config;
    const QJsonObject json = api::cs::deskJson(config).value(QLatin1String("businessHours")).toObject();
    QCOMPARE(json.value(QLatin1String("weekly")).toObject().value(QLatin1String("sat")).toArray(), QJsonArray());
    QJsonArray monday; // appended: a braced QJsonArray{QJsonArray{...}} is a copy of the inner one
    monday.append(QJsonArray{QStringLiteral("09:00"), QStringLiteral("17:00")});
    QCOMPARE(json.value(QLatin1String("weekly")).toObject().value(QLatin1String("mon")).toArray(), monday);
    QCOMPARE(api::cs::configJson(api::cs::readConfig(api::cs::configJson(c))), api::cs::configJson(c));
    // Split days, 24:00 ends, intervals in any order.
    const auto split = api::cs::mergeConfig(CsConfig::defaults(),
        QJsonDocument::fromJson(R"({"desk":{"businessHours":{"timeZone":"UTC",
        "weekly":{"sat":[["13:00","24:00"],["08:00","12:00"]]}}}})")
            .object());
    QVERIFY2(split, qPrintable(split ? QString() : split.error().message));
    QCOMPARE(split->desk.businessHours->weekly[5].first().from, 8 * 60);
    QCOMPARE(split->desk.businessHours->weekly[5].last().to, 24 * 60);
    QVERIFY(split->desk.businessHours->holidays.isEmpty());
    // The defaults have none: always open.
    QVERIFY(!CsConfig::defaults().desk.businessHours);
    QVERIFY(api::cs::deskJson(CsConfig::defaults().desk).value(QLatin1String("businessHours")).isNull());
}

void TestDeskRules::businessHoursAreReplacedWhole()
{
    CsConfig c;
    c.desk = officeDesk();
    // A PUT with only Saturday: the weekdays it leaves out are closed, not kept.
    const auto saturday = api::cs::mergeConfig(c,
        QJsonDocument::fromJson(R"({"desk":{"businessHours":{"timeZone":"Europe/Berlin",
        "weekly":{"sat":[["10:00","14:00"]]}}}})")
            .object());
    QVERIFY(saturday);
    QVERIFY(saturday->desk.businessHours->weekly[0].isEmpty());
    QCOMPARE(saturday->desk.businessHours->weekly[5].size(), 1);
    QVERIFY(saturday->desk.businessHours->holidays.isEmpty());
    // Another part of the desk leaves them as they are; null takes them away.
    const auto other = api::cs::mergeConfig(c, QJsonDocument::fromJson(R"({"desk":{"warningAt":0.5}})").object());
    QVERIFY(other && other->desk.businessHours);
    const auto none = api::cs::mergeConfig(c, QJsonDocument::fromJson(R"({"desk":{"businessHours":null}})").object());
    QVERIFY(none);
    QVERIFY(!none->desk.businessHours);
}

void TestDeskRules::invalidBusinessHours_data()
{
    QTest::addColumn<QByteArray>("hours");
    QTest::addColumn<QString>("path");
    const QByteArray mon = R"("weekly":{"mon":[["09:00","17:00"]]})";
    QTest::newRow("not an object") << QByteArray("42") << "desk.businessHours";
    QTest::newRow("unknown key") << QByteArray(R"({"timeZone":"UTC",)" + mon + R"(,"open":true})")
                                 << "desk.businessHours.open";
    QTest::newRow("no zone") << QByteArray("{" + mon + "}") << "desk.businessHours.timeZone";
    QTest::newRow("unknown zone") << QByteArray(R"({"timeZone":"Mars/Olympus",)" + mon + "}")
                                  << "desk.businessHours.timeZone";
    QTest::newRow("no weekly") << QByteArray(R"({"timeZone":"UTC"})") << "desk.businessHours.weekly";
    QTest::newRow("unknown weekday") << QByteArray(R"({"timeZone":"UTC","weekly":{"monday":[["09:00","17:00"]]}})")
                                     << "desk.businessHours.weekly.monday";
    QTest::newRow("day not an array") << QByteArray(R"({"timeZone":"UTC","weekly":{"mon":"09:00-17:00"}})")
                                      << "desk.businessHours.weekly.mon";
    QTest::newRow("bad time") << QByteArray(R"({"timeZone":"UTC","weekly":{"mon":[["9:00","17:00"]]}})")
                              << "desk.businessHours.weekly.mon[0]";
    QTest::newRow("24:00 as a start") << QByteArray(R"({"timeZone":"UTC","weekly":{"mon":[["24:00","24:00"]]}})")
                                      << "desk.businessHours.weekly.mon[0]";
    QTest::newRow("not a pair") << QByteArray(R"({"timeZone":"UTC","weekly":{"mon":[["09:00"]]}})")
                                << "desk.businessHours.weekly.mon[0]";
    QTest::newRow("end before start") << QByteArray(
        R"({"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]],"tue":[["17:00","09:00"]]}})")
                                      << "desk.businessHours.weekly.tue[0]";
    QTest::newRow("end at start") << QByteArray(R"({"timeZone":"UTC","weekly":{"mon":[["09:00","09:00"]]}})")
                                  << "desk.businessHours.weekly.mon[0]";
    QTest::newRow("overlap") << QByteArray(
        R"({"timeZone":"UTC","weekly":{"wed":[["13:00","17:00"],["09:00","13:30"]]}})")
                             << "desk.businessHours.weekly.wed";
    QByteArray nine = R"({"timeZone":"UTC","weekly":{"fri":[)";
    for (int h = 0; h < 9; ++h)
        nine += (h ? "," : "") + QStringLiteral(R"(["%1:00","%1:30"])").arg(h + 10).toUtf8();
    QTest::newRow("nine intervals") << nine + "]}}"
                                    << "desk.businessHours.weekly.fri";
    QTest::newRow("no open time") << QByteArray(R"({"timeZone":"UTC","weekly":{"mon":[],"sun":[]}})")
                                  << "desk.businessHours.weekly";
    QTest::newRow("bad date") << QByteArray(R"({"timeZone":"UTC",)" + mon + R"(,"holidays":["2026-02-30"]})")
                              << "desk.businessHours.holidays[0]";
    QTest::newRow("date format") << QByteArray(R"({"timeZone":"UTC",)" + mon + R"(,"holidays":["25.12.2026"]})")
                                 << "desk.businessHours.holidays[0]";
    QTest::newRow("date twice") << QByteArray(
        R"({"timeZone":"UTC",)" + mon + R"(,"holidays":["2026-12-25","2026-12-26","2026-12-25"]})")
                                << "desk.businessHours.holidays[2]";
    QByteArray many = R"({"timeZone":"UTC",)" + mon + R"(,"holidays":[)";
    for (int d = 0; d < 367; ++d)
        many += (d ? "," : "") + ('"' + QDate(2026, 1, 1).addDays(d).toString(Qt::ISODate).toUtf8() + '"');
    QTest::newRow("367 holidays") << many + "]}"
                                  << "desk.businessHours.holidays";
}

void TestDeskRules::invalidBusinessHours()
{
    QFETCH(QByteArray, hours);
    QFETCH(QString, path);
    const QByteArray patch = R"({"desk":{"businessHours":)" + hours + "}}";
    const QJsonDocument doc = QJsonDocument::fromJson(patch);
    QVERIFY2(doc.isObject(), patch.constData());
    const auto merged = api::cs::mergeConfig(CsConfig::defaults(), doc.object());
    QVERIFY(!merged);
    QVERIFY2(merged.error().message.startsWith(path + QStringLiteral(": ")), qPrintable(merged.error().message));
    QCOMPARE(merged.error().field, path);
}

void TestDeskRules::theOpeningIsSaidInTheCompanysZone()
{
    const QTimeZone zone("Europe/Berlin");
    const qint64 monday = berlinMs("2026-01-19T09:00");
    const qint64 saturday = berlinMs("2026-01-17T10:00");
    QCOMPARE(Phrases(Language::En).opening(monday, zone, saturday), QStringLiteral("Monday, 09:00 (Europe/Berlin)"));
    QCOMPARE(
        Phrases(Language::De).opening(monday, zone, saturday), QStringLiteral("Montag, 09:00 Uhr (Europe/Berlin)"));
    // Six days or more ahead the weekday alone could name the wrong week: the date goes with it.
    const qint64 weekBefore = berlinMs("2026-01-12T17:00");
    QCOMPARE(Phrases(Language::En).opening(monday, zone, weekBefore),
        QStringLiteral("Monday, January 19, 09:00 (Europe/Berlin)"));
    QCOMPARE(Phrases(Language::De).opening(monday, zone, weekBefore),
        QStringLiteral("Montag, 19. Januar, 09:00 Uhr (Europe/Berlin)"));
}

void TestDeskRules::mentions_data()
{
    QTest::addColumn<QString>("note");
    QTest::addColumn<QString>("named"); // the colleagues' ids, in the order named
    QTest::newRow("full name") << "@Carl Cole can you check?"
                               << "carl";
    QTest::newRow("any case, end of text") << "over to @carl cole"
                                           << "carl";
    QTest::newRow("a unique first name") << "@Carl please"
                                         << "carl";
    QTest::newRow("a shared first name names nobody") << "@Bob please"
                                                      << "";
    QTest::newRow("the full name of one of them") << "@Bob Baker and @Bob Brown"
                                                  << "bobb,bobr";
    QTest::newRow("each once, in order") << "@Bob Brown, @Carl, @bob brown again"
                                         << "bobr,carl";
    QTest::newRow("punctuation after the name") << "Thanks @Carl Cole!"
                                                << "carl";
    QTest::newRow("an e-mail address") << "write to carl@example.com"
                                       << "";
    QTest::newRow("a longer word") << "@Carlton said so"
                                   << "";
    QTest::newRow("no at sign") << "Carl Cole knows"
                                << "";
    QTest::newRow("unicode name") << "@Jürgen Groß, bitte"
                                  << "juergen";
}

void TestDeskRules::mentions()
{
    QFETCH(QString, note);
    QFETCH(QString, named);
    const QList<desk::Colleague> colleagues{{QStringLiteral("bobb"), QStringLiteral("Bob Baker")},
        {QStringLiteral("bobr"), QStringLiteral("Bob Brown")}, {QStringLiteral("carl"), QStringLiteral("Carl Cole")},
        {QStringLiteral("juergen"), QStringLiteral("Jürgen Groß")}};
    QStringList ids;
    for (const int i : desk::mentioned(note, colleagues, 20))
        ids << colleagues.at(i).agentId;
    QCOMPARE(ids.join(QLatin1Char(',')), named);
    // At most `limit` are named.
    QCOMPARE(desk::mentioned(QStringLiteral("@Carl Cole @Bob Baker"), colleagues, 1).size(), 1);
}

QTEST_GUILESS_MAIN(TestDeskRules)
#include "tst_deskrules.moc"
