#pragma once

#include "core/api/auth/KeyVerdict.h"

#include <functional>

namespace tierdesk {

// Verifies an X-API-Key (support agent API): the key's SHA-256 is looked up
// (keys are kept only hashed), revoked and expired keys are refused.
class ApiKeyVerifier {
public:
    // The apikey key whose apiKeyHash() is this, revoked and expired ones included.
    using Lookup = std::function<std::optional<ApiTokenRecord>(const QByteArray &keyHashHex)>;

    static constexpr int kMaxKeyBytes = 256;

    explicit ApiKeyVerifier(Lookup lookup) : m_lookup(std::move(lookup)) { }

    // `presentedKey`: the X-API-Key header's value (surrounding spaces ignored).
    KeyVerdict verify(const QByteArray &presentedKey, qint64 nowMs) const;

private:
    Lookup m_lookup;
};

} // namespace tierdesk
