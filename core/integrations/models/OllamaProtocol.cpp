#include "core/integrations/models/ProviderProtocols.h"

#include <QJsonArray>

// https://github.com/ollama/ollama/blob/main/docs/api.md#generate-a-chat-completion
namespace tierdesk::providers::ollama {

OutboundRequest request(const Endpoint &endpoint, const ChatRequest &chat)
{
    JsonWriter json;
    json.beginObject();
    writeMessages(json, chat, true);
    json.field("model", chat.model);
    json.key("options").beginObject().field("num_predict", chat.maxOutputTokens);
    json.field("temperature", chat.temperature).endObject();
    json.field("stream", false).endObject();
    // Ollama itself takes no key; one behind a proxy that wants a bearer token gets it.
    return jsonPost(endpoint, QStringLiteral("/api/chat"), json.take());
}

Result<ChatCompletion> answer(const QJsonObject &body)
{
    const QJsonValue content = body.value(QLatin1String("message")).toObject().value(QLatin1String("content"));
    if (!content.isString())
        return malformed(QStringLiteral("message.content is not text"));
    ChatCompletion done;
    done.text = content.toString();
    done.model = body.value(QLatin1String("model")).toString();
    done.inputTokens = body.value(QLatin1String("prompt_eval_count")).toInt();
    done.outputTokens = body.value(QLatin1String("eval_count")).toInt();
    return done;
}

QString errorMessage(const QJsonObject &body)
{
    return body.value(QLatin1String("error")).toString(); // {"error": "model \"x\" not found, try pulling it first"}
}

} // namespace tierdesk::providers::ollama
