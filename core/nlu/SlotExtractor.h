#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace tierdesk::nlu {

struct Slots {
    QString orderId; // normalised "ORD-12345"; empty if none
    QStringList orderIds; // every order id of the text, normalised, in order, each once
    std::optional<double> amount; // first money amount: "$25", "25 dollars", "25.50 USD", "€10", "1,250.00"
    QString currency; // ISO code of that amount when written ("USD", "EUR", "GBP"), else empty
    QString email; // first e-mail address, lower-cased
};

// Order ids need an order cue ("ORD-12345", "ord 12345", "order #12345", "order number
// 12345", "purchase 12345") so plain numbers ("2 items", "call 5551234") are not taken.
// Amounts need a currency sign, code or word.
Slots extractSlots(const QString &text);

} // namespace tierdesk::nlu
