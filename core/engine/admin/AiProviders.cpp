#include "core/engine/admin/AiProviders.h"

#include "core/integrations/models/HttpChatModel.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace tierdesk {

namespace {

QJsonObject field(const char *name)
{
    return {{QStringLiteral("field"), QLatin1String(name)}};
}

Error invalid(const char *name, const QString &message)
{
    return makeError(ErrorKind::InvalidArgument, message, field(name));
}

bool printableAscii(const QByteArray &key)
{
    return std::all_of(key.begin(), key.end(), [](char c) { return c > 0x20 && c < 0x7f; });
}

bool validPrice(double price)
{
    return std::isfinite(price) && price >= 0 && price <= AiProviders::kMaxPricePerMTok;
}

} // namespace

Status AiProviders::checkUrl(const QUrl &url, bool hasKey) const
{
    const QString https = QStringLiteral("https");
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != QLatin1String("http") && url.scheme() != https)
        || url.toString().size() > 2048)
        return invalid("baseUrl", QStringLiteral("baseUrl must be an absolute http(s) URL of at most 2048 characters"));
    if (!url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment())
        return invalid("baseUrl", QStringLiteral("baseUrl must not contain a user name, password, query or fragment"));
    const std::optional<QHostAddress> literal = AddressPolicy::literal(url.host());
    if (literal) {
        if (const Status allowed = m_core.modelAddresses().check(*literal); !allowed)
            return invalid("baseUrl", QStringLiteral("baseUrl is not allowed: ") + allowed.error().message);
    }
    const bool thisMachine = url.host() == QLatin1String("localhost") || (literal && literal->isLoopback());
    // A key sent in clear text over a network can be read by anyone on the way.
    if (hasKey && url.scheme() != https && !thisMachine)
        return invalid("baseUrl", QStringLiteral("an API key is sent only over https, or over http to this machine"));
    return Ok{};
}

Result<AiProvider> AiProviders::checked(const QString &companyId, const AiProviderDraft &d) const
{
    static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9][a-z0-9._-]*$"));
    if (d.name.size() > kMaxNameChars || !namePattern.match(d.name).hasMatch())
        return invalid("name", QStringLiteral("name must be 1 to 40 characters: a-z, 0-9, '.', '_' or '-'"));
    if (d.name == QLatin1String(kLocal))
        return invalid("name", QStringLiteral("\"local\" names the built-in responder"));
    const std::optional<ProviderKind> kind = parseProviderKind(d.kind);
    if (!kind)
        return invalid(
            "kind", QStringLiteral("kind must be one of: ") + providerKindNames().join(QStringLiteral(", ")));
    if (d.apiKey.size() > kMaxKeyBytes || !printableAscii(d.apiKey))
        return invalid("apiKey", QStringLiteral("apiKey must be at most 512 printable ASCII characters"));
    const QUrl url(d.baseUrl, QUrl::StrictMode);
    if (const Status ok = checkUrl(url, !d.apiKey.isEmpty()); !ok)
        return ok.error();
    if (d.timeoutMs < kMinTimeoutMs || d.timeoutMs > kMaxTimeoutMs)
        return invalid("timeoutMs", QStringLiteral("timeoutMs must be 1000 to 600000"));
    if (const Status prices = checkPrices(d.priceInputPerMTok, d.priceOutputPerMTok, d.prices); !prices)
        return prices.error();
    AiProvider p;
    p.companyId = companyId;
    p.name = d.name;
    p.kind = *kind;
    p.baseUrl = url.adjusted(QUrl::StripTrailingSlash);
    p.apiKey = d.apiKey;
    p.timeoutMs = d.timeoutMs;
    p.priceInputPerMTok = d.priceInputPerMTok;
    p.priceOutputPerMTok = d.priceOutputPerMTok;
    p.prices = d.prices;
    return p;
}

Status AiProviders::checkPrices(double input, double output, const QMap<QString, ModelPrice> &prices)
{
    if (!validPrice(input))
        return invalid("priceInput", QStringLiteral("priceInput must be 0 to 10000 (USD per million tokens)"));
    if (!validPrice(output))
        return invalid("priceOutput", QStringLiteral("priceOutput must be 0 to 10000 (USD per million tokens)"));
    if (prices.size() > kMaxPricedModels)
        return invalid("prices", QStringLiteral("prices name at most 50 models"));
    static const QRegularExpression currency(QStringLiteral("^[A-Z]{3}$"));
    for (auto it = prices.cbegin(); it != prices.cend(); ++it) {
        const QString &model = it.key();
        if (model.isEmpty() || model.size() > kMaxModelNameChars
            || std::any_of(model.begin(), model.end(), [](QChar c) { return c.category() == QChar::Other_Control; }))
            return invalid("prices", QStringLiteral("a model's name must be 1 to 100 characters"));
        if (!validPrice(it->inputPerMillion) || !validPrice(it->outputPerMillion))
            return invalid(
                "prices", QStringLiteral("%1: inputPerMillion and outputPerMillion must be 0 to 10000").arg(model));
        if (!currency.match(it->currency).hasMatch())
            return invalid(
                "prices", QStringLiteral("%1: currency must be an ISO 4217 code of three capital letters").arg(model));
    }
    return Ok{};
}

Result<AiProvider> AiProviders::changePrices(
    const QString &companyId, const QString &name, const ProviderPriceChange &change, const Actor &actor)
{
    Result<AiProvider> provider = find(companyId, name);
    if (!provider)
        return provider;
    provider->priceInputPerMTok = change.priceInputPerMTok.value_or(provider->priceInputPerMTok);
    provider->priceOutputPerMTok = change.priceOutputPerMTok.value_or(provider->priceOutputPerMTok);
    provider->prices = change.prices.value_or(provider->prices);
    if (const Status ok = checkPrices(provider->priceInputPerMTok, provider->priceOutputPerMTok, provider->prices); !ok)
        return ok.error();
    Store &store = m_core.store();
    Status stored = Ok{};
    store.batch().run([&] {
        stored = store.aiProviders().updatePrices(*provider);
        return stored
            && m_core.record(companyId, actor, QStringLiteral("ai.provider.prices"),
                QStringLiteral("ai_provider:") + name, AuditOutcome::Done,
                {{QStringLiteral("models"), QJsonArray::fromStringList(provider->prices.keys())}});
    });
    if (!stored)
        return stored.error();
    m_core.models().forget(companyId);
    return provider;
}

Result<AiProvider> AiProviders::add(const QString &companyId, const AiProviderDraft &draft, const Actor &actor)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    Result<AiProvider> provider = checked(companyId, draft);
    if (!provider)
        return provider;
    Store &store = m_core.store();
    if (store.aiProviders().count(companyId) >= kMaxPerCompany)
        return makeError(ErrorKind::Conflict, QStringLiteral("at most 20 providers per company"));
    provider->createdAt = m_core.clock().nowMs();
    Status stored = Ok{};
    store.batch().run([&] {
        stored = store.aiProviders().insert(*provider, store.webhooks().sealer());
        return stored
            && m_core.record(companyId, actor, QStringLiteral("ai.provider.create"),
                QStringLiteral("ai_provider:") + provider->name, AuditOutcome::Created,
                {{QStringLiteral("kind"), toString(provider->kind)},
                    {QStringLiteral("baseUrl"), provider->baseUrl.toString()}});
    });
    if (!stored)
        return stored.error();
    m_core.models().forget(companyId);
    return provider;
}

Result<QList<AiProvider>> AiProviders::list(const QString &companyId)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    return m_core.store().aiProviders().list(companyId, m_core.store().webhooks().sealer());
}

Result<AiProvider> AiProviders::find(const QString &companyId, const QString &name)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    std::optional<AiProvider> found
        = m_core.store().aiProviders().find(companyId, name, m_core.store().webhooks().sealer());
    if (!found)
        return makeError(ErrorKind::NotFound, QStringLiteral("no provider named \"%1\"").arg(name.left(kMaxNameChars)),
            field("name"));
    return *found;
}

Status AiProviders::remove(const QString &companyId, const QString &name, const Actor &actor)
{
    if (auto company = m_core.company(companyId); !company)
        return company.error();
    Store &store = m_core.store();
    Status removed = Ok{};
    store.batch().run([&] {
        removed = store.aiProviders().remove(companyId, name);
        return removed
            && m_core.record(companyId, actor, QStringLiteral("ai.provider.delete"),
                QStringLiteral("ai_provider:") + name, AuditOutcome::Removed);
    });
    return removed;
}

std::shared_ptr<ChatModel> AiProviders::modelOf(const AiProvider &p) const
{
    return std::make_shared<HttpChatModel>(
        providers::Endpoint{p.kind, p.baseUrl, p.apiKey}, std::make_shared<CurlOutboundHttp>(m_core.modelAddresses()));
}

ProviderProbe AiProviders::probe(ChatModel &model, const QString &modelName, int timeoutMs)
{
    ChatRequest request;
    request.model = modelName;
    request.system = QStringLiteral("You are a connection test. Answer with one short sentence.");
    request.messages = {{ChatMessage::Role::User, QStringLiteral("Say hello.")}};
    request.maxOutputTokens = 32;
    ProviderProbe probe;
    probe.model = modelName;
    const Result<ChatCompletion> done = model.complete(request, QDeadlineTimer(timeoutMs));
    if (!done) {
        probe.error = done.error().message;
        return probe;
    }
    probe.model = done->model;
    probe.answer = done->text;
    probe.latencyMs = done->latencyMs;
    probe.inputTokens = done->inputTokens;
    probe.outputTokens = done->outputTokens;
    return probe;
}

} // namespace tierdesk
