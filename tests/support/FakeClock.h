#pragma once

#include "core/common/Clock.h"

namespace tierdesk::test {

// A clock that moves only when the test says so.
class FakeClock final : public Clock {
public:
    explicit FakeClock(QDateTime start = QDateTime::fromString(QStringLiteral("2025-12-19T12:00:00Z"), Qt::ISODate));
    QDateTime now() const override { return m_now; }
    void advanceSecs(qint64 s) { m_now = m_now.addSecs(s); }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }
    void set(const QDateTime &t) { m_now = t.toUTC(); }

private:
    QDateTime m_now;
};

} // namespace tierdesk::test
