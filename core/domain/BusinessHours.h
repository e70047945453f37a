#pragma once

#include <QDate>
#include <QList>
#include <QString>
#include <QTimeZone>

#include <array>
#include <optional>

// A company's business hours ("desk.businessHours" of the CS config): the weekly open
// intervals in its time zone and the holidays it is closed all day. SLA clocks count only
// the open time (docs/api.md, "Business hours").
namespace tierdesk {

// An open interval of a local day, in minutes since midnight; `to` may be 1440 ("24:00").
struct OpenInterval {
    int from = 0;
    int to = 0;
};

struct BusinessHours {
    static constexpr int kMaxIntervalsPerDay = 8;
    static constexpr int kMaxHolidays = 366;
    // How far one walk through the calendar goes: enough for a whole year of holidays on
    // the only open weekday. Beyond it every moment counts as open, so no calendar, valid
    // or not, makes a walk longer than this.
    static constexpr int kMaxDaysWalked = 3660;

    QTimeZone timeZone;
    std::array<QList<OpenInterval>, 7> weekly; // Monday first, each day's intervals sorted
    QList<QDate> holidays; // sorted, each once

    // "mon" .. "sun", the keys of `weekly` in the config; Monday first.
    static const std::array<const char *, 7> &dayKeys();
    // "HH:MM" as minutes since midnight: 00:00 to 23:59, and 24:00 where `end` is true.
    static std::optional<int> parseClock(const QString &text, bool end);
    static QString clockText(int minutes);

    bool isOpen(qint64 ms) const;
    // `ms` itself when open, else the next moment the company opens.
    qint64 nextOpening(qint64 ms) const;
    // The moment `durationMs` of open time after `fromMs` has passed; a clock started while
    // closed starts at the next opening (a duration of 0 gives that opening).
    qint64 addOpenTime(qint64 fromMs, qint64 durationMs) const;
    // The open time in [a, b); 0 when b <= a.
    qint64 openTimeBetween(qint64 a, qint64 b) const;
    // The open time of a whole week; 0: never open.
    int weeklyOpenMinutes() const;

private:
    struct Span {
        qint64 start = 0;
        qint64 end = 0;
    };
    bool isHoliday(QDate day) const;
    const QTimeZone &zone() const; // UTC for a zone that is not valid
    // The instant a local wall time of `day` names; a time the clocks skip (a spring-forward
    // gap) names the instant the gap ends.
    qint64 instantOf(QDate day, int minutes) const;
    // The open spans of a local day as instants, in order (none on a holiday).
    QList<Span> spansOn(QDate day) const;
    // Calls visit(span) for each open span that ends after `fromMs`, in order and starting no
    // earlier than `fromMs`, until it returns false (then: none) or kMaxDaysWalked days are
    // walked (then: the instant the walk stopped at, beyond which all counts as open).
    template <typename Visit> std::optional<qint64> walk(qint64 fromMs, Visit visit) const;
};

} // namespace tierdesk
