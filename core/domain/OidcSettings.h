#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace tierdesk {

// A company's single sign-on with OpenID Connect (PUT /api/cs/auth/oidc): its provider and client,
// who may come in (the e-mail domains) and with which role (the role map over one claim).
struct OidcSettings {
    QString companyId;
    QString issuer; // exactly as the provider names itself
    QString clientId;
    QByteArray clientSecret; // plain here; sealed in the database
    QStringList allowedDomains; // lower-case
    QString roleClaim; // empty: no role from the provider
    QMap<QString, QString> roleMap; // claim value -> agent | supervisor | admin
    QString defaultRole = QStringLiteral("agent");
    bool createAgents = false;
    bool passwordLogin = true; // false: the company's agents sign in only through the provider
    QString breakGlassAgentId; // the one admin who keeps a password when passwordLogin is false
    qint64 updatedAt = 0; // ms
};

// A sign-in under way: from the authorization request to the provider's callback, by its state.
struct OidcFlow {
    QString state;
    QString companyId;
    QString nonce;
    QString codeVerifier;
    QString redirect; // where the login token goes (a loopback URL of the console or a script)
    QString device;
    qint64 createdAt = 0; // ms
    qint64 expiresAt = 0; // ms
};

} // namespace tierdesk
