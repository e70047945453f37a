#include "core/api/http/HttpConnection.h"

#include "core/api/http/HttpWire.h"
#include "core/api/http/ServerCore.h"

#include <QTcpSocket>
#include <QUrl>

#include <array>
#include <climits>

// The http_parser side of HttpConnection: callbacks collect the request and enforce the
// head and body limits; nothing is dispatched from inside the parser.

namespace tierdesk::http {

using detail::steadyMs;

namespace {

// Method names are shared, so a request's method costs no allocation.
const QByteArray &methodName(unsigned method)
{
    static const auto names = [] {
        std::array<QByteArray, 64> a;
        for (unsigned i = 0; i < a.size(); ++i)
            a[i] = QByteArray(http_method_str(static_cast<http_method>(i)));
        return a;
    }();
    return names[method < names.size() ? method : 0];
}

HttpConnection *connectionOf(http_parser *p)
{
    return static_cast<HttpConnection *>(p->data);
}

http_parser_settings makeSettings(http_cb begin, http_data_cb url, http_data_cb field, http_data_cb value,
                                  http_cb headers, http_data_cb body, http_cb complete)
{
    http_parser_settings s;
    http_parser_settings_init(&s);
    s.on_message_begin = begin;
    s.on_url = url;
    s.on_header_field = field;
    s.on_header_value = value;
    s.on_headers_complete = headers;
    s.on_body = body;
    s.on_message_complete = complete;
    return s;
}

} // namespace

const http_parser_settings HttpConnection::s_settings =
    makeSettings(&HttpConnection::onMessageBegin, &HttpConnection::onUrl, &HttpConnection::onHeaderField,
                 &HttpConnection::onHeaderValue, &HttpConnection::onHeadersComplete, &HttpConnection::onBody,
                 &HttpConnection::onMessageComplete);

int HttpConnection::onMessageBegin(http_parser *p)
{
    HttpConnection *c = connectionOf(p);
    c->m_phase = Phase::Head;
    c->m_request = HttpRequest();
    c->m_url.resize(0);
    c->m_field.resize(0);
    c->m_value.resize(0);
    c->m_lastWasValue = false;
    c->m_headBytes = 0;
    c->m_upgradeRoute = -1;
    c->m_messageStartMs = steadyMs();
    c->m_deadlineKind = Deadline::None; // the request deadline is armed only if the request stays partial
    return 0;
}

int HttpConnection::onUrl(http_parser *p, const char *at, size_t len)
{
    HttpConnection *c = connectionOf(p);
    c->m_url.append(at, qsizetype(len));
    c->m_headBytes += qint64(len);
    if (c->m_url.size() > c->m_core.limits.maxUrlBytes)
        c->stopParsing(414, QStringLiteral("Request URI too long"));
    return 0;
}

int HttpConnection::onHeaderField(http_parser *p, const char *at, size_t len)
{
    HttpConnection *c = connectionOf(p);
    if (c->m_lastWasValue)
        c->commitHeader();
    if (c->m_field.isEmpty())
        c->m_headBytes += 4; // ": " and CRLF of a new line
    c->m_field.append(at, qsizetype(len));
    c->m_headBytes += qint64(len);
    if (c->m_headBytes > c->m_core.limits.maxHeaderBytes)
        c->stopParsing(431, QStringLiteral("Request header fields too large"));
    return 0;
}

int HttpConnection::onHeaderValue(http_parser *p, const char *at, size_t len)
{
    HttpConnection *c = connectionOf(p);
    c->m_value.append(at, qsizetype(len));
    c->m_lastWasValue = true;
    c->m_headBytes += qint64(len);
    if (c->m_headBytes > c->m_core.limits.maxHeaderBytes)
        c->stopParsing(431, QStringLiteral("Request header fields too large"));
    return 0;
}

void HttpConnection::commitHeader()
{
    for (char &ch : m_field) {
        if (ch >= 'A' && ch <= 'Z')
            ch = char(ch - 'A' + 'a');
    }
    qsizetype n = m_value.size();
    while (n > 0 && (m_value[n - 1] == ' ' || m_value[n - 1] == '\t'))
        --n;
    // Deep copies keep m_field/m_value unshared, so their buffers are reused for the next header.
    QByteArray key(m_field.constData(), m_field.size());
    auto it = m_request.headers.find(key);
    if (it != m_request.headers.end())
        it->append(", ").append(m_value.constData(), n);
    else
        m_request.headers.insert(key, QByteArray(m_value.constData(), n));
    m_field.resize(0);
    m_value.resize(0);
    m_lastWasValue = false;
}

bool HttpConnection::parseTarget()
{
    QByteArrayView rawPath;
    QByteArrayView rawQuery;
    http_parser_url u;
    http_parser_url_init(&u);
    if (m_url.startsWith('/')) {
        rawPath = QByteArrayView(m_url);
        const qsizetype hash = rawPath.indexOf('#');
        if (hash >= 0)
            rawPath = rawPath.first(hash);
        const qsizetype q = rawPath.indexOf('?');
        if (q >= 0) {
            rawQuery = rawPath.sliced(q + 1);
            rawPath = rawPath.first(q);
        }
    } else if (m_url == "*") {
        rawPath = QByteArrayView(m_url);
    } else if (http_parser_parse_url(m_url.constData(), size_t(m_url.size()), 0, &u) == 0) {
        // absolute-form: "GET http://host/path?x HTTP/1.1"
        if (u.field_set & (1 << UF_PATH))
            rawPath = QByteArrayView(m_url.constData() + u.field_data[UF_PATH].off, u.field_data[UF_PATH].len);
        else
            rawPath = "/";
        if (u.field_set & (1 << UF_QUERY))
            rawQuery = QByteArrayView(m_url.constData() + u.field_data[UF_QUERY].off, u.field_data[UF_QUERY].len);
    } else {
        return false;
    }
    m_request.path = rawPath.contains('%') ? QUrl::fromPercentEncoding(rawPath.toByteArray())
                                           : QString::fromUtf8(rawPath);
    if (!rawQuery.isEmpty())
        m_request.query.setQuery(QString::fromUtf8(rawQuery));
    return true;
}

int HttpConnection::onHeadersComplete(http_parser *p)
{
    HttpConnection *c = connectionOf(p);
    const HttpLimits &limits = c->m_core.limits;
    if (c->m_lastWasValue)
        c->commitHeader();
    c->m_phase = Phase::Body;
    c->m_request.method = methodName(p->method);
    if (p->http_major != 1) {
        c->stopParsing(505, QStringLiteral("HTTP version not supported"));
        return 0;
    }
    if (!c->parseTarget()) {
        c->stopParsing(400, QStringLiteral("Malformed request target"));
        return 0;
    }
    c->m_keepAlive = http_should_keep_alive(p) != 0;
    c->m_http10KeepAlive = c->m_keepAlive && p->http_major == 1 && p->http_minor == 0;

    // Refuse an oversized body from its announced length, before a byte of it is read.
    const bool chunked = (p->flags & F_CHUNKED) != 0;
    const bool hasLength = p->content_length != ULLONG_MAX && p->content_length > 0;
    if (hasLength && p->content_length > quint64(limits.maxBodyBytes)) {
        c->stopParsing(413, QStringLiteral("Request body exceeds %1 bytes").arg(limits.maxBodyBytes));
        return 0;
    }
    if (hasLength)
        c->m_request.body.reserve(qsizetype(p->content_length));

    const QByteArray expect = c->m_request.headers.value(QByteArrayLiteral("expect"));
    if (!expect.isEmpty() && (hasLength || chunked) && expect.compare("100-continue", Qt::CaseInsensitive) == 0
        && c->m_slots.empty()) {
        // Interim replies may only go out when no earlier reply is still owed.
        c->m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
    }

    if (p->upgrade && c->m_request.method == "GET"
        && c->m_request.header(QByteArrayLiteral("upgrade")).compare("websocket", Qt::CaseInsensitive) == 0) {
        c->m_upgradeRoute = c->m_core.webSocketRouteFor(c->m_request.path);
    }
    return 0;
}

int HttpConnection::onBody(http_parser *p, const char *at, size_t len)
{
    HttpConnection *c = connectionOf(p);
    if (c->m_request.body.size() + qint64(len) > c->m_core.limits.maxBodyBytes) {
        c->stopParsing(413, QStringLiteral("Request body exceeds %1 bytes").arg(c->m_core.limits.maxBodyBytes));
        return 0;
    }
    c->m_request.body.append(at, qsizetype(len));
    return 0;
}

int HttpConnection::onMessageComplete(http_parser *p)
{
    HttpConnection *c = connectionOf(p);
    c->m_phase = Phase::Idle;
    c->m_messageReady = true;
    http_parser_pause(p, 1); // one request at a time: the caller dispatches, then resumes
    return 0;
}

void HttpConnection::stopParsing(int status, const QString &message)
{
    if (m_pendingError == 0) {
        m_pendingError = status;
        m_pendingErrorMessage = message;
    }
    http_parser_pause(&m_parser, 1);
}


} // namespace tierdesk::http
