#include "core/api/auth/ApiKeyVerifier.h"

namespace tierdesk {

KeyVerdict ApiKeyVerifier::verify(const QByteArray &presentedKey, qint64 nowMs) const
{
    const QByteArray key = presentedKey.trimmed();
    if (key.isEmpty())
        return KeyVerdict::refuse(KeyRefusal::NoCredential, QStringLiteral("no X-API-Key"));
    if (key.size() > kMaxKeyBytes)
        return KeyVerdict::refuse(KeyRefusal::Malformed, QStringLiteral("the key is too long"));
    const std::optional<ApiTokenRecord> found = m_lookup(apiKeyHash(key));
    if (!found || found->kind != tokenkind::ApiKey)
        return KeyVerdict::refuse(KeyRefusal::UnknownKey, QStringLiteral("no such API key"));
    return checkKeyStanding(*found, nowMs);
}

} // namespace tierdesk
