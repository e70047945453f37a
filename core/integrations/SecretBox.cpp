#include "core/integrations/SecretBox.h"

#include "core/integrations/SecretStore.h"
#include "core/integrations/Sodium.h"

#include <sodium.h>

namespace tierdesk {

namespace {

const QByteArray kPrefix = QByteArrayLiteral("sb1:");

const unsigned char *bytes(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}

unsigned char *bytes(QByteArray &b)
{
    return reinterpret_cast<unsigned char *>(b.data());
}

} // namespace

static_assert(SecretBox::kKeyBytes == crypto_secretbox_KEYBYTES);

Result<SecretBox> SecretBox::withKey(const QByteArray &key)
{
    if (!sodiumReady())
        return makeError(ErrorKind::Internal, QStringLiteral("libsodium could not be initialised"));
    if (key.size() != kKeyBytes)
        return makeError(ErrorKind::Internal, QStringLiteral("a data key must be %1 bytes").arg(kKeyBytes));
    return SecretBox(key);
}

SecretBox SecretBox::ephemeral()
{
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    if (sodiumReady())
        crypto_secretbox_keygen(bytes(key));
    return SecretBox(key);
}

Result<SecretBox> SecretBox::loadOrCreate(SecretStore &store, const QString &keyName)
{
    if (!sodiumReady())
        return makeError(ErrorKind::Internal, QStringLiteral("libsodium could not be initialised"));
    const Result<QByteArray> existing = store.read(keyName);
    if (existing) {
        if (existing->size() != kKeyBytes)
            return makeError(ErrorKind::Internal,
                QStringLiteral("the stored data key %1 in %2 has the wrong size").arg(keyName, store.description()));
        return SecretBox(*existing);
    }
    if (existing.error().kind != ErrorKind::NotFound)
        return existing.error();
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    crypto_secretbox_keygen(bytes(key));
    const Status written = store.write(keyName, key);
    if (!written)
        return written.error();
    return SecretBox(key);
}

QByteArray SecretBox::seal(const QByteArray &plain) const
{
    QByteArray out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(), Qt::Uninitialized);
    unsigned char *nonce = bytes(out);
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES, bytes(plain),
        static_cast<unsigned long long>(plain.size()), nonce, bytes(m_key));
    return kPrefix + out.toBase64();
}

Result<QByteArray> SecretBox::open(const QByteArray &sealed) const
{
    const auto bad
        = [] { return makeError(ErrorKind::Internal, QStringLiteral("the sealed secret cannot be opened")); };
    if (!isSealed(sealed))
        return bad();
    const auto decoded
        = QByteArray::fromBase64Encoding(sealed.mid(kPrefix.size()), QByteArray::AbortOnBase64DecodingErrors);
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (!decoded || decoded.decoded.size() < overhead)
        return bad();
    const QByteArray &box = decoded.decoded;
    QByteArray plain(box.size() - overhead, Qt::Uninitialized);
    const unsigned char *nonce = bytes(box);
    if (crypto_secretbox_open_easy(bytes(plain), nonce + crypto_secretbox_NONCEBYTES,
            static_cast<unsigned long long>(box.size() - crypto_secretbox_NONCEBYTES), nonce, bytes(m_key))
        != 0)
        return bad();
    return plain;
}

bool SecretBox::isSealed(const QByteArray &stored)
{
    return stored.startsWith(kPrefix);
}

} // namespace tierdesk
