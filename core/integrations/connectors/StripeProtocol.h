#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QString>

namespace tierdesk::connectors {

// A refund asked of Stripe (POST /v1/refunds).
struct StripeRefundAsk {
    QString paymentReference; // pi_... (a PaymentIntent) or ch_... (a Charge)
    qint64 amountMinor = 0; // in the currency's smallest unit (cents)
    QMap<QString, QString> metadata; // sessionId, action, orderId
};

// A credit to a customer's balance (POST /v1/customers/:id/balance_transactions).
struct StripeCreditAsk {
    QString customerId; // cus_...
    qint64 amountMinor = 0; // positive here; sent negative (a credit)
    QString currency; // ISO 4217, sent lower-case
    QString description;
    QMap<QString, QString> metadata;
};

// A refund as Stripe answers it.
struct StripeRefund {
    enum class State { Succeeded, Pending, RequiresAction, Failed, Canceled };
    QString id; // re_...
    State state = State::Pending;
    qint64 amountMinor = 0;
    QString currency;
    QString failureReason;
    QMap<QString, QString> metadata;

    bool done() const { return state == State::Succeeded; }
    bool requested() const { return state == State::Pending || state == State::RequiresAction; }
};
QString toString(StripeRefund::State state);

struct StripeBalanceTransaction {
    QString id; // cbtxn_...
    qint64 amountMinor = 0; // negative: a credit
    QString currency;
    qint64 endingBalanceMinor = 0;
};

// A verified refund.updated / refund.failed event.
struct StripeRefundEvent {
    QString id; // evt_...
    QString type;
    StripeRefund refund;
};

// Stripe's API as Tierdesk uses it: form-encoded requests, its answers and its error
// object ({"error": {"type", "code", "message", "param"}}: a failure's details keep
// them), and the Stripe-Signature of its webhooks.
class StripeProtocol {
public:
    static constexpr qint64 kWebhookToleranceSecs = 300;
    static constexpr int kMaxMetadataKeys = 50; // Stripe's own limit

    // Smallest units: 12.34 USD is 1234; zero-decimal currencies (JPY, KRW, ...) are not multiplied.
    static qint64 toMinor(double amount, const QString &currency);
    static double fromMinor(qint64 minor, const QString &currency);
    // application/x-www-form-urlencoded, in the order given (metadata[k]=v pairs included).
    static QByteArray form(const QList<QPair<QString, QString>> &fields);

    // The form of POST /v1/refunds; InvalidArgument when the reference is neither pi_ nor ch_.
    static Result<QByteArray> refundForm(const StripeRefundAsk &ask);
    static QByteArray creditForm(const StripeCreditAsk &ask);
    static QString creditPath(const QString &customerId);

    // The refund in a 2xx answer; otherwise an error: Conflict for charge_already_refunded
    // and for an amount beyond what is left, InvalidArgument for Stripe's other request
    // errors, Unauthenticated for a wrong key, Unavailable for anything else.
    static Result<StripeRefund> readRefund(int status, const QByteArray &body);
    static Result<StripeBalanceTransaction> readBalanceTransaction(int status, const QByteArray &body);

    // Checks `Stripe-Signature: t=...,v1=...` (HMAC-SHA256 of "t.payload" with the
    // endpoint secret, any v1 matching, t within the tolerance of nowSecs) and reads a
    // refund event. Unauthenticated when the signature does not hold.
    static Result<StripeRefundEvent> verifyWebhook(
        const QByteArray &payload, const QByteArray &signatureHeader, const QByteArray &secret, qint64 nowSecs);
    // The header a webhook sender writes (tests, and a scripted Stripe).
    static QByteArray signatureHeader(const QByteArray &payload, const QByteArray &secret, qint64 timestampSecs);
};

} // namespace tierdesk::connectors
