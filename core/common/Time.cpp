#include "core/common/Time.h"

#include <QTimeZone>

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
    const int h = int(rem / 3600), m = int(rem % 3600 / 60), sec = int(rem % 60);
    // Digits written by hand too: snprintf costs more than all the arithmetic above.
    char16_t out[40];
    char16_t *p = out;
    const auto digits = [&p](qint64 value, int width) {
        char16_t buf[20];
        int n = 0;
        const bool negative = value < 0;
        quint64 v = negative ? quint64(-(value + 1)) + 1 : quint64(value);
        do {
            buf[n++] = char16_t(u'0' + v % 10);
            v /= 10;
        } while (v);
        while (n < width)
            buf[n++] = u'0';
        if (negative)
            *p++ = u'-';
        while (n)
            *p++ = buf[--n];
    };
    digits(year, 4);
    *p++ = u'-';
    digits(month, 2);
    *p++ = u'-';
    digits(day, 2);
    *p++ = u'T';
    digits(h, 2);
    *p++ = u':';
    digits(m, 2);
    *p++ = u':';
    digits(sec, 2);
    if (ms) {
        *p++ = u'.';
        digits(ms, 3);
    }
    *p++ = u'Z';
    return QString(reinterpret_cast<const QChar *>(out), p - out);
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
