// /api/cs/ai/providers: a company's language-model providers (admin). The key is
// write-only; a provider's test runs on a worker, never on the engine thread.
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"
#include "core/common/Time.h"

#include <QPointer>

#include <cmath>

namespace tierdesk::api {
namespace {

QJsonObject providerJson(const AiProvider &p)
{
    return {{QStringLiteral("name"), p.name}, {QStringLiteral("kind"), toString(p.kind)},
        {QStringLiteral("baseUrl"), p.baseUrl.toString()}, {QStringLiteral("hasKey"), !p.apiKey.isEmpty()},
        {QStringLiteral("timeoutMs"), p.timeoutMs}, {QStringLiteral("priceInput"), p.priceInputPerMTok},
        {QStringLiteral("priceOutput"), p.priceOutputPerMTok},
        {QStringLiteral("createdAt"), timefmt::iso(p.createdAt)}};
}

QJsonObject probeJson(const QString &name, const ProviderProbe &probe)
{
    QJsonObject out{{QStringLiteral("name"), name}, {QStringLiteral("model"), probe.model},
        {QStringLiteral("ok"), probe.error.isEmpty()}, {QStringLiteral("latencyMs"), probe.latencyMs},
        {QStringLiteral("tokens"),
            QJsonObject{{QStringLiteral("input"), probe.inputTokens}, {QStringLiteral("output"), probe.outputTokens}}}};
    if (probe.error.isEmpty())
        out.insert(QStringLiteral("answer"), probe.answer.left(500));
    else
        out.insert(QStringLiteral("error"), probe.error);
    return out;
}

Error wrongType(const char *field, const char *what)
{
    return makeError(ErrorKind::InvalidArgument,
        QStringLiteral("%1 must be %2").arg(QLatin1String(field), QLatin1String(what)),
        {{QStringLiteral("field"), QLatin1String(field)}});
}

// The body of POST /ai/providers as a draft; the engine checks the values.
Result<AiProviderDraft> draftOf(const QJsonObject &body)
{
    AiProviderDraft d;
    for (const char *text : {"name", "kind", "baseUrl", "apiKey"}) {
        const QJsonValue v = body.value(QLatin1String(text));
        if (!v.isUndefined() && !v.isString())
            return wrongType(text, "a string");
    }
    for (const char *number : {"timeoutMs", "priceInput", "priceOutput"}) {
        const QJsonValue v = body.value(QLatin1String(number));
        if (!v.isUndefined() && !v.isDouble())
            return wrongType(number, "a number");
    }
    d.name = body.value(QLatin1String("name")).toString();
    d.kind = body.value(QLatin1String("kind")).toString();
    d.baseUrl = body.value(QLatin1String("baseUrl")).toString();
    d.apiKey = body.value(QLatin1String("apiKey")).toString().toUtf8();
    const double timeout = body.value(QLatin1String("timeoutMs")).toDouble(d.timeoutMs);
    if (timeout != std::floor(timeout) || timeout < 0 || timeout > AiProviders::kMaxTimeoutMs)
        return wrongType("timeoutMs", "a whole number from 1000 to 600000");
    d.timeoutMs = static_cast<int>(timeout);
    d.priceInputPerMTok = body.value(QLatin1String("priceInput")).toDouble(0);
    d.priceOutputPerMTok = body.value(QLatin1String("priceOutput")).toDouble(0);
    return d;
}

} // namespace

void CsApi::listProviders(Call &c)
{
    const auto providers = m_engine.aiProviders().list(c.who.company);
    if (!providers)
        return fail(c, providers.error());
    QJsonArray all;
    for (const AiProvider &p : *providers)
        all.append(providerJson(p));
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("providers"), all}}));
}

void CsApi::addProvider(Call &c)
{
    const auto body = companyBody(c);
    if (!body)
        return;
    const Result<AiProviderDraft> draft = draftOf(*body);
    if (!draft)
        return fail(c, draft.error());
    const auto added = m_engine.aiProviders().add(c.who.company, *draft, c.actor);
    if (!added)
        return fail(c, added.error());
    reply(c, http::HttpResponse::json(201, providerJson(*added)));
}

void CsApi::removeProvider(Call &c)
{
    const Status removed
        = m_engine.aiProviders().remove(c.who.company, c.req.pathParams.value(QStringLiteral("name")), c.actor);
    if (!removed)
        return fail(c, removed.error());
    reply(c, http::HttpResponse::noContent());
}

void CsApi::testProvider(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const QJsonValue modelValue = body->value(QLatin1String("model"));
    const QString model = modelValue.toString().trimmed();
    if (!modelValue.isString() || model.isEmpty() || model.size() > 200)
        return fail(c, cs::error(wrongType("model", "the model's name (1 to 200 characters)")));
    const auto provider = m_engine.aiProviders().find(c.who.company, c.req.pathParams.value(QStringLiteral("name")));
    if (!provider)
        return fail(c, provider.error());
    // The request waits for the provider on a worker; the engine thread goes on.
    auto later = defer(c);
    std::shared_ptr<ChatModel> chat = m_engine.aiProviders().modelOf(*provider);
    QPointer<CsApi> self(this);
    m_probePool.start([self, later, chat, model, name = provider->name, timeoutMs = provider->timeoutMs] {
        const ProviderProbe probe = AiProviders::probe(*chat, model, timeoutMs);
        QMetaObject::invokeMethod(
            self.data(),
            [self, later, probe, name] {
                if (!self)
                    return;
                Call call = later->call();
                self->reply(call, http::HttpResponse::json(200, probeJson(name, probe)));
            },
            Qt::QueuedConnection);
    });
}

} // namespace tierdesk::api
