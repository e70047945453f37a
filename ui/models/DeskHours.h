#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QTimeZone>

namespace tierdesk::ui {

// The company's desk.businessHours (docs/api.md "Business hours") as the console shows them:
// open now or not, and until when or from when. The weekdays, times and holidays are the
// company's wall clock in its IANA time zone; QTimeZone does every conversion.
class DeskHours {
    Q_DECLARE_TR_FUNCTIONS(DeskHours)

public:
    // A moment the desk opens or closes, and the stretch it belongs to.
    struct Stretch {
        QDateTime start; // in the company's zone
        QDateTime end;
    };

    // null, absent or unreadable: always open (isSet() false).
    static DeskHours fromJson(const QJsonValue &hours);

    bool isSet() const { return m_zone.isValid(); }
    QTimeZone timeZone() const { return m_zone; }
    bool isOpenAt(const QDateTime &t) const;
    // The open stretch holding t, or else the next one (within two weeks); start invalid when none.
    Stretch stretchAt(const QDateTime &t) const;
    // "Open until 17:00" / "Closed — opens Mon 09:00"; with the zone's name when the viewer's
    // clock (`viewer`) shows another time. "" without business hours.
    QString status(const QDateTime &now, const QTimeZone &viewer = QTimeZone::systemTimeZone()) const;
    // What the SLA column's due times mean under these hours.
    QString slaNote() const;

private:
    QList<Stretch> stretches(const QDate &from, int days) const;

    QTimeZone m_zone;
    QList<QPair<int, int>> m_weekly[7]; // per weekday Mon..Sun: [start, end) in minutes of the day
    QSet<QDate> m_holidays;
};

} // namespace tierdesk::ui
