#include "core/api/cs/LoginGuard.h"

namespace tierdesk::api {
namespace {

QString emailKey(const QString &email)
{
    return QStringLiteral("email:") + email;
}
QString addressKey(const QString &address)
{
    return QStringLiteral("addr:") + address;
}

} // namespace

LoginGuard::LoginGuard(const Clock &clock, int failuresPerWindow, int windowSecs)
    : m_failures(clock), m_limit(qMax(1, failuresPerWindow)), m_window(qMax(1, windowSecs))
{
    m_pool.setMaxThreadCount(qBound(1, QThread::idealThreadCount(), 4));
}

LoginGuard::~LoginGuard()
{
    m_pool.waitForDone();
}

RateDecision LoginGuard::decide(const QString &key) const
{
    // Checks still running count as failures until they are known.
    const int pending = m_pending.value(key);
    RateDecision d = m_failures.peek(key, qMax(1, m_limit - pending), m_window);
    if (pending >= m_limit) {
        d.allowed = false;
        d.retryAfter = qMax<qint64>(1, d.retryAfter);
    }
    d.limit = m_limit;
    return d;
}

RateDecision LoginGuard::admit(const QString &email, const QString &address)
{
    const RateDecision byEmail = decide(emailKey(email));
    const RateDecision byAddress = decide(addressKey(address));
    if (!byEmail.allowed || !byAddress.allowed) {
        RateDecision refused = !byEmail.allowed ? byEmail : byAddress;
        if (!byEmail.allowed && !byAddress.allowed)
            refused.retryAfter = qMax(byEmail.retryAfter, byAddress.retryAfter);
        return refused;
    }
    ++m_pending[emailKey(email)];
    ++m_pending[addressKey(address)];
    ++m_inFlight;
    return byAddress;
}

void LoginGuard::finish(const QString &email, const QString &address, bool failed)
{
    for (const QString &key : {emailKey(email), addressKey(address)}) {
        auto it = m_pending.find(key);
        if (it != m_pending.end() && --*it <= 0)
            m_pending.erase(it);
        if (failed)
            m_failures.hit(key, m_limit, m_window);
    }
    --m_inFlight;
}

} // namespace tierdesk::api
