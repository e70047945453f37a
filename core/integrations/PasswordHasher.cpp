#include "core/integrations/PasswordHasher.h"

#include "core/integrations/Sodium.h"

#include <QByteArray>

namespace tierdesk {

Status PasswordHasher::check(const QString &password)
{
    const QJsonObject field{{QStringLiteral("field"), QStringLiteral("password")}};
    if (password.size() < kMinChars)
        return makeError(ErrorKind::InvalidArgument,
            QStringLiteral("password must be at least %1 characters").arg(kMinChars), field);
    if (password.size() > kMaxChars)
        return makeError(
            ErrorKind::InvalidArgument, QStringLiteral("password must be at most %1 characters").arg(kMaxChars), field);
    return Ok{};
}

Result<QString> PasswordHasher::hash(const QString &password)
{
    if (Status acceptable = check(password); !acceptable)
        return acceptable.error();
    if (!sodiumReady())
        return makeError(ErrorKind::Internal, QStringLiteral("libsodium could not be initialised"));
    const QByteArray utf8 = password.toUtf8();
    char out[crypto_pwhash_STRBYTES] = {};
    if (crypto_pwhash_str(out, utf8.constData(), static_cast<unsigned long long>(utf8.size()),
            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE)
        != 0)
        return makeError(ErrorKind::Internal, QStringLiteral("could not hash the password (out of memory)"));
    return QString::fromLatin1(out);
}

bool PasswordHasher::verify(const QString &encoded, const QString &password)
{
    if (!sodiumReady() || encoded.isEmpty() || encoded.size() >= crypto_pwhash_STRBYTES || password.size() > kMaxChars)
        return false;
    const QByteArray stored = encoded.toLatin1(); // zero-terminated by QByteArray
    const QByteArray utf8 = password.toUtf8();
    return crypto_pwhash_str_verify(stored.constData(), utf8.constData(), static_cast<unsigned long long>(utf8.size()))
        == 0;
}

const QString &PasswordHasher::decoy()
{
    static const QString value = [] {
        QByteArray random(24, Qt::Uninitialized);
        if (sodiumReady())
            randombytes_buf(random.data(), static_cast<size_t>(random.size()));
        const auto h = hash(QString::fromLatin1(random.toBase64()));
        return h ? h.value() : QString();
    }();
    return value;
}

} // namespace tierdesk
