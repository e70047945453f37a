#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace tierdesk {

// Twilio's X-Twilio-Signature (its "Webhooks security"): base64(HMAC-SHA1(auth token, the full URL
// Twilio requested followed by each POST parameter's name and value)), the parameters sorted by
// name. A name sent more than once contributes each of its distinct values once, sorted, as
// Twilio's own helper libraries sign it.
class TwilioSignature {
public:
    using Params = QList<QPair<QString, QString>>; // form fields, decoded, in the order sent

    // A header longer than this is no signature of Twilio's (base64 of 20 bytes is 28).
    static constexpr int kMaxSignatureBytes = 128;

    static QByteArray compute(const QString &authToken, const QString &url, const Params &params);

    // True when `signature` signs the request for `url` as given, or for `url` with its port
    // made explicit (443, 80) or dropped: Twilio signs either form, as its libraries check.
    // Constant-time; false for an empty token or signature.
    static bool verify(const QString &authToken, const QString &url, const Params &params, const QByteArray &signature);

    // The forms of `url` a signature may have been made for (the URL itself first).
    static QStringList urlForms(const QString &url);
};

} // namespace tierdesk
