#pragma once

#include <QDateTime>

namespace tierdesk {

// Every time-dependent rule (timeouts, SLA, rate limits, token expiry) reads
// the time through a Clock so tests can move it by hand.
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0;
    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }
    qint64 nowSecs() const { return now().toSecsSinceEpoch(); }
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
    static Clock &instance();
};

} // namespace tierdesk
