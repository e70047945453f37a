#pragma once

#include "core/engine/access/OidcProviders.h"
#include "core/engine/access/SsoAdmission.h"
#include "core/integrations/oidc/OidcProviderClient.h"

#include <QObject>
#include <QThreadPool>
#include <QUrl>

#include <functional>
#include <memory>

namespace tierdesk {

// A sign-in to start (GET /api/cs/auth/oidc/start).
struct SsoStart {
    QString companyId;
    QString redirect; // where the login token goes: a loopback http URL
    QString loginHint;
    QString device;
    QString callbackUrl; // this server's callback, the redirect_uri the provider is given
    QString clientAddress;
};

// The provider's answer to finish it (GET /api/cs/auth/oidc/callback).
struct SsoCallback {
    QString state;
    QString code;
    QString providerError; // the provider's error=, when it refused
    QString issuer; // the provider's iss= (RFC 9207), when it names itself
    QString callbackUrl; // the same redirect_uri as the start's
    QString clientAddress;
};

// How a sign-in ended: the agent, or why not; and where to tell it (empty when the state named no
// sign-in under way: there is nowhere to send the answer then).
struct SsoOutcome {
    QString redirect;
    QString device; // what the start named
    QString issuer; // the provider's, and who it said the person is
    QString subject;
    Result<Agent> agent = makeError(ErrorKind::Internal, QStringLiteral("not finished"));
};

// Single sign-on with OpenID Connect (DESIGN.md, "Staff sign-in"): the authorization code flow
// with PKCE (S256), state and nonce. start() remembers the sign-in (OidcFlowRepo, any instance may
// finish it) and gives the provider's authorization URL; finish() takes it once, redeems the code
// and checks the ID token (OidcProviderClient) off the engine thread, then admits the person
// (SsoAdmission). The engine thread never waits on the provider: `done` is called on `context`'s
// thread later.
class SingleSignOn : public QObject {
    Q_OBJECT

public:
    static constexpr qint64 kFlowTtlMs = 10 * 60 * 1000;
    static constexpr int kMaxPendingFlows = 1000; // per company: starts beyond are refused
    static constexpr int kMaxThreads = 4; // provider calls at once
    static constexpr int kMaxRedirectChars = 2048;
    static constexpr int kMaxHintChars = 254;
    static constexpr int kMaxDeviceChars = 100;
    static constexpr int kMaxStateChars = 128;
    static constexpr int kMaxCodeChars = 2048;

    SingleSignOn(
        SessionEngine &engine, AgentDirectory &agents, std::shared_ptr<OutboundHttp> http, QObject *parent = nullptr);
    ~SingleSignOn() override;

    OidcProviders &settings() { return m_settings; }
    // Where a login token may be handed: http to this machine's loopback (RFC 8252, 7.3), so
    // a sign-in can never send someone's token to another site.
    static bool isLoopbackRedirect(const QUrl &url);

    void start(const SsoStart &request, QObject *context, std::function<void(Result<QUrl>)> done);
    void finish(const SsoCallback &callback, QObject *context, std::function<void(SsoOutcome)> done);
    // Audits a finished sign-in whose login session `sessionId` is open.
    void recordLogin(const SsoOutcome &outcome, const QString &clientAddress, const QString &sessionId);

private:
    Result<OidcFlow> newFlow(const SsoStart &request);
    static QUrl authorizeUrl(
        const ProviderMetadata &provider, const OidcSettings &s, const OidcFlow &flow, const SsoStart &request);
    Result<OidcFlow> takeFlow(const QString &state);

    SessionEngine &m_engine;
    OidcProviders m_settings;
    SsoAdmission m_admission;
    std::shared_ptr<OidcProviderClient> m_client;
    QThreadPool m_pool;
};

} // namespace tierdesk
