#include "core/integrations/WebhookSigner.h"

#include <QCryptographicHash>
#include <QList>
#include <QMessageAuthenticationCode>

namespace tierdesk {

namespace {

QByteArray hmacHex(const QByteArray &secret, qint64 unixSeconds, const QByteArray &body)
{
    const QByteArray signedPayload = QByteArray::number(unixSeconds) + '.' + body;
    return QMessageAuthenticationCode::hash(signedPayload, secret, QCryptographicHash::Sha256).toHex();
}

} // namespace

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    // Length is not secret (MACs have a fixed size); the content is.
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    return diff == 0;
}

QByteArray webhookSignature(const QByteArray &secret, qint64 unixSeconds, const QByteArray &body)
{
    return "t=" + QByteArray::number(unixSeconds) + ",v1=" + hmacHex(secret, unixSeconds, body);
}

bool verifyWebhookSignature(
    const QByteArray &secret, const QByteArray &header, const QByteArray &body, qint64 nowSecs, qint64 toleranceSecs)
{
    if (secret.isEmpty() || header.size() > 4096)
        return false;
    qint64 timestamp = -1;
    QList<QByteArray> candidates;
    const QList<QByteArray> parts = header.split(',');
    for (const QByteArray &raw : parts) {
        const QByteArray part = raw.trimmed();
        const qsizetype eq = part.indexOf('=');
        if (eq <= 0)
            return false;
        const QByteArray key = part.left(eq);
        const QByteArray value = part.mid(eq + 1);
        if (key == "t") {
            bool ok = false;
            timestamp = value.toLongLong(&ok);
            if (!ok || timestamp < 0)
                return false;
        } else if (key == "v1") {
            candidates.append(value.toLower());
        } // unknown schemes are ignored so new ones can be added later
    }
    if (timestamp < 0 || candidates.isEmpty())
        return false;
    if (qAbs(nowSecs - timestamp) > toleranceSecs)
        return false;
    const QByteArray expected = hmacHex(secret, timestamp, body);
    bool match = false;
    for (const QByteArray &c : std::as_const(candidates))
        match |= constantTimeEquals(expected, c); // no early exit
    return match;
}

} // namespace tierdesk
