// /api/cs/queue and the desk's session routes: claim, release, assign,
// agent-messages, transfer, actions (docs/api.md, "The agent desk").
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"
#include "core/api/cs/CsJson.h"
#include "core/common/Time.h"

#include <cmath>

namespace tierdesk::api {
namespace {

// GET /api/cs/queue's answer: {items, total, counts: {queue: {waiting, claimed, breached}}}.
QJsonObject queuePageJson(const QueuePage &page)
{
    QJsonArray items;
    for (const QueueItem &item : page.items)
        items.append(json::queueItem(item));
    QJsonObject counts;
    for (auto it = page.counts.cbegin(); it != page.counts.cend(); ++it)
        counts.insert(it.key(),
            QJsonObject{{QStringLiteral("waiting"), it->waiting}, {QStringLiteral("claimed"), it->claimed},
                {QStringLiteral("breached"), it->breached}});
    return {
        {QStringLiteral("items"), items}, {QStringLiteral("total"), page.total}, {QStringLiteral("counts"), counts}};
}

} // namespace

bool CsApi::deskReady(Call &c)
{
    if (m_desk)
        return true;
    fail(c, cs::error(ErrorKind::Unavailable, QStringLiteral("The agent desk is not running")));
    return false;
}

void CsApi::sendSession(Call &c, const Result<Session> &s)
{
    if (!s)
        return fail(c, s.error());
    replySession(c, *s, MessageWindow{});
}

void CsApi::deskQueue(Call &c)
{
    if (!deskReady(c))
        return;
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    QueueRequest r;
    r.companyId = *company;
    r.queue = queryParam(c.req, "queue").left(64);
    const QString assignee = queryParam(c.req, "assignee");
    if (assignee == QLatin1String("me"))
        r.assignee = c.actor.subject;
    else if (assignee == QLatin1String("none"))
        r.assignee = QString();
    else if (!assignee.isEmpty())
        r.assignee = assignee.left(128);
    const QString snoozed = queryParam(c.req, "snoozed");
    if (!snoozed.isEmpty() && snoozed != QLatin1String("true") && snoozed != QLatin1String("false"))
        return fail(c, cs::invalid(QStringLiteral("snoozed"), QStringLiteral("snoozed must be true or false")));
    r.snoozed = snoozed == QLatin1String("true");
    if (const QString v = queryParam(c.req, "limit"); !v.isEmpty()) {
        bool ok = false;
        r.limit = v.toInt(&ok);
        if (!ok || r.limit < 1 || r.limit > Desk::kMaxQueueLimit)
            return fail(
                c, cs::invalid(QStringLiteral("limit"), QStringLiteral("limit must be a whole number from 1 to 500")));
    }
    const auto out = m_desk->queue(r, c.actor);
    if (!out)
        return fail(c, out.error());
    reply(c, http::HttpResponse::json(200, queuePageJson(*out)));
}

void CsApi::deskOverview(Call &c)
{
    if (!deskReady(c))
        return;
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    auto out = m_desk->overview(*company);
    if (!out)
        return fail(c, out.error());
    const auto agents = m_people.agents->list(*company);
    if (!agents)
        return fail(c, agents.error());
    // Each person with presence and the sessions held; holders no longer listed come last.
    QHash<QString, QJsonArray> heldBy;
    QHash<QString, QString> holderNames;
    for (const QJsonValue &v : out->take(QStringLiteral("held")).toArray()) {
        QJsonObject h = v.toObject();
        const QString id = h.take(QStringLiteral("agentId")).toString();
        holderNames.insert(id, h.take(QStringLiteral("agentName")).toString());
        heldBy[id].append(h);
    }
    QJsonArray people;
    for (const Agent &a : *agents) {
        const QJsonArray sessions = heldBy.take(a.id);
        people.append(QJsonObject{{QStringLiteral("id"), a.id}, {QStringLiteral("name"), a.name},
            {QStringLiteral("role"), a.role},
            {QStringLiteral("presence"), presenceName(m_people.agents->presence(a.id))},
            {QStringLiteral("sessions"), sessions}, {QStringLiteral("capacity"), a.capacity},
            {QStringLiteral("room"), qMax(0, a.capacity - int(sessions.size()))}});
    }
    for (auto it = heldBy.cbegin(); it != heldBy.cend(); ++it)
        people.append(QJsonObject{{QStringLiteral("id"), it.key()},
            {QStringLiteral("name"), holderNames.value(it.key())}, {QStringLiteral("role"), QStringLiteral("agent")},
            {QStringLiteral("presence"), QStringLiteral("offline")}, {QStringLiteral("sessions"), it.value()}});
    out->insert(QStringLiteral("agents"), people);
    reply(c, http::HttpResponse::json(200, *out));
}

void CsApi::claim(Call &c)
{
    if (deskReady(c))
        sendSession(c, m_desk->claim(c.who.company, c.req.pathParams.value(QStringLiteral("id")), c.actor));
}

void CsApi::snooze(Call &c)
{
    if (!deskReady(c))
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const QJsonValue until = body->value(QLatin1String("until"));
    const QDateTime at = until.isString() ? timefmt::parseIso(until.toString()) : QDateTime();
    if (!at.isValid())
        return fail(c, cs::invalid(QStringLiteral("until"), QStringLiteral("until must be an ISO 8601 time")));
    sendSession(c,
        m_desk->snooze(c.who.company, c.req.pathParams.value(QStringLiteral("id")), at.toMSecsSinceEpoch(), c.actor));
}

void CsApi::closingMessage(Call &c)
{
    if (!deskReady(c))
        return;
    const auto words = m_desk->closingMessage(c.who.company, c.req.pathParams.value(QStringLiteral("id")), c.actor);
    if (!words)
        return fail(c, words.error());
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("closingMessage"), *words}}));
}

void CsApi::release(Call &c)
{
    if (deskReady(c))
        sendSession(c, m_desk->release(c.who.company, c.req.pathParams.value(QStringLiteral("id")), c.actor));
}

void CsApi::assign(Call &c)
{
    if (!deskReady(c))
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const QJsonValue agent = body->value(QLatin1String("agentId"));
    if (!agent.isString() || agent.toString().isEmpty())
        return fail(c, cs::invalid(QStringLiteral("agentId"), QStringLiteral("agentId is required")));
    sendSession(
        c, m_desk->assign(c.who.company, c.req.pathParams.value(QStringLiteral("id")), agent.toString(), c.actor));
}

void CsApi::agentMessage(Call &c)
{
    if (!deskReady(c))
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    AgentReply r;
    const QJsonValue content = body->value(QLatin1String("content"));
    if (!content.isString())
        return fail(c,
            cs::invalid(QStringLiteral("content"), QStringLiteral("content must be a string of 1 to 4000 characters")));
    r.content = content.toString();
    for (const auto &[name, target] : {std::pair{"internal", &r.internal}, std::pair{"force", &r.force}}) {
        const QJsonValue v = body->value(QLatin1String(name));
        if (!v.isUndefined() && !v.isNull() && !v.isBool())
            return fail(
                c, cs::invalid(QLatin1String(name), QLatin1String(name) + QStringLiteral(" must be true or false")));
        *target = v.toBool();
    }
    const QJsonValue basedOn = body->value(QLatin1String("basedOn"));
    if (!basedOn.isUndefined() && !basedOn.isNull() && !basedOn.isString())
        return fail(c, cs::invalid(QStringLiteral("basedOn"), QStringLiteral("basedOn must be a message id")));
    r.basedOn = basedOn.toString();
    sendAgentReply(c, r);
}

void CsApi::sendAgentReply(Call &c, const AgentReply &r)
{
    const auto m = m_desk->reply(c.who.company, c.req.pathParams.value(QStringLiteral("id")), r, c.actor);
    if (!m)
        return fail(c, m.error());
    reply(c, http::HttpResponse::json(201, QJsonObject{{QStringLiteral("message"), json::message(*m)}}));
}

void CsApi::transfer(Call &c)
{
    if (!deskReady(c))
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto target = parse<Tier>(body->value(QLatin1String("targetTier")).toString());
    if (!target)
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("targetTier must be a tier"),
                {{QStringLiteral("field"), QStringLiteral("targetTier")},
                    {QStringLiteral("allowed"), QJsonArray::fromStringList(allNames<Tier>())}}));
    const QJsonValue queue = body->value(QLatin1String("queue"));
    const QJsonValue notes = body->value(QLatin1String("notes"));
    if ((!queue.isUndefined() && !queue.isNull() && !queue.isString())
        || (*target == Tier::HumanAgent && queue.toString().isEmpty()))
        return fail(c,
            cs::invalid(
                QStringLiteral("queue"), QStringLiteral("queue must name a queue when targetTier is HUMAN_AGENT")));
    if (!notes.isUndefined() && !notes.isNull() && !notes.isString())
        return fail(c, cs::invalid(QStringLiteral("notes"), QStringLiteral("notes must be a string")));
    sendSession(c,
        m_desk->transfer(c.who.company, c.req.pathParams.value(QStringLiteral("id")), *target,
            queue.toString().left(64), notes.toString(), c.actor));
}

void CsApi::sessionAction(Call &c)
{
    if (!deskReady(c))
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    AgentAction a;
    const QString type = body->value(QLatin1String("type")).toString();
    if (type != QLatin1String("refund") && type != QLatin1String("credit"))
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("type must be refund or credit"),
                {{QStringLiteral("field"), QStringLiteral("type")},
                    {QStringLiteral("allowed"), QJsonArray{QStringLiteral("refund"), QStringLiteral("credit")}}}));
    a.kind = type == QLatin1String("refund") ? AgentAction::Refund : AgentAction::Credit;
    const QJsonValue amount = body->value(QLatin1String("amount"));
    a.amount = amount.toDouble();
    // Whole cents, more than nothing, at most the largest cap a config may set.
    if (!amount.isDouble() || !std::isfinite(a.amount) || a.amount < 0.01 || a.amount > 1e9
        || std::abs(a.amount * 100 - std::round(a.amount * 100)) > 1e-6)
        return fail(c,
            cs::invalid(QStringLiteral("amount"),
                QStringLiteral("amount must be a number of dollars from 0.01 to 1000000000, in whole cents")));
    const QJsonValue order = body->value(QLatin1String("orderId"));
    if (!order.isUndefined() && !order.isNull() && (!order.isString() || order.toString().size() > 128))
        return fail(c, cs::invalid(QStringLiteral("orderId"), QStringLiteral("orderId must be an order number")));
    a.orderId = order.toString();
    if (a.kind == AgentAction::Refund && a.orderId.isEmpty())
        return fail(c, cs::invalid(QStringLiteral("orderId"), QStringLiteral("a refund needs the orderId it refunds")));
    if (a.kind == AgentAction::Credit && !a.orderId.isEmpty())
        return fail(c,
            cs::invalid(QStringLiteral("orderId"),
                QStringLiteral("a credit goes to the account, not to an order: leave orderId out")));
    const QJsonValue reason = body->value(QLatin1String("reason"));
    if (!reason.isUndefined() && !reason.isNull() && !reason.isString())
        return fail(c, cs::invalid(QStringLiteral("reason"), QStringLiteral("reason must be a string")));
    a.reason = reason.toString().trimmed();
    const auto out = m_desk->act(c.who.company, c.req.pathParams.value(QStringLiteral("id")), a, c.actor);
    if (!out)
        return fail(c, out.error());
    // The action as the confirming message records it, so the answer and the transcript agree.
    const std::optional<PersonMeta> &person = out->message.meta.person;
    QJsonObject answer{{QStringLiteral("action"),
                           person && person->action ? QJsonValue(json::personAction(*person->action))
                                                    : QJsonValue(QJsonValue::Undefined)},
        {QStringLiteral("message"), json::message(out->message)}};
    if (out->order)
        answer.insert(QStringLiteral("order"), json::order(*out->order));
    if (out->moneyActions.isEmpty())
        return reply(c, http::HttpResponse::json(201, answer));
    // At the company's payment provider: answered once the provider has (docs/api.md, "Money actions").
    m_engine.money().settle(
        out->moneyActions, this,
        [this, answer, id = out->moneyActions.first(), later = defer(c)](const QList<MoneyAction> &settled) mutable {
            Call call = later->call();
            // Not called here (another instance of a team has it): as the store holds it.
            const std::optional<MoneyAction> action
                = settled.isEmpty() ? m_engine.money().find(id) : std::optional<MoneyAction>(settled.first());
            if (action)
                answer.insert(QStringLiteral("moneyAction"), json::moneyAction(*action));
            reply(call, http::HttpResponse::json(201, answer));
        },
        true);
}

} // namespace tierdesk::api
