#include "core/domain/BusinessHours.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace tierdesk {
namespace {

constexpr qint64 kMsPerHour = 3600 * 1000;

const QTimeZone &utcZone()
{
    static const QTimeZone utc = QTimeZone::utc();
    return utc;
}

} // namespace

const std::array<const char *, 7> &BusinessHours::dayKeys()
{
    static const std::array<const char *, 7> keys{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    return keys;
}

std::optional<int> BusinessHours::parseClock(const QString &text, bool end)
{
    static const QRegularExpression pattern(QStringLiteral("^([0-2][0-9]):([0-5][0-9])$"));
    const QRegularExpressionMatch m = pattern.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    const int minutes = m.captured(1).toInt() * 60 + m.captured(2).toInt();
    if (minutes < 24 * 60 || (end && minutes == 24 * 60))
        return minutes;
    return std::nullopt;
}

QString BusinessHours::clockText(int minutes)
{
    return QStringLiteral("%1:%2")
        .arg(minutes / 60, 2, 10, QLatin1Char('0'))
        .arg(minutes % 60, 2, 10, QLatin1Char('0'));
}

int BusinessHours::weeklyOpenMinutes() const
{
    int total = 0;
    for (const QList<OpenInterval> &day : weekly)
        for (const OpenInterval &i : day)
            total += i.to - i.from;
    return total;
}

bool BusinessHours::isHoliday(QDate day) const
{
    return std::binary_search(holidays.cbegin(), holidays.cend(), day);
}

const QTimeZone &BusinessHours::zone() const
{
    return timeZone.isValid() ? timeZone : utcZone();
}

qint64 BusinessHours::instantOf(QDate day, int minutes) const
{
    if (minutes >= 24 * 60) { // "24:00" is the next midnight
        day = day.addDays(1);
        minutes = 0;
    }
    const QTime time(minutes / 60, minutes % 60);
    const QDateTime local(day, time, zone());
    if (local.isValid())
        return local.toMSecsSinceEpoch();
    // In a gap: the change whose skipped wall times hold this one. Offsets stay within
    // ±14 hours, so it lies within 15 hours of the wall time read as UTC.
    const qint64 wall = QDateTime(day, time, utcZone()).toMSecsSinceEpoch();
    const auto changes = zone().transitions(QDateTime::fromMSecsSinceEpoch(wall - 15 * kMsPerHour, utcZone()),
        QDateTime::fromMSecsSinceEpoch(wall + 15 * kMsPerHour, utcZone()));
    for (const QTimeZone::OffsetData &change : changes) {
        const qint64 at = change.atUtc.toMSecsSinceEpoch();
        const qint64 wallBefore = at + qint64(zone().offsetFromUtc(change.atUtc.addMSecs(-1))) * 1000;
        const qint64 wallAfter = at + qint64(change.offsetFromUtc) * 1000;
        if (wall >= wallBefore && wall < wallAfter)
            return at;
    }
    return wall - qint64(zone().offsetFromUtc(QDateTime::fromMSecsSinceEpoch(wall, utcZone()))) * 1000;
}

QList<BusinessHours::Span> BusinessHours::spansOn(QDate day) const
{
    if (!day.isValid() || isHoliday(day))
        return {};
    QList<Span> out;
    for (const OpenInterval &i : weekly.at(size_t(day.dayOfWeek() - 1)))
        out.append({instantOf(day, i.from), instantOf(day, i.to)});
    return out;
}

template <typename Visit> std::optional<qint64> BusinessHours::walk(qint64 fromMs, Visit visit) const
{
    // From the day before: where an offset change falls near midnight, that day's last
    // interval can end after local midnight of the day `fromMs` is in.
    QDate day = QDateTime::fromMSecsSinceEpoch(fromMs, zone()).date().addDays(-1);
    qint64 floor = fromMs; // spans start no earlier, so they stay in order where a change folds local time
    for (int walked = 0; walked < kMaxDaysWalked; ++walked, day = day.addDays(1)) {
        for (Span span : spansOn(day)) {
            span.start = qMax(span.start, floor);
            if (span.end <= span.start)
                continue;
            floor = span.end;
            if (!visit(span))
                return std::nullopt;
        }
    }
    return qMax(instantOf(day, 0), floor);
}

qint64 BusinessHours::nextOpening(qint64 ms) const
{
    qint64 opening = ms;
    const auto stopped = walk(ms, [&](const Span &span) {
        opening = span.start;
        return false;
    });
    return stopped ? *stopped : opening;
}

bool BusinessHours::isOpen(qint64 ms) const
{
    return nextOpening(ms) == ms;
}

qint64 BusinessHours::addOpenTime(qint64 fromMs, qint64 durationMs) const
{
    qint64 left = qMax<qint64>(0, durationMs);
    qint64 due = fromMs;
    const auto stopped = walk(fromMs, [&](const Span &span) {
        if (left <= span.end - span.start) {
            due = span.start + left;
            return false;
        }
        left -= span.end - span.start;
        return true;
    });
    return stopped ? *stopped + left : due;
}

qint64 BusinessHours::openTimeBetween(qint64 a, qint64 b) const
{
    if (b <= a)
        return 0;
    qint64 total = 0;
    const auto stopped = walk(a, [&](const Span &span) {
        if (span.start >= b)
            return false;
        total += qMin(span.end, b) - span.start;
        return span.end < b;
    });
    if (stopped && *stopped < b)
        total += b - *stopped;
    return total;
}

} // namespace tierdesk
