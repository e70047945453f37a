#pragma once

#include "core/common/JsonWriter.h"
#include "core/integrations/OutboundHttp.h"
#include "core/integrations/models/ChatModel.h"

#include <QJsonArray>
#include <QJsonObject>

// Each provider's HTTP API exactly: the request it takes and the answer it gives.
// Errors are handled in HttpChatModel; these read only 2xx answers.
namespace tierdesk::providers {

// Where and how to reach one provider.
struct Endpoint {
    ProviderKind kind = ProviderKind::OpenAi;
    QUrl baseUrl;
    QByteArray apiKey;
};

constexpr int kMaxAnswerBytes = 1 << 20; // a reply is a few KiB; anything near this is not one

// POST {base}/chat/completions, Authorization: Bearer (OpenAI-compatible servers).
namespace openai {
OutboundRequest request(const Endpoint &endpoint, const ChatRequest &chat);
Result<ChatCompletion> answer(const QJsonObject &body);
QString errorMessage(const QJsonObject &body);
} // namespace openai

// POST {base}/messages, x-api-key and anthropic-version (Anthropic Messages).
namespace anthropic {
OutboundRequest request(const Endpoint &endpoint, const ChatRequest &chat);
Result<ChatCompletion> answer(const QJsonObject &body);
QString errorMessage(const QJsonObject &body);
} // namespace anthropic

// POST {base}/api/chat with "stream": false (Ollama's own API).
namespace ollama {
OutboundRequest request(const Endpoint &endpoint, const ChatRequest &chat);
Result<ChatCompletion> answer(const QJsonObject &body);
QString errorMessage(const QJsonObject &body);
} // namespace ollama

// The protocol of `endpoint.kind`.
OutboundRequest request(const Endpoint &endpoint, const ChatRequest &chat);
Result<ChatCompletion> answer(ProviderKind kind, const QJsonObject &body);
QString errorMessage(ProviderKind kind, const QJsonObject &body);

// {base}{path} with exactly one slash between them.
QUrl joinUrl(const QUrl &base, const QString &path);
// An answer that could not be read: the provider is not speaking its API.
Error malformed(const QString &why);
// The "messages" array, oldest first; as OpenAI and Ollama take it, the system prompt first.
// Written straight to JSON: a prompt is several KiB, and each reply sends one.
void writeMessages(JsonWriter &json, const ChatRequest &chat, bool withSystem);
// A JSON POST of `body` to {base}{path}, with the key as a bearer token when there is one.
OutboundRequest jsonPost(const Endpoint &endpoint, const QString &path, QByteArray body);

} // namespace tierdesk::providers
