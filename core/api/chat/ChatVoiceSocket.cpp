#include "core/api/chat/ChatVoiceSocket.h"

#include "core/api/chat/ChatErrors.h"
#include "core/api/http/HttpServer.h"
#include "core/api/http/WebSocket.h"
#include "core/voice/calls/CallCenter.h"

#include <QLoggingCategory>

namespace tierdesk::api {

namespace {

Q_LOGGING_CATEGORY(lcWebCalls, "tierdesk.calls.web")

QByteArray keyOf(const http::HttpRequest &req)
{
    return req.query.queryItemValue(QStringLiteral("key"), QUrl::FullyDecoded).toUtf8();
}

} // namespace

ChatVoiceSocket::ChatVoiceSocket(ChatAccess &access, QObject *parent) : QObject(parent), m_access(access)
{
    m_clock.start();
    if (const voice::CallCenter *calls = m_access.services().calls)
        m_sources.emplace(voice::SourceLimits::Limits{
            calls->settings().maxCallsPerSource, calls->settings().callsPerSourcePerMinute});
}

std::optional<http::HttpResponse> ChatVoiceSocket::admit(const QString &address)
{
    const qint64 now = m_clock.elapsed();
    const auto verdict = m_sources->admit(address, m_callsByAddress.value(address), now);
    if (verdict != voice::SourceLimits::Verdict::TooManyInvites)
        return std::nullopt; // a source with its share of calls up is told "busy" after the upgrade
    if (m_sources->tell(address, now))
        qCWarning(lcWebCalls).noquote() << QStringLiteral(
            "web calls: %1 tries more than %2 calls a minute; its calls are refused (429)")
                                               .arg(address)
                                               .arg(m_access.services().calls->settings().callsPerSourcePerMinute);
    return chat::rateLimited(m_sources->retryAfterSecs(address, now));
}

bool ChatVoiceSocket::overShare(const QString &address, const QString &keyId) const
{
    const voice::CallSettings &s = m_access.services().calls->settings();
    return m_callsByAddress.value(address) >= s.maxCallsPerSource
        || m_callsByKey.value(keyId) >= s.maxCallsPerWidgetKey;
}

Result<voice::LiveCall *> ChatVoiceSocket::openCall(const KeyVerdict &key, const QString &address)
{
    if (!key.key)
        return makeError(ErrorKind::Unauthenticated, QStringLiteral("the widget key went"));
    if (overShare(address, key.key->id)) {
        if (m_sources->tell(address, m_clock.elapsed()))
            qCWarning(lcWebCalls).noquote()
                << QStringLiteral("web calls: %1 (widget key %2) has its share of calls under way; more are busy")
                       .arg(address, key.key->id);
        return makeError(ErrorKind::LimitExceeded, QStringLiteral("the source has its share of calls"));
    }
    return m_access.services().calls->open(key.key->companyId, QStringLiteral("web"));
}

void ChatVoiceSocket::track(const QString &address, const QString &keyId, int change)
{
    for (auto [counts, name] : {std::pair{&m_callsByAddress, address}, std::pair{&m_callsByKey, keyId}}) {
        const int now = counts->value(name) + change;
        if (now > 0)
            counts->insert(name, now);
        else
            counts->remove(name);
    }
}

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
            return admit(req.peerAddress.toString());
        },
        [this](http::WebSocket *socket, const http::HttpRequest &req) {
            const KeyVerdict key = m_access.widgetKey(keyOf(req));
            const QString address = req.peerAddress.toString();
            const QString keyId = key.key ? key.key->id : QString();
            const Result<voice::LiveCall *> call = openCall(key, address);
            if (!call) { // the key went meanwhile, the source has its share, or every line is taken
                socket->setParent(this);
                ChatCallLink::refuse(socket, key.key ? QStringLiteral("busy") : QStringLiteral("unauthorized"));
                connect(socket, &http::WebSocket::disconnected, socket, &QObject::deleteLater);
                return;
            }
            ++m_calls;
            track(address, keyId, +1);
            auto *link = new ChatCallLink(
                socket, *call, QStringLiteral("widget:") + keyId, m_access.services().calls->settings(), this);
            connect(link, &ChatCallLink::finished, this, [this, link, address, keyId] {
                --m_calls;
                track(address, keyId, -1);
                link->deleteLater();
            });
        });
}

} // namespace tierdesk::api
