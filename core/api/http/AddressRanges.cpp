#include "core/api/http/AddressRanges.h"

namespace tierdesk::http {

std::optional<QPair<QHostAddress, int>> AddressRanges::rangeOf(const QString &entry)
{
    const QString text = entry.trimmed();
    QPair<QHostAddress, int> range = QHostAddress::parseSubnet(text);
    if (range.first.isNull() && !text.contains(QLatin1Char('/'))) {
        const QHostAddress single(text);
        range = {single, single.protocol() == QAbstractSocket::IPv6Protocol ? 128 : 32};
    }
    if (range.first.isNull())
        return std::nullopt;
    return range;
}

bool AddressRanges::contains(const QHostAddress &address) const
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4); // an IPv4-mapped peer as its IPv4 self
    const QHostAddress plain = isV4 ? QHostAddress(v4) : address;
    for (const auto &range : m_ranges)
        if (plain.isInSubnet(range))
            return true;
    return false;
}

} // namespace tierdesk::http
