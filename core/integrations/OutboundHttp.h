#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

namespace tierdesk {

// Outbound HTTP sits behind this interface so tests can inject a fake sender.
struct OutboundRequest
{
    QUrl url;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    int timeoutMs = 10000;
};

struct OutboundResult
{
    int status = 0; // 0 = no HTTP answer (refused, timeout, TLS error...)
    QString error;
    bool ok() const { return status >= 200 && status < 300; }
};

class OutboundHttp
{
public:
    virtual ~OutboundHttp() = default;
    // Blocking; called from worker threads, so implementations must be thread-safe.
    virtual OutboundResult post(const OutboundRequest &r) = 0;
};

// libcurl sender: one easy handle per call, so concurrent calls share nothing.
class CurlOutboundHttp final : public OutboundHttp
{
public:
    CurlOutboundHttp();
    OutboundResult post(const OutboundRequest &r) override;
};

} // namespace tierdesk
