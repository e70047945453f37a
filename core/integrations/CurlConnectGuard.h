#pragma once

#include "core/integrations/AddressPolicy.h"

#include <curl/curl.h>

#include <QString>

#include <optional>

namespace tierdesk {

// Holds a libcurl handle's connections to what an AddressPolicy allows. libcurl asks it for every
// address it is about to connect to, after its own name resolution: the one place that sees the
// real destination (a name that resolves to 169.254.169.254 is refused like the address itself).
// Must outlive the transfers of the handle it is installed on; one handle, one thread.
class CurlConnectGuard {
public:
    explicit CurlConnectGuard(std::optional<AddressPolicy> policy) : m_policy(policy) { }
    CurlConnectGuard(const CurlConnectGuard &) = delete;
    CurlConnectGuard &operator=(const CurlConnectGuard &) = delete;

    void install(CURL *curl); // without a policy: any address, as libcurl would connect
    void reset(); // before a transfer: what it saw is counted from zero

    // Every address the name led to was refused: not a network hiccup, asking again cannot help.
    bool refusedAll() const { return m_refused > 0 && m_allowed == 0; }
    const QString &firstRefusal() const { return m_firstRefusal; } // "169.254.169.254 is a ..."

private:
    static curl_socket_t open(void *guard, curlsocktype purpose, curl_sockaddr *address);

    std::optional<AddressPolicy> m_policy;
    int m_allowed = 0;
    int m_refused = 0;
    QString m_firstRefusal;
};

} // namespace tierdesk
