// Fuzzes HttpRequestParser, the socket-free HTTP/1.1 parser every connection feeds. The input
// is a byte stream as a client would send it, fed in chunks whose sizes come from the first
// byte (so requests split across reads are covered too).
// Properties: feed() never consumes more than it is given and, short of an error, always makes
// progress or asks for more; an error is a 4xx/5xx status with a message; a parsed request
// stays within the limits (path and headers no larger than the limits allow, body at most
// maxBodyBytes); after an error the parser takes nothing more.
#include "core/api/http/HttpRequestParser.h"
#include "fuzz/FuzzCheck.h"

#include <cstddef>
#include <cstdint>

using namespace tierdesk;
using namespace tierdesk::http;

namespace {

HttpLimits smallLimits()
{
    HttpLimits l;
    l.maxBodyBytes = 4096;
    l.maxHeaderBytes = 2048;
    l.maxUrlBytes = 1024;
    return l;
}

void checkRequest(const HttpRequest &r, const HttpLimits &limits)
{
    fuzz::check(!r.method.isEmpty(), "a request has a method");
    fuzz::check(r.body.size() <= limits.maxBodyBytes, "body within maxBodyBytes", QByteArray::number(r.body.size()));
    fuzz::check(r.path.toUtf8().size() <= 3 * limits.maxUrlBytes, "path within maxUrlBytes");
    qint64 headerBytes = 0;
    for (auto it = r.headers.cbegin(); it != r.headers.cend(); ++it) {
        fuzz::check(it.key() == it.key().toLower(), "header names are lower-cased", it.key());
        headerBytes += it.key().size() + it.value().size();
    }
    fuzz::check(headerBytes <= limits.maxHeaderBytes, "headers within maxHeaderBytes", QByteArray::number(headerBytes));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const qint64 chunk = 1 + data[0] % 64;
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    const qint64 total = qint64(size) - 1;
    const HttpLimits limits = smallLimits();
    HttpRequestParser parser(limits);
    qint64 pos = 0;
    qint64 end = 0;
    int stalls = 0;
    while (pos < total && stalls < 4) {
        end = qMin(total, qMax(end, pos) + chunk);
        const qint64 used = parser.feed(bytes + pos, end - pos);
        fuzz::check(used >= 0 && used <= end - pos, "feed consumes at most what it is given");
        pos += used;
        switch (parser.status()) {
        case HttpRequestParser::Status::Request:
            checkRequest(parser.takeRequest(), limits);
            stalls = 0;
            break;
        case HttpRequestParser::Status::Error:
            fuzz::check(parser.errorStatus() >= 400 && parser.errorStatus() < 600, "an error is a 4xx or 5xx",
                QByteArray::number(parser.errorStatus()));
            fuzz::check(!parser.errorMessage().isEmpty(), "an error has a message");
            fuzz::check(parser.feed(bytes + pos, total - pos) == 0, "nothing is taken after an error");
            return 0;
        case HttpRequestParser::Status::NeedMore:
            stalls = used == 0 && end == total ? stalls + 1 : 0;
            break;
        }
    }
    return 0;
}
