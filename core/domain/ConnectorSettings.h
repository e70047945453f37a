#pragma once

#include <QString>

namespace tierdesk {

// Which of a company's systems serves what: the "connectors" part of its configuration
// (docs/api.md, "Connectors"). "builtin" is Tierdesk's own store, the default, so a
// company without connectors works as before.
struct ConnectorSettings {
    static constexpr auto kBuiltin = "builtin";
    static constexpr int kMaxPatternChars = 200;

    QString order = QString::fromLatin1(kBuiltin); // one order by its number
    QString orders = QString::fromLatin1(kBuiltin); // a customer's recent orders
    QString customer = QString::fromLatin1(kBuiltin);
    QString refund = QString::fromLatin1(kBuiltin);
    QString credit = QString::fromLatin1(kBuiltin);
    // Seed 002's CRM: an escalation to a person opens a ticket there ("builtin": Tierdesk's own
    // generated ticket ids, no CRM).
    QString ticket = QString::fromLatin1(kBuiltin);
    // The company's order numbers as a regular expression; empty: ORD-10001, #1001, and a
    // number of 4 to 12 digits after the word "order".
    QString orderNumberPattern;

    bool allBuiltin() const
    {
        const QLatin1String b(kBuiltin);
        return order == b && orders == b && customer == b && refund == b && credit == b && ticket == b
            && orderNumberPattern.isEmpty();
    }
};

} // namespace tierdesk
