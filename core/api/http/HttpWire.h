#pragma once

// Internal: the bytes of a response head, written without temporary strings.

#include "core/api/http/HttpTypes.h"

#include <chrono>

namespace tierdesk::http::detail {

struct WireOptions {
    bool close = false; // announce and perform "Connection: close"
    bool keepAliveHeader = false; // HTTP/1.0 client that asked for keep-alive
    bool headRequest = false; // body length announced, body not sent
};

// Appends status line and headers (with Date, Server, X-Content-Type-Options: nosniff,
// Content-Length) to out.
void appendResponseHead(QByteArray &out, const HttpResponse &r, const WireOptions &o);

// True when the response asks for the connection to be closed.
bool wantsClose(const HttpResponse &r);

// Whether a body may be sent at all for this status (not 1xx, 204, 304).
inline bool statusAllowsBody(int status)
{
    return status >= 200 && status != 204 && status != 304;
}

inline qint64 steadyMs()
{
    using namespace std::chrono;
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

inline qint64 steadyNs()
{
    using namespace std::chrono;
    return duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
}

// RFC 7231 IMF-fixdate of the current second, cached.
const QByteArray &httpDate();

} // namespace tierdesk::http::detail
