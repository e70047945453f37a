// /api/escalation: create, get and update tickets. A ticket is one escalation of a
// session (agentjson::ticketId); the agent desk holds its priority and its agent,
// the session's metadata what the engine has no place for (satisfaction, notes).
#include "core/api/agent/AgentApi.h"

#include "core/api/agent/AgentErrors.h"
#include "core/api/agent/AgentJson.h"
#include "core/common/Time.h"
#include "core/common/Validation.h"

#include <cmath>

namespace tierdesk::api {
namespace {

const QString kTickets = QStringLiteral("agentApiTickets");
constexpr int kMaxNotesChars = 2000;

std::optional<Priority> parseSeedPriority(const QString &p)
{
    if (p == QLatin1String("low"))
        return Priority::Low;
    if (p == QLatin1String("medium"))
        return Priority::Normal;
    if (p == QLatin1String("high"))
        return Priority::High;
    if (p == QLatin1String("urgent"))
        return Priority::Urgent;
    return std::nullopt;
}

http::HttpResponse invalid(const QString &field, const QString &details)
{
    return agent::error(ErrorKind::InvalidArgument, QStringLiteral("Invalid field: ") + field, details);
}

QString clientName(const Session &s)
{
    const QString name = QJsonValue::fromVariant(s.metadata.value(QStringLiteral("agentApiSessionId"))).toString();
    return name.isEmpty() ? s.id : name;
}

} // namespace

QString AgentApi::ticketIdOf(const Session &s, int number)
{
    const QString crm = m_engine.connectors().tickets().ticketIds(s.companyId, s.id).value(number);
    return crm.isEmpty() ? agentjson::ticketId(s.id, number) : crm;
}

std::optional<std::pair<QString, int>> AgentApi::parseTicket(const QString &company, const QString &ticketId)
{
    if (const auto generated = agentjson::parseTicketId(ticketId))
        return generated;
    return m_engine.connectors().tickets().escalationOf(company, ticketId);
}

int AgentApi::ticketCount(const Session &s)
{
    int n = 0;
    for (const EscalationRecord &e : s.escalationHistory)
        n += e.transfer ? 0 : 1;
    return n;
}

void AgentApi::createEscalation(const CallPtr &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto clientId = requiredString(c, *body, "session_id", m_engine.limits().maxIdChars);
    const auto reasonText = clientId ? requiredString(c, *body, "reason", 64) : std::nullopt;
    const auto priorityText = reasonText ? requiredString(c, *body, "priority", 16) : std::nullopt;
    if (!priorityText)
        return;
    const auto reason = agentjson::parseReason(*reasonText);
    if (!reason)
        return fail(c,
            invalid(QStringLiteral("reason"),
                QStringLiteral("reason must be one of ") + agentjson::reasonNames().join(QStringLiteral(", "))));
    const auto priority = parseSeedPriority(*priorityText);
    if (!priority)
        return fail(c,
            invalid(QStringLiteral("priority"), QStringLiteral("priority must be one of low, medium, high, urgent")));
    QJsonObject extras{{QStringLiteral("priority"), *priorityText}};
    for (const auto &[field, low] : {std::pair{"customer_sentiment", -1.0}, std::pair{"query_complexity", 0.0}}) {
        const QJsonValue v = body->value(QLatin1String(field));
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isDouble() || v.toDouble() < low || v.toDouble() > 1.0)
            return fail(c,
                invalid(QLatin1String(field),
                    QStringLiteral("%1 must be a number from %2 to 1").arg(QLatin1String(field)).arg(low)));
        extras.insert(QLatin1String(field), v);
    }
    const QJsonValue context = body->value(QLatin1String("additional_context"));
    if (!context.isUndefined() && !context.isNull()
        && (!context.isString() || context.toString().size() > kMaxNotesChars))
        return fail(c,
            invalid(QStringLiteral("additional_context"),
                QStringLiteral("additional_context must be a string of at most 2000 characters")));
    const auto found = findSession(c, *clientId);
    if (!found)
        return;
    auto s = m_engine.escalate(c->company, found->id, *reason, Tier::HumanAgent, context.toString(), c->actor);
    if (!s)
        return fail(c, s.error());
    const int number = ticketCount(*s);
    if (m_desk && m_desk->item(s->id))
        if (const auto changed = m_desk->setPriority(c->company, s->id, *priority, c->actor); !changed)
            return fail(c, changed.error());
    if (const auto stored = storeTicketExtras(c, *s, number, extras); !stored)
        return fail(c, stored.error());
    const auto ticket = ticketJson(c, *clientId, number);
    if (!ticket)
        return;
    escalationCreated(c->company, *ticket);
    QJsonObject out{{QStringLiteral("ticket_id"), ticket->value(QLatin1String("ticket_id"))},
        {QStringLiteral("session_id"), *clientId},
        {QStringLiteral("priority"), ticket->value(QLatin1String("priority"))},
        {QStringLiteral("status"), ticket->value(QLatin1String("status"))},
        {QStringLiteral("created_at"), ticket->value(QLatin1String("created_at"))},
        {QStringLiteral("estimated_response_time"), ticket->value(QLatin1String("estimated_response_time"))},
        {QStringLiteral("assigned_agent"), ticket->value(QLatin1String("assigned_agent"))}};
    reply(c, http::HttpResponse::json(201, out));
}

Result<Session> AgentApi::storeTicketExtras(const CallPtr &c, const Session &s, int number, const QJsonObject &changes)
{
    QJsonObject tickets = QJsonValue::fromVariant(s.metadata.value(kTickets)).toObject();
    QJsonObject mine = tickets.value(QString::number(number)).toObject();
    for (auto it = changes.constBegin(); it != changes.constEnd(); ++it)
        mine.insert(it.key(), it.value());
    mine.insert(QStringLiteral("updated_at"), timefmt::iso(m_engine.clock().nowMs()));
    tickets.insert(QString::number(number), mine);
    return m_engine.setMetadataEntry(c->company, s.id, kTickets, tickets.toVariantMap(), c->actor);
}

// The ticket's fields; answers 404 itself for a ticket that is not this company's.
std::optional<QJsonObject> AgentApi::ticketJson(const CallPtr &c, const QString &ticketId, int knownNumber)
{
    QString engineId;
    int number = knownNumber;
    if (knownNumber > 0) {
        engineId = ticketId; // just made: the caller passes the client's session name
    } else if (const auto parsed = parseTicket(c->company, ticketId)) {
        engineId = parsed->first;
        number = parsed->second;
    }
    // A parsed ticket names the engine's id, which sessionNamed() finds as well.
    const auto s = engineId.isEmpty() ? std::nullopt : sessionNamed(c->company, engineId, {});
    if (!s || number > ticketCount(*s)) {
        fail(c,
            agent::error(ErrorKind::NotFound, QStringLiteral("Ticket not found"),
                QStringLiteral("ticket_id: ") + ticketId.left(128)));
        return std::nullopt;
    }
    const EscalationRecord *record = nullptr;
    int seen = 0;
    for (const EscalationRecord &e : s->escalationHistory)
        if (!e.transfer && ++seen == number)
            record = &e;
    const QJsonObject extras
        = QJsonValue::fromVariant(s->metadata.value(kTickets)).toObject().value(QString::number(number)).toObject();
    const bool newest = number == ticketCount(*s);
    const auto item = newest && m_desk ? m_desk->item(s->id) : std::nullopt;
    const QString status = ticketStatus(*s, number);
    QJsonValue estimate;
    if (item && status == QLatin1String("open")) {
        const qint64 due = item->item.firstResponseDue;
        const qint64 minutes = qMax<qint64>(0, (due - m_engine.clock().nowMs() + 59999) / 60000);
        estimate = QStringLiteral("%1 minutes").arg(minutes);
    }
    const QString priority = item ? agentjson::seedPriority(toString(item->item.priority))
                                  : extras.value(QLatin1String("priority")).toString(QStringLiteral("medium"));
    QString notes = extras.value(QLatin1String("resolution_notes")).toString();
    if (notes.isEmpty() && s->resolution && newest)
        notes = s->resolution->summary;
    return QJsonObject{{QStringLiteral("ticket_id"), ticketIdOf(*s, number)},
        {QStringLiteral("session_id"), clientName(*s)}, {QStringLiteral("customer_id"), s->customerId},
        {QStringLiteral("reason"), agentjson::reasonName(record->reason)}, {QStringLiteral("priority"), priority},
        {QStringLiteral("status"), status}, {QStringLiteral("created_at"), timefmt::iso(record->timestamp)},
        {QStringLiteral("updated_at"),
            extras.value(QLatin1String("updated_at")).toString(timefmt::iso(record->timestamp))},
        {QStringLiteral("assigned_agent"),
            item && item->item.claimed() ? QJsonValue(item->item.assigneeId) : QJsonValue()},
        {QStringLiteral("resolution_notes"), notes.isEmpty() ? QJsonValue() : QJsonValue(notes)},
        {QStringLiteral("customer_satisfaction"), customerSatisfaction(c, *s, extras)},
        {QStringLiteral("estimated_response_time"), estimate}};
}

QJsonValue AgentApi::customerSatisfaction(const CallPtr &c, const Session &s, const QJsonObject &extras)
{
    const auto stored = m_engine.ratings().find(c->company, s.id, c->actor);
    if (stored && stored->has_value())
        return (*stored)->rating;
    return extras.contains(QLatin1String("customer_satisfaction"))
        ? extras.value(QLatin1String("customer_satisfaction"))
        : QJsonValue();
}

void AgentApi::getEscalation(const CallPtr &c)
{
    auto ticket = ticketJson(c, c->req.pathParams.value(QStringLiteral("id")));
    if (!ticket)
        return;
    ticket->remove(QStringLiteral("estimated_response_time"));
    reply(c, http::HttpResponse::json(200, *ticket));
}

// Checks the whole body before changing anything.
std::optional<AgentApi::TicketUpdate> AgentApi::ticketUpdate(const CallPtr &c, const QJsonObject &body)
{
    TicketUpdate u;
    static const QStringList statuses{
        QStringLiteral("open"), QStringLiteral("assigned"), QStringLiteral("resolved"), QStringLiteral("closed")};
    if (const QJsonValue v = body.value(QLatin1String("status")); !v.isUndefined() && !v.isNull()) {
        if (!statuses.contains(v.toString())) {
            fail(c,
                invalid(QStringLiteral("status"),
                    QStringLiteral("status must be one of open, assigned, resolved, closed")));
            return std::nullopt;
        }
        u.status = v.toString();
    }
    if (const QJsonValue v = body.value(QLatin1String("assigned_agent")); !v.isUndefined() && !v.isNull()) {
        if (!v.isString() || v.toString().isEmpty() || v.toString().size() > 128) {
            fail(c, invalid(QStringLiteral("assigned_agent"), QStringLiteral("assigned_agent must be an agent id")));
            return std::nullopt;
        }
        u.agent = v.toString();
    }
    if (const QJsonValue v = body.value(QLatin1String("resolution_notes")); !v.isUndefined() && !v.isNull()) {
        if (!v.isString() || v.toString().size() > kMaxNotesChars) {
            fail(c,
                invalid(QStringLiteral("resolution_notes"),
                    QStringLiteral("resolution_notes must be a string of at most 2000 characters")));
            return std::nullopt;
        }
        if (const Status text = checkText(QStringLiteral("resolution_notes"), v.toString(), kMaxNotesChars); !text) {
            fail(c, text.error());
            return std::nullopt;
        }
        u.extras.insert(QStringLiteral("resolution_notes"), v.toString());
    }
    if (const QJsonValue v = body.value(QLatin1String("customer_satisfaction")); !v.isUndefined() && !v.isNull()) {
        const double d = v.toDouble(-1);
        if (!v.isDouble() || d != std::floor(d) || d < 1 || d > 5) {
            fail(c,
                invalid(QStringLiteral("customer_satisfaction"),
                    QStringLiteral("customer_satisfaction must be a whole number from 1 to 5")));
            return std::nullopt;
        }
        u.satisfaction = int(d);
    }
    if (u.status.isEmpty() && u.agent.isEmpty() && u.extras.isEmpty() && u.satisfaction == 0) {
        fail(c,
            agent::error(ErrorKind::InvalidArgument, QStringLiteral("Nothing to update"),
                QStringLiteral("Give status, assigned_agent, resolution_notes or customer_satisfaction")));
        return std::nullopt;
    }
    return u;
}

void AgentApi::updateEscalation(const CallPtr &c)
{
    const QString ticketId = c->req.pathParams.value(QStringLiteral("id"));
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto update = ticketUpdate(c, *body);
    if (!update)
        return;
    const auto parsed = parseTicket(c->company, ticketId);
    const auto s = parsed ? sessionNamed(c->company, parsed->first, {}) : std::nullopt;
    if (!s || parsed->second > ticketCount(*s))
        return fail(c,
            agent::error(ErrorKind::NotFound, QStringLiteral("Ticket not found"),
                QStringLiteral("ticket_id: ") + ticketId.left(128)));
    const int number = parsed->second;
    if ((!update->status.isEmpty() || !update->agent.isEmpty()) && number != ticketCount(*s))
        return fail(c,
            agent::error(ErrorKind::InvalidArgument,
                QStringLiteral("A later escalation of the session replaced this ticket"),
                QStringLiteral("only resolution_notes and customer_satisfaction may change")));
    // The session's rating: by the engine's rule (once, resolved, the customer or an admin), checked
    // before anything changes; a ticket resolved in the same request may be rated with it.
    const bool resolving = update->status == QLatin1String("resolved") || update->status == QLatin1String("closed");
    if (update->satisfaction > 0)
        if (const Status may = m_engine.ratings().mayRate(c->company, s->id, c->actor, resolving && s->isOpen()); !may)
            return fail(c, may.error());
    if (const Status done = applyTicketUpdate(c, *s, *update); !done)
        return fail(c, done.error());
    if (update->satisfaction > 0)
        if (const auto rated = m_engine.ratings().rate(c->company, s->id, {update->satisfaction, QString()}, c->actor);
            !rated)
            return fail(c, rated.error());
    const auto fresh = sessionNamed(c->company, s->id, {});
    if (!fresh)
        return fail(c, agent::error(ErrorKind::NotFound, QStringLiteral("Ticket not found")));
    QJsonObject extras = update->extras;
    if (update->status == QLatin1String("closed"))
        extras.insert(QStringLiteral("status"), QStringLiteral("closed"));
    if (const auto stored = storeTicketExtras(c, *fresh, number, extras); !stored)
        return fail(c, stored.error());
    auto ticket = ticketJson(c, ticketId);
    if (!ticket)
        return;
    ticket->remove(QStringLiteral("estimated_response_time"));
    reply(c, http::HttpResponse::json(200, *ticket));
}

// The agent desk and the engine make the change: assign, release, resolve.
Status AgentApi::applyTicketUpdate(const CallPtr &c, const Session &s, const TicketUpdate &u)
{
    const bool wantsDesk
        = !u.agent.isEmpty() || u.status == QLatin1String("open") || u.status == QLatin1String("assigned");
    const auto item = m_desk ? m_desk->item(s.id) : std::nullopt;
    if (wantsDesk && (!item || !s.isOpen()))
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("The ticket is not waiting for an agent"),
            {{QStringLiteral("field"),
                u.agent.isEmpty() ? QStringLiteral("status") : QStringLiteral("assigned_agent")}});
    const bool held = item && item->item.claimed();
    if (!u.agent.isEmpty())
        if (const auto r = m_desk->assign(c->company, s.id, u.agent, c->actor); !r)
            return r.error();
    if (u.status == QLatin1String("assigned") && u.agent.isEmpty() && !held)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("status assigned needs assigned_agent"),
            {{QStringLiteral("field"), QStringLiteral("assigned_agent")}});
    if (u.status == QLatin1String("open") && held)
        if (const auto r = m_desk->release(c->company, s.id, c->actor); !r)
            return r.error();
    if ((u.status == QLatin1String("resolved") || u.status == QLatin1String("closed")) && s.isOpen()) {
        Resolution r;
        r.type = u.status == QLatin1String("resolved") ? ResolutionType::IssueResolved : ResolutionType::Unresolved;
        r.summary = u.extras.value(QLatin1String("resolution_notes")).toString();
        if (r.summary.isEmpty())
            r.summary = QStringLiteral("Ticket %1 through the support agent API").arg(u.status);
        const auto done = m_engine.resolve(c->company, s.id, r, c->actor);
        if (!done)
            return done.error();
        sessionClosed(*done, clientName(*done));
    }
    return Ok{};
}

} // namespace tierdesk::api
