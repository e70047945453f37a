#pragma once

#include "core/common/Result.h"

#include <QHostAddress>
#include <QString>

#include <optional>

namespace tierdesk {

// Which network addresses outbound webhooks may reach (server-side request
// forgery guard). Never: unspecified (0.0.0.0/8, ::), link-local (169.254/16,
// fe80::/10), cloud metadata (169.254.169.254, fd00:ec2::254, 100.100.100.200),
// multicast, broadcast and reserved (240/4). Only with allowPrivateNetworks:
// loopback (127/8, ::1), private networks (10/8, 172.16/12, 192.168/16),
// shared CGNAT space (100.64/10) and unique/site-local IPv6 (fc00::/7, fec0::/10).
// IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses are judged
// as the IPv4 address they carry. Thread-safe (read-only after construction).
class AddressPolicy {
public:
    enum class Kind { Public, Private, Forbidden };

    explicit AddressPolicy(bool allowPrivateNetworks = false) : m_allowPrivate(allowPrivateNetworks) { }
    // Language-model providers: a server on this machine (Ollama, llama.cpp) is the
    // common case, so loopback is allowed; other private networks only with the setting named.
    static AddressPolicy forModelProviders(bool allowPrivateNetworks);
    // A company's own systems (connectors): the same, under connectors/allowPrivateNetworks.
    static AddressPolicy forConnectors(bool allowPrivateNetworks);
    bool allowsPrivateNetworks() const { return m_allowPrivate; }

    // Ok when `address` may be contacted; otherwise Forbidden saying why, for people,
    // e.g. "169.254.169.254 is a cloud metadata address".
    Status check(const QHostAddress &address) const;
    bool allows(const QHostAddress &address) const { return check(address).ok(); }

    // The class of an address whatever the setting; *what names it ("loopback address").
    static Kind classify(const QHostAddress &address, QString *what = nullptr);

    // The address a URL host names when it is an IP literal in any form the
    // system resolver accepts (inet_aton: 0x7f000001, 2130706433, 0177.0.0.1,
    // 127.1; IPv6 with or without brackets); nullopt for a host name.
    static std::optional<QHostAddress> literal(const QString &host);

private:
    bool m_allowPrivate;
    bool m_allowLoopback = false;
    const char *m_setting = "webhooks/allowPrivateNetworks"; // what a refusal names
};

} // namespace tierdesk
