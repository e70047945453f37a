#include "core/api/http/HttpWire.h"

#include <cstring>
#include <ctime>

namespace tierdesk::http::detail {

namespace {

bool equalsIgnoreCase(const QByteArray &a, const char *b)
{
    return a.compare(b, Qt::CaseInsensitive) == 0;
}

void appendNumber(QByteArray &out, qint64 n)
{
    char buf[24];
    int i = sizeof buf;
    do {
        buf[--i] = char('0' + n % 10);
        n /= 10;
    } while (n > 0 && i > 0);
    out.append(buf + i, qsizetype(sizeof buf) - i);
}

void appendTwo(char *p, int v)
{
    p[0] = char('0' + v / 10);
    p[1] = char('0' + v % 10);
}

} // namespace

const QByteArray &httpDate()
{
    // One engine thread serves HTTP, but be correct if several servers run on several threads.
    thread_local std::time_t cachedSecond = 0;
    thread_local QByteArray cached;
    const std::time_t now = std::time(nullptr);
    if (now != cachedSecond || cached.isEmpty()) {
        static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
        static const char months[12][4]
            = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
        std::tm tm{};
        gmtime_r(&now, &tm);
        char buf[32]; // "Sun, 06 Nov 1994 08:49:37 GMT"
        std::memcpy(buf, days[tm.tm_wday], 3);
        buf[3] = ',';
        buf[4] = ' ';
        appendTwo(buf + 5, tm.tm_mday);
        buf[7] = ' ';
        std::memcpy(buf + 8, months[tm.tm_mon], 3);
        buf[11] = ' ';
        const int year = tm.tm_year + 1900;
        appendTwo(buf + 12, year / 100);
        appendTwo(buf + 14, year % 100);
        buf[16] = ' ';
        appendTwo(buf + 17, tm.tm_hour);
        buf[19] = ':';
        appendTwo(buf + 20, tm.tm_min);
        buf[22] = ':';
        appendTwo(buf + 23, tm.tm_sec);
        std::memcpy(buf + 25, " GMT", 4);
        cached = QByteArray(buf, 29);
        cachedSecond = now;
    }
    return cached;
}

bool wantsClose(const HttpResponse &r)
{
    for (const auto &[name, value] : r.headers) {
        if (equalsIgnoreCase(name, "connection") && value.trimmed().compare("close", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void appendResponseHead(QByteArray &out, const HttpResponse &r, const WireOptions &o)
{
    out.append("HTTP/1.1 ");
    appendNumber(out, r.status);
    out.append(' ');
    const QByteArray reason = reasonPhrase(r.status);
    out.append(reason.isEmpty() ? QByteArrayLiteral("Unknown") : reason);
    out.append("\r\nServer: Tierdesk\r\nDate: ");
    out.append(httpDate());
    // Every answer, errors and downloads included: a browser must never guess a JSON error
    // or a report to be HTML or script.
    out.append("\r\nX-Content-Type-Options: nosniff\r\n");

    bool userContentType = false;
    for (const auto &[name, value] : r.headers) {
        // The server owns framing, connection management and nosniff; a handler cannot contradict them.
        if (equalsIgnoreCase(name, "content-length") || equalsIgnoreCase(name, "connection")
            || equalsIgnoreCase(name, "transfer-encoding") || equalsIgnoreCase(name, "date")
            || equalsIgnoreCase(name, "server") || equalsIgnoreCase(name, "x-content-type-options"))
            continue;
        if (equalsIgnoreCase(name, "content-type"))
            userContentType = true;
        out.append(name);
        out.append(": ");
        out.append(value);
        out.append("\r\n");
    }
    if (statusAllowsBody(r.status)) {
        if (!userContentType && !r.contentType.isEmpty() && !r.body.isEmpty()) {
            out.append("Content-Type: ");
            out.append(r.contentType);
            out.append("\r\n");
        }
        out.append("Content-Length: ");
        appendNumber(out, r.body.size());
        out.append("\r\n");
    } else if (r.status == 304) {
        out.append("Content-Length: 0\r\n");
    }
    if (o.close)
        out.append("Connection: close\r\n");
    else if (o.keepAliveHeader)
        out.append("Connection: keep-alive\r\n");
    out.append("\r\n");
}

} // namespace tierdesk::http::detail
