#pragma once

#include <QColor>
#include <QDateTime>
#include <QString>
#include <QTimeZone>

#include <utility>

// How the console spells the API's words and times for people.
namespace tierdesk::ui::display {

// "REFUND_REQUEST" -> "Refund request"
QString enumLabel(const QString &name);
// "AI_MANAGER" -> "AI Manager", "HUMAN_AGENT" -> "Human agent"
QString tierLabel(const QString &tier);
// "orders" -> "Orders"
QString titleCase(const QString &word);
// ISO-8601 from the API -> ms since the epoch; 0 when empty or unreadable.
qint64 parseTime(const QString &iso);
// HAPPY 0 .. IRATE 5; -1 when unknown. The six levels of the seed.
int sentimentLevel(const QString &sentiment);
QString sentimentName(int level); // "Happy"
QString sentimentCode(int level); // "HAPPY", as the API spells it
// A calm colour per level, green to red.
QColor sentimentColor(int level);

// Every date and time a view shows goes through these: the locale's short formats, in
// the viewer's own time zone unless the time already carries another (a company's).
QString dateTime(const QDateTime &t); // "24/11/2026 17:20", "24.11.26 17:20"
QString dateTimeOfMs(qint64 msSinceEpoch); // "" for 0
QString date(const QDate &d);
QString time(const QDateTime &t); // "17:20"
// A moment near `now` as people say it: "17:20" today, "tomorrow 09:00", "Mon 09:00"
// within the week, else the short date and time. In t's own time zone.
QString when(const QDateTime &t, const QDateTime &now);

// Amounts of the company's money (its config's company.currency, ISO 4217) as the console's locale
// writes them: "€1,234.50" in English, "1.234,50 €" in German (the C locale writes as English does).
QString money(double amount, const QString &currency);
// What goes before and after a number of that money in a spin box: {"€", ""} in English, {"", " €"} in German.
std::pair<QString, QString> moneyAffixes(const QString &currency);

} // namespace tierdesk::ui::display
