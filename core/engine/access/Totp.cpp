#include "core/engine/access/Totp.h"

#include "core/integrations/WebhookSigner.h"

#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QUrl>
#include <QUrlQuery>

#include <array>
#include <cstring>

namespace tierdesk::totp {
namespace {

const char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

} // namespace

QByteArray newSecret()
{
    QByteArray secret(kSecretBytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(secret.begin(), secret.end());
    return secret;
}

QString toBase32(const QByteArray &bytes)
{
    QString out;
    quint32 buffer = 0;
    int bits = 0;
    for (const char byte : bytes) {
        buffer = (buffer << 8) | quint8(byte);
        bits += 8;
        while (bits >= 5) {
            out += QLatin1Char(kAlphabet[(buffer >> (bits - 5)) & 31]);
            bits -= 5;
        }
    }
    if (bits > 0)
        out += QLatin1Char(kAlphabet[(buffer << (5 - bits)) & 31]);
    return out;
}

std::optional<QByteArray> fromBase32(const QString &text)
{
    QByteArray out;
    quint32 buffer = 0;
    int bits = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char(' ') || c == QLatin1Char('='))
            continue;
        const char upper = char(c.toUpper().toLatin1());
        const char *at = upper ? std::strchr(kAlphabet, upper) : nullptr;
        if (!at)
            return std::nullopt;
        buffer = (buffer << 5) | quint32(at - kAlphabet);
        bits += 5;
        if (bits >= 8) {
            out += char((buffer >> (bits - 8)) & 0xff);
            bits -= 8;
        }
    }
    return out;
}

qint64 stepAt(qint64 unixSeconds)
{
    return unixSeconds / kStepSeconds;
}

QString code(const QByteArray &secret, qint64 step)
{
    std::array<char, 8> counter{};
    for (int i = 7; i >= 0; --i) {
        counter[size_t(i)] = char(step & 0xff);
        step >>= 8;
    }
    const QByteArray mac = QMessageAuthenticationCode::hash(
        QByteArray(counter.data(), int(counter.size())), secret, QCryptographicHash::Sha1);
    // RFC 4226 5.3: dynamic truncation.
    const int offset = mac.at(mac.size() - 1) & 0x0f;
    const quint32 binary = (quint32(quint8(mac.at(offset)) & 0x7f) << 24) | (quint32(quint8(mac.at(offset + 1))) << 16)
        | (quint32(quint8(mac.at(offset + 2))) << 8) | quint32(quint8(mac.at(offset + 3)));
    return QStringLiteral("%1").arg(binary % 1000000, kDigits, 10, QLatin1Char('0'));
}

std::optional<qint64> matchingStep(const QByteArray &secret, const QString &given, qint64 unixSeconds, int drift)
{
    const QString trimmed = QString(given).remove(QLatin1Char(' '));
    if (trimmed.size() != kDigits)
        return std::nullopt;
    const qint64 now = stepAt(unixSeconds);
    std::optional<qint64> found;
    for (qint64 step = now - drift; step <= now + drift; ++step) // every step is computed: no early exit
        if (constantTimeEquals(code(secret, step).toLatin1(), trimmed.toLatin1()) && !found)
            found = step;
    return found;
}

QString otpauthUrl(const QString &issuer, const QString &account, const QByteArray &secret)
{
    QUrl url;
    url.setScheme(QStringLiteral("otpauth"));
    url.setHost(QStringLiteral("totp"));
    url.setPath(QLatin1Char('/') + issuer + QLatin1Char(':') + account);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("secret"), toBase32(secret));
    query.addQueryItem(QStringLiteral("issuer"), issuer);
    query.addQueryItem(QStringLiteral("algorithm"), QStringLiteral("SHA1"));
    query.addQueryItem(QStringLiteral("digits"), QString::number(kDigits));
    query.addQueryItem(QStringLiteral("period"), QString::number(kStepSeconds));
    url.setQuery(query);
    return url.toString(QUrl::FullyEncoded);
}

} // namespace tierdesk::totp
