#pragma once

#include "core/api/http/HttpTypes.h"

#include <http_parser.h>

namespace tierdesk::http {

// Turns the bytes of one client connection into HTTP/1.1 requests, with no socket involved:
// request line, headers and body under HttpLimits, plus RFC 9112's rules http_parser leaves
// out (no whitespace before a header colon, no obs-fold, one Host header, HTTP/1.x only).
//
// This is the fuzz entry point for the HTTP request parser. Construct it with limits and call
// feed() with any bytes; after Status::Request take the request and feed the remaining bytes;
// after Status::Error nothing more is consumed. It never throws and holds at most the limits'
// worth of request data.
class HttpRequestParser {
public:
    enum class Status {
        NeedMore, // all bytes consumed; a request may be partly read
        Request, // one request is complete: takeRequest(), then feed the bytes not consumed
        Error, // errorStatus()/errorMessage(); the connection must close after answering
    };
    enum class Phase { Idle, Head, Body };

    explicit HttpRequestParser(const HttpLimits &limits = {});
    HttpRequestParser(const HttpRequestParser &) = delete;
    HttpRequestParser &operator=(const HttpRequestParser &) = delete;

    // Parses up to the end of one request, an error or the end of data; returns the number of
    // bytes consumed. Bytes after a complete request are left for the next call.
    qint64 feed(const char *data, qint64 size);

    Status status() const { return m_status; }
    Phase phase() const { return m_phase; } // Head: request line or headers partly read

    // After Status::Request.
    HttpRequest takeRequest(); // the parser's copy is left empty
    bool keepAlive() const { return m_keepAlive; }
    bool http10KeepAlive() const { return m_http10KeepAlive; } // to be confirmed in the reply
    // GET with "Upgrade: websocket" and "Connection: Upgrade": what follows it is not HTTP
    // when the upgrade is accepted.
    bool isWebSocketUpgrade() const { return m_webSocketUpgrade; }

    // True once per request whose headers ask for "100 Continue" before a body.
    bool takeExpectContinue();

    // After Status::Error.
    int errorStatus() const { return m_errorStatus; } // 400, 413, 414, 431 or 505
    const QString &errorMessage() const { return m_errorMessage; }
    QString errorPath() const; // path of the failed request, "" when its target is unknown

private:
    static int onMessageBegin(http_parser *p);
    static int onUrl(http_parser *p, const char *at, size_t len);
    static int onHeaderField(http_parser *p, const char *at, size_t len);
    static int onHeaderValue(http_parser *p, const char *at, size_t len);
    static int onHeadersComplete(http_parser *p);
    static int onBody(http_parser *p, const char *at, size_t len);
    static int onMessageComplete(http_parser *p);
    static const http_parser_settings s_settings;

    void commitHeader();
    bool parseTarget(HttpRequest &into) const;
    void headersComplete();
    bool scanHead(const char *data, qint64 size);
    void stop(int status, const QString &message);
    void fail(int status, const QString &message);

    HttpLimits m_limits;
    qint64 m_bodyLimit = 0; // the request's: maxBodyBytes, or maxFileBodyBytes on a file path
    http_parser m_parser;
    Status m_status = Status::NeedMore;
    Phase m_phase = Phase::Idle;

    HttpRequest m_request;
    QByteArray m_url;
    QByteArray m_field; // buffers reused from request to request
    QByteArray m_value;
    bool m_lastWasValue = false;
    bool m_headDone = false; // paused at the end of the headers
    bool m_messageDone = false; // paused at the end of the message
    bool m_lastWasLineFeed = false; // obs-fold check across feed() calls
    qint64 m_headBytes = 0; // exact bytes of request line and headers
    qint64 m_headCallbackBytes = 0; // running estimate inside one feed(), for an early 431
    bool m_keepAlive = true;
    bool m_http10KeepAlive = false;
    bool m_webSocketUpgrade = false;
    bool m_expectContinue = false;

    int m_pendingStatus = 0; // set by callbacks, reported once http_parser returns
    QString m_pendingMessage;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace tierdesk::http
