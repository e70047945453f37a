// /escalation/cases: a case is one escalation of a conversation (an engine session) to a
// person. The engine escalates it to the human tier, the desk queues it with the case's
// priority and the company's SLA targets (the expected response time is the desk's
// first-response due time); what the engine has no place for is kept in the session's
// metadata ("platformCases").
#include "core/api/platform/PlatformCall.h"
#include "core/api/platform/PlatformErrors.h"
#include "core/api/platform/PlatformRoutes.h"

#include "core/common/Time.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace tierdesk::api {
namespace {

const QString kCases = QStringLiteral("platformCases");
constexpr int kMaxSummaryChars = 2000;
constexpr int kMaxRelevantDataBytes = 2048;

std::optional<Priority> parseSeedPriority(const QString &p)
{
    static const QHash<QString, Priority> names{{QStringLiteral("low"), Priority::Low},
        {QStringLiteral("medium"), Priority::Normal}, {QStringLiteral("high"), Priority::High},
        {QStringLiteral("urgent"), Priority::Urgent}};
    const auto it = names.constFind(p.isEmpty() ? QStringLiteral("medium") : p);
    return it == names.constEnd() ? std::nullopt : std::optional<Priority>(*it);
}

QString seedPriority(const QString &deskPriority)
{
    const QString name = deskPriority.toLower();
    return name == QLatin1String("normal") ? QStringLiteral("medium") : name;
}

// "esc-<session id>-<n>": the n-th escalation of the session (n from 1).
QString caseId(const QString &sessionId, int number)
{
    return QStringLiteral("esc-%1-%2").arg(sessionId).arg(number);
}

bool parseCaseId(const QString &id, QString *sessionId, int *number)
{
    static const QRegularExpression form(QStringLiteral("^esc-(.{1,128})-([1-9][0-9]{0,4})$"));
    const QRegularExpressionMatch m = form.match(id);
    if (!m.hasMatch())
        return false;
    *sessionId = m.captured(1);
    *number = m.captured(2).toInt();
    return true;
}

int escalationCount(const Session &s)
{
    int n = 0;
    for (const EscalationRecord &e : s.escalationHistory)
        n += e.transfer ? 0 : 1;
    return n;
}

// Who has the case: the person who claimed it, else the desk queue it waits in.
QString assignedTo(const std::optional<QueueItem> &item)
{
    if (!item)
        return QStringLiteral("support_team");
    if (item->item.claimed())
        return item->item.assigneeName;
    return item->item.queue + QStringLiteral("_queue");
}

QString trackingUrl(const PlatformCallPtr &c, const QString &id)
{
    return c->req.baseUrl() + QStringLiteral("/escalation/cases/") + id; // as the client addressed this server
}

struct CaseInput {
    QString conversation, user, source, summary;
    Priority priority = Priority::Normal;
    std::optional<double> sentiment;
    QJsonObject relevantData;
};

std::optional<CaseInput> caseInput(const PlatformCallPtr &c)
{
    using namespace platformcall;
    const auto body = jsonBody(c);
    if (!body)
        return std::nullopt;
    const int maxId = c->engine().limits().maxIdChars;
    CaseInput in;
    const auto conversation = requiredString(c, *body, "conversation_id", maxId);
    const auto summary = conversation ? requiredString(c, *body, "issue_summary", kMaxSummaryChars) : std::nullopt;
    const auto user = summary ? optionalString(c, *body, "user_id", maxId) : std::nullopt;
    const auto source = user ? optionalString(c, *body, "source", 64) : std::nullopt;
    const auto priorityText = source ? optionalString(c, *body, "priority", 16) : std::nullopt;
    if (!priorityText || !optionalUnitScore(c, *body, "sentiment_score", &in.sentiment))
        return std::nullopt;
    const auto priority = parseSeedPriority(*priorityText);
    if (!priority) {
        fail(c,
            platform::badRequest(QStringLiteral("Invalid request body: priority must be low, medium, high or urgent")));
        return std::nullopt;
    }
    const QJsonValue data = body->value(QLatin1String("relevant_data"));
    if (!data.isUndefined() && !data.isNull()
        && (!data.isObject()
            || QJsonDocument(data.toObject()).toJson(QJsonDocument::Compact).size() > kMaxRelevantDataBytes)) {
        fail(c,
            platform::badRequest(
                QStringLiteral("Invalid request body: relevant_data must be an object of at most %1 bytes")
                    .arg(kMaxRelevantDataBytes)));
        return std::nullopt;
    }
    in.conversation = *conversation;
    in.summary = *summary;
    in.user = *user;
    in.source = *source;
    in.priority = *priority;
    in.relevantData = data.toObject();
    return in;
}

void createCase(const PlatformCallPtr &c)
{
    using namespace platformcall;
    const auto in = caseInput(c);
    if (!in)
        return;
    MessageWindow none;
    none.limit = 1;
    const auto found = c->engine().session(c->company, in->conversation, none);
    if (!found)
        return fail(c, platform::error(ErrorKind::NotFound, QStringLiteral("Conversation not found")));
    const EscalationReason reason
        = in->sentiment && *in->sentiment < 0.3 ? EscalationReason::IrateCustomer : EscalationReason::ComplexIssue;
    auto s = c->engine().escalate(c->company, found->id, reason, Tier::HumanAgent, in->summary, c->actor);
    if (!s)
        return fail(c, s.error());
    Desk *desk = c->services->desk;
    if (desk && desk->item(s->id))
        if (const auto changed = desk->setPriority(c->company, s->id, in->priority, c->actor, true); !changed)
            return fail(c, changed.error());
    const int number = escalationCount(*s);
    const QString id = caseId(s->id, number);
    QJsonObject cases = QJsonValue::fromVariant(s->metadata.value(kCases)).toObject();
    QJsonObject record{{QStringLiteral("issue_summary"), in->summary}, {QStringLiteral("user_id"), in->user},
        {QStringLiteral("source"), in->source}, {QStringLiteral("relevant_data"), in->relevantData}};
    if (in->sentiment)
        record.insert(QStringLiteral("sentiment_score"), *in->sentiment);
    cases.insert(QString::number(number), record);
    if (const auto stored = c->engine().setMetadataEntry(c->company, s->id, kCases, cases.toVariantMap(), c->actor);
        !stored)
        return fail(c, stored.error());
    const auto item = desk ? desk->item(s->id) : std::nullopt;
    const QJsonValue due = item ? QJsonValue(timefmt::iso(item->item.firstResponseDue)) : QJsonValue();
    // Seed 000's webhook event for a case (the seed 002 API queues its own shape under the same name).
    c->engine().queueEvent(c->company, QStringLiteral("escalation.created"),
        {{QStringLiteral("escalation_id"), id}, {QStringLiteral("conversation_id"), s->id},
            {QStringLiteral("user_id"), in->user}, {QStringLiteral("priority"), seedPriority(toString(in->priority))},
            {QStringLiteral("issue_summary"), in->summary}, {QStringLiteral("expected_response_time"), due}});
    replyJson(c, 200,
        {{QStringLiteral("escalation_id"), id}, {QStringLiteral("status"), QStringLiteral("created")},
            {QStringLiteral("assigned_to"), assignedTo(item)}, {QStringLiteral("expected_response_time"), due},
            {QStringLiteral("tracking_url"), trackingUrl(c, id)}});
}

// What happened to the case: its escalation, a person claiming it, its resolution.
QJsonArray caseActions(const Session &s, const EscalationRecord &e, const std::optional<QueueItem> &item)
{
    QJsonArray actions{QJsonObject{{QStringLiteral("action"), QStringLiteral("escalated")},
        {QStringLiteral("timestamp"), timefmt::iso(e.timestamp)},
        {QStringLiteral("by"), e.automatic ? QStringLiteral("system") : QStringLiteral("api")}}};
    if (item && item->item.claimed())
        actions.append(QJsonObject{{QStringLiteral("action"), QStringLiteral("assigned")},
            {QStringLiteral("timestamp"),
                item->item.claimedAt > 0 ? QJsonValue(timefmt::iso(item->item.claimedAt))
                                         : QJsonValue(QJsonValue::Null)},
            {QStringLiteral("by"), assignedTo(item)}});
    if (s.resolution)
        actions.append(QJsonObject{{QStringLiteral("action"), QStringLiteral("resolved")},
            {QStringLiteral("timestamp"), timefmt::iso(s.resolvedAt)},
            {QStringLiteral("by"),
                s.resolution->resolvedByName.isEmpty() ? QStringLiteral("system") : s.resolution->resolvedByName}});
    return actions;
}

QString caseStatus(const Session &s, const std::optional<QueueItem> &item, bool latest)
{
    if (!s.isOpen() || !latest)
        return QStringLiteral("resolved");
    if (item && item->item.claimed())
        return QStringLiteral("in_progress");
    return QStringLiteral("open");
}

void getCase(const PlatformCallPtr &c)
{
    using namespace platformcall;
    const QString id = c->req.pathParams.value(QStringLiteral("escalation_id"));
    QString sessionId;
    int number = 0;
    const auto notFound = [&] {
        fail(c, platform::error(ErrorKind::NotFound, QStringLiteral("Escalation not found: ") + id.left(160)));
    };
    if (!parseCaseId(id, &sessionId, &number))
        return notFound();
    MessageWindow none;
    none.limit = 1;
    const auto s = c->engine().session(c->company, sessionId, none);
    if (!s || number > escalationCount(*s))
        return notFound();
    std::optional<EscalationRecord> record;
    int seen = 0;
    for (const EscalationRecord &e : s->escalationHistory)
        if (!e.transfer && ++seen == number)
            record = e;
    const bool latest = number == escalationCount(*s);
    const auto item = c->services->desk && latest ? c->services->desk->item(s->id) : std::nullopt;
    const QJsonObject stored
        = QJsonValue::fromVariant(s->metadata.value(kCases)).toObject().value(QString::number(number)).toObject();
    replyJson(c, 200,
        {{QStringLiteral("escalation_id"), id}, {QStringLiteral("status"), caseStatus(*s, item, latest)},
            {QStringLiteral("created_at"), timefmt::iso(record->timestamp)},
            {QStringLiteral("assigned_to"), assignedTo(item)},
            {QStringLiteral("priority"), item ? seedPriority(toString(item->item.priority)) : QStringLiteral("medium")},
            {QStringLiteral("issue_summary"), stored.value(QLatin1String("issue_summary")).toString(record->notes)},
            {QStringLiteral("resolution_notes"), s->resolution ? QJsonValue(s->resolution->summary) : QJsonValue()},
            {QStringLiteral("expected_completion"),
                item ? QJsonValue(timefmt::iso(item->item.resolutionDue)) : QJsonValue(QJsonValue::Undefined)},
            {QStringLiteral("actions"), caseActions(*s, *record, item)}});
}

} // namespace

void installEscalationRoutes(http::HttpServer &server, PlatformServices &services)
{
    http::Router &r = server.router();
    // A case names its desk priority, which only a supervisor may set (POST /api/cs/sessions/:id/assign).
    r.route("POST", QStringLiteral("/escalation/cases"), signedRoute(services, &createCase, Role::Supervisor));
    r.route("GET", QStringLiteral("/escalation/cases/:escalation_id"), signedRoute(services, &getCase));
}

} // namespace tierdesk::api
