#pragma once

#include "core/domain/OidcSettings.h"
#include "core/engine/SessionEngine.h"

#include <optional>

namespace tierdesk {

// What an admin sends to set the company's single sign-on (PUT /api/cs/auth/oidc); the API
// checks the types, check() the rest.
struct OidcSettingsChange {
    QString issuer;
    QString clientId;
    std::optional<QByteArray> clientSecret; // none: the stored one is kept (required the first time)
    QStringList allowedDomains;
    QString roleClaim;
    QMap<QString, QString> roleMap;
    QString defaultRole = QStringLiteral("agent");
    bool createAgents = false;
    bool passwordLogin = true;
    std::optional<QString> breakGlassAgentId; // none: kept; empty: no break-glass admin
};

// A company's single sign-on settings, on the engine thread: its OpenID provider and client, which
// e-mail domains come in with which role, and whether its people may still use passwords.
// Every change is audited (never the secret); the secret never leaves through get().
class OidcProviders {
public:
    static constexpr int kMaxUrlChars = 512;
    static constexpr int kMaxClientIdChars = 256;
    static constexpr int kMaxSecretChars = 1024;
    static constexpr int kMaxDomains = 50;
    static constexpr int kMaxDomainChars = 253;
    static constexpr int kMaxClaimChars = 256;
    static constexpr int kMaxRoleMapEntries = 100;

    explicit OidcProviders(SessionEngine &engine);

    // NotFound when the company has no single sign-on (or does not exist).
    Result<OidcSettings> get(const QString &companyId);
    // Checks and stores: InvalidArgument naming the field at fault.
    Result<OidcSettings> put(const QString &companyId, const OidcSettingsChange &change, const Actor &actor);
    // Turns single sign-on off (passwords work again); NotFound when the company had none.
    Status remove(const QString &companyId, const Actor &actor);
    // Whether this agent may log in with a password: yes unless the company's single sign-on turned
    // passwords off and the agent is not its break-glass admin.
    bool passwordLoginAllowed(const Agent &agent);

    // "agent" < "supervisor" < "admin"; 0 for anything else.
    static int roleRank(const QString &role);

private:
    Result<OidcSettings> check(
        const QString &companyId, const OidcSettingsChange &change, const std::optional<OidcSettings> &stored);

    SessionEngine &m_engine;
    Store &m_store;
};

} // namespace tierdesk
