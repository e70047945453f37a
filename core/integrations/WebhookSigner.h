#pragma once

#include <QByteArray>

namespace tierdesk {

// Stripe-style webhook signature, sent as
//   X-Tierdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<raw body>")>
// Signing the timestamp with the body lets receivers reject replays of old deliveries.
QByteArray webhookSignature(const QByteArray &secret, qint64 unixSeconds, const QByteArray &body);

// Checks a header produced by webhookSignature(): any v1 entry may match (secret
// rotation sends several); the timestamp must be within toleranceSecs of now.
// The MAC comparison is constant-time.
bool verifyWebhookSignature(const QByteArray &secret, const QByteArray &header, const QByteArray &body, qint64 nowSecs,
    qint64 toleranceSecs = 300);

// Constant-time equality for MACs and tokens (shared with the JWT code).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace tierdesk
