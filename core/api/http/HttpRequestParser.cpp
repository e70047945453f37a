#include "core/api/http/HttpRequestParser.h"

#include <QUrl>

#include <array>
#include <climits>
#include <cstring>

// http_parser does the tokenising; the callbacks collect the request and enforce the limits.
// The parser pauses at the end of the headers and of each message, so feed() knows exactly
// which bytes were head bytes and nothing runs inside http_parser but bookkeeping.

namespace tierdesk::http {

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

HttpRequestParser *parserOf(http_parser *p)
{
    return static_cast<HttpRequestParser *>(p->data);
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

QString headersTooLarge()
{
    return QStringLiteral("Request header fields too large");
}

} // namespace

const http_parser_settings HttpRequestParser::s_settings = makeSettings(&HttpRequestParser::onMessageBegin,
    &HttpRequestParser::onUrl, &HttpRequestParser::onHeaderField, &HttpRequestParser::onHeaderValue,
    &HttpRequestParser::onHeadersComplete, &HttpRequestParser::onBody, &HttpRequestParser::onMessageComplete);

HttpRequestParser::HttpRequestParser(const HttpLimits &limits) : m_limits(limits)
{
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
}

qint64 HttpRequestParser::feed(const char *data, qint64 size)
{
    if (m_status == Status::Error)
        return 0;
    m_status = Status::NeedMore;
    qint64 pos = 0;
    while (pos < size) {
        const bool inHead = m_phase != Phase::Body; // this call reads head bytes only: it pauses after them
        const char *chunk = data + pos;
        const size_t parsed = http_parser_execute(&m_parser, &s_settings, chunk, size_t(size - pos));
        const http_errno err = HTTP_PARSER_ERRNO(&m_parser);
        if (err == HPE_PAUSED)
            http_parser_pause(&m_parser, 0);
        pos += qint64(parsed);

        if (m_pendingStatus != 0) {
            fail(m_pendingStatus, m_pendingMessage);
            return pos;
        }
        if (err != HPE_OK && err != HPE_PAUSED) {
            if (err == HPE_HEADER_OVERFLOW)
                fail(431, headersTooLarge());
            else
                fail(400, QStringLiteral("Malformed request: %1").arg(QLatin1String(http_errno_description(err))));
            return pos;
        }
        if (inHead && !scanHead(chunk, qint64(parsed)))
            return pos;
        if (m_headDone) {
            m_headDone = false;
            headersComplete();
            if (m_status == Status::Error)
                return pos;
        } else if (m_messageDone) {
            m_messageDone = false;
            m_status = Status::Request;
            return pos;
        } else if (parsed == 0) {
            break; // no progress: wait for more bytes
        }
    }
    return pos;
}

// Head bytes: counted exactly, and checked for obs-fold (a line starting with SP or HTAB),
// which http_parser would silently join to the previous header's value.
bool HttpRequestParser::scanHead(const char *data, qint64 size)
{
    if (size <= 0)
        return true;
    m_headBytes += size;
    if (m_headBytes > m_limits.maxHeaderBytes) {
        fail(431, headersTooLarge());
        return false;
    }
    const char *p = data;
    const char *const end = data + size;
    bool folded = m_lastWasLineFeed && (*p == ' ' || *p == '\t');
    while (!folded && (p = static_cast<const char *>(std::memchr(p, '\n', size_t(end - p)))) != nullptr) {
        ++p;
        if (p == end)
            break;
        folded = *p == ' ' || *p == '\t';
    }
    if (folded) {
        fail(400, QStringLiteral("Folded header line (obs-fold)"));
        return false;
    }
    m_lastWasLineFeed = end[-1] == '\n';
    return true;
}

HttpRequest HttpRequestParser::takeRequest()
{
    return std::move(m_request); // onMessageBegin resets it for the next request
}

bool HttpRequestParser::takeExpectContinue()
{
    const bool wanted = m_expectContinue;
    m_expectContinue = false;
    return wanted;
}

QString HttpRequestParser::errorPath() const
{
    if (!m_request.path.isEmpty() || m_url.isEmpty())
        return m_request.path;
    HttpRequest target;
    parseTarget(target);
    return target.path;
}

void HttpRequestParser::stop(int status, const QString &message)
{
    if (m_pendingStatus == 0) {
        m_pendingStatus = status;
        m_pendingMessage = message;
    }
    http_parser_pause(&m_parser, 1);
}

void HttpRequestParser::fail(int status, const QString &message)
{
    m_status = Status::Error;
    m_phase = Phase::Idle;
    m_errorStatus = status;
    m_errorMessage = message;
}

// ---- http_parser callbacks ----

int HttpRequestParser::onMessageBegin(http_parser *p)
{
    HttpRequestParser *c = parserOf(p);
    c->m_phase = Phase::Head;
    c->m_request = HttpRequest();
    c->m_url.resize(0);
    c->m_field.resize(0);
    c->m_value.resize(0);
    c->m_lastWasValue = false;
    c->m_headBytes = 0;
    c->m_headCallbackBytes = 0;
    c->m_webSocketUpgrade = false;
    c->m_expectContinue = false;
    return 0;
}

int HttpRequestParser::onUrl(http_parser *p, const char *at, size_t len)
{
    HttpRequestParser *c = parserOf(p);
    c->m_url.append(at, qsizetype(len));
    c->m_headCallbackBytes += qint64(len);
    if (c->m_url.size() > c->m_limits.maxUrlBytes)
        c->stop(414, QStringLiteral("Request URI too long"));
    else if (p->http_major == 0 && p->http_minor == 9)
        c->stop(505, QStringLiteral("HTTP version not supported")); // request line without a version
    return 0;
}

int HttpRequestParser::onHeaderField(http_parser *p, const char *at, size_t len)
{
    HttpRequestParser *c = parserOf(p);
    c->m_headCallbackBytes += qint64(len) + 3; // with ":" and CRLF at least
    if (c->m_headCallbackBytes > c->m_limits.maxHeaderBytes) {
        c->stop(431, headersTooLarge());
        return 0;
    }
    if (c->m_phase == Phase::Body)
        return 0; // chunked trailer fields: counted, not kept
    if (c->m_lastWasValue)
        c->commitHeader();
    c->m_field.append(at, qsizetype(len));
    return 0;
}

int HttpRequestParser::onHeaderValue(http_parser *p, const char *at, size_t len)
{
    HttpRequestParser *c = parserOf(p);
    c->m_headCallbackBytes += qint64(len);
    if (c->m_headCallbackBytes > c->m_limits.maxHeaderBytes) {
        c->stop(431, headersTooLarge());
        return 0;
    }
    if (c->m_phase == Phase::Body)
        return 0;
    c->m_value.append(at, qsizetype(len));
    c->m_lastWasValue = true;
    return 0;
}

void HttpRequestParser::commitHeader()
{
    for (char &ch : m_field) {
        if (ch >= 'A' && ch <= 'Z')
            ch = char(ch - 'A' + 'a');
        else if (ch == ' ' || ch == '\t') // RFC 9112 5.1: no whitespace between name and colon
            return stop(400, QStringLiteral("Whitespace in a header field name"));
    }
    qsizetype n = m_value.size();
    while (n > 0 && (m_value[n - 1] == ' ' || m_value[n - 1] == '\t'))
        --n;
    // Deep copies keep m_field/m_value unshared, so their buffers are reused for the next header.
    QByteArray key(m_field.constData(), m_field.size());
    auto it = m_request.headers.find(key);
    if (it != m_request.headers.end()) {
        if (key == "host") // RFC 9112 3.2
            return stop(400, QStringLiteral("More than one Host header"));
        it->append(", ").append(m_value.constData(), n);
    } else {
        m_request.headers.insert(key, QByteArray(m_value.constData(), n));
    }
    m_field.resize(0);
    m_value.resize(0);
    m_lastWasValue = false;
}

int HttpRequestParser::onHeadersComplete(http_parser *p)
{
    HttpRequestParser *c = parserOf(p);
    if (c->m_lastWasValue)
        c->commitHeader();
    c->m_phase = Phase::Body;
    c->m_headDone = true;
    http_parser_pause(p, 1); // feed() finishes the head once the head bytes are checked
    return 0;
}

int HttpRequestParser::onBody(http_parser *p, const char *at, size_t len)
{
    HttpRequestParser *c = parserOf(p);
    if (c->m_request.body.size() + qint64(len) > c->m_bodyLimit) {
        c->stop(413, QStringLiteral("Request body exceeds %1 bytes").arg(c->m_bodyLimit));
        return 0;
    }
    c->m_request.body.append(at, qsizetype(len));
    return 0;
}

int HttpRequestParser::onMessageComplete(http_parser *p)
{
    HttpRequestParser *c = parserOf(p);
    c->m_phase = Phase::Idle;
    c->m_messageDone = true;
    http_parser_pause(p, 1); // one request at a time: the caller takes it, then feeds on
    return 0;
}

// ---- the finished head ----

void HttpRequestParser::headersComplete()
{
    m_lastWasLineFeed = false;
    m_request.method = methodName(m_parser.method);
    if (m_parser.http_major != 1)
        return fail(505, QStringLiteral("HTTP version not supported"));
    if (!parseTarget(m_request))
        return fail(400, QStringLiteral("Malformed request target"));
    m_keepAlive = http_should_keep_alive(&m_parser) != 0;
    m_http10KeepAlive = m_keepAlive && m_parser.http_minor == 0;

    // Refuse an oversized body from its announced length, before a byte of it is read.
    const bool chunked = (m_parser.flags & F_CHUNKED) != 0;
    const bool hasLength = m_parser.content_length != ULLONG_MAX && m_parser.content_length > 0;
    m_bodyLimit = m_limits.fileBodyPaths.contains(m_request.path) ? m_limits.maxFileBodyBytes : m_limits.maxBodyBytes;
    for (const HttpLimits::PathBodyLimit &limit : std::as_const(m_limits.pathBodyLimits))
        if (limit.path.match(m_request.path).hasMatch()) {
            m_bodyLimit = limit.maxBytes;
            break;
        }
    if (hasLength && m_parser.content_length > quint64(m_bodyLimit))
        return fail(413, QStringLiteral("Request body exceeds %1 bytes").arg(m_bodyLimit));
    if (hasLength)
        m_request.body.reserve(qsizetype(m_parser.content_length));

    const auto expect = m_request.headers.constFind(QByteArrayLiteral("expect"));
    m_expectContinue = expect != m_request.headers.constEnd() && (hasLength || chunked)
        && expect->compare("100-continue", Qt::CaseInsensitive) == 0;
    m_webSocketUpgrade = m_parser.upgrade && m_request.method == "GET"
        && m_request.header(QByteArrayLiteral("upgrade")).compare("websocket", Qt::CaseInsensitive) == 0;
}

bool HttpRequestParser::parseTarget(HttpRequest &into) const
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
    into.rawPath = rawPath.toByteArray();
    into.rawQuery = rawQuery.toByteArray();
    into.path = rawPath.contains('%') ? QUrl::fromPercentEncoding(into.rawPath) : QString::fromUtf8(rawPath);
    if (!rawQuery.isEmpty())
        into.query.setQuery(QString::fromUtf8(rawQuery));
    return true;
}

} // namespace tierdesk::http
