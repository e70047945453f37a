#pragma once

#include <QString>

#include <optional>

namespace tierdesk {

// Money moved at a company's payment provider, as a small state machine (DESIGN.md, "A
// company's own systems"): written pending with its idempotency key in the deciding
// transaction, the provider called with that key, its answer settling it in a second one.
// pending: not yet answered (a crash or a network failure leaves it so; it is called again
// with the same key); requested: the provider took it and will say later (a webhook);
// succeeded and failed are final. A cancellation of an order kept in the company's system
// (the `cancel` purpose) goes the same way: it moves no money, but it too must happen once.
struct MoneyAction {
    enum class Kind { Refund, Credit, Cancel };
    enum class State { Pending, Requested, Succeeded, Failed };

    QString id; // mny_...
    QString companyId;
    QString sessionId;
    QString customerId;
    Kind kind = Kind::Refund;
    QString orderId; // a refund's or a cancellation's
    QString item; // a refund of one item: its name
    double amount = 0; // 0 for a cancellation
    QString currency = QStringLiteral("USD");
    QString connector; // the connector's name
    QString target; // what the provider moves money on: pi_/ch_ (refund), cus_ (credit)
    QString idempotencyKey; // unique; the same on every call
    State state = State::Pending;
    QString providerId; // re_..., cbtxn_...
    QString error; // why it failed, or the last call's failure
    QString tier; // the tier that decided it: AI_REP, AI_MANAGER, HUMAN_AGENT
    QString details; // the ledger's details (JSON): the item, or the person and their reason
    bool told = false; // the customer has been told how it ended
    int attempts = 0; // calls made
    qint64 nextAttemptAt = 0; // a pending action is not called again before then
    qint64 leaseUntil = 0; // an instance calling it holds it until then
    qint64 createdAt = 0;
    qint64 updatedAt = 0;

    bool final() const { return state == State::Succeeded || state == State::Failed; }
};

QString toString(MoneyAction::Kind kind);
QString toString(MoneyAction::State state);
std::optional<MoneyAction::Kind> parseMoneyActionKind(const QString &name);
std::optional<MoneyAction::State> parseMoneyActionState(const QString &name);

} // namespace tierdesk
