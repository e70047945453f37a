#pragma once

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
    double priceInputPerMTok = 0; // USD per million input tokens, for cost figures
    double priceOutputPerMTok = 0;
    qint64 createdAt = 0;

    double costUsd(int inputTokens, int outputTokens) const
    {
        return (inputTokens * priceInputPerMTok + outputTokens * priceOutputPerMTok) / 1e6;
    }
};

} // namespace tierdesk
