#pragma once

#include <QRegularExpression>
#include <QStringList>

namespace tierdesk {

// The order numbers of a message in the company's own format (its connectors'
// `orderNumberPattern`, docs/api.md "Connectors"): with a pattern, each match (its first
// group when it has one); else ORD-10001 (also "ord 10001", written ORD-10001), #1001, and
// a number of 4 to 12 digits after the word "order" or "Bestellung". A number is kept as
// the company writes it: a shop's #1001 is asked as #1001, never as ORD-1001.
class OrderNumbers {
public:
    static constexpr int kMaxNumbers = 8; // what one message can make a turn ask for

    explicit OrderNumbers(const QString &pattern = {});

    bool valid() const { return m_pattern.isValid(); }
    // In the order written, each once, at most kMaxNumbers.
    QStringList in(const QString &text) const;

private:
    QRegularExpression m_pattern; // the company's; invalid when it gave none
};

} // namespace tierdesk
