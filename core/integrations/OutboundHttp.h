#pragma once

#include "core/integrations/AddressPolicy.h"
#include "core/integrations/CurlHandles.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

#include <mutex>
#include <vector>

namespace tierdesk {

// Outbound HTTP sits behind this interface so tests can inject a fake sender.
struct OutboundRequest {
    QByteArray method = QByteArrayLiteral("POST"); // GET, HEAD and DELETE send no body unless given one
    QUrl url;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int timeoutMs = 10000;
    // 0: the answer's body is read and dropped (webhooks: never shown back, so never
    // a way to read internal services). Above 0: kept up to this size; larger fails.
    int keepResponseBytes = 0;
};

struct OutboundResult {
    int status = 0; // 0 = no HTTP answer (refused, timeout, TLS error...)
    QString error; // never holds the receiver's response body
    bool refused = false; // the destination address is not allowed: retrying cannot help
    bool timedOut = false; // no whole answer within the request's timeoutMs
    QByteArray body{}; // only when the request asked to keep it
    int retryAfterSecs = -1; // the answer's Retry-After in seconds, when it gave one
    QByteArray location{}; // a redirect's Location (never followed)
    QByteArray contentType{}; // the answer's Content-Type, ETag and Last-Modified, as sent
    QByteArray etag{};
    QByteArray lastModified{};
    bool ok() const { return status >= 200 && status < 300; }
    // What a page's fetch tells apart (the knowledge sources' crawl).
    bool redirect() const
    {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
            && !location.isEmpty();
    }
    bool notModified() const { return status == 304; }
    bool gone() const { return status == 404 || status == 410; } // the page is no more
    bool clientError() const { return status >= 400 && status < 500; }
};

class OutboundHttp {
public:
    virtual ~OutboundHttp() = default;
    // Blocking; called from worker threads, so implementations must be thread-safe.
    // Sends r.method (POST by default), whatever the name.
    virtual OutboundResult post(const OutboundRequest &r) = 0;
};

// libcurl sender. Each call has an easy handle of its own; between calls the handles wait in a
// small pool with their open connections, so the next call to the same server reuses one (and
// its TLS session) instead of connecting again: a language model asked on every message is
// answered without a new handshake each time. A connection is only ever reused by the sender
// (and so the address policy) that opened it.
// http and https only, no redirects (a 3xx is an answer, its Location kept), no proxies, and every address libcurl is
// about to connect to (after its own name resolution) is checked against the
// policy, so a name that resolves differently at delivery time than at
// registration (DNS rebinding) still cannot reach a forbidden address.
class CurlOutboundHttp final : public OutboundHttp {
public:
    explicit CurlOutboundHttp(AddressPolicy policy = AddressPolicy());
    OutboundResult post(const OutboundRequest &r) override;

private:
    static constexpr std::size_t kMaxIdleHandles = 8;

    CurlEasy takeHandle();
    void giveBack(CurlEasy handle);
    OutboundResult perform(CURL *c, const OutboundRequest &r) const;

    AddressPolicy m_policy;
    std::mutex m_idleLock;
    std::vector<CurlEasy> m_idle; // guarded by m_idleLock
};

} // namespace tierdesk
