#pragma once

#include "core/domain/ApiTokenRecord.h"

#include <optional>

namespace tierdesk {

// Why a key verifier refused a request. Families map these to their own
// status codes and error bodies; the reason text is for the log only.
enum class KeyRefusal {
    None,
    NoCredential, // no Authorization / X-API-Key / widget key at all
    Malformed, // present but not in the expected form (reason says what)
    UnknownKey, // no such key (or its secret cannot be read: data key lost)
    Revoked,
    Expired,
    WrongSignature, // SigV4: the signature does not match the request
    BodyChanged, // SigV4: x-amz-content-sha256 does not match the body
    DateSkew, // SigV4: X-Amz-Date / Date more than 5 minutes off
    WrongService, // SigV4: the credential scope names another service
    WrongRegion, // SigV4: the credential scope names another region than the key's
};

// "wrong_signature", "date_skew", ...: for logs and tests.
QString refusalName(KeyRefusal refusal);

// A verifier's answer: the key's record (company, role, id; never its secret)
// when the request may go on, else why not.
struct KeyVerdict {
    std::optional<ApiTokenRecord> key;
    KeyRefusal refusal = KeyRefusal::None;
    QString reason;

    bool accepted() const { return key.has_value(); }
    static KeyVerdict refuse(KeyRefusal refusal, const QString &reason) { return {std::nullopt, refusal, reason}; }
    static KeyVerdict accept(ApiTokenRecord key);
};

// Revoked or expired at `nowMs` (a refusal), or accepted.
KeyVerdict checkKeyStanding(const ApiTokenRecord &key, qint64 nowMs);

} // namespace tierdesk
