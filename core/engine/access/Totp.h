#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace tierdesk::totp {

// Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) as authenticator apps and
// oathtool make them: HMAC-SHA-1, 6 digits, 30-second steps from the Unix epoch.
inline constexpr int kDigits = 6;
inline constexpr int kStepSeconds = 30;
inline constexpr int kSecretBytes = 20; // 160 bits, RFC 4226's recommendation

QByteArray newSecret();
// RFC 4648 base32, upper case, without padding (as otpauth:// URLs carry it).
QString toBase32(const QByteArray &bytes);
// Spaces and case do not matter; none when a character is not base32.
std::optional<QByteArray> fromBase32(const QString &text);

qint64 stepAt(qint64 unixSeconds);
QString code(const QByteArray &secret, qint64 step);
// The step whose code `code` is, within `drift` steps either side of `unixSeconds`'s; none when none is.
std::optional<qint64> matchingStep(const QByteArray &secret, const QString &code, qint64 unixSeconds, int drift = 1);

// otpauth://totp/<issuer>:<account>?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30
QString otpauthUrl(const QString &issuer, const QString &account, const QByteArray &secret);

} // namespace tierdesk::totp
