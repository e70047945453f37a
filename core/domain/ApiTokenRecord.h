#pragma once

#include <QByteArray>
#include <QCryptographicHash>
#include <QString>

namespace tierdesk {

// The kinds of credentials in the api_tokens table.
namespace tokenkind {
inline const QString Jwt = QStringLiteral("jwt"); // a signed bearer token (/api/cs)
inline const QString SigV4 = QStringLiteral("sigv4"); // an AWS SigV4 access key (platform services)
inline const QString ApiKey = QStringLiteral("apikey"); // an X-API-Key (support agent API)
inline const QString Widget = QStringLiteral("widget"); // a company's public chat widget key
} // namespace tokenkind

// An API token or key: what it is, never a secret in plain text. A JWT is not
// kept at all (only its "jti" = id); an API key only as its SHA-256; a SigV4
// secret sealed with the data key; a widget key is public and kept as it is.
struct ApiTokenRecord {
    QString id; // "tok_..."; a JWT's "jti"
    QString companyId;
    QString name;
    QString role; // client, agent, supervisor, admin; "visitor" for widget keys
    QString customerId; // client tokens only
    QString createdBy; // the admin's subject
    qint64 createdAt = 0; // ms
    qint64 expiresAt = 0; // ms; 0: never (keys made without a ttl)
    qint64 revokedAt = 0; // ms; 0 while valid
    QString kind = tokenkind::Jwt;
    // What a request presents, as stored: the access key id (sigv4), the SHA-256
    // hex of the key (apikey), the key (widget); empty for a JWT.
    QString lookup;
    QString keyPrefix; // apikey: the key's first characters, for lists
    QString region; // sigv4: the one region the key signs for
    QByteArray sealedSecret; // sigv4: the secret access key as stored (SecretBox)
    // sigv4: the secret access key in plain text, only in what
    // ApiTokens::sigv4Key() hands a verifier; never stored, never listed.
    QByteArray secret;

    bool expired(qint64 nowMs) const { return expiresAt != 0 && expiresAt <= nowMs; }
};

// How an API key is kept and looked up: SHA-256, lower-case hex. A key is 256
// random bits, so a fast hash is enough (no guessing to slow down).
inline QByteArray apiKeyHash(const QByteArray &key)
{
    return QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex();
}

} // namespace tierdesk
