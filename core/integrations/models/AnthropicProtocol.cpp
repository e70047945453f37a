#include "core/integrations/models/ProviderProtocols.h"

#include <QJsonArray>

// https://docs.anthropic.com/en/api/messages
namespace tierdesk::providers::anthropic {

namespace {
const QByteArray kVersion = QByteArrayLiteral("2023-06-01");
}

OutboundRequest request(const Endpoint &endpoint, const ChatRequest &chat)
{
    JsonWriter json;
    json.beginObject().field("max_tokens", chat.maxOutputTokens);
    writeMessages(json, chat, false);
    json.field("model", chat.model);
    if (!chat.system.isEmpty())
        json.field("system", chat.system);
    json.field("temperature", chat.temperature).endObject();
    // Anthropic's own key header, not a bearer token.
    OutboundRequest r
        = jsonPost(Endpoint{endpoint.kind, endpoint.baseUrl, {}}, QStringLiteral("/messages"), json.take());
    r.headers.append({QByteArrayLiteral("anthropic-version"), kVersion});
    if (!endpoint.apiKey.isEmpty())
        r.headers.append({QByteArrayLiteral("x-api-key"), endpoint.apiKey});
    return r;
}

Result<ChatCompletion> answer(const QJsonObject &body)
{
    if (body.value(QLatin1String("type")).toString() != QLatin1String("message"))
        return malformed(QStringLiteral("type is not \"message\""));
    // The reply is the text blocks of `content`, in order (other block types are not text).
    QString text;
    bool anyText = false;
    for (const QJsonValue &block : body.value(QLatin1String("content")).toArray()) {
        const QJsonObject b = block.toObject();
        if (b.value(QLatin1String("type")).toString() != QLatin1String("text"))
            continue;
        text += b.value(QLatin1String("text")).toString();
        anyText = true;
    }
    if (!anyText)
        return malformed(QStringLiteral("no text block in content"));
    const QJsonObject usage = body.value(QLatin1String("usage")).toObject();
    ChatCompletion done;
    done.text = text;
    done.model = body.value(QLatin1String("model")).toString();
    done.inputTokens = usage.value(QLatin1String("input_tokens")).toInt();
    done.outputTokens = usage.value(QLatin1String("output_tokens")).toInt();
    return done;
}

QString errorMessage(const QJsonObject &body)
{
    // {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    return body.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
}

} // namespace tierdesk::providers::anthropic
