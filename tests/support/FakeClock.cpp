#include "tests/support/FakeClock.h"

namespace tierdesk::test {

FakeClock::FakeClock(QDateTime start) : m_now(start.toUTC()) { }

} // namespace tierdesk::test
