#pragma once

#include "core/domain/ModelCharge.h"

#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace tierdesk {

// The HTTP API a language-model provider speaks.
enum class ProviderKind {
    OpenAi, // Chat Completions: OpenAI, Groq, vLLM, llama.cpp's server, LM Studio, Ollama's /v1
    Anthropic, // Messages
    Ollama, // Ollama's own /api/chat
};
QString toString(ProviderKind kind);
std::optional<ProviderKind> parseProviderKind(const QString &name);
QStringList providerKindNames();

// A language-model provider a company's admins registered. The key is plain here
// and sealed in the database; it is never shown again once stored.
struct AiProvider {
    QString companyId;
    QString name; // unique per company; "local" names the built-in responder
    ProviderKind kind = ProviderKind::OpenAi;
    QUrl baseUrl; // e.g. http://127.0.0.1:11434/v1, https://api.anthropic.com/v1
    QByteArray apiKey; // may be empty (local servers)
    int timeoutMs = 20000;
    // The price of each model by name; a model not named costs priceInput/priceOutput (USD per million
    // tokens, the provider's first price field), for cost figures.
    QMap<QString, ModelPrice> prices;
    double priceInputPerMTok = 0;
    double priceOutputPerMTok = 0;
    qint64 createdAt = 0;

    // A model with no price of its own, on a provider with none, is unpriced: it costs 0 in no currency.
    ModelPrice priceOf(const QString &model) const
    {
        if (const auto own = prices.constFind(model); own != prices.cend())
            return *own;
        if (priceInputPerMTok == 0 && priceOutputPerMTok == 0)
            return {};
        return {priceInputPerMTok, priceOutputPerMTok, QStringLiteral("USD")};
    }
    // One call of `model` that used these tokens.
    ModelCharge charge(const QString &model, int inputTokens, int outputTokens) const
    {
        const ModelPrice p = priceOf(model);
        const double amount = (inputTokens * p.inputPerMillion + outputTokens * p.outputPerMillion) / 1e6;
        return {model, 1, inputTokens, outputTokens, amount, p.currency};
    }
};

} // namespace tierdesk
