#pragma once

#include <QString>

namespace tierdesk {

// What a provider asks for one model's tokens: per million input and output tokens, in a currency
// (ISO 4217, e.g. "EUR").
struct ModelPrice {
    double inputPerMillion = 0;
    double outputPerMillion = 0;
    QString currency;

    bool operator==(const ModelPrice &o) const
    {
        return inputPerMillion == o.inputPerMillion && outputPerMillion == o.outputPerMillion && currency == o.currency;
    }
};

// What the model calls made for one message or one assist answer cost: the model billed (on a
// guard fallback the model whose words were refused, not the local responder that wrote the
// reply), how many calls, and their tokens at the provider's price. Stored with the message and in
// model_usage (analytics' cost).
struct ModelCharge {
    QString model;
    int calls = 0; // 0: no model was called (the local responder costs nothing)
    int inputTokens = 0;
    int outputTokens = 0;
    double amount = 0;
    QString currency; // the price's; empty when the model has none

    // Another call for the same turn (a repair round): its tokens and price are the turn's too.
    void add(const ModelCharge &o)
    {
        if (model.isEmpty())
            model = o.model;
        if (currency.isEmpty())
            currency = o.currency;
        calls += o.calls;
        inputTokens += o.inputTokens;
        outputTokens += o.outputTokens;
        amount += o.amount;
    }
};

} // namespace tierdesk
