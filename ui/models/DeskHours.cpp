#include "ui/models/DeskHours.h"

#include "ui/models/Display.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace tierdesk::ui {
namespace {

// "09:30" -> 570, "24:00" -> 1440; -1 when unreadable.
int minuteOfDay(const QString &hhmm)
{
    if (hhmm == QLatin1String("24:00"))
        return 24 * 60;
    const QTime t = QTime::fromString(hhmm, QStringLiteral("HH:mm"));
    return t.isValid() ? t.hour() * 60 + t.minute() : -1;
}

QDateTime wallClock(const QDate &day, int minute, const QTimeZone &zone)
{
    // 24:00 is the next day's midnight; a time the clocks skip means the moment after the jump.
    if (minute >= 24 * 60)
        return QDateTime(day.addDays(1), QTime(0, 0), zone);
    return QDateTime(day, QTime(minute / 60, minute % 60), zone);
}

} // namespace

DeskHours DeskHours::fromJson(const QJsonValue &hours)
{
    DeskHours h;
    const QJsonObject o = hours.toObject();
    const QByteArray id = o.value(QLatin1String("timeZone")).toString().toUtf8();
    if (id.isEmpty() || !QTimeZone::isTimeZoneIdAvailable(id))
        return h;
    const QTimeZone zone(id);
    static const char *const days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    const QJsonObject weekly = o.value(QLatin1String("weekly")).toObject();
    for (int d = 0; d < 7; ++d)
        for (const QJsonValue &v : weekly.value(QLatin1String(days[d])).toArray()) {
            const QJsonArray pair = v.toArray();
            const int from = minuteOfDay(pair.at(0).toString()), to = minuteOfDay(pair.at(1).toString());
            if (from >= 0 && to > from)
                h.m_weekly[d].append({from, to});
        }
    for (const QJsonValue &v : o.value(QLatin1String("holidays")).toArray())
        h.m_holidays.insert(QDate::fromString(v.toString(), Qt::ISODate));
    h.m_zone = zone;
    return h;
}

QList<DeskHours::Stretch> DeskHours::stretches(const QDate &from, int days) const
{
    QList<Stretch> all;
    for (QDate day = from; day < from.addDays(days); day = day.addDays(1)) {
        if (m_holidays.contains(day))
            continue;
        for (const auto &[start, end] : m_weekly[day.dayOfWeek() - 1])
            all.append({wallClock(day, start, m_zone), wallClock(day, end, m_zone)});
    }
    std::sort(all.begin(), all.end(), [](const Stretch &a, const Stretch &b) { return a.start < b.start; });
    // Touching intervals ("20:00-24:00" then "00:00-04:00") are one stretch.
    QList<Stretch> merged;
    for (const Stretch &s : all) {
        if (!merged.isEmpty() && s.start <= merged.last().end)
            merged.last().end = qMax(merged.last().end, s.end);
        else
            merged.append(s);
    }
    return merged;
}

DeskHours::Stretch DeskHours::stretchAt(const QDateTime &t) const
{
    if (!isSet())
        return {};
    // From the day before (a stretch over midnight) to two weeks ahead (holidays, long closings).
    const QDate today = t.toTimeZone(m_zone).date();
    for (const Stretch &s : stretches(today.addDays(-1), 16))
        if (s.end > t)
            return s;
    return {};
}

bool DeskHours::isOpenAt(const QDateTime &t) const
{
    if (!isSet())
        return true;
    const Stretch s = stretchAt(t);
    return s.start.isValid() && s.start <= t && t < s.end;
}

QString DeskHours::status(const QDateTime &now, const QTimeZone &viewer) const
{
    if (!isSet())
        return {};
    const Stretch s = stretchAt(now);
    const QDateTime here = now.toTimeZone(m_zone);
    QString text;
    if (!s.start.isValid())
        text = tr("Closed for the next two weeks");
    else if (s.start <= now)
        text = tr("Open until %1").arg(display::when(s.end.toTimeZone(m_zone), here));
    else
        text = tr("Closed — opens %1").arg(display::when(s.start.toTimeZone(m_zone), here));
    if (viewer.offsetFromUtc(now) != m_zone.offsetFromUtc(now))
        text += QStringLiteral(" (%1)").arg(QString::fromUtf8(m_zone.id()));
    return text;
}

QString DeskHours::slaNote() const
{
    if (!isSet())
        return tr("Time left to the next SLA target: the first response, then the resolution.");
    return tr("Time left to the next SLA target. Due times count only the desk's open hours (%1): "
              "a conversation that arrives while the desk is closed starts counting when it opens.")
        .arg(QString::fromUtf8(m_zone.id()));
}

} // namespace tierdesk::ui
