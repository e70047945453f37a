#pragma once

#include "core/domain/ConnectorSettings.h"

#include <QRegularExpression>
#include <QStringList>

namespace tierdesk {

// The order numbers of a message in the company's own format (its connectors'
// `orderNumberPattern`, docs/api.md "Connectors"): with a pattern, each match (its first
// group when it has one); else ORD-10001 (also "ord 10001", written ORD-10001), #1001, and
// a number of 4 to 12 digits after the word "order" or "Bestellung". A number is kept as
// the company writes it: a shop's #1001 is asked as #1001, never as ORD-1001. While the
// company's `order` is the builtin store (and it gives no pattern), the store's own reading
// holds (nlu::extractSlots: "order 10005" is ORD-10005).
class OrderNumbers {
public:
    static constexpr int kMaxNumbers = 8; // what one message can make a turn ask for

    explicit OrderNumbers(const QString &pattern = {});
    // The numbers as the company's `order` source knows them.
    static OrderNumbers of(const ConnectorSettings &connectors);

    bool valid() const { return m_pattern.isValid(); }
    // In the order written, each once, at most kMaxNumbers.
    QStringList in(const QString &text) const;

private:
    QRegularExpression m_pattern; // the company's; invalid when it gave none
    bool m_store = false; // read as the builtin store's ORD- numbers
};

} // namespace tierdesk
