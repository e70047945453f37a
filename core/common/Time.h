#pragma once

#include <QDateTime>
#include <QString>

namespace tierdesk::timefmt {

// ISO 8601 in UTC with a 'Z', as every API family prints times.
QString iso(qint64 msecsSinceEpoch);
QString iso(const QDateTime &t);
// Parses ISO 8601 (date or date-time, with or without zone; UTC assumed).
// Returns an invalid QDateTime on bad input.
QDateTime parseIso(const QString &text);

} // namespace tierdesk::timefmt
