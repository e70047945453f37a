// The supervisor's live view of the desk (GET /api/cs/desk/overview).
#include "core/common/Time.h"
#include "core/engine/desk/Desk.h"

#include <QJsonArray>

namespace tierdesk {

Result<QJsonObject> Desk::overview(const QString &companyId)
{
    const auto company = m_engine.company(companyId);
    if (!company)
        return company.error();
    const qint64 now = m_engine.clock().nowMs();
    const qint64 midnight = now - now % 86400000;
    const QHash<QString, QueueCounts> counts = m_repo.counts(companyId, midnight);
    QStringList names = company->config.desk.queueNames();
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (!names.contains(it.key()))
            names << it.key(); // a queue removed from the config that still holds sessions
    QJsonArray queues;
    for (const QString &name : std::as_const(names)) {
        const QueueCounts c = counts.value(name);
        const int settled = c.met + c.missed;
        queues.append(QJsonObject{{QStringLiteral("queue"), name}, {QStringLiteral("waiting"), c.waiting},
            {QStringLiteral("claimed"), c.claimed}, {QStringLiteral("atRisk"), c.warning},
            {QStringLiteral("breached"), c.breached},
            {QStringLiteral("oldestWaitingSince"),
                c.oldestWaitingAt > 0 ? QJsonValue(timefmt::iso(c.oldestWaitingAt)) : QJsonValue()},
            {QStringLiteral("longestWaitSeconds"),
                c.oldestWaitingAt > 0 ? qMax<qint64>(0, (now - c.oldestWaitingAt) / 1000) : 0},
            {QStringLiteral("slaToday"),
                QJsonObject{{QStringLiteral("met"), c.met}, {QStringLiteral("missed"), c.missed},
                    // Percent met, one decimal; null before anything was settled today.
                    {QStringLiteral("attainment"),
                        settled > 0 ? QJsonValue(qRound(c.met * 1000.0 / settled) / 10.0) : QJsonValue()}}}});
    }
    QJsonArray held;
    for (const HeldSession &h : m_repo.held(companyId))
        held.append(QJsonObject{{QStringLiteral("sessionId"), h.sessionId}, {QStringLiteral("agentId"), h.agentId},
            {QStringLiteral("agentName"), h.agentName}, {QStringLiteral("queue"), h.queue},
            {QStringLiteral("customerName"), h.customerName}, {QStringLiteral("claimedAt"), timefmt::iso(h.claimedAt)},
            {QStringLiteral("slaState"), toString(h.sla)}});
    return QJsonObject{{QStringLiteral("at"), timefmt::iso(now)}, {QStringLiteral("since"), timefmt::iso(midnight)},
        {QStringLiteral("queues"), queues}, {QStringLiteral("held"), held}};
}

} // namespace tierdesk
