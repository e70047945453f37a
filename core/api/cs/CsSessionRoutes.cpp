// /api/cs/sessions...: create, read, list, messages, escalate, resolve.
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"
#include "core/api/cs/CsJson.h"
#include "core/common/Time.h"
#include "core/common/Validation.h"

#include <QPointer>

namespace tierdesk::api {
namespace {

// GET session's context.orders for staff: the customer's most recent orders.
constexpr int kContextOrders = 20;
constexpr int kMaxSummaryChars = 2000; // a resolution's summary

// Written straight to text (JsonWriter): every message's answer.
QByteArray messageOutcomeJson(const MessageOutcome &o)
{
    JsonWriter w;
    w.beginObject().key("customerMessage");
    json::write(w, o.customerMessage);
    w.key("aiResponse");
    if (o.aiResponse)
        json::write(w, *o.aiResponse);
    else
        w.null();
    w.key("sessionUpdate")
        .beginObject()
        .field("customerSentiment", toString(o.session.customerSentiment))
        .field("issueSummary", o.session.issueSummary)
        .field("status", toString(o.session.status))
        .field("currentTier", toString(o.session.currentTier));
    if (o.session.issueCategory)
        w.field("issueCategory", toString(*o.session.issueCategory));
    if (o.escalation) {
        w.key("escalation");
        json::write(w, *o.escalation);
    }
    w.endObject().endObject();
    return w.take();
}

} // namespace

void CsApi::createSession(Call &c)
{
    if (!rateLimit(c, QStringLiteral("create"), c.who.credentialKey(), m_limits.createSession))
        return;
    const auto body = companyBody(c);
    if (!body)
        return;
    CreateSessionRequest req;
    req.companyId = c.who.company;
    const QJsonValue customer = body->value(QLatin1String("customerId"));
    if (!customer.isString() || customer.toString().isEmpty())
        return fail(c, cs::invalid(QStringLiteral("customerId"), QStringLiteral("customerId is required")));
    req.customerId = customer.toString();
    // A customer's own client opens sessions for that customer only.
    if (!c.actor.customerScope.isEmpty() && req.customerId != c.actor.customerScope)
        return fail(c,
            cs::error(ErrorKind::Forbidden, QStringLiteral("This token may only open sessions for its own customer"),
                {{QStringLiteral("field"), QStringLiteral("customerId")}}));
    const auto channel = parse<Channel>(body->value(QLatin1String("channel")).toString());
    if (!channel)
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("channel must be one of voice, chat, email, sms"),
                {{QStringLiteral("field"), QStringLiteral("channel")},
                    {QStringLiteral("allowed"), QJsonArray::fromStringList(allNames<Channel>())}}));
    req.channel = *channel;
    const QJsonValue initial = body->value(QLatin1String("initialMessage"));
    if (!initial.isUndefined() && !initial.isNull()) {
        if (!initial.isString())
            return fail(c,
                cs::error(ErrorKind::InvalidArgument, ErrorDetail::InvalidMessage,
                    QStringLiteral("Invalid message content"),
                    {{QStringLiteral("field"), QStringLiteral("initialMessage")}}));
        req.initialMessage = initial.toString();
    }
    const QJsonValue category = body->value(QLatin1String("issueCategory"));
    if (!category.isUndefined() && !category.isNull()) {
        req.issueCategory = parse<IssueCategory>(category.toString());
        if (!req.issueCategory)
            return fail(c,
                cs::error(ErrorKind::InvalidArgument, QStringLiteral("unknown issueCategory"),
                    {{QStringLiteral("field"), QStringLiteral("issueCategory")},
                        {QStringLiteral("allowed"), QJsonArray::fromStringList(allNames<IssueCategory>())}}));
    }
    const QJsonValue metadata = body->value(QLatin1String("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull() && !metadata.isObject())
        return fail(c, cs::invalid(QStringLiteral("metadata"), QStringLiteral("metadata must be an object")));
    req.metadata = metadata.toObject().toVariantMap();

    // Answered once the first reply is stored: it is worded off the engine thread.
    m_engine.createSession(
        req, c.actor, this, [this, later = defer(c)](Result<Session> session, std::optional<MessageOutcome> first) {
            Call call = later->call();
            if (!session)
                return fail(call, session.error());
            QJsonObject out = json::sessionSummary(*session);
            QJsonArray messages;
            if (first) {
                messages.append(json::message(first->customerMessage));
                if (first->aiResponse)
                    messages.append(json::message(*first->aiResponse));
            }
            out.insert(QStringLiteral("messages"), messages);
            reply(call,
                http::HttpResponse::json(201, out).withHeader("Location", "/api/cs/sessions/" + session->id.toUtf8()));
        });
}

void CsApi::getSession(Call &c)
{
    MessageWindow window;
    const QString id = c.req.pathParams.value(QStringLiteral("id"));
    if (!messageWindowParams(c, &window))
        return;
    const auto s = m_engine.session(c.who.company, id, window, c.actor.customerScope);
    if (!s)
        return fail(c, s.error());
    replySession(c, *s, window);
}

// Staff see the customer's recent orders in the context: from the company's `orders` source,
// which for a connector answers later (off the engine thread); when it failed, "ordersError" says why.
void CsApi::replySession(Call &c, const Session &s, const MessageWindow &window)
{
    const QJsonObject out = sessionJson(c, s, window);
    if (c.who.role < Role::Agent)
        return reply(c, http::HttpResponse::json(200, out));
    const auto withOrders = [out](const ContextOrders &orders) {
        QJsonObject full = out;
        QJsonObject context = full.value(QLatin1String("context")).toObject();
        QJsonArray list;
        for (const SourcedOrder &o : orders.orders)
            list.append(json::contextOrder(o));
        context.insert(QStringLiteral("orders"), list);
        if (!orders.error.isEmpty())
            context.insert(QStringLiteral("ordersError"), orders.error);
        full.insert(QStringLiteral("context"), context);
        return full;
    };
    auto later = defer(c);
    QPointer<CsApi> self(this);
    const std::optional<ContextOrders> now = m_engine.connectors().contextOrders(
        s.companyId, s.customerId, s.id, kContextOrders, this, [self, later, withOrders](const ContextOrders &orders) {
            if (!self)
                return;
            Call call = later->call();
            self->reply(call, http::HttpResponse::json(200, withOrders(orders)));
        });
    if (now)
        reply(c, http::HttpResponse::json(200, withOrders(*now)));
}

QJsonObject CsApi::sessionJson(Call &c, const Session &s, const MessageWindow &window)
{
    const auto customer = m_engine.customer(s.companyId, s.customerId);
    const bool staff = c.who.role >= Role::Agent;
    const auto view = c.actor.customerScope.isEmpty() ? json::CustomerView::Staff : json::CustomerView::Self;
    QJsonObject out = json::sessionFull(s, customer ? &*customer : nullptr, view);
    if (!staff) {
        // Internal notes are for agents and above (the page counts still include them).
        QJsonArray visible;
        for (const QJsonValue &m : out.value(QLatin1String("messages")).toArray())
            if (m.toObject().value(QLatin1String("role")).toString() != QLatin1String("internal_note"))
                visible.append(m);
        out.insert(QStringLiteral("messages"), visible);
    } else {
        if (m_desk) {
            const auto item = m_desk->item(s.id);
            out.insert(
                QStringLiteral("desk"), item ? QJsonValue(json::queueItem(*item)) : QJsonValue(QJsonValue::Null));
        }
    }
    // The customer's rating once given (docs/api.md, "Customer ratings").
    const auto rating = m_engine.ratings().find(s.companyId, s.id, c.actor);
    out.insert(QStringLiteral("satisfaction"),
        rating && rating->has_value() ? QJsonValue(json::rating(**rating)) : QJsonValue(QJsonValue::Null));
    const int to = s.messagesFrom + int(s.messages.size());
    out.insert(QStringLiteral("messagePage"),
        QJsonObject{{QStringLiteral("total"), s.messageCount}, {QStringLiteral("limit"), window.limit},
            {QStringLiteral("from"), s.messagesFrom}, {QStringLiteral("to"), to},
            {QStringLiteral("hasOlder"), s.messagesFrom > 0}});
    return out;
}

bool CsApi::messageWindowParams(Call &c, MessageWindow *window)
{
    bool ok = true;
    if (const QString v = queryParam(c.req, "messageLimit"); !v.isEmpty()) {
        window->limit = v.toInt(&ok);
        if (!ok || window->limit < 1 || window->limit > MessageWindow::kMaxLimit) {
            fail(c,
                cs::invalid(QStringLiteral("messageLimit"),
                    QStringLiteral("messageLimit must be a whole number from 1 to %1").arg(MessageWindow::kMaxLimit)));
            return false;
        }
    }
    if (const QString v = queryParam(c.req, "messagesBefore"); !v.isEmpty()) {
        window->before = v.toInt(&ok);
        if (!ok || window->before < 0) {
            fail(c,
                cs::invalid(QStringLiteral("messagesBefore"),
                    QStringLiteral("messagesBefore must be a whole number of 0 or more")));
            return false;
        }
    }
    return true;
}

void CsApi::listSessions(Call &c)
{
    if (!rateLimit(c, QStringLiteral("list"), c.who.credentialKey(), m_limits.listSessions))
        return;
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    SessionFilter f;
    f.companyId = *company;
    if (const QString v = queryParam(c.req, "status"); !v.isEmpty()) {
        f.status = parse<SessionStatus>(v);
        if (!f.status)
            return fail(c, cs::invalid(QStringLiteral("status"), QStringLiteral("unknown status")));
    }
    if (const QString v = queryParam(c.req, "tier"); !v.isEmpty()) {
        f.tier = parse<Tier>(v);
        if (!f.tier)
            return fail(c, cs::invalid(QStringLiteral("tier"), QStringLiteral("unknown tier")));
    }
    f.customerId = queryParam(c.req, "customerId").left(128);
    f.contactReason = queryParam(c.req, "reason");
    if (f.contactReason.size() > 100)
        return fail(c, cs::invalid(QStringLiteral("reason"), QStringLiteral("reason must be at most 100 characters")));
    for (const auto &[name, target] : {std::pair{"startDate", &f.startMs}, std::pair{"endDate", &f.endMs}}) {
        const QString v = queryParam(c.req, name);
        if (v.isEmpty())
            continue;
        const QDateTime t = timefmt::parseIso(v);
        if (!t.isValid())
            return fail(
                c, cs::invalid(QLatin1String(name), QLatin1String(name) + QStringLiteral(" must be an ISO 8601 date")));
        *target = t.toMSecsSinceEpoch();
    }
    // A bare end date means the whole of that day.
    if (const QString v = queryParam(c.req, "endDate"); v.size() == 10)
        f.endMs += 86400000 - 1;
    bool ok = true;
    if (const QString v = queryParam(c.req, "limit"); !v.isEmpty()) {
        f.limit = v.toInt(&ok);
        if (!ok || f.limit < 1 || f.limit > 200)
            return fail(
                c, cs::invalid(QStringLiteral("limit"), QStringLiteral("limit must be a whole number from 1 to 200")));
    }
    if (const QString v = queryParam(c.req, "offset"); !v.isEmpty()) {
        f.offset = v.toInt(&ok);
        if (!ok || f.offset < 0)
            return fail(
                c, cs::invalid(QStringLiteral("offset"), QStringLiteral("offset must be a whole number of 0 or more")));
    }
    int total = 0;
    const auto sessions = m_engine.listSessions(f, &total);
    if (!sessions)
        return fail(c, sessions.error());
    QJsonArray list;
    for (const Session &s : *sessions)
        list.append(json::sessionSummary(s));
    reply(c,
        http::HttpResponse::json(200,
            QJsonObject{{QStringLiteral("sessions"), list}, {QStringLiteral("total"), total},
                {QStringLiteral("limit"), f.limit}, {QStringLiteral("offset"), f.offset}}));
}

void CsApi::postMessage(Call &c)
{
    const QString id = c.req.pathParams.value(QStringLiteral("id"));
    // Keyed by company too: another company's calls on this id never count
    // against (or reveal) this session's budget.
    if (!rateLimit(c, QStringLiteral("messages"), c.who.company + QLatin1Char('/') + id.left(128),
            m_limits.messagesPerSession))
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const QJsonValue message = body->value(QLatin1String("message"));
    if (!message.isString())
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, ErrorDetail::InvalidMessage,
                QStringLiteral("Invalid message content"),
                {{QStringLiteral("reason"), QStringLiteral("message must be a string")}}));
    // /messages carries the customer's words; a person logged in to the console
    // answers with agent-messages (their text was once stored as the customer's).
    if (m_desk && c.who.role >= Role::Agent && m_desk->isAgent(c.who.company, c.actor.subject))
        return fail(c,
            cs::error(ErrorKind::Forbidden,
                QStringLiteral("Agents reply with POST /api/cs/sessions/:id/agent-messages; "
                               "/messages carries the customer's messages"),
                {{QStringLiteral("use"),
                    QString(QStringLiteral("/api/cs/sessions/") + id.left(128) + QStringLiteral("/agent-messages"))}}));
    m_engine.postMessage(
        c.who.company, id, message.toString(), c.actor, this, [this, later = defer(c)](Result<MessageOutcome> outcome) {
            Call call = later->call();
            if (!outcome)
                return fail(call, outcome.error());
            reply(call, http::HttpResponse::jsonText(201, messageOutcomeJson(*outcome)));
        });
}

void CsApi::escalate(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto reason = parse<EscalationReason>(body->value(QLatin1String("reason")).toString());
    if (!reason)
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("reason must be an escalation reason"),
                {{QStringLiteral("field"), QStringLiteral("reason")},
                    {QStringLiteral("allowed"), QJsonArray::fromStringList(allNames<EscalationReason>())}}));
    const auto target = parse<Tier>(body->value(QLatin1String("targetTier")).toString());
    if (!target || *target == Tier::AiRep)
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, ErrorDetail::InvalidEscalation,
                QStringLiteral("Invalid escalation target"),
                {{QStringLiteral("allowed"),
                    QJsonArray{QStringLiteral("AI_MANAGER"), QStringLiteral("HUMAN_AGENT")}}}));
    const QJsonValue notes = body->value(QLatin1String("notes"));
    if (!notes.isUndefined() && !notes.isNull() && !notes.isString())
        return fail(c, cs::invalid(QStringLiteral("notes"), QStringLiteral("notes must be a string")));
    const auto s = m_engine.escalate(
        c.who.company, c.req.pathParams.value(QStringLiteral("id")), *reason, *target, notes.toString(), c.actor);
    if (!s)
        return fail(c, s.error());
    QJsonArray history;
    for (const EscalationRecord &e : s->escalationHistory)
        history.append(json::escalation(e));
    reply(c,
        http::HttpResponse::json(200,
            QJsonObject{{QStringLiteral("success"), true},
                {QStringLiteral("session"),
                    QJsonObject{{QStringLiteral("id"), s->id},
                        {QStringLiteral("currentTier"), toString(s->currentTier)},
                        {QStringLiteral("status"), toString(s->status)},
                        {QStringLiteral("escalationHistory"), history}}}}));
}

void CsApi::resolve(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    Resolution r;
    const auto type = parse<ResolutionType>(body->value(QLatin1String("resolutionType")).toString());
    if (!type)
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("resolutionType must be a resolution type"),
                {{QStringLiteral("field"), QStringLiteral("resolutionType")},
                    {QStringLiteral("allowed"), QJsonArray::fromStringList(allNames<ResolutionType>())}}));
    r.type = *type;
    const QJsonValue summary = body->value(QLatin1String("summary"));
    if (!summary.isUndefined() && !summary.isString())
        return fail(c,
            cs::invalid(
                QStringLiteral("summary"), QStringLiteral("summary must be a string of at most 2000 characters")));
    if (const Status text = checkText(QStringLiteral("summary"), summary.toString(), kMaxSummaryChars); !text)
        return fail(c, text.error());
    r.summary = summary.toString();
    const QJsonValue actions = body->value(QLatin1String("actionsTaken"));
    if (!actions.isUndefined() && !actions.isArray())
        return fail(
            c, cs::invalid(QStringLiteral("actionsTaken"), QStringLiteral("actionsTaken must be an array of strings")));
    for (const QJsonValue &a : actions.toArray()) {
        if (!a.isString() || a.toString().size() > 500 || r.actionsTaken.size() >= 50)
            return fail(c,
                cs::invalid(QStringLiteral("actionsTaken"),
                    QStringLiteral("actionsTaken must be at most 50 strings of at most 500 characters")));
        if (const Status text = checkText(QStringLiteral("actionsTaken"), a.toString(), 500); !text)
            return fail(c, text.error());
        r.actionsTaken << a.toString();
    }
    const QJsonValue followUp = body->value(QLatin1String("followUpRequired"));
    if (!followUp.isUndefined() && !followUp.isBool())
        return fail(c,
            cs::invalid(QStringLiteral("followUpRequired"), QStringLiteral("followUpRequired must be true or false")));
    r.followUpRequired = followUp.toBool();
    // A person's own goodbye instead of the default one; "" says none.
    const QJsonValue closing = body->value(QLatin1String("closingMessage"));
    if (!closing.isUndefined() && !closing.isNull() && !closing.isString())
        return fail(c,
            cs::invalid(QStringLiteral("closingMessage"),
                QStringLiteral("closingMessage must be a string of at most 2000 characters")));
    const std::optional<QString> closingMessage
        = closing.isString() ? std::optional<QString>(closing.toString()) : std::nullopt;
    const auto s
        = m_engine.resolve(c.who.company, c.req.pathParams.value(QStringLiteral("id")), r, c.actor, closingMessage);
    if (!s)
        return fail(c, s.error());
    reply(c,
        http::HttpResponse::json(200,
            QJsonObject{{QStringLiteral("success"), true},
                {QStringLiteral("session"),
                    QJsonObject{{QStringLiteral("id"), s->id}, {QStringLiteral("status"), toString(s->status)},
                        {QStringLiteral("resolution"), json::resolution(s->resolution.value_or(r))},
                        {QStringLiteral("resolvedAt"), timefmt::iso(s->resolvedAt)}}}}));
}

} // namespace tierdesk::api
