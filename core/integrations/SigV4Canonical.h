#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QPair>

// The pieces of an AWS Signature Version 4 canonical request, as AWS documents
// them ("Create a canonical request for Signature Version 4") for every service
// but S3, and as botocore's SigV4Auth and npm aws4 compute them.
namespace tierdesk::sigv4 {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// RFC 3986 percent-encoding: A-Z a-z 0-9 - _ . ~ stay, every other byte is
// %XX with upper-case hex; '/' stays too when keepSlash.
QByteArray uriEncode(const QByteArray &bytes, bool keepSlash);

// The path as sent on the wire (still percent-encoded) with "." and ".."
// segments and repeated slashes removed, then encoded once more: AWS encodes
// each path segment twice for services other than S3.
QByteArray canonicalUri(const QByteArray &rawPath);

// The query as sent: each name and value decoded ('+' is a space, as the SDKs
// send it) and encoded again by uriEncode, sorted by name then value, joined
// with '&'. Empty pieces ("a=1&&b=2") are skipped.
QByteArray canonicalQuery(const QByteArray &rawQuery);

// "name:value\n" for each signed header name (lower case, in the order signed):
// the values of every header of that name (any case), trimmed, inner runs of
// white space made one space, joined with ','. *missing gets the first signed
// name the request does not have (and the result is then empty).
QByteArray canonicalHeaders(const QByteArrayList &signedNames, const HeaderList &headers, QByteArray *missing);

QByteArray canonicalRequest(const QByteArray &method, const QByteArray &canonicalUri, const QByteArray &canonicalQuery,
    const QByteArray &canonicalHeaders, const QByteArray &signedHeaders, const QByteArray &payloadHashHex);

// "AWS4-HMAC-SHA256\n<amzDate>\n<scope>\n<hex sha256 of the canonical request>".
QByteArray stringToSign(const QByteArray &amzDate, const QByteArray &scope, const QByteArray &canonicalRequest);

// HMAC-SHA256 chain: "AWS4"+secret -> date (yyyyMMdd) -> region -> service -> "aws4_request".
QByteArray signingKey(
    const QByteArray &secret, const QByteArray &date, const QByteArray &region, const QByteArray &service);

// Lower-case hex of HMAC-SHA256(signingKey, stringToSign).
QByteArray signature(const QByteArray &signingKey, const QByteArray &stringToSign);

QByteArray sha256Hex(const QByteArray &bytes);

} // namespace tierdesk::sigv4
