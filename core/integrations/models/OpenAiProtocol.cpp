#include "core/integrations/models/ProviderProtocols.h"

#include <QJsonArray>
#include <QJsonDocument>

// https://platform.openai.com/docs/api-reference/chat/create — the subset every
// OpenAI-compatible server (Ollama's /v1, llama.cpp, vLLM, LM Studio, Groq) accepts.
namespace tierdesk::providers::openai {

OutboundRequest request(const Endpoint &endpoint, const ChatRequest &chat)
{
    JsonWriter json;
    json.beginObject().field("max_tokens", chat.maxOutputTokens);
    writeMessages(json, chat, true);
    json.field("model", chat.model).field("stream", false).field("temperature", chat.temperature).endObject();
    return jsonPost(endpoint, QStringLiteral("/chat/completions"), json.take());
}

Result<ChatCompletion> answer(const QJsonObject &body)
{
    const QJsonArray choices = body.value(QLatin1String("choices")).toArray();
    if (choices.isEmpty())
        return malformed(QStringLiteral("no choices"));
    const QJsonValue content
        = choices.first().toObject().value(QLatin1String("message")).toObject().value(QLatin1String("content"));
    if (!content.isString())
        return malformed(QStringLiteral("choices[0].message.content is not text"));
    const QJsonObject usage = body.value(QLatin1String("usage")).toObject();
    ChatCompletion done;
    done.text = content.toString();
    done.model = body.value(QLatin1String("model")).toString();
    done.inputTokens = usage.value(QLatin1String("prompt_tokens")).toInt();
    done.outputTokens = usage.value(QLatin1String("completion_tokens")).toInt();
    return done;
}

QString errorMessage(const QJsonObject &body)
{
    const QJsonValue error = body.value(QLatin1String("error"));
    // {"error": {"message", "type", "code"}}; some compatible servers send {"error": "text"}.
    return error.isObject() ? error.toObject().value(QLatin1String("message")).toString() : error.toString();
}

} // namespace tierdesk::providers::openai
