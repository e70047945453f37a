#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>

namespace tierdesk {

// Who a web visitor says they are, as the company's own page passes it to the widget
// (Tierdesk("identify", {...})) or a company's app to POST /api/v1/chat/session ("identity").
struct VisitorIdentityClaim {
    QString id; // the company's customer id
    QString email;
    QString name;
    QString userHash; // lower-case hex HMAC-SHA256 of `id` under the identity secret
    QByteArray token; // or an HS256 JWT signed with it: sub, email?, name?, exp, iat
};

// The customer the company's server vouches for.
struct VerifiedVisitor {
    QString id;
    QString email;
    QString name;
};

// Checks a claim against the company's identity secret, as Intercom, Chatwoot and Front check
// theirs: a hash of the id, or a token at most kMaxTokenLifeSecs long whose `sub` is the id (and
// whose email and name then replace the claim's). Unauthenticated with a reason for the log
// (never for the visitor) when it does not hold: no secret, a wrong or missing hash, a token
// expired, from the future, living too long, signed otherwise or with "alg": "none".
class VisitorIdentity {
public:
    static constexpr qint64 kMaxTokenLifeSecs = 24 * 3600;
    static constexpr int kMaxIdChars = 128;

    static Result<VerifiedVisitor> verify(const VisitorIdentityClaim &claim, const QByteArray &secret, qint64 nowSecs);
    // The hash a company's server computes: hex HMAC-SHA256(id, secret).
    static QString userHash(const QString &id, const QByteArray &secret);
};

} // namespace tierdesk
