#include "core/engine/access/SingleSignOn.h"

#include "core/common/Validation.h"
#include "core/integrations/oidc/Pkce.h"

#include <QFutureWatcher>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QtConcurrent/QtConcurrentRun>

namespace tierdesk {

namespace {

// `work` on `pool`, then `done(result)` on `context`'s thread.
template <typename T, typename Work, typename Done>
void onPool(QObject *context, QThreadPool &pool, Work work, Done done)
{
    auto *watcher = new QFutureWatcher<T>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run(&pool, std::move(work)));
}

Error unknownFlow()
{
    return makeError(ErrorKind::InvalidArgument, QStringLiteral("This sign-in is unknown, expired or finished already"),
        {{QStringLiteral("field"), QStringLiteral("state")}});
}

} // namespace

SingleSignOn::SingleSignOn(
    SessionEngine &engine, AgentDirectory &agents, std::shared_ptr<OutboundHttp> http, QObject *parent)
    : QObject(parent), m_engine(engine), m_settings(engine), m_admission(engine, agents),
      m_client(std::make_shared<OidcProviderClient>(std::move(http), engine.clock()))
{
    m_pool.setMaxThreadCount(kMaxThreads);
}

SingleSignOn::~SingleSignOn()
{
    m_pool.waitForDone();
}

bool SingleSignOn::isLoopbackRedirect(const QUrl &url)
{
    return url.isValid() && url.scheme() == QLatin1String("http") && url.userInfo().isEmpty() && !url.hasFragment()
        && url.port() > 0 && OidcDiscovery::isLoopbackHost(url.host()) && url.toString().size() <= kMaxRedirectChars;
}

Result<OidcFlow> SingleSignOn::newFlow(const SsoStart &r)
{
    if (!isLoopbackRedirect(QUrl(r.redirect, QUrl::StrictMode)))
        return invalidField(QStringLiteral("redirect"),
            QStringLiteral("redirect must be an http URL on this machine's loopback with a port "
                           "(http://127.0.0.1:<port>/...)"));
    if (r.loginHint.size() > kMaxHintChars || hasControlCharacters(r.loginHint))
        return invalidField(QStringLiteral("loginHint"), QStringLiteral("loginHint must be at most 254 characters"));
    if (r.device.size() > kMaxDeviceChars || hasControlCharacters(r.device))
        return invalidField(QStringLiteral("device"), QStringLiteral("device must be at most 100 characters"));
    Store &store = m_engine.core().store();
    const qint64 now = m_engine.clock().nowMs();
    if (store.oidcFlows().pending(r.companyId, now) >= kMaxPendingFlows)
        return makeError(ErrorKind::LimitExceeded, QStringLiteral("Too many sign-ins under way; try again later"),
            {{QStringLiteral("retryAfter"), int(kFlowTtlMs / 1000)}});
    OidcFlow flow;
    flow.state = QString::fromLatin1(Pkce::newToken());
    flow.nonce = QString::fromLatin1(Pkce::newToken());
    flow.codeVerifier = QString::fromLatin1(Pkce::newVerifier());
    if (flow.state.isEmpty() || flow.nonce.isEmpty() || flow.codeVerifier.isEmpty())
        return makeError(ErrorKind::Internal, QStringLiteral("no random numbers for a sign-in"));
    flow.companyId = r.companyId;
    flow.redirect = r.redirect;
    flow.device = r.device;
    flow.createdAt = now;
    flow.expiresAt = now + kFlowTtlMs;
    return flow;
}

QUrl SingleSignOn::authorizeUrl(
    const ProviderMetadata &provider, const OidcSettings &s, const OidcFlow &flow, const SsoStart &r)
{
    QStringList scopes{QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("profile")};
    // Providers that put groups in a token do so for a scope of that name (Okta, Keycloak, ...).
    static const QRegularExpression scopeName(QStringLiteral("^[A-Za-z0-9_.:-]+$"));
    if (!s.roleClaim.isEmpty() && scopeName.match(s.roleClaim).hasMatch() && !scopes.contains(s.roleClaim))
        scopes << s.roleClaim;
    QUrl url = provider.authorizationEndpoint;
    QUrlQuery q(url);
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), s.clientId);
    q.addQueryItem(QStringLiteral("redirect_uri"), r.callbackUrl);
    q.addQueryItem(QStringLiteral("scope"), scopes.join(QLatin1Char(' ')));
    q.addQueryItem(QStringLiteral("state"), flow.state);
    q.addQueryItem(QStringLiteral("nonce"), flow.nonce);
    q.addQueryItem(
        QStringLiteral("code_challenge"), QString::fromLatin1(Pkce::challengeOf(flow.codeVerifier.toLatin1())));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    if (!r.loginHint.isEmpty())
        q.addQueryItem(QStringLiteral("login_hint"), r.loginHint);
    // Each value fully encoded: a '+' or '&' in one must not change its meaning at the provider.
    QUrlQuery encoded;
    for (const auto &item : q.queryItems(QUrl::FullyDecoded))
        encoded.addQueryItem(QString::fromLatin1(QUrl::toPercentEncoding(item.first)),
            QString::fromLatin1(QUrl::toPercentEncoding(item.second)));
    url.setQuery(encoded);
    return url;
}

void SingleSignOn::start(const SsoStart &r, QObject *context, std::function<void(Result<QUrl>)> done)
{
    const auto s = m_settings.get(r.companyId);
    if (!s)
        return done(s.error());
    auto flow = newFlow(r);
    if (!flow)
        return done(flow.error());
    onPool<Result<ProviderMetadata>>(
        context, m_pool, [client = m_client, issuer = s->issuer] { return client->metadata(issuer); },
        [this, r, settings = *s, flow = *flow, done](const Result<ProviderMetadata> &provider) {
            if (!provider)
                return done(provider.error());
            Store &store = m_engine.core().store();
            const Status stored = store.batch().run([&]() -> Status {
                store.oidcFlows().removeExpired(m_engine.clock().nowMs());
                return store.oidcFlows().insert(flow);
            });
            if (!stored)
                return done(stored.error());
            done(authorizeUrl(*provider, settings, flow, r));
        });
}

Result<OidcFlow> SingleSignOn::takeFlow(const QString &state)
{
    if (state.isEmpty() || state.size() > kMaxStateChars)
        return unknownFlow();
    Store &store = m_engine.core().store();
    std::optional<OidcFlow> flow;
    const bool ran = store.batch().run([&] {
        flow = store.oidcFlows().take(state, m_engine.clock().nowMs());
        return true;
    });
    if (!ran)
        return store.batch().failure(QStringLiteral("could not read the sign-in"));
    if (!flow)
        return unknownFlow();
    return *flow;
}

void SingleSignOn::finish(const SsoCallback &cb, QObject *context, std::function<void(SsoOutcome)> done)
{
    SsoOutcome out;
    const auto flow = takeFlow(cb.state);
    if (!flow) {
        out.agent = flow.error();
        return done(out);
    }
    out.redirect = flow->redirect;
    out.device = flow->device;
    const auto s = m_settings.get(flow->companyId);
    QString refusal;
    if (!s)
        refusal = QStringLiteral("the company has no single sign-on");
    else if (!cb.issuer.isEmpty() && cb.issuer != s->issuer) // RFC 9207: an answer of another provider
        refusal = QStringLiteral("the answer came from another identity provider");
    else if (!cb.providerError.isEmpty())
        refusal = QStringLiteral("the identity provider refused the sign-in (%1)").arg(cb.providerError.left(64));
    else if (cb.code.isEmpty() || cb.code.size() > kMaxCodeChars)
        refusal = QStringLiteral("the identity provider gave no code");
    if (!refusal.isEmpty()) {
        m_admission.refused(flow->companyId, QString(), QString(), refusal, cb.clientAddress);
        out.agent = makeError(ErrorKind::Forbidden, QStringLiteral("Single sign-on refused: ") + refusal,
            {{QStringLiteral("reason"), refusal}});
        return done(out);
    }
    CodeGrant grant;
    grant.issuer = s->issuer;
    grant.clientId = s->clientId;
    grant.clientSecret = s->clientSecret;
    grant.code = cb.code;
    grant.redirectUri = cb.callbackUrl;
    grant.codeVerifier = flow->codeVerifier.toLatin1();
    grant.nonce = flow->nonce.toUtf8();
    onPool<Result<QJsonObject>>(
        context, m_pool, [client = m_client, grant] { return client->redeem(grant); },
        [this, out, settings = *s, address = cb.clientAddress, done](const Result<QJsonObject> &claims) {
            SsoOutcome result = out;
            if (!claims) {
                m_admission.refused(settings.companyId, QString(), QString(), claims.error().message, address);
                result.agent = claims.error();
                return done(result);
            }
            result.issuer = settings.issuer;
            result.subject = claims->value(QLatin1String("sub")).toString().left(SsoAdmission::kMaxSubjectChars);
            result.agent = m_admission.admit(settings, *claims, address);
            done(result);
        });
}

void SingleSignOn::recordLogin(const SsoOutcome &outcome, const QString &clientAddress, const QString &sessionId)
{
    if (outcome.agent)
        m_admission.signedIn(*outcome.agent, outcome.issuer, outcome.subject, clientAddress, sessionId);
}

} // namespace tierdesk
