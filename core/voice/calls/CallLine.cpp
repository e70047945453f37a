#include "core/voice/calls/CallLine.h"

#include "core/engine/desk/Desk.h"
#include "core/voice/calls/CallWaiting.h"
#include "core/voice/calls/LiveCall.h"

#include <algorithm>

namespace tierdesk::voice {

CallLine::CallLine(SessionEngine &engine, const CallSettings &settings, QObject *parent)
    : QObject(parent), m_engine(engine), m_settings(settings)
{
}

CallLine::~CallLine() = default;

int CallLine::find(const LiveCall *call) const
{
    for (int i = 0; i < m_waiting.size(); ++i)
        if (m_waiting.at(i).call == call)
            return i;
    return -1;
}

bool CallLine::companyClosed(const QString &companyId) const
{
    const Result<Company> company = m_engine.company(companyId);
    const std::optional<BusinessHours> &hours = company ? company->config.desk.businessHours : std::nullopt;
    return hours && !hours->isOpen(m_engine.clock().nowMs());
}

void CallLine::placed(LiveCall *call)
{
    const int at = find(call);
    if (call->state() != QLatin1String("queued")) {
        if (at >= 0)
            leave(at);
        return;
    }
    const std::optional<QueueItem> item = m_desk ? m_desk->item(call->sessionId()) : std::nullopt;
    const QString queue = item ? item->item.queue : call->queue();
    const QString before = at >= 0 ? m_waiting.at(at).queue : QString();
    if (at >= 0) { // moved to another queue: the SLA clock, and so the place, runs on
        m_waiting[at].queue = queue;
    } else {
        Waiter w{call, call->companyId(), queue, item ? item->item.queuedAt : m_engine.clock().nowMs(), ++m_arrivals,
            nullptr};
        m_waiting.append(w);
    }
    std::stable_sort(m_waiting.begin(), m_waiting.end(), [](const Waiter &a, const Waiter &b) {
        return a.since != b.since ? a.since < b.since : a.arrival < b.arrival;
    });
    renumber(call->companyId(), queue, call);
    if (!before.isEmpty() && before != queue)
        renumber(call->companyId(), before, call);
    Waiter &w = m_waiting[find(call)];
    if (!w.waiting) // it hears its place once it is known: after this state change is said
        w.waiting = new CallWaiting(m_engine, *call, m_settings, companyClosed(call->companyId()), call);
}

void CallLine::leave(int index)
{
    const Waiter w = m_waiting.takeAt(index);
    if (w.waiting)
        w.waiting->deleteLater(); // it may be what moved the call out of the line
    if (w.call)
        w.call->setPlace(w.queue, 0, false);
    renumber(w.companyId, w.queue, nullptr);
}

void CallLine::renumber(const QString &companyId, const QString &queue, const LiveCall *quiet)
{
    int place = 0;
    for (const Waiter &w : std::as_const(m_waiting)) {
        if (w.companyId != companyId || w.queue != queue || !w.call)
            continue;
        ++place;
        w.call->setPlace(queue, place, w.call != quiet);
    }
}

QList<LiveCall *> CallLine::waiting(const QString &companyId) const
{
    QList<LiveCall *> calls;
    for (const Waiter &w : m_waiting)
        if (w.companyId == companyId && w.call)
            calls.append(w.call);
    return calls;
}

} // namespace tierdesk::voice
