#include "core/api/chat/ChatVoiceSocket.h"

#include "core/api/chat/ChatErrors.h"
#include "core/api/http/HttpServer.h"
#include "core/api/http/WebSocket.h"

namespace tierdesk::api {

namespace {

QByteArray keyOf(const http::HttpRequest &req)
{
    return req.query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded).toUtf8();
}

} // namespace

ChatVoiceSocket::ChatVoiceSocket(ChatAccess &access, QObject *parent) : QObject(parent), m_access(access) { }

void ChatVoiceSocket::install(http::HttpServer &server)
{
    server.setWebSocketRoute(
        QStringLiteral("/api/v1/voice"),
        [this](const http::HttpRequest &req) -> std::optional<http::HttpResponse> {
            const KeyVerdict key = m_access.widgetKey(keyOf(req));
            if (!key.key)
                return chat::error(ErrorKind::Unauthenticated, QStringLiteral("a valid widget key is needed: ?key="));
            if (!m_access.services().calls)
                return chat::error(ErrorKind::Unavailable, QStringLiteral("calls are not taken here"));
            return std::nullopt;
        },
        [this](http::WebSocket *socket, const http::HttpRequest &req) {
            const KeyVerdict key = m_access.widgetKey(keyOf(req));
            const Result<voice::LiveCall *> call = key.key
                ? m_access.services().calls->open(key.key->companyId, QStringLiteral("web"))
                : Result<voice::LiveCall *>(makeError(ErrorKind::Unauthenticated, {}));
            if (!call) { // the key went meanwhile, or every line is taken
                socket->setParent(this);
                ChatCallLink::refuse(socket, key.key ? QStringLiteral("busy") : QStringLiteral("unauthorized"));
                connect(socket, &http::WebSocket::disconnected, socket, &QObject::deleteLater);
                return;
            }
            ++m_calls;
            auto *link = new ChatCallLink(
                socket, *call, QStringLiteral("widget:") + key.key->id, m_access.services().calls->settings(), this);
            connect(link, &ChatCallLink::finished, this, [this, link] {
                --m_calls;
                link->deleteLater();
            });
        });
}

} // namespace tierdesk::api
