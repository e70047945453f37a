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
    QJsonObject prices;
    for (auto it = p.prices.cbegin(); it != p.prices.cend(); ++it)
        prices.insert(it.key(),
            QJsonObject{{QStringLiteral("inputPerMillion"), it->inputPerMillion},
                {QStringLiteral("outputPerMillion"), it->outputPerMillion},
                {QStringLiteral("currency"), it->currency}});
    return {{QStringLiteral("name"), p.name}, {QStringLiteral("kind"), toString(p.kind)},
        {QStringLiteral("baseUrl"), p.baseUrl.toString()}, {QStringLiteral("hasKey"), !p.apiKey.isEmpty()},
        {QStringLiteral("timeoutMs"), p.timeoutMs}, {QStringLiteral("priceInput"), p.priceInputPerMTok},
        {QStringLiteral("priceOutput"), p.priceOutputPerMTok}, {QStringLiteral("prices"), prices},
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

// "prices": {"<model>": {"inputPerMillion", "outputPerMillion", "currency"}}; the engine checks the values.
Result<QMap<QString, ModelPrice>> pricesOf(const QJsonValue &value)
{
    if (!value.isObject())
        return wrongType("prices", "an object of models' prices");
    QMap<QString, ModelPrice> out;
    const QJsonObject all = value.toObject();
    for (auto it = all.constBegin(); it != all.constEnd(); ++it) {
        const QJsonObject p = it.value().toObject();
        const QJsonValue in = p.value(QLatin1String("inputPerMillion"));
        const QJsonValue outPrice = p.value(QLatin1String("outputPerMillion"));
        const QJsonValue currency = p.value(QLatin1String("currency"));
        if (!it.value().isObject() || !in.isDouble() || !outPrice.isDouble() || !currency.isString())
            return wrongType("prices",
                "{\"<model>\": {\"inputPerMillion\": number, \"outputPerMillion\": number,"
                " \"currency\": \"XXX\"}}");
        out.insert(it.key(), {in.toDouble(), outPrice.toDouble(), currency.toString()});
    }
    return out;
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
    if (body.contains(QLatin1String("prices"))) {
        const auto prices = pricesOf(body.value(QLatin1String("prices")));
        if (!prices)
            return prices.error();
        d.prices = *prices;
    }
    return d;
}

// The body of PATCH /ai/providers/:name: the prices given, each replaced whole.
Result<ProviderPriceChange> priceChangeOf(const QJsonObject &body)
{
    static const QStringList known{QStringLiteral("companyId"), QStringLiteral("priceInput"),
        QStringLiteral("priceOutput"), QStringLiteral("prices")};
    for (const QString &key : body.keys())
        if (!known.contains(key))
            return makeError(ErrorKind::InvalidArgument,
                QStringLiteral("%1 cannot be changed: only priceInput, priceOutput and prices").arg(key.left(40)),
                {{QStringLiteral("field"), key.left(40)}});
    ProviderPriceChange change;
    for (const char *number : {"priceInput", "priceOutput"}) {
        const QJsonValue v = body.value(QLatin1String(number));
        if (!v.isUndefined() && !v.isDouble())
            return wrongType(number, "a number");
    }
    if (const QJsonValue v = body.value(QLatin1String("priceInput")); v.isDouble())
        change.priceInputPerMTok = v.toDouble();
    if (const QJsonValue v = body.value(QLatin1String("priceOutput")); v.isDouble())
        change.priceOutputPerMTok = v.toDouble();
    if (body.contains(QLatin1String("prices"))) {
        const auto prices = pricesOf(body.value(QLatin1String("prices")));
        if (!prices)
            return prices.error();
        change.prices = *prices;
    }
    return change;
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

void CsApi::changeProvider(Call &c)
{
    const auto body = companyBody(c);
    if (!body)
        return;
    const Result<ProviderPriceChange> change = priceChangeOf(*body);
    if (!change)
        return fail(c, change.error());
    const auto changed = m_engine.aiProviders().changePrices(
        c.who.company, c.req.pathParams.value(QStringLiteral("name")), *change, c.actor);
    if (!changed)
        return fail(c, changed.error());
    reply(c, http::HttpResponse::json(200, providerJson(*changed)));
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
