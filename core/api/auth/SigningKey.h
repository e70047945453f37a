#pragma once

#include "core/common/Result.h"

#include <QByteArray>

namespace tierdesk {

class SecretStore;

// Where the JWT signing key lives in the SecretStore.
inline constexpr char kSigningKeyName[] = "jwt-signing-key";
constexpr int kSigningKeyBytes = 32;

// Loads the JWT signing key; on first run generates 32 random bytes and stores
// them. A store that fails for any reason other than "not found" is an error: we
// must not replace an existing key and invalidate every issued token.
Result<QByteArray> loadOrCreateSigningKey(SecretStore &store);

} // namespace tierdesk
