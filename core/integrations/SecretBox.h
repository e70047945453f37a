#pragma once

#include "core/common/SecretSealer.h"

#include <QByteArray>
#include <QString>

namespace tierdesk {

class SecretStore;

// Where the data key that seals webhook secrets lives in the SecretStore.
inline constexpr char kWebhookDataKeyName[] = "webhook-data-key";

// Seals small secrets for storage in the database with libsodium's
// crypto_secretbox (XSalsa20-Poly1305: encrypted and authenticated) under a
// 32-byte data key that itself lives only in the SecretStore. Sealed form:
// "sb1:" + base64(24-byte random nonce + ciphertext with its 16-byte tag).
class SecretBox final : public SecretSealer {
public:
    static constexpr int kKeyBytes = 32;

    // Loads the data key named `keyName`; on first use creates 32 random bytes
    // and stores them. A store failing for any reason but "not found" is an
    // error: replacing the key would make every sealed secret unreadable.
    static Result<SecretBox> loadOrCreate(SecretStore &store, const QString &keyName);
    static Result<SecretBox> withKey(const QByteArray &key); // exactly kKeyBytes
    // A throwaway key for stores opened without a secret store (tests, tools):
    // what it seals cannot be opened by another process.
    static SecretBox ephemeral();

    QByteArray seal(const QByteArray &plain) const override;
    Result<QByteArray> open(const QByteArray &sealed) const override; // fails on a wrong key or any change
    static bool isSealed(const QByteArray &stored);

private:
    explicit SecretBox(QByteArray key) : m_key(std::move(key)) { }
    QByteArray m_key;
};

} // namespace tierdesk
