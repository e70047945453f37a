#include "core/engine/sources/CrmTickets.h"

#include "core/engine/sources/Connectors.h"
#include "core/store/Store.h"

#include <QLoggingCategory>
#include <QTimer>

namespace tierdesk {
namespace {

constexpr int kResumeBatch = 500; // pending tickets one resume() calls again at most

QString failureKey(const QString &companyId, const QString &connector)
{
    return companyId + QLatin1Char('\n') + connector;
}

// The number of the session's last escalation when it went to a person (transfers are no
// escalation of their own), else 0.
int personEscalation(const Session &s)
{
    int number = 0;
    const EscalationRecord *last = nullptr;
    for (const EscalationRecord &e : s.escalationHistory)
        if (!e.transfer) {
            ++number;
            last = &e;
        }
    return last && last->toTier == Tier::HumanAgent ? number : 0;
}

} // namespace

CrmTickets::CrmTickets(EngineCore &core, Connectors &connectors, QObject *parent)
    : QObject(parent), m_core(core), m_connectors(connectors)
{
}

void CrmTickets::escalated(const QString &companyId, const QString &sessionId)
{
    const auto company = m_core.company(companyId);
    if (!company)
        return;
    const QString named = company->config.connectors.ticket;
    if (named == QLatin1String(ConnectorSettings::kBuiltin))
        return;
    const std::optional<Session> s = m_core.store().sessions().find(sessionId, true, MessageWindow{1, -1});
    const int number = s ? personEscalation(*s) : 0;
    if (number == 0 || m_core.store().crmTickets().find(companyId, sessionId, number))
        return;
    CrmTicket t;
    t.companyId = companyId;
    t.sessionId = sessionId;
    t.escalation = number;
    t.connector = named;
    t.createdAt = t.updatedAt = m_core.clock().nowMs();
    Store &store = m_core.store();
    store.batch().run([&] { return bool(store.crmTickets().put(t)); });
    attempt(t);
}

void CrmTickets::resume()
{
    for (const CrmTicket &t : m_core.store().crmTickets().pending(kMaxAttempts, kResumeBatch))
        attempt(t);
}

void CrmTickets::attempt(const CrmTicket &ticket)
{
    const Result<Connector> c = m_connectors.find(ticket.companyId, ticket.connector);
    const std::optional<Session> s = m_core.store().sessions().find(ticket.sessionId, true, MessageWindow{1, -1});
    if (!c || !c->serves(ConnectorPurpose::Ticket) || !s)
        return answered(ticket, false, {},
            c ? QStringLiteral("the session is gone")
              : QStringLiteral("the connector \"%1\" is not there").arg(ticket.connector));
    connectors::ConnectorInput in;
    in.purpose = ConnectorPurpose::Ticket;
    in.contact.contactId = s->id;
    in.values.insert(QStringLiteral("sessionId"), s->id);
    in.values.insert(QStringLiteral("customerId"), s->customerId);
    int seen = 0;
    for (const EscalationRecord &e : s->escalationHistory)
        if (!e.transfer && ++seen == ticket.escalation)
            in.values.insert(QStringLiteral("reason"), toString(e.reason));
    if (const auto customer = m_core.store().customers().find(s->companyId, s->customerId)) {
        in.values.insert(QStringLiteral("email"), customer->email);
        in.values.insert(QStringLiteral("phone"), customer->phone);
    }
    in.values.insert(QStringLiteral("idempotencyKey"),
        QStringLiteral("tierdesk-ticket-%1-%2").arg(ticket.sessionId).arg(ticket.escalation));
    m_connectors.call(*c, in, s->id, this, [this, ticket](const connectors::ConnectorAnswer &a) {
        const QString id = a.fields.value(QStringLiteral("id")).trimmed();
        if (a.ok && a.found && !id.isEmpty())
            return answered(ticket, true, id, {});
        answered(ticket, false, {},
            !a.ok ? a.error
                  : (a.found ? QStringLiteral("the answer holds no ticket id (fields.ticket.id)")
                             : QStringLiteral("HTTP %1").arg(a.status)));
    });
}

void CrmTickets::answered(CrmTicket ticket, bool ok, const QString &ticketId, const QString &error)
{
    ticket.attempts += 1;
    ticket.updatedAt = m_core.clock().nowMs();
    ticket.ticketId = ticketId.left(200);
    ticket.lastError = error.left(500);
    int &failures = m_failuresInRow[failureKey(ticket.companyId, ticket.connector)];
    failures = ok ? 0 : failures + 1;
    Store &store = m_core.store();
    store.batch().run([&] { return bool(store.crmTickets().put(ticket)); });
    if (ok || ticket.attempts >= kMaxAttempts) {
        if (!ok)
            qWarning("CRM ticket for %s (escalation %d) not opened after %d attempts: %s", qPrintable(ticket.sessionId),
                ticket.escalation, ticket.attempts, qPrintable(ticket.lastError));
        emit settled(ticket.companyId, ticket.sessionId, ticket.escalation, ticket.ticketId);
        return;
    }
    qWarning("CRM ticket for %s (escalation %d), attempt %d failed: %s", qPrintable(ticket.sessionId),
        ticket.escalation, ticket.attempts, qPrintable(ticket.lastError));
    int delay = m_retryDelayMs;
    for (int i = 1; i < ticket.attempts; ++i)
        delay *= 4;
    QTimer::singleShot(delay, this, [this, ticket] { attempt(ticket); });
}

QHash<int, QString> CrmTickets::ticketIds(const QString &companyId, const QString &sessionId)
{
    QHash<int, QString> out;
    for (const CrmTicket &t : m_core.store().crmTickets().ofSession(companyId, sessionId))
        if (t.opened())
            out.insert(t.escalation, t.ticketId);
    return out;
}

std::optional<std::pair<QString, int>> CrmTickets::escalationOf(const QString &companyId, const QString &ticketId)
{
    const std::optional<CrmTicket> t = m_core.store().crmTickets().byTicketId(companyId, ticketId);
    if (!t)
        return std::nullopt;
    return std::pair{t->sessionId, t->escalation};
}

QString CrmTickets::health()
{
    int worst = 0;
    for (auto it = m_failuresInRow.cbegin(); it != m_failuresInRow.cend(); ++it) {
        const QStringList parts = it.key().split(QLatin1Char('\n'));
        const auto company = m_core.company(parts.value(0));
        if (company && company->config.connectors.ticket == parts.value(1)) // still the one named
            worst = qMax(worst, it.value());
    }
    if (worst == 0)
        return QStringLiteral("healthy");
    return worst >= kUnhealthyAfter ? QStringLiteral("unhealthy") : QStringLiteral("degraded");
}

} // namespace tierdesk
