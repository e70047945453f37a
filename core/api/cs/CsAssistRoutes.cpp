// POST /api/cs/sessions/:id/assist: AI help for the people at the desk. The session is
// read on the engine thread; the model answers on a worker and the request is answered
// then (docs/api.md, "Agent assist").
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"

#include <QPointer>

namespace tierdesk::api {
namespace {

QJsonObject answerJson(const AssistAnswer &a)
{
    return {{QStringLiteral("task"), toString(a.task)}, {QStringLiteral("text"), a.text},
        {QStringLiteral("model"), a.model},
        {QStringLiteral("tokens"),
            QJsonObject{{QStringLiteral("input"), a.inputTokens}, {QStringLiteral("output"), a.outputTokens}}},
        {QStringLiteral("latencyMs"), a.latencyMs},
        {QStringLiteral("guardNotes"), QJsonArray::fromStringList(a.guardNotes)}};
}

// The body as a request; the engine checks the values (text rule and length, language).
Result<AssistRequest> requestOf(const QJsonObject &body)
{
    const QJsonValue task = body.value(QLatin1String("task"));
    const std::optional<AssistTask> parsed = parseAssistTask(task.toString());
    if (!task.isString() || !parsed) {
        Error e = makeError(ErrorKind::InvalidArgument,
            QStringLiteral("task must be one of: ") + assistTaskNames().join(QStringLiteral(", ")),
            {{QStringLiteral("field"), QStringLiteral("task")}});
        e.details.insert(QStringLiteral("allowed"), QJsonArray::fromStringList(assistTaskNames()));
        return e;
    }
    AssistRequest r;
    r.task = *parsed;
    for (const auto &[name, target] : {std::pair{"text", &r.text}, std::pair{"language", &r.language}}) {
        const QJsonValue v = body.value(QLatin1String(name));
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            return makeError(ErrorKind::InvalidArgument, QLatin1String(name) + QStringLiteral(" must be a string"),
                {{QStringLiteral("field"), QLatin1String(name)}});
        *target = v.toString();
    }
    return r;
}

} // namespace

void CsApi::assist(Call &c)
{
    if (!rateLimit(c, QStringLiteral("assist"), c.who.credentialKey(), m_limits.assist))
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const Result<AssistRequest> request = requestOf(*body);
    if (!request)
        return fail(c, request.error());
    // The answer comes later, from a worker: the call is kept, and dropped if this API is gone.
    auto later = defer(c);
    QPointer<CsApi> self(this);
    m_engine.assist().assist(c.who.company, c.req.pathParams.value(QStringLiteral("id")), *request, c.actor, this,
        [self, later](Result<AssistAnswer> answer) {
            if (!self)
                return;
            Call call = later->call();
            if (!answer)
                return self->fail(call, answer.error());
            self->reply(call, http::HttpResponse::json(200, answerJson(*answer)));
        });
}

} // namespace tierdesk::api
