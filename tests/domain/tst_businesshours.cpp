// Business hours as SLA clocks count them: across a weekend, holidays, both daylight
// saving changes of Europe/Berlin, a clock started while closed, split days, 24:00 ends,
// and the bound on the walk through the calendar.
#include "core/domain/BusinessHours.h"

#include <QDateTime>
#include <QtTest>

using namespace tierdesk;

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;

const QTimeZone &berlin()
{
    static const QTimeZone zone("Europe/Berlin");
    return zone;
}

// "2026-01-09T16:30" in Berlin as epoch ms.
qint64 at(const char *local)
{
    const QDateTime t = QDateTime::fromString(QLatin1String(local), Qt::ISODate);
    return QDateTime(t.date(), t.time(), berlin()).toMSecsSinceEpoch();
}

// Epoch ms as Berlin's wall clock, for readable comparisons.
QString local(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, berlin()).toString(QStringLiteral("yyyy-MM-ddTHH:mm ddd"));
}

OpenInterval hours(const char *from, const char *to)
{
    return {
        *BusinessHours::parseClock(QLatin1String(from), false), *BusinessHours::parseClock(QLatin1String(to), true)};
}

// Monday to Friday, 09:00 to 17:00, Berlin.
BusinessHours officeHours()
{
    BusinessHours h;
    h.timeZone = berlin();
    for (int day = 0; day < 5; ++day)
        h.weekly[day] = {hours("09:00", "17:00")};
    return h;
}

} // namespace

class TestBusinessHours : public QObject {
    Q_OBJECT

private slots:
    void clockTexts();
    void acrossAWeekend();
    void queuedWhileClosedStartsAtTheNextOpening();
    void endsAtClosingNotAtTheNextOpening();
    void holidaysAreClosedAllDay();
    void springForwardInBerlin();
    void fallBackInBerlin();
    void anOpeningInTheSkippedHour();
    void splitDays();
    void twentyFourHundredEndsRunIntoTheNextDay();
    void openTimeBetween();
    void aYearOfHolidaysIsWalkedThrough();
    void aCalendarNeverOpenEndsItsWalk();
};

void TestBusinessHours::clockTexts()
{
    QCOMPARE(BusinessHours::parseClock(QStringLiteral("09:00"), false), std::optional<int>(540));
    QCOMPARE(BusinessHours::parseClock(QStringLiteral("23:59"), false), std::optional<int>(1439));
    QCOMPARE(BusinessHours::parseClock(QStringLiteral("24:00"), true), std::optional<int>(1440));
    for (const char *bad : {"24:00", "9:00", "09:60", "25:00", "0900", "09:00:00", "", "ab:cd"})
        QVERIFY2(!BusinessHours::parseClock(QLatin1String(bad), false), bad);
    QVERIFY(!BusinessHours::parseClock(QStringLiteral("24:01"), true));
    QCOMPARE(BusinessHours::clockText(540), QStringLiteral("09:00"));
    QCOMPARE(BusinessHours::clockText(1440), QStringLiteral("24:00"));
    QCOMPARE(officeHours().weeklyOpenMinutes(), 5 * 8 * 60);
}

void TestBusinessHours::acrossAWeekend()
{
    const BusinessHours h = officeHours();
    // The example: queued Friday 16:30 with a 60-minute target.
    QCOMPARE(local(h.addOpenTime(at("2026-01-09T16:30"), 60 * kMinute)), QStringLiteral("2026-01-12T09:30 Mon"));
    QVERIFY(h.isOpen(at("2026-01-09T16:59")));
    QVERIFY(!h.isOpen(at("2026-01-09T17:00")));
    QVERIFY(!h.isOpen(at("2026-01-10T12:00")));
    QVERIFY(h.isOpen(at("2026-01-12T09:00")));
    // Inside hours a target is plain time.
    QCOMPARE(local(h.addOpenTime(at("2026-01-07T10:00"), 90 * kMinute)), QStringLiteral("2026-01-07T11:30 Wed"));
    // Three days of open time from Thursday noon: Thu 5 h, Fri 8 h, Mon 8 h, Tue 3 h.
    QCOMPARE(local(h.addOpenTime(at("2026-01-08T12:00"), 24 * kHour)), QStringLiteral("2026-01-13T12:00 Tue"));
}

void TestBusinessHours::queuedWhileClosedStartsAtTheNextOpening()
{
    const BusinessHours h = officeHours();
    QCOMPARE(local(h.nextOpening(at("2026-01-10T11:00"))), QStringLiteral("2026-01-12T09:00 Mon"));
    QCOMPARE(local(h.nextOpening(at("2026-01-07T07:15"))), QStringLiteral("2026-01-07T09:00 Wed"));
    QCOMPARE(local(h.nextOpening(at("2026-01-07T17:00"))), QStringLiteral("2026-01-08T09:00 Thu"));
    const qint64 open = at("2026-01-07T10:00");
    QCOMPARE(h.nextOpening(open), open);
    QCOMPARE(local(h.addOpenTime(at("2026-01-10T11:00"), 60 * kMinute)), QStringLiteral("2026-01-12T10:00 Mon"));
    QCOMPARE(local(h.addOpenTime(at("2026-01-07T07:00"), 30 * kMinute)), QStringLiteral("2026-01-07T09:30 Wed"));
    QCOMPARE(local(h.addOpenTime(at("2026-01-10T11:00"), 0)), QStringLiteral("2026-01-12T09:00 Mon"));
}

void TestBusinessHours::endsAtClosingNotAtTheNextOpening()
{
    const BusinessHours h = officeHours();
    QCOMPARE(local(h.addOpenTime(at("2026-01-09T16:00"), 60 * kMinute)), QStringLiteral("2026-01-09T17:00 Fri"));
    QCOMPARE(local(h.addOpenTime(at("2026-01-09T16:00"), 61 * kMinute)), QStringLiteral("2026-01-12T09:01 Mon"));
}

void TestBusinessHours::holidaysAreClosedAllDay()
{
    BusinessHours h = officeHours();
    h.holidays = {QDate(2026, 12, 25), QDate(2026, 12, 28)};
    QVERIFY(!h.isOpen(at("2026-12-25T10:00")));
    // Thursday 16:30 + 60 minutes: Friday and Monday are holidays.
    QCOMPARE(local(h.addOpenTime(at("2026-12-24T16:30"), 60 * kMinute)), QStringLiteral("2026-12-29T09:30 Tue"));
    QCOMPARE(local(h.nextOpening(at("2026-12-24T17:00"))), QStringLiteral("2026-12-29T09:00 Tue"));
    QCOMPARE(h.openTimeBetween(at("2026-12-24T16:00"), at("2026-12-29T10:00")), 2 * kHour);
}

void TestBusinessHours::springForwardInBerlin()
{
    // 2026-03-29, a Sunday: clocks go from 02:00 to 03:00.
    const BusinessHours office = officeHours();
    QCOMPARE(local(office.addOpenTime(at("2026-03-27T16:30"), 60 * kMinute)), QStringLiteral("2026-03-30T09:30 Mon"));
    QCOMPARE(office.openTimeBetween(at("2026-03-27T16:30"), at("2026-03-30T09:30")), 60 * kMinute);
    BusinessHours always;
    always.timeZone = berlin();
    for (auto &day : always.weekly)
        day = {hours("00:00", "24:00")};
    QCOMPARE(always.openTimeBetween(at("2026-03-29T00:00"), at("2026-03-30T00:00")), 23 * kHour);
    QCOMPARE(local(always.addOpenTime(at("2026-03-29T01:30"), 60 * kMinute)), QStringLiteral("2026-03-29T03:30 Sun"));
}

void TestBusinessHours::fallBackInBerlin()
{
    // 2026-10-25, a Sunday: clocks go from 03:00 back to 02:00.
    const BusinessHours office = officeHours();
    QCOMPARE(local(office.addOpenTime(at("2026-10-23T16:30"), 60 * kMinute)), QStringLiteral("2026-10-26T09:30 Mon"));
    BusinessHours sundays;
    sundays.timeZone = berlin();
    sundays.weekly[6] = {hours("00:00", "24:00")};
    QCOMPARE(sundays.openTimeBetween(at("2026-10-24T12:00"), at("2026-10-26T12:00")), 25 * kHour);
    QCOMPARE(local(sundays.addOpenTime(at("2026-10-24T12:00"), 25 * kHour)), QStringLiteral("2026-10-26T00:00 Mon"));
}

void TestBusinessHours::anOpeningInTheSkippedHour()
{
    // Sundays 02:30 to 05:00: on the day 02:30 does not exist, the desk opens when the clocks jump to 03:00.
    BusinessHours h;
    h.timeZone = berlin();
    h.weekly[6] = {hours("02:30", "05:00")};
    QCOMPARE(local(h.nextOpening(at("2026-03-28T12:00"))), QStringLiteral("2026-03-29T03:00 Sun"));
    QCOMPARE(h.openTimeBetween(at("2026-03-28T12:00"), at("2026-03-30T12:00")), 2 * kHour);
    QCOMPARE(h.openTimeBetween(at("2026-03-21T12:00"), at("2026-03-23T12:00")), 150 * kMinute);
}

void TestBusinessHours::splitDays()
{
    BusinessHours h;
    h.timeZone = berlin();
    for (int day = 0; day < 5; ++day)
        h.weekly[day] = {hours("09:00", "12:00"), hours("13:00", "17:00")};
    QVERIFY(!h.isOpen(at("2026-01-07T12:30")));
    QCOMPARE(local(h.nextOpening(at("2026-01-07T12:30"))), QStringLiteral("2026-01-07T13:00 Wed"));
    QCOMPARE(local(h.addOpenTime(at("2026-01-07T11:30"), 60 * kMinute)), QStringLiteral("2026-01-07T13:30 Wed"));
    QCOMPARE(h.openTimeBetween(at("2026-01-07T11:00"), at("2026-01-07T14:00")), 2 * kHour);
    QCOMPARE(h.weeklyOpenMinutes(), 5 * 7 * 60);
}

void TestBusinessHours::twentyFourHundredEndsRunIntoTheNextDay()
{
    // Saturday evening into Sunday morning: one stretch across midnight.
    BusinessHours h;
    h.timeZone = berlin();
    h.weekly[5] = {hours("20:00", "24:00")};
    h.weekly[6] = {hours("00:00", "04:00")};
    QVERIFY(h.isOpen(at("2026-01-10T23:59")));
    QVERIFY(h.isOpen(at("2026-01-11T00:00")));
    QVERIFY(!h.isOpen(at("2026-01-11T04:00")));
    QCOMPARE(local(h.addOpenTime(at("2026-01-10T23:00"), 2 * kHour)), QStringLiteral("2026-01-11T01:00 Sun"));
    QCOMPARE(local(h.addOpenTime(at("2026-01-11T03:00"), 2 * kHour)), QStringLiteral("2026-01-17T21:00 Sat"));
}

void TestBusinessHours::openTimeBetween()
{
    const BusinessHours h = officeHours();
    QCOMPARE(h.openTimeBetween(at("2026-01-09T16:00"), at("2026-01-12T10:00")), 2 * kHour);
    QCOMPARE(h.openTimeBetween(at("2026-01-10T10:00"), at("2026-01-11T10:00")), 0);
    QCOMPARE(h.openTimeBetween(at("2026-01-12T10:00"), at("2026-01-09T16:00")), 0);
    QCOMPARE(h.openTimeBetween(at("2026-01-05T00:00"), at("2026-01-12T00:00")), 40 * kHour);
    // The two directions agree.
    const qint64 from = at("2026-01-08T15:10");
    QCOMPARE(h.openTimeBetween(from, h.addOpenTime(from, 1234 * kMinute)), 1234 * kMinute);
}

void TestBusinessHours::aYearOfHolidaysIsWalkedThrough()
{
    // Open one minute on Mondays, and every Monday of 2027 a holiday: the walk goes through
    // all of them to the first Monday of 2028.
    BusinessHours h;
    h.timeZone = berlin();
    h.weekly[0] = {hours("09:00", "09:01")};
    for (QDate d(2027, 1, 1); d.year() == 2027; d = d.addDays(1))
        if (d.dayOfWeek() == Qt::Monday)
            h.holidays.append(d);
    QCOMPARE(local(h.nextOpening(at("2026-12-29T12:00"))), QStringLiteral("2028-01-03T09:00 Mon"));
    QCOMPARE(local(h.addOpenTime(at("2026-12-29T12:00"), 2 * kMinute)), QStringLiteral("2028-01-10T09:01 Mon"));
}

void TestBusinessHours::aCalendarNeverOpenEndsItsWalk()
{
    // Validation refuses a week without open time; the walk still ends, after
    // kMaxDaysWalked days, beyond which time counts as open.
    BusinessHours never;
    never.timeZone = berlin();
    const qint64 from = at("2026-01-07T10:00");
    const qint64 horizon = never.nextOpening(from);
    QVERIFY(horizon > from + qint64(BusinessHours::kMaxDaysWalked - 2) * 24 * kHour);
    QVERIFY(horizon <= from + qint64(BusinessHours::kMaxDaysWalked + 1) * 24 * kHour);
    QVERIFY(!never.isOpen(from));
    QCOMPARE(never.addOpenTime(from, kHour), horizon + kHour);
    QCOMPARE(never.openTimeBetween(from, horizon + kHour), kHour);
}

QTEST_GUILESS_MAIN(TestBusinessHours)
#include "tst_businesshours.moc"
