// /api/session: create, get (with the transcript and the escalations), delete (archive).
#include "core/api/agent/AgentApi.h"

#include "core/api/agent/AgentErrors.h"
#include "core/api/agent/AgentJson.h"
#include "core/common/Ids.h"
#include "core/common/Time.h"

namespace tierdesk::api {
namespace {

// Seed 002 has two speakers: the customer ("user") and whoever answered ("assistant").
QJsonArray messagesJson(const Session &s)
{
    QHash<qint64, double> scoreAt; // a customer message's sentiment point has its timestamp
    for (const SentimentPoint &p : s.sentimentHistory)
        scoreAt.insert(p.timestamp, p.score);
    QJsonArray out;
    double lastUserScore = 0.0;
    for (const Message &m : s.messages) {
        if (m.role == QLatin1String("internal_note"))
            continue;
        QJsonObject metadata;
        const bool user = m.role == QLatin1String("customer");
        if (user) {
            lastUserScore = agentjson::sentimentScore(scoreAt.value(m.timestamp, 0.5));
            metadata.insert(QStringLiteral("sentiment_score"), lastUserScore);
        } else {
            metadata.insert(QStringLiteral("model_used"), agentjson::modelUsed(m));
            metadata.insert(QStringLiteral("sentiment_score"), lastUserScore);
            metadata.insert(QStringLiteral("complexity_score"), agentjson::complexityScore(m));
            metadata.insert(QStringLiteral("tier"), m.role);
        }
        out.append(QJsonObject{{QStringLiteral("id"), m.id}, {QStringLiteral("timestamp"), timefmt::iso(m.timestamp)},
            {QStringLiteral("role"), user ? QStringLiteral("user") : QStringLiteral("assistant")},
            {QStringLiteral("content"), m.content}, {QStringLiteral("metadata"), metadata}});
    }
    return out;
}

} // namespace

void AgentApi::createSession(const CallPtr &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto customer = requiredString(c, *body, "customer_id", m_engine.limits().maxIdChars);
    if (!customer)
        return;
    QString clientId = ids::random(QStringLiteral("sess_"));
    if (const QJsonValue given = body->value(QLatin1String("session_id")); !given.isUndefined() && !given.isNull()) {
        if (!given.isString() || !agentjson::validSessionName(given.toString()))
            return fail(c,
                agent::error(ErrorKind::InvalidArgument, QStringLiteral("Invalid field: session_id"),
                    QStringLiteral(
                        "session_id must be 1 to 128 letters, digits or ._:@- (starting with a letter or digit)")));
        clientId = given.toString();
    }
    CreateSessionRequest req;
    req.id = engineSessionId(c->company, clientId);
    req.companyId = c->company;
    req.customerId = *customer;
    req.metadata = {{QStringLiteral("agentApiSessionId"), clientId}};
    m_engine.createSession(req, c->actor, this, [this, c, clientId](Result<Session> s, std::optional<MessageOutcome>) {
        if (!s) {
            if (s.error().kind == ErrorKind::Conflict && s.error().detail == ErrorDetail::None)
                return fail(c,
                    agent::error(ErrorKind::InvalidArgument, QStringLiteral("Session already exists"),
                        QStringLiteral("session_id: ") + clientId));
            return fail(c, s.error());
        }
        reply(c,
            http::HttpResponse::json(201,
                QJsonObject{{QStringLiteral("session_id"), clientId}, {QStringLiteral("customer_id"), s->customerId},
                    {QStringLiteral("created_at"), timefmt::iso(s->createdAt)},
                    {QStringLiteral("status"), agentjson::sessionStatus(*s)}}));
    });
}

void AgentApi::getSession(const CallPtr &c)
{
    const QString clientId = c->req.pathParams.value(QStringLiteral("id"));
    MessageWindow window;
    window.limit = MessageWindow::kMaxLimit;
    const auto s = findSession(c, clientId, window);
    if (!s)
        return;
    reply(c, http::HttpResponse::json(200, sessionJson(*s, clientId)));
}

QJsonObject AgentApi::sessionJson(const Session &s, const QString &clientId)
{
    QJsonArray escalations;
    int number = 0;
    const QHash<int, QString> crm = m_engine.connectors().tickets().ticketIds(s.companyId, s.id);
    for (const EscalationRecord &e : s.escalationHistory) {
        if (e.transfer)
            continue;
        ++number;
        escalations.append(
            QJsonObject{{QStringLiteral("ticket_id"), crm.value(number, agentjson::ticketId(s.id, number))},
                {QStringLiteral("reason"), agentjson::reasonName(e.reason)},
                {QStringLiteral("created_at"), timefmt::iso(e.timestamp)},
                {QStringLiteral("status"), ticketStatus(s, number)}});
    }
    return {{QStringLiteral("session_id"), clientId}, {QStringLiteral("customer_id"), s.customerId},
        {QStringLiteral("created_at"), timefmt::iso(s.createdAt)},
        {QStringLiteral("updated_at"), timefmt::iso(s.updatedAt)},
        {QStringLiteral("status"), agentjson::sessionStatus(s)}, {QStringLiteral("messages"), messagesJson(s)},
        {QStringLiteral("escalations"), escalations}};
}

// A ticket's status follows its session: the newest escalation is "open" until a
// person holds the session ("assigned"), "resolved" once the session is resolved
// ("closed" when a client closed it, or when it was abandoned); an escalation the
// session has since moved past is "closed".
QString AgentApi::ticketStatus(const Session &s, int number) const
{
    if (number < ticketCount(s) || s.status == SessionStatus::Abandoned)
        return QStringLiteral("closed");
    if (s.status == SessionStatus::Resolved) {
        const QJsonObject extras = QJsonValue::fromVariant(s.metadata.value(QStringLiteral("agentApiTickets")))
                                       .toObject()
                                       .value(QString::number(number))
                                       .toObject();
        return extras.value(QLatin1String("status")).toString() == QLatin1String("closed") ? QStringLiteral("closed")
                                                                                           : QStringLiteral("resolved");
    }
    const auto item = m_desk ? m_desk->item(s.id) : std::nullopt;
    if (item && item->item.claimed())
        return QStringLiteral("assigned");
    return QStringLiteral("open");
}

// Closing archives: the session is resolved (UNRESOLVED, "closed through the
// support agent API") and its history stays readable. A session already resolved
// (its ticket resolved, or a DELETE before) is archived already: 200 again, with
// when it was closed, and nothing changes.
void AgentApi::deleteSession(const CallPtr &c)
{
    const QString clientId = c->req.pathParams.value(QStringLiteral("id"));
    const auto found = findSession(c, clientId);
    if (!found)
        return;
    if (found->status == SessionStatus::Resolved)
        return reply(c, http::HttpResponse::json(200, archivedJson(clientId, found->resolvedAt)));
    Resolution r;
    r.type = ResolutionType::Unresolved;
    r.summary = QStringLiteral("Closed through the support agent API");
    const auto s = m_engine.resolve(c->company, found->id, r, c->actor);
    if (!s)
        return fail(c, s.error());
    sessionClosed(*s, clientId);
    reply(c, http::HttpResponse::json(200, archivedJson(clientId, s->resolvedAt)));
}

QJsonObject AgentApi::archivedJson(const QString &clientId, qint64 archivedAtMs)
{
    return {{QStringLiteral("message"), QStringLiteral("Session closed successfully")},
        {QStringLiteral("session_id"), clientId}, {QStringLiteral("archived_at"), timefmt::iso(archivedAtMs)}};
}

} // namespace tierdesk::api
