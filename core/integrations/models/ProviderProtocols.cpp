#include "core/integrations/models/ProviderProtocols.h"

#include <QJsonArray>
#include <QJsonDocument>

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

OutboundRequest jsonPost(const Endpoint &endpoint, const QString &path, const QJsonObject &body)
{
    OutboundRequest r;
    r.url = joinUrl(endpoint.baseUrl, path);
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.headers.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});
    if (!endpoint.apiKey.isEmpty())
        r.headers.append({QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + endpoint.apiKey});
    return r;
}

QJsonArray messagesWithSystem(const ChatRequest &chat)
{
    QJsonArray messages;
    if (!chat.system.isEmpty())
        messages.append(
            QJsonObject{{QStringLiteral("role"), QStringLiteral("system")}, {QStringLiteral("content"), chat.system}});
    for (const ChatMessage &m : chat.messages) {
        const QString role = m.role == ChatMessage::Role::User ? QStringLiteral("user") : QStringLiteral("assistant");
        messages.append(QJsonObject{{QStringLiteral("role"), role}, {QStringLiteral("content"), m.content}});
    }
    return messages;
}

} // namespace tierdesk::providers
