#include "core/api/http/ServerCore.h"

#include <QJsonObject>

#include <algorithm>
#include <exception>

namespace tierdesk::http::detail {

namespace {

QString errorCode(int status)
{
    switch (status) {
    case 400:
        return QStringLiteral("BAD_REQUEST");
    case 404:
        return QStringLiteral("NOT_FOUND");
    case 405:
        return QStringLiteral("METHOD_NOT_ALLOWED");
    case 408:
        return QStringLiteral("REQUEST_TIMEOUT");
    case 413:
        return QStringLiteral("PAYLOAD_TOO_LARGE");
    case 426:
        return QStringLiteral("UPGRADE_REQUIRED");
    case 414:
        return QStringLiteral("URI_TOO_LONG");
    case 431:
        return QStringLiteral("HEADERS_TOO_LARGE");
    case 500:
        return QStringLiteral("INTERNAL_ERROR");
    case 503:
        return QStringLiteral("SERVICE_UNAVAILABLE");
    case 505:
        return QStringLiteral("HTTP_VERSION_NOT_SUPPORTED");
    default:
        return QStringLiteral("HTTP_%1").arg(status);
    }
}

// Whole segments only: "/chat" covers "/chat" and "/chat/x", not "/chatbot" (another family's).
bool pathIsUnder(const QString &path, const QString &prefix)
{
    return path.startsWith(prefix)
        && (prefix.isEmpty() || prefix.endsWith(u'/') || path.size() == prefix.size()
            || path.at(prefix.size()) == u'/');
}

} // namespace

HttpResponse defaultErrorResponse(int status, const QString &message)
{
    return HttpResponse::json(status,
        QJsonObject{{QStringLiteral("error"),
            QJsonObject{{QStringLiteral("code"), errorCode(status)}, {QStringLiteral("message"), message}}}});
}

QHostAddress ServerCore::clientKey(const QHostAddress &peer)
{
    bool isV4 = false;
    const quint32 v4 = peer.toIPv4Address(&isV4);
    if (isV4)
        return QHostAddress(v4);
    Q_IPV6ADDR v6 = peer.toIPv6Address();
    for (int i = 8; i < 16; ++i)
        v6[i] = 0;
    return QHostAddress(v6);
}

void ServerCore::setErrorFormatter(const QString &prefix, ErrorFormatter f)
{
    auto it = std::find_if(m_formatters.begin(), m_formatters.end(), [&](const auto &p) { return p.first == prefix; });
    if (it != m_formatters.end())
        it->second = std::move(f);
    else
        m_formatters.emplace_back(prefix, std::move(f));
    std::stable_sort(m_formatters.begin(), m_formatters.end(),
        [](const auto &a, const auto &b) { return a.first.size() > b.first.size(); });
}

HttpResponse ServerCore::errorResponse(int status, const QString &message, const QString &path) const
{
    for (const auto &[prefix, format] : m_formatters) {
        if (!format || !pathIsUnder(path, prefix))
            continue;
        try {
            HttpResponse r = format(status, message, path);
            r.status = status; // the formatter shapes the body, never the status
            return r;
        } catch (const std::exception &) {
            break; // a broken formatter must not take the error path down with it
        }
    }
    return defaultErrorResponse(status, message);
}

int ServerCore::webSocketRouteFor(const QString &path) const
{
    int best = -1;
    for (int i = 0; i < int(webSocketRoutes.size()); ++i) {
        const QString &prefix = webSocketRoutes[size_t(i)].prefix;
        if (path.startsWith(prefix) && (best < 0 || prefix.size() > webSocketRoutes[size_t(best)].prefix.size()))
            best = i;
    }
    return best;
}

void ServerCore::dispatch(HttpRequest &request, const HttpResponder &responder) const
{
    Router::Match m = router.match(request.method, request.path);
    switch (m.kind) {
    case Router::Match::NotFound:
        responder.send(errorResponse(404, QStringLiteral("No route for %1").arg(request.path), request.path));
        return;
    case Router::Match::MethodNotAllowed:
        if (request.method == "OPTIONS") {
            responder.send(std::move(HttpResponse::noContent().withHeader(QByteArrayLiteral("Allow"), m.allow)));
        } else {
            HttpResponse r = errorResponse(405,
                QStringLiteral("Method %1 not allowed on %2").arg(QString::fromLatin1(request.method), request.path),
                request.path);
            responder.send(std::move(r.withHeader(QByteArrayLiteral("Allow"), m.allow)));
        }
        return;
    case Router::Match::Found:
        break;
    }
    request.pathParams = std::move(m.params);
    try {
        (*m.handler)(request, responder);
    } catch (const std::exception &e) {
        qWarning("HTTP handler for %s %s threw: %s", request.method.constData(), qPrintable(request.path), e.what());
        responder.send(errorResponse(500, QStringLiteral("Internal server error"), request.path));
    } catch (...) {
        qWarning("HTTP handler for %s %s threw", request.method.constData(), qPrintable(request.path));
        responder.send(errorResponse(500, QStringLiteral("Internal server error"), request.path));
    }
}

} // namespace tierdesk::http::detail
