#pragma once

#include "core/engine/pipeline/EngineCore.h"
#include "core/integrations/models/ChatModel.h"

namespace tierdesk {

// What an admin gives to register a language-model provider (docs/api.md, "Language models").
struct AiProviderDraft {
    QString name;
    QString kind; // openai | anthropic | ollama
    QString baseUrl;
    QByteArray apiKey; // optional
    int timeoutMs = 20000;
    double priceInputPerMTok = 0;
    double priceOutputPerMTok = 0;
    QMap<QString, ModelPrice> prices; // each model's own
};

// What PATCH /ai/providers/:name changes: the fields given, each replaced whole.
struct ProviderPriceChange {
    std::optional<double> priceInputPerMTok;
    std::optional<double> priceOutputPerMTok;
    std::optional<QMap<QString, ModelPrice>> prices;
};

// A provider's answer to one short request (`tierdesk ai provider test`).
struct ProviderProbe {
    QString model;
    QString answer; // the reply's text, or empty when it failed
    QString error; // the provider's error, or empty
    qint64 latencyMs = 0;
    int inputTokens = 0;
    int outputTokens = 0;
};

// A company's language-model providers: registration (checked, the key sealed),
// listing, removal, and a short test request. The local responder needs none.
class AiProviders {
public:
    explicit AiProviders(EngineCore &core) : m_core(core) { }

    static constexpr int kMaxPerCompany = 20;
    static constexpr int kMaxNameChars = 40;
    static constexpr int kMaxKeyBytes = 512;
    static constexpr int kMinTimeoutMs = 1000;
    static constexpr int kMaxTimeoutMs = 600000;
    static constexpr double kMaxPricePerMTok = 10000;
    static constexpr int kMaxPricedModels = 50;
    static constexpr int kMaxModelNameChars = 100;
    static constexpr auto kLocal = "local"; // the built-in responder's name, never a provider's

    Result<AiProvider> add(const QString &companyId, const AiProviderDraft &draft, const Actor &actor);
    Result<QList<AiProvider>> list(const QString &companyId);
    Result<AiProvider> find(const QString &companyId, const QString &name);
    Status remove(const QString &companyId, const QString &name, const Actor &actor);
    // New prices, used from the next model call (earlier calls keep the price they were made at).
    Result<AiProvider> changePrices(
        const QString &companyId, const QString &name, const ProviderPriceChange &change, const Actor &actor);

    // The model client of a provider; blocking: call it off the engine thread.
    std::shared_ptr<ChatModel> modelOf(const AiProvider &provider) const;
    // One short request to `model`, blocking (the command line; the API runs it on a worker).
    static ProviderProbe probe(ChatModel &model, const QString &modelName, int timeoutMs);

private:
    Result<AiProvider> checked(const QString &companyId, const AiProviderDraft &draft) const;
    Status checkUrl(const QUrl &url, bool hasKey) const;
    static Status checkPrices(double input, double output, const QMap<QString, ModelPrice> &prices);

    EngineCore &m_core;
};

} // namespace tierdesk
