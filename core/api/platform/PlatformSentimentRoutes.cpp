// POST /sentiment/analyze: the engine's analysis of a text (the one every customer message
// gets), stored nowhere. The score is the analyser's own 0..1 (0 most negative, 0.5 neutral).
#include "core/api/platform/PlatformCall.h"
#include "core/api/platform/PlatformErrors.h"
#include "core/api/platform/PlatformRoutes.h"

#include "core/common/Ids.h"

#include <QJsonArray>

namespace tierdesk::api {
namespace {

double rounded(double v)
{
    return qRound(v * 100.0) / 100.0;
}

QJsonObject analysisJson(const MessageAnalysis &a)
{
    const nlu::SentimentResult &s = a.sentiment;
    QJsonArray recommendations;
    for (const nlu::ActionRecommendation &r : s.recommendations)
        recommendations.append(QJsonObject{{QStringLiteral("type"), r.type},
            {QStringLiteral("confidence"), rounded(r.confidence)}, {QStringLiteral("reasoning"), r.reasoning}});
    return {{QStringLiteral("analysis_id"), QString(QStringLiteral("sent-") + QString::fromLatin1(ids::randomHex(8)))},
        {QStringLiteral("sentiment"), s.polarity}, {QStringLiteral("sentiment_score"), rounded(s.score)},
        {QStringLiteral("dominant_emotions"), QJsonArray::fromStringList(s.emotions)},
        {QStringLiteral("keywords"), QJsonArray::fromStringList(s.keywords)},
        {QStringLiteral("action_recommendations"), recommendations}};
}

void analyze(const PlatformCallPtr &c)
{
    using namespace platformcall;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const int maxId = c->engine().limits().maxIdChars;
    const auto text = requiredString(c, *body, "text", c->engine().limits().maxMessageChars);
    const auto conversation = text ? optionalString(c, *body, "conversation_id", maxId) : std::nullopt;
    const auto user = conversation ? optionalString(c, *body, "user_id", maxId) : std::nullopt;
    if (!user)
        return;
    // A named conversation must be one of the company's (404 otherwise, as for any id).
    if (!conversation->isEmpty()) {
        MessageWindow none;
        none.limit = 1;
        if (const auto s = c->engine().session(c->company, *conversation, none); !s)
            return fail(c, platform::error(ErrorKind::NotFound, QStringLiteral("Conversation not found")));
    }
    c->engine().analyseOnly(c->company, *text, c->services->context, [c](Result<MessageAnalysis> a) {
        if (!a)
            return fail(c, a.error());
        replyJson(c, 200, analysisJson(*a));
    });
}

} // namespace

void installSentimentRoutes(http::HttpServer &server, PlatformServices &services)
{
    server.router().route("POST", QStringLiteral("/sentiment/analyze"), signedRoute(services, &analyze));
}

} // namespace tierdesk::api
