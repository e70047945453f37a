#pragma once

#include "core/api/http/AddressRanges.h"
#include "core/common/Result.h"

#include <QString>

namespace tierdesk::http {

struct HttpRequest;

// The proxies in front of the server (setting server/trustedProxies): only a peer in the list
// may say who its client is. From such a peer, `Forwarded` (RFC 7239) or else `X-Forwarded-For`
// names the client: the right-most address that is not itself a trusted proxy (the ones to its
// left are the client's own word); `X-Forwarded-Proto` and `X-Forwarded-Host` (or Forwarded's
// proto= and host=) the scheme and host it asked for. From any other peer they change nothing.
class TrustedProxies {
public:
    static constexpr int kMaxEntries = 64;

    // "10.0.0.1, 192.168.0.0/16, ::1": addresses and CIDR ranges, comma-separated; empty: none.
    // InvalidArgument naming the first entry that is neither.
    static Result<TrustedProxies> parse(const QString &list);

    bool isEmpty() const { return m_ranges.isEmpty(); }
    bool trusts(const QHostAddress &address) const;
    // Sets the request's peerAddress, scheme and host from what a trusted peer forwarded;
    // leaves them as the connection gave them otherwise.
    void apply(HttpRequest &request) const;

private:
    AddressRanges m_ranges;

    QHostAddress clientOf(const QList<QHostAddress> &hops, const QHostAddress &peer) const;
};

} // namespace tierdesk::http
