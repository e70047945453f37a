#include "core/integrations/OutboundHttp.h"

#include "core/integrations/CurlConnectGuard.h"
#include "core/integrations/CurlHandles.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace tierdesk {

namespace {

// What is kept of the answer. A webhook receiver's body is never kept: shown back
// to an admin it would turn us into a proxy for reading internal services.
struct AnswerSink {
    int limit = 0; // bytes of body kept; 0 keeps none
    bool overflow = false;
    QByteArray body;
    int retryAfterSecs = -1;
    QByteArray location;
    QByteArray contentType;
    QByteArray etag;
    QByteArray lastModified;
};

size_t takeBody(char *data, size_t size, size_t nmemb, void *userdata)
{
    auto *sink = static_cast<AnswerSink *>(userdata);
    const size_t n = size * nmemb;
    if (sink->limit <= 0)
        return n;
    if (sink->body.size() + qint64(n) > sink->limit) {
        sink->overflow = true;
        return 0; // makes libcurl stop with CURLE_WRITE_ERROR
    }
    sink->body.append(data, qsizetype(n));
    return n;
}

// Reads Retry-After given in seconds (HTTP dates are not used by the APIs we call), a
// redirect's Location, and what a page's fetch compares next time (Content-Type, ETag,
// Last-Modified).
size_t takeHeader(char *data, size_t size, size_t nmemb, void *userdata)
{
    auto *sink = static_cast<AnswerSink *>(userdata);
    const size_t n = size * nmemb;
    const QByteArray line = QByteArray(data, qsizetype(n)).trimmed();
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return n;
    const QByteArray name = line.left(colon).trimmed().toLower();
    const QByteArray value = line.mid(colon + 1).trimmed().left(2048);
    if (name == "location") {
        sink->location = value;
    } else if (name == "content-type") {
        sink->contentType = value;
    } else if (name == "etag") {
        sink->etag = value;
    } else if (name == "last-modified") {
        sink->lastModified = value;
    } else if (name == "retry-after") {
        bool ok = false;
        const int secs = value.toInt(&ok);
        if (ok && secs >= 0)
            sink->retryAfterSecs = secs;
    }
    return n;
}

bool hasHeader(const QList<QPair<QByteArray, QByteArray>> &headers, const QByteArray &name)
{
    for (const auto &h : headers) {
        if (h.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// POST (the default) and any other method with a body as POST fields; GET, HEAD and
// DELETE without one as such.
void setMethod(CURL *c, const OutboundRequest &r)
{
    const QByteArray method = r.method.isEmpty() ? QByteArrayLiteral("POST") : r.method.toUpper();
    if (method == "GET" && r.body.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
        return;
    }
    if (method == "HEAD") {
        curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
        return;
    }
    if (method == "DELETE" && r.body.isEmpty()) {
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, "DELETE");
        return;
    }
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, r.body.constData());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size()));
    if (method != "POST")
        curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.constData());
}

} // namespace

CurlOutboundHttp::CurlOutboundHttp(AddressPolicy policy) : m_policy(policy)
{
    // curl_global_init is not thread-safe; run it once for the whole process.
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

CurlEasy CurlOutboundHttp::takeHandle()
{
    {
        const std::lock_guard<std::mutex> lock(m_idleLock);
        if (!m_idle.empty()) {
            CurlEasy handle = std::move(m_idle.back());
            m_idle.pop_back();
            return handle;
        }
    }
    return CurlEasy(curl_easy_init());
}

void CurlOutboundHttp::giveBack(CurlEasy handle)
{
    // Every option back to its default (none points into the finished call any more); the
    // handle's open connections stay.
    curl_easy_reset(handle.get());
    const std::lock_guard<std::mutex> lock(m_idleLock);
    if (m_idle.size() < kMaxIdleHandles)
        m_idle.push_back(std::move(handle));
}

OutboundResult CurlOutboundHttp::post(const OutboundRequest &r)
{
    CurlEasy curl = takeHandle();
    if (!curl) {
        OutboundResult failed;
        failed.error = QStringLiteral("curl_easy_init failed");
        return failed;
    }
    OutboundResult result = perform(curl.get(), r);
    giveBack(std::move(curl));
    return result;
}

OutboundResult CurlOutboundHttp::perform(CURL *c, const OutboundRequest &r) const
{
    OutboundResult result;

    curl_slist *raw = nullptr;
    // The embedded server (and many receivers) never answer "100 Continue":
    // an empty Expect: stops libcurl from waiting a second for it.
    raw = curl_slist_append(raw, "Expect:");
    const bool sendsBody = !r.body.isEmpty() || r.method.isEmpty() || r.method.toUpper() == "POST";
    if (sendsBody && !hasHeader(r.headers, QByteArrayLiteral("Content-Type")))
        raw = curl_slist_append(raw, "Content-Type: application/json");
    for (const auto &h : r.headers) {
        // Header injection guard: a value with CR/LF would start a new header.
        if (h.first.contains('\r') || h.first.contains('\n') || h.second.contains('\r') || h.second.contains('\n')) {
            curl_slist_free_all(raw);
            result.error = QStringLiteral("invalid header %1").arg(QString::fromLatin1(h.first));
            return result;
        }
        raw = curl_slist_append(raw, QByteArray(h.first + ": " + h.second).constData());
    }
    CurlSlist headers(raw);

    const QByteArray url = r.url.toEncoded();
    const long timeoutMs = qMax(1, r.timeoutMs);
    char errbuf[CURL_ERROR_SIZE] = {};
    CurlConnectGuard guard(m_policy);

    curl_easy_setopt(c, CURLOPT_URL, url.constData());
    // Only web protocols: a webhook URL must never reach file://, gopher:// etc.
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
    // A proxy would hide the real destination from the address check below.
    curl_easy_setopt(c, CURLOPT_PROXY, "");
    guard.install(c);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L); // required when used from several threads
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, timeoutMs);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, timeoutMs);
    setMethod(c, r);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    AnswerSink sink;
    sink.limit = r.keepResponseBytes;
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, &takeBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, &takeHeader);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &sink);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);

    const CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK && guard.refusedAll()) {
        // Every address the name led to is forbidden: permanent, not a network hiccup.
        result.error = QStringLiteral("address not allowed: ") + guard.firstRefusal();
        result.refused = true;
        return result;
    }
    if (rc != CURLE_OK) {
        // A partial answer (e.g. timeout mid-body) is not a delivery: report no status.
        result.timedOut = rc == CURLE_OPERATION_TIMEDOUT;
        result.error = sink.overflow ? QStringLiteral("answer larger than %1 bytes").arg(sink.limit)
                                     : QString::fromUtf8(errbuf[0] ? errbuf : curl_easy_strerror(rc));
        return result;
    }
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    result.status = static_cast<int>(code);
    result.body = std::move(sink.body);
    result.retryAfterSecs = sink.retryAfterSecs;
    result.location = std::move(sink.location);
    result.contentType = std::move(sink.contentType);
    result.etag = std::move(sink.etag);
    result.lastModified = std::move(sink.lastModified);
    if (!result.ok())
        result.error = QStringLiteral("HTTP %1").arg(result.status); // the status only, never the body
    return result;
}

} // namespace tierdesk
