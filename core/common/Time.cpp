#include "core/common/Time.h"

#include <QTimeZone>

#include <cstdio>

namespace tierdesk::timefmt {

QString iso(qint64 msecsSinceEpoch)
{
    // Formatted by hand: every API answer prints several times, and
    // QDateTime::toString is slow. Days to civil date: H. Hinnant's algorithm.
    qint64 secs = msecsSinceEpoch / 1000;
    int ms = int(msecsSinceEpoch % 1000);
    if (ms < 0) {
        ms += 1000;
        --secs;
    }
    qint64 days = secs / 86400;
    qint64 rem = secs % 86400;
    if (rem < 0) {
        rem += 86400;
        --days;
    }
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 doe = days - era * 146097;
    const qint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const qint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const qint64 mp = (5 * doy + 2) / 153;
    const int day = int(doy - (153 * mp + 2) / 5 + 1);
    const int month = int(mp < 10 ? mp + 3 : mp - 9);
    const qint64 year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    char buf[32];
    const int h = int(rem / 3600), m = int(rem % 3600 / 60), sec = int(rem % 60);
    const int n = ms ? std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02d.%03dZ", static_cast<long long>(year),
                                     month, day, h, m, sec, ms)
                     : std::snprintf(buf, sizeof buf, "%04lld-%02d-%02dT%02d:%02d:%02dZ", static_cast<long long>(year),
                                     month, day, h, m, sec);
    return QString::fromLatin1(buf, n);
}

QString iso(const QDateTime &t)
{
    return iso(t.toMSecsSinceEpoch());
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
