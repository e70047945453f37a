// DeskHours: open or closed at a moment of the company's wall clock, the next opening
// across a weekend, a holiday, midnight and a change of daylight saving time, and the words
// the queue and the live desk show; the date helpers of Display they use.
#include "ui/models/DeskHours.h"
#include "ui/models/Display.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace tierdesk::ui;

namespace {

const QTimeZone kBerlin("Europe/Berlin");

DeskHours hours(const char *json)
{
    return DeskHours::fromJson(QJsonDocument::fromJson(QByteArray(json)).object());
}

// Monday to Friday 09:00-17:00, Friday with a lunch break, in Berlin.
DeskHours office(const char *holidays = "[]")
{
    const QByteArray json = QByteArray(R"({"timeZone": "Europe/Berlin", "weekly": {
        "mon": [["09:00","17:00"]], "tue": [["09:00","17:00"]], "wed": [["09:00","17:00"]],
        "thu": [["09:00","17:00"]], "fri": [["13:00","16:00"], ["09:00","12:00"]], "sat": [], "sun": []},
        "holidays": )")
        + holidays + "}";
    return DeskHours::fromJson(QJsonDocument::fromJson(json).object());
}

QDateTime berlin(const char *wallClock)
{
    return QDateTime(QDateTime::fromString(QString::fromLatin1(wallClock), Qt::ISODate).date(),
        QDateTime::fromString(QString::fromLatin1(wallClock), Qt::ISODate).time(), kBerlin);
}

} // namespace

class TestDeskHours : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom)); }
    void withoutHoursAlwaysOpen();
    void openUntilTheEndOfTheStretch();
    void closedOpensAtTheNextStretch_data();
    void closedOpensAtTheNextStretch();
    void holidayIsSkippedWhole();
    void stretchOverMidnightIsOne();
    void daylightSavingMovesTheInstantNotTheWallClock();
    void anotherViewerZoneIsNamed();
    void whenSaysTodayTomorrowWeekdayOrDate();
};

void TestDeskHours::withoutHoursAlwaysOpen()
{
    const DeskHours none = DeskHours::fromJson(QJsonValue(QJsonValue::Null));
    QVERIFY(!none.isSet());
    QVERIFY(none.isOpenAt(berlin("2026-11-28T03:00:00")));
    QCOMPARE(none.status(berlin("2026-11-28T03:00:00")), QString());
    QVERIFY(!hours(R"({"timeZone": "Mars/Olympus", "weekly": {}})").isSet());
}

void TestDeskHours::openUntilTheEndOfTheStretch()
{
    const DeskHours h = office();
    const QDateTime wed = berlin("2026-11-25T10:00:00");
    QVERIFY(h.isOpenAt(wed));
    QCOMPARE(h.status(wed, kBerlin), QStringLiteral("Open until 17:00"));
    QCOMPARE(h.status(berlin("2026-11-27T11:59:00"), kBerlin), QStringLiteral("Open until 12:00"));
    // The end is exclusive, the start inclusive.
    QVERIFY(!h.isOpenAt(berlin("2026-11-25T17:00:00")));
    QVERIFY(h.isOpenAt(berlin("2026-11-25T09:00:00")));
}

void TestDeskHours::closedOpensAtTheNextStretch_data()
{
    QTest::addColumn<QString>("now");
    QTest::addColumn<QString>("expected");
    QTest::newRow("lunch break") << "2026-11-27T12:30:00"
                                 << "Closed — opens 13:00";
    QTest::newRow("friday evening") << "2026-11-27T16:30:00"
                                    << "Closed — opens Mon 09:00";
    QTest::newRow("early morning") << "2026-11-25T07:00:00"
                                   << "Closed — opens 09:00";
    QTest::newRow("after work") << "2026-11-25T18:00:00"
                                << "Closed — opens tomorrow 09:00";
}

void TestDeskHours::closedOpensAtTheNextStretch()
{
    QFETCH(QString, now);
    QFETCH(QString, expected);
    const QDateTime t = berlin(now.toLatin1().constData());
    QVERIFY(!office().isOpenAt(t));
    QCOMPARE(office().status(t, kBerlin), expected);
}

void TestDeskHours::holidayIsSkippedWhole()
{
    const DeskHours h = office(R"(["2026-11-30"])");
    QVERIFY(!h.isOpenAt(berlin("2026-11-30T10:00:00")));
    QCOMPARE(h.status(berlin("2026-11-27T16:30:00"), kBerlin), QStringLiteral("Closed — opens Tue 09:00"));
    // A week of holidays: the opening is six days or more away, so it says the date.
    const DeskHours week = office(R"(["2026-11-30","2026-12-01","2026-12-02","2026-12-03","2026-12-04"])");
    QCOMPARE(week.status(berlin("2026-11-27T16:30:00"), kBerlin),
        QStringLiteral("Closed — opens %1")
            .arg(QLocale().toString(berlin("2026-12-07T09:00:00"), QLocale::ShortFormat)));
}

void TestDeskHours::stretchOverMidnightIsOne()
{
    const DeskHours h = hours(R"({"timeZone": "Europe/Berlin",
        "weekly": {"sat": [["20:00","24:00"]], "sun": [["00:00","04:00"]]}})");
    QCOMPARE(h.status(berlin("2026-11-28T22:00:00"), kBerlin), QStringLiteral("Open until tomorrow 04:00"));
    QVERIFY(h.isOpenAt(berlin("2026-11-29T00:00:00")));
    QCOMPARE(h.status(berlin("2026-11-29T05:00:00"), kBerlin),
        QStringLiteral("Closed — opens %1")
            .arg(QLocale().toString(berlin("2026-12-05T20:00:00"), QLocale::ShortFormat)));
}

void TestDeskHours::daylightSavingMovesTheInstantNotTheWallClock()
{
    // Berlin leaves summer time on Sunday 25 October 2026: Friday 09:00 is 07:00 UTC, Monday 09:00 is 08:00 UTC.
    const DeskHours h = office();
    QCOMPARE(
        h.stretchAt(berlin("2026-10-23T08:00:00")).start.toUTC(), QDateTime(QDate(2026, 10, 23), QTime(7, 0), Qt::UTC));
    const DeskHours::Stretch monday = h.stretchAt(berlin("2026-10-23T17:00:00"));
    QCOMPARE(monday.start.toUTC(), QDateTime(QDate(2026, 10, 26), QTime(8, 0), Qt::UTC));
    QCOMPARE(h.status(berlin("2026-10-23T17:00:00"), kBerlin), QStringLiteral("Closed — opens Mon 09:00"));
}

void TestDeskHours::anotherViewerZoneIsNamed()
{
    const QDateTime wed = berlin("2026-11-25T10:00:00");
    QCOMPARE(office().status(wed, QTimeZone("America/New_York")), QStringLiteral("Open until 17:00 (Europe/Berlin)"));
    // Another zone with the same clock at that moment says nothing more.
    QCOMPARE(office().status(wed, QTimeZone("Europe/Paris")), QStringLiteral("Open until 17:00"));
    QVERIFY(office().slaNote().contains(QLatin1String("Europe/Berlin")));
}

void TestDeskHours::whenSaysTodayTomorrowWeekdayOrDate()
{
    const QDateTime now = berlin("2026-11-25T10:00:00"); // a Wednesday
    QCOMPARE(display::when(berlin("2026-11-25T18:30:00"), now), QStringLiteral("18:30"));
    QCOMPARE(display::when(berlin("2026-11-26T09:00:00"), now), QStringLiteral("tomorrow 09:00"));
    QCOMPARE(display::when(berlin("2026-11-24T09:00:00"), now), QStringLiteral("yesterday 09:00"));
    QCOMPARE(display::when(berlin("2026-11-29T09:00:00"), now), QStringLiteral("Sun 09:00"));
    QCOMPARE(display::when(berlin("2026-12-02T09:00:00"), now), QStringLiteral("02/12/2026 09:00"));
    QCOMPARE(display::date(QDate(2026, 11, 25)), QStringLiteral("25/11/2026"));
    QCOMPARE(display::dateTimeOfMs(0), QString());
    // A locale whose short time has seconds (C) still shows hours and minutes only.
    QLocale::setDefault(QLocale::c());
    QCOMPARE(display::time(berlin("2026-11-25T09:05:30")), QStringLiteral("09:05"));
    QVERIFY(!display::dateTime(berlin("2026-11-25T09:05:30")).contains(QLatin1String(":30")));
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
}

QTEST_GUILESS_MAIN(TestDeskHours)
#include "tst_deskhours.moc"
