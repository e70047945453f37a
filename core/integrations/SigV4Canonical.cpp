#include "core/integrations/SigV4Canonical.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>

#include <algorithm>

namespace tierdesk::sigv4 {
namespace {

bool unreserved(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
        || c == '.' || c == '~';
}

bool space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f';
}

// Trimmed, every inner run of white space one space (AWS's "Trimall").
QByteArray trimAll(const QByteArray &value)
{
    QByteArray out;
    out.reserve(value.size());
    bool pendingSpace = false;
    for (const char c : value) {
        if (space(c)) {
            pendingSpace = !out.isEmpty();
            continue;
        }
        if (pendingSpace)
            out += ' ';
        pendingSpace = false;
        out += c;
    }
    return out;
}

QByteArray decodeQueryPart(QByteArray part)
{
    part.replace('+', ' ');
    return QByteArray::fromPercentEncoding(part);
}

QByteArray hmac(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Sha256);
}

} // namespace

QByteArray uriEncode(const QByteArray &bytes, bool keepSlash)
{
    static const char hex[] = "0123456789ABCDEF";
    QByteArray out;
    out.reserve(bytes.size() * 3);
    for (const char c : bytes) {
        if (unreserved(c) || (keepSlash && c == '/')) {
            out += c;
            continue;
        }
        const auto b = static_cast<unsigned char>(c);
        out += '%';
        out += hex[b >> 4];
        out += hex[b & 0xF];
    }
    return out;
}

QByteArray canonicalUri(const QByteArray &rawPath)
{
    if (rawPath.isEmpty())
        return "/";
    QByteArrayList kept;
    for (const QByteArray &segment : rawPath.split('/')) {
        if (segment.isEmpty() || segment == ".")
            continue;
        if (segment == "..") {
            if (!kept.isEmpty())
                kept.removeLast();
            continue;
        }
        kept << segment;
    }
    QByteArray path = (rawPath.startsWith('/') ? QByteArray("/") : QByteArray()) + kept.join('/');
    if (rawPath.endsWith('/') && !kept.isEmpty())
        path += '/';
    if (path.isEmpty())
        path = "/";
    return uriEncode(path, true);
}

QByteArray canonicalQuery(const QByteArray &rawQuery)
{
    QList<QPair<QByteArray, QByteArray>> pairs;
    for (const QByteArray &piece : rawQuery.split('&')) {
        if (piece.isEmpty())
            continue;
        const qsizetype eq = piece.indexOf('=');
        const QByteArray name = eq < 0 ? piece : piece.left(eq);
        const QByteArray value = eq < 0 ? QByteArray() : piece.mid(eq + 1);
        pairs.append({uriEncode(decodeQueryPart(name), false), uriEncode(decodeQueryPart(value), false)});
    }
    std::sort(pairs.begin(), pairs.end());
    QByteArrayList joined;
    joined.reserve(pairs.size());
    for (const auto &p : std::as_const(pairs))
        joined << p.first + '=' + p.second;
    return joined.join('&');
}

QByteArray canonicalHeaders(const QByteArrayList &signedNames, const HeaderList &headers, QByteArray *missing)
{
    QByteArray out;
    for (const QByteArray &name : signedNames) {
        QByteArrayList values;
        for (const auto &h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                values << trimAll(h.second);
        if (values.isEmpty()) {
            *missing = name;
            return {};
        }
        out += name + ':' + values.join(',') + '\n';
    }
    return out;
}

QByteArray canonicalRequest(const QByteArray &method, const QByteArray &canonicalUri, const QByteArray &canonicalQuery,
    const QByteArray &canonicalHeaders, const QByteArray &signedHeaders, const QByteArray &payloadHashHex)
{
    return method + '\n' + canonicalUri + '\n' + canonicalQuery + '\n' + canonicalHeaders + '\n' + signedHeaders + '\n'
        + payloadHashHex;
}

QByteArray stringToSign(const QByteArray &amzDate, const QByteArray &scope, const QByteArray &canonicalRequest)
{
    return "AWS4-HMAC-SHA256\n" + amzDate + '\n' + scope + '\n' + sha256Hex(canonicalRequest);
}

QByteArray signingKey(
    const QByteArray &secret, const QByteArray &date, const QByteArray &region, const QByteArray &service)
{
    const QByteArray kDate = hmac("AWS4" + secret, date);
    const QByteArray kRegion = hmac(kDate, region);
    const QByteArray kService = hmac(kRegion, service);
    return hmac(kService, "aws4_request");
}

QByteArray signature(const QByteArray &signingKey, const QByteArray &stringToSign)
{
    return hmac(signingKey, stringToSign).toHex();
}

QByteArray sha256Hex(const QByteArray &bytes)
{
    return QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
}

} // namespace tierdesk::sigv4
