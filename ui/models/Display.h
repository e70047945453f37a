#pragma once

#include <QColor>
#include <QString>

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

} // namespace tierdesk::ui::display
