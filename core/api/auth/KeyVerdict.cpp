#include "core/api/auth/KeyVerdict.h"

namespace tierdesk {

QString refusalName(KeyRefusal refusal)
{
    switch (refusal) {
    case KeyRefusal::None:
        return QStringLiteral("none");
    case KeyRefusal::NoCredential:
        return QStringLiteral("no_credential");
    case KeyRefusal::Malformed:
        return QStringLiteral("malformed");
    case KeyRefusal::UnknownKey:
        return QStringLiteral("unknown_key");
    case KeyRefusal::Revoked:
        return QStringLiteral("revoked");
    case KeyRefusal::Expired:
        return QStringLiteral("expired");
    case KeyRefusal::WrongSignature:
        return QStringLiteral("wrong_signature");
    case KeyRefusal::BodyChanged:
        return QStringLiteral("body_changed");
    case KeyRefusal::DateSkew:
        return QStringLiteral("date_skew");
    case KeyRefusal::WrongService:
        return QStringLiteral("wrong_service");
    case KeyRefusal::WrongRegion:
        return QStringLiteral("wrong_region");
    }
    return QStringLiteral("unknown");
}

KeyVerdict KeyVerdict::accept(ApiTokenRecord key)
{
    key.secret.clear();
    key.sealedSecret.clear();
    return {std::move(key), KeyRefusal::None, QString()};
}

KeyVerdict checkKeyStanding(const ApiTokenRecord &key, qint64 nowMs)
{
    if (key.revokedAt != 0)
        return KeyVerdict::refuse(KeyRefusal::Revoked, QStringLiteral("the key was revoked"));
    if (key.expired(nowMs))
        return KeyVerdict::refuse(KeyRefusal::Expired, QStringLiteral("the key has expired"));
    return KeyVerdict::accept(key);
}

} // namespace tierdesk
