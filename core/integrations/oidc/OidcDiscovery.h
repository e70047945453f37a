#pragma once

#include "core/common/Result.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

namespace tierdesk {

// What a provider's discovery document ({issuer}/.well-known/openid-configuration) says that a
// sign-in needs.
struct ProviderMetadata {
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
};

// Reads a discovery document (OpenID Connect Discovery 1.0, section 3): the issuer must be exactly
// the one configured (section 4.3), and the three endpoints present, each https or plain http on
// a loopback address (a provider on this machine, as tests and some deployments run one).
class OidcDiscovery {
public:
    static constexpr int kMaxDocumentBytes = 256 * 1024;
    static constexpr int kMaxUrlChars = 2048;

    static Result<ProviderMetadata> parse(const QByteArray &json, const QString &expectedIssuer);
    // Where the document of `issuer` is: the issuer with "/.well-known/openid-configuration" after it.
    static QUrl documentUrl(const QString &issuer);
    // https, or http to 127.0.0.0/8, ::1 or "localhost"; no user info and no fragment.
    static bool secureOrLoopback(const QUrl &url);
    // A host that names this machine: localhost, 127.0.0.0/8 or ::1.
    static bool isLoopbackHost(const QString &host);
};

} // namespace tierdesk
