#pragma once

#include <QHostAddress>
#include <QList>
#include <QPair>
#include <QString>

#include <optional>

namespace tierdesk::http {

// A list of addresses and CIDR ranges ("10.0.0.1", "192.168.0.0/16", "::1") and whether an address
// is in one of them: the server's trusted proxies, a company's allowed SIP sources.
class AddressRanges {
public:
    // One entry as a range (an address alone is its /32 or /128); nullopt when it is neither.
    static std::optional<QPair<QHostAddress, int>> rangeOf(const QString &entry);

    void add(const QPair<QHostAddress, int> &range) { m_ranges << range; }
    bool isEmpty() const { return m_ranges.isEmpty(); }
    int size() const { return static_cast<int>(m_ranges.size()); }
    // An IPv4-mapped IPv6 address (::ffff:10.0.0.1) counts as its IPv4 self.
    bool contains(const QHostAddress &address) const;

private:
    QList<QPair<QHostAddress, int>> m_ranges;
};

} // namespace tierdesk::http
