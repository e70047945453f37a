#include "core/integrations/AddressPolicy.h"

#include <QList>

#include <cstring>

#include <netdb.h>
#include <sys/socket.h>

namespace tierdesk {

namespace {

struct Range {
    QPair<QHostAddress, int> subnet;
    AddressPolicy::Kind kind;
    const char *what;
};

// First match wins: the exact metadata addresses come before the ranges holding them.
const QList<Range> &ranges()
{
    using K = AddressPolicy::Kind;
    static const QList<Range> all = [] {
        const struct {
            const char *cidr;
            K kind;
            const char *what;
        } table[] = {
            {"169.254.169.254/32", K::Forbidden, "cloud metadata address"},
            {"100.100.100.200/32", K::Forbidden, "cloud metadata address"},
            {"fd00:ec2::254/128", K::Forbidden, "cloud metadata address"},
            {"0.0.0.0/8", K::Forbidden, "unspecified address"},
            {"169.254.0.0/16", K::Forbidden, "link-local address"},
            {"224.0.0.0/4", K::Forbidden, "multicast address"},
            {"240.0.0.0/4", K::Forbidden, "broadcast or reserved address"},
            {"::/128", K::Forbidden, "unspecified address"},
            {"fe80::/10", K::Forbidden, "link-local address"},
            {"ff00::/8", K::Forbidden, "multicast address"},
            {"127.0.0.0/8", K::Private, "loopback address"},
            {"10.0.0.0/8", K::Private, "private-network address"},
            {"172.16.0.0/12", K::Private, "private-network address"},
            {"192.168.0.0/16", K::Private, "private-network address"},
            {"100.64.0.0/10", K::Private, "shared (CGNAT) address"},
            {"::1/128", K::Private, "loopback address"},
            {"fc00::/7", K::Private, "unique local address"},
            {"fec0::/10", K::Private, "site-local address"},
            // Deprecated IPv4-compatible addresses (::a.b.c.d); :: and ::1 matched above.
            {"::/96", K::Forbidden, "reserved address"},
        };
        QList<Range> out;
        for (const auto &row : table)
            out.append(Range{QHostAddress::parseSubnet(QLatin1String(row.cidr)), row.kind, row.what});
        return out;
    }();
    return all;
}

// The IPv4 address inside an IPv4-mapped or NAT64 (64:ff9b::/96) IPv6 address.
std::optional<QHostAddress> embeddedIPv4(const QHostAddress &a)
{
    if (a.protocol() != QAbstractSocket::IPv6Protocol)
        return std::nullopt;
    const Q_IPV6ADDR b = a.toIPv6Address();
    static const quint8 mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
    static const quint8 nat64[12] = {0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    if (std::memcmp(b.c, mapped, 12) != 0 && std::memcmp(b.c, nat64, 12) != 0)
        return std::nullopt;
    const quint32 v4 = (quint32(b[12]) << 24) | (quint32(b[13]) << 16) | (quint32(b[14]) << 8) | quint32(b[15]);
    return QHostAddress(v4);
}

} // namespace

AddressPolicy::Kind AddressPolicy::classify(const QHostAddress &address, QString *what)
{
    if (address.isNull()) {
        if (what)
            *what = QStringLiteral("invalid address");
        return Kind::Forbidden;
    }
    if (const auto v4 = embeddedIPv4(address))
        return classify(*v4, what);
    QHostAddress plain = address;
    plain.setScopeId(QString()); // fe80::1%eth0 is still link-local
    for (const Range &r : ranges()) {
        if (plain.protocol() == r.subnet.first.protocol() && plain.isInSubnet(r.subnet)) {
            if (what)
                *what = QLatin1String(r.what);
            return r.kind;
        }
    }
    if (what)
        *what = QStringLiteral("public address");
    return Kind::Public;
}

AddressPolicy AddressPolicy::forModelProviders(bool allowPrivateNetworks)
{
    AddressPolicy policy(allowPrivateNetworks);
    policy.m_allowLoopback = true;
    policy.m_setting = "ai/allowPrivateNetworks";
    return policy;
}

AddressPolicy AddressPolicy::forConnectors(bool allowPrivateNetworks)
{
    AddressPolicy policy(allowPrivateNetworks);
    policy.m_allowLoopback = true;
    policy.m_setting = "connectors/allowPrivateNetworks";
    return policy;
}

Status AddressPolicy::check(const QHostAddress &address) const
{
    QString what;
    const Kind kind = classify(address, &what);
    if (kind == Kind::Public || (kind == Kind::Private && m_allowPrivate))
        return Ok{};
    const QHostAddress plain = embeddedIPv4(address).value_or(address);
    if (kind == Kind::Private && m_allowLoopback && plain.isLoopback())
        return Ok{};
    QString text = QStringLiteral("%1 is a %2").arg(address.toString(), what);
    if (kind == Kind::Private)
        text += QStringLiteral(" (allowed only with %1=true)").arg(QLatin1String(m_setting));
    return makeError(ErrorKind::Forbidden, text);
}

std::optional<QHostAddress> AddressPolicy::literal(const QString &host)
{
    QString h = host.trimmed();
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2);
    if (h.isEmpty())
        return std::nullopt;
    // The resolver's own parser (inet_aton for IPv4, inet_pton for IPv6), so a
    // host counts as a literal exactly when getaddrinfo() would treat it as one.
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_flags = AI_NUMERICHOST;
    addrinfo *found = nullptr;
    if (getaddrinfo(h.toUtf8().constData(), nullptr, &hints, &found) != 0 || !found)
        return std::nullopt;
    const QHostAddress address(found->ai_addr);
    freeaddrinfo(found);
    if (address.isNull())
        return std::nullopt;
    return address;
}

} // namespace tierdesk
