#include "core/integrations/twilio/TwilioSignature.h"

#include "core/integrations/WebhookSigner.h"

#include <QCryptographicHash>
#include <QMap>
#include <QMessageAuthenticationCode>
#include <QStringList>

#include <algorithm>

namespace tierdesk {

namespace {

// Where a URL's host and port are: [hostStart, portColon) is the host, (portColon, end) the port
// (portColon == end when none). False when the URL has no "scheme://".
bool twilioAuthority(const QString &url, qsizetype *hostStart, qsizetype *portColon, qsizetype *end)
{
    const qsizetype schemeEnd = url.indexOf(QLatin1String("://"));
    if (schemeEnd <= 0)
        return false;
    qsizetype start = schemeEnd + 3;
    qsizetype stop = url.size();
    for (qsizetype i = start; i < url.size(); ++i) {
        const QChar c = url.at(i);
        if (c == QLatin1Char('/') || c == QLatin1Char('?') || c == QLatin1Char('#')) {
            stop = i;
            break;
        }
    }
    const qsizetype at = url.lastIndexOf(QLatin1Char('@'), stop - 1);
    if (at >= start)
        start = at + 1;
    // An IPv6 literal's colons are not a port's: look after its closing bracket.
    const qsizetype bracket = url.lastIndexOf(QLatin1Char(']'), stop - 1);
    const qsizetype from = bracket >= start ? bracket : start;
    qsizetype colon = url.indexOf(QLatin1Char(':'), from);
    if (colon < 0 || colon >= stop)
        colon = stop;
    *hostStart = start;
    *portColon = colon;
    *end = stop;
    return true;
}

} // namespace

QByteArray TwilioSignature::compute(const QString &authToken, const QString &url, const Params &params)
{
    QMap<QString, QStringList> byName; // sorted by name
    for (const auto &p : params)
        byName[p.first].append(p.second);
    QString data = url;
    for (auto it = byName.begin(); it != byName.end(); ++it) {
        QStringList values = it.value();
        std::sort(values.begin(), values.end());
        values.erase(std::unique(values.begin(), values.end()), values.end());
        for (const QString &value : std::as_const(values))
            data += it.key() + value;
    }
    return QMessageAuthenticationCode::hash(data.toUtf8(), authToken.toUtf8(), QCryptographicHash::Sha1).toBase64();
}

QStringList TwilioSignature::urlForms(const QString &url)
{
    QStringList forms{url};
    qsizetype hostStart = 0;
    qsizetype colon = 0;
    qsizetype end = 0;
    if (!twilioAuthority(url, &hostStart, &colon, &end) || colon == hostStart)
        return forms;
    if (colon < end) { // a port given: also without it
        forms.append(url.left(colon) + url.mid(end));
        return forms;
    }
    const QString scheme = url.left(url.indexOf(QLatin1String("://"))).toLower();
    if (scheme == QLatin1String("https"))
        forms.append(url.left(end) + QLatin1String(":443") + url.mid(end));
    else if (scheme == QLatin1String("http"))
        forms.append(url.left(end) + QLatin1String(":80") + url.mid(end));
    return forms;
}

bool TwilioSignature::verify(
    const QString &authToken, const QString &url, const Params &params, const QByteArray &signature)
{
    if (authToken.isEmpty() || signature.isEmpty() || signature.size() > kMaxSignatureBytes)
        return false;
    bool match = false;
    const QStringList forms = urlForms(url);
    for (const QString &form : forms)
        match |= constantTimeEquals(compute(authToken, form, params), signature); // no early exit
    return match;
}

} // namespace tierdesk
