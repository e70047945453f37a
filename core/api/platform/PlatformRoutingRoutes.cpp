// POST /routing/inquiries: where an inquiry goes. The engine's analysis gives the intent's
// issue category and the sentiment; the company's desk config names the queue for that
// category; the desk's queue depth, available agents and SLA targets give the wait.
#include "core/api/platform/PlatformCall.h"
#include "core/api/platform/PlatformErrors.h"
#include "core/api/platform/PlatformRoutes.h"

#include "core/common/Ids.h"
#include "core/engine/admin/KnowledgeBase.h"

#include <QJsonArray>

namespace tierdesk::api {
namespace {

// Minutes a person spends on one waiting conversation, for the estimate (docs/platform-api.md).
constexpr int kMinutesPerWaiting = 5;

// Seed 000's priority names from the sentiment score (0 most negative).
QString priorityFor(double score)
{
    if (score < 0.15)
        return QStringLiteral("urgent");
    if (score < 0.35)
        return QStringLiteral("high");
    if (score < 0.6)
        return QStringLiteral("medium");
    return QStringLiteral("low");
}

Priority deskPriority(const QString &seedPriority)
{
    if (seedPriority == QLatin1String("urgent"))
        return Priority::Urgent;
    if (seedPriority == QLatin1String("high"))
        return Priority::High;
    return seedPriority == QLatin1String("low") ? Priority::Low : Priority::Normal;
}

int waitingIn(Desk *desk, const QString &company, const QString &queue)
{
    if (!desk)
        return 0;
    const auto overview = desk->overview(company);
    if (!overview)
        return 0;
    for (const QJsonValue &v : overview->value(QLatin1String("queues")).toArray())
        if (v.toObject().value(QLatin1String("queue")).toString() == queue)
            return v.toObject().value(QLatin1String("waiting")).toInt();
    return 0;
}

// Seconds: with someone available, the queue ahead at kMinutesPerWaiting each; capped
// by (and without anyone available, equal to) the SLA's first-response target.
int estimatedSeconds(const PlatformCallPtr &c, const Company &company, const QString &queue, const QString &priority)
{
    const int slaSecs = company.config.desk.target(deskPriority(priority)).firstResponseMinutes * 60;
    Desk *desk = c->services->desk;
    if (!desk || !desk->anyAgentAvailable(c->company, queue))
        return slaSecs;
    return qMin(slaSecs, (waitingIn(desk, c->company, queue) + 1) * kMinutesPerWaiting * 60);
}

QJsonArray suggestedResponses(const PlatformCallPtr &c, const QString &text, const QString &queue)
{
    QJsonArray out{
        QStringLiteral("I understand. I'll connect you with our %1 team, who can help you with this.").arg(queue)};
    const auto hits = c->engine().knowledge().search(c->company, text, 1);
    if (hits && !hits->isEmpty())
        out.append(QStringLiteral("While you wait, this article may help: \"%1\".").arg(hits->first().article.title));
    return out;
}

void routeInquiry(const PlatformCallPtr &c)
{
    using namespace platformcall;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const int maxId = c->engine().limits().maxIdChars;
    const auto text = requiredString(c, *body, "inquiry_text", c->engine().limits().maxMessageChars);
    const auto conversation = text ? optionalString(c, *body, "conversation_id", maxId) : std::nullopt;
    const auto user = conversation ? optionalString(c, *body, "user_id", maxId) : std::nullopt;
    const auto source = user ? optionalString(c, *body, "source", 64) : std::nullopt;
    std::optional<double> given;
    if (!source || !optionalUnitScore(c, *body, "sentiment_score", &given))
        return;
    const QJsonValue metadata = body->value(QLatin1String("metadata"));
    if (!metadata.isUndefined() && !metadata.isNull() && !metadata.isObject())
        return fail(c, platform::badRequest(QStringLiteral("Invalid request body: metadata must be an object")));
    const QString inquiry = *text;
    c->engine().analyseOnly(c->company, inquiry, c->services->context, [c, given, inquiry](Result<MessageAnalysis> a) {
        if (!a)
            return fail(c, a.error());
        const auto company = c->engine().company(c->company);
        if (!company)
            return fail(c, company.error());
        const QString queue = company->config.desk.queueFor(a->intent.category);
        const QString priority = priorityFor(given.value_or(a->sentiment.score));
        replyJson(c, 200,
            {{QStringLiteral("routing_id"), QString(QStringLiteral("route-") + QString::fromLatin1(ids::randomHex(8)))},
                {QStringLiteral("destination"), queue}, {QStringLiteral("priority"), priority},
                {QStringLiteral("estimated_response_time"), estimatedSeconds(c, *company, queue, priority)},
                {QStringLiteral("suggested_responses"), suggestedResponses(c, inquiry, queue)}});
    });
}

} // namespace

void installRoutingRoutes(http::HttpServer &server, PlatformServices &services)
{
    server.router().route("POST", QStringLiteral("/routing/inquiries"), signedRoute(services, &routeInquiry));
}

} // namespace tierdesk::api
