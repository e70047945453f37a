#pragma once

#include <QString>

#include <array>
#include <utility>

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
    // Cancelling an order kept in the company's system ("builtin": no connector cancels there,
    // so a person does it).
    QString cancel = QString::fromLatin1(kBuiltin);
    // The company's order numbers as a regular expression; empty: ORD-10001, #1001, and a
    // number of 4 to 12 digits after the word "order".
    QString orderNumberPattern;

    bool allBuiltin() const
    {
        const QLatin1String b(kBuiltin);
        for (const auto &[purpose, member] : named())
            if (this->*member != b)
                return false;
        return orderNumberPattern.isEmpty();
    }

    // Each purpose a connector is named for (its wire name) and the member naming it.
    using Named = std::pair<const char *, QString ConnectorSettings::*>;
    static const std::array<Named, 7> &named()
    {
        static const std::array<Named, 7> all{{{"order", &ConnectorSettings::order},
            {"orders", &ConnectorSettings::orders}, {"customer", &ConnectorSettings::customer},
            {"refund", &ConnectorSettings::refund}, {"credit", &ConnectorSettings::credit},
            {"ticket", &ConnectorSettings::ticket}, {"cancel", &ConnectorSettings::cancel}}};
        return all;
    }
};

} // namespace tierdesk
