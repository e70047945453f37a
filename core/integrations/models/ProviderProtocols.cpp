#include "core/integrations/models/ProviderProtocols.h"

namespace tierdesk::providers {

OutboundRequest request(const Endpoint &endpoint, const ChatRequest &chat)
{
    switch (endpoint.kind) {
    case ProviderKind::Anthropic:
        return anthropic::request(endpoint, chat);
    case ProviderKind::Ollama:
        return ollama::request(endpoint, chat);
    case ProviderKind::OpenAi:
        break;
    }
    return openai::request(endpoint, chat);
}

Result<ChatCompletion> answer(ProviderKind kind, const QJsonObject &body)
{
    switch (kind) {
    case ProviderKind::Anthropic:
        return anthropic::answer(body);
    case ProviderKind::Ollama:
        return ollama::answer(body);
    case ProviderKind::OpenAi:
        break;
    }
    return openai::answer(body);
}

QString errorMessage(ProviderKind kind, const QJsonObject &body)
{
    switch (kind) {
    case ProviderKind::Anthropic:
        return anthropic::errorMessage(body);
    case ProviderKind::Ollama:
        return ollama::errorMessage(body);
    case ProviderKind::OpenAi:
        break;
    }
    return openai::errorMessage(body);
}

QUrl joinUrl(const QUrl &base, const QString &path)
{
    QUrl url = base;
    QString basePath = url.path();
    while (basePath.endsWith(QLatin1Char('/')))
        basePath.chop(1);
    url.setPath(basePath + path);
    return url;
}

Error malformed(const QString &why)
{
    return makeError(ErrorKind::Unavailable, ErrorDetail::AiFailed, QStringLiteral("unreadable answer: ") + why);
}

OutboundRequest jsonPost(const Endpoint &endpoint, const QString &path, QByteArray body)
{
    OutboundRequest r;
    r.url = joinUrl(endpoint.baseUrl, path);
    r.body = std::move(body);
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    if (!endpoint.apiKey.isEmpty())
        r.headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + endpoint.apiKey});
    return r;
}

void writeMessages(JsonWriter &json, const ChatRequest &chat, bool withSystem)
{
    json.key("messages").beginArray();
    if (withSystem && !chat.system.isEmpty())
        json.beginObject().field("content", chat.system).field("role", "system").endObject();
    for (const ChatMessage &m : chat.messages)
        json.beginObject()
            .field("content", m.content)
            .field("role", m.role == ChatMessage::Role::User ? "user" : "assistant")
            .endObject();
    json.endArray();
}

} // namespace tierdesk::providers
