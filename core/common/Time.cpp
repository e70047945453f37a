#include "core/common/Time.h"

#include <QTimeZone>

namespace tierdesk::timefmt {

QString iso(qint64 msecsSinceEpoch)
{
    return iso(QDateTime::fromMSecsSinceEpoch(msecsSinceEpoch, QTimeZone::utc()));
}

QString iso(const QDateTime &t)
{
    const QDateTime utc = t.toUTC();
    return utc.time().msec() == 0 ? utc.toString(Qt::ISODate) : utc.toString(Qt::ISODateWithMs);
}

QDateTime parseIso(const QString &text)
{
    if (text.isEmpty() || text.size() > 40)
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (!d.isValid())
            return {};
        t = QDateTime(d, QTime(0, 0), QTimeZone::utc());
    }
    if (t.timeSpec() == Qt::LocalTime)
        t.setTimeZone(QTimeZone::utc());
    return t.toUTC();
}

} // namespace tierdesk::timefmt
