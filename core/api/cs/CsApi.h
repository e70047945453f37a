#pragma once

#include "core/api/auth/AuthGate.h"
#include "core/api/common/RateLimiter.h"
#include "core/api/cs/CsErrors.h"
#include "core/api/cs/LoginGuard.h"
#include "core/api/http/HttpResponder.h"
#include "core/api/http/HttpServer.h"
#include "core/engine/SessionEngine.h"
#include "core/engine/access/AgentDirectory.h"
#include "core/engine/access/ApiTokens.h"
#include "core/engine/access/SecondFactors.h"
#include "core/engine/access/SingleSignOn.h"
#include "core/engine/admin/CannedResponses.h"
#include "core/engine/desk/Desk.h"
#include "core/engine/policy/ConfigSimulator.h"

#include <QObject>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

namespace tierdesk {
class AppSettings;
class CallLog;
class Channels;
class KbSources;
class CustomerDirectory;
class SecretStore;
} // namespace tierdesk

namespace tierdesk::api {

struct CsRateLimits {
    bool enabled = true;
    int windowSecs = 60;
    int createSession = 100;
    int messagesPerSession = 60;
    int listSessions = 200;
    int analytics = 20;
    int assist = 30; // agent assist: each may be a paid model call
};

// Agents, login and canned responses (CsAgentRoutes.cpp, CsCannedRoutes.cpp).
struct AgentServices {
    AgentDirectory *agents = nullptr;
    CannedResponses *canned = nullptr;
    LoginGuard *logins = nullptr;
    const Authenticator *tokens = nullptr;
    ApiTokens *apiTokens = nullptr; // POST/GET/DELETE /tokens
    LoginSessions *sessions = nullptr; // every login's session (CsLoginSessionRoutes.cpp)
    SecondFactors *factors = nullptr; // TOTP (CsMfaRoutes.cpp)
    SingleSignOn *signOn = nullptr; // /auth/oidc (CsSignInRoutes.cpp); none: passwords only
    QByteArray setupSecret; // X-Tierdesk-Setup of POST /auth/setup
    qint64 tokenTtlSecs = 43200;
};

// Where a login comes from: how the person proved who they are (password, mfa, oidc), the
// device the console names or the client's User-Agent, and the client's address.
struct SignIn {
    QString method;
    QString device;
    QString address;
};

// Server-wide settings an admin edits over the API (CsSettingsRoutes.cpp): the
// server's tierdesk.ini and secret store.
struct ServerSettingsAccess {
    AppSettings *settings = nullptr;
    SecretStore *secrets = nullptr;
    std::function<bool()> mailActive; // escalation e-mail is being sent now
};

// The canonical CS API (seed 001) under /api/cs, plus webhooks registration.
class CsApi : public QObject {
    Q_OBJECT

public:
    CsApi(SessionEngine &engine, AuthGate &auth, RateLimiter &limiter, CsRateLimits limits, QObject *parent = nullptr);
    // Before install(): the agent routes exist only with an agent desk.
    void setAgentServices(const AgentServices &people) { m_people = people; }
    void setServerSettings(const ServerSettingsAccess &access) { m_serverSettings = access; }
    // The agent desk's routes answer 503 until a desk is set.
    void setDesk(Desk *desk) { m_desk = desk; }
    // Before install(): the customer routes exist only with a directory.
    void setCustomers(CustomerDirectory *customers) { m_customers = customers; }
    // Calls' recordings (GET /sessions/:id/recording); none: every session has none.
    void setCallLog(CallLog *calls) { m_calls = calls; }
    // The inbox channels (/channels, a session's mails and texts); none: those routes answer 503.
    void setChannels(Channels *channels) { m_channels = channels; }
    // A company's help-center sources and file imports (/kb/sources, /kb/files); none: 503.
    void setKnowledgeSources(KbSources *sources) { m_kbSources = sources; }
    void install(http::HttpServer &server);

private:
    // One request in flight: what the handlers share.
    struct Call {
        const http::HttpRequest &req;
        const http::HttpResponder &res;
        Principal who;
        Actor actor;
        QList<QPair<QByteArray, QByteArray>> extraHeaders;
    };
    // A call answered later (after the reply is worded): what answering needs of it
    // (the request's method and path, for the audit of a refusal; its parties).
    struct DeferredCall {
        http::HttpRequest req;
        http::HttpResponder res;
        Principal who;
        Actor actor;
        QList<QPair<QByteArray, QByteArray>> extraHeaders;
        Call call() { return Call{req, res, who, actor, extraHeaders}; }
    };
    static std::shared_ptr<DeferredCall> defer(const Call &c)
    {
        http::HttpRequest kept;
        kept.method = c.req.method;
        kept.path = c.req.path;
        return std::make_shared<DeferredCall>(DeferredCall{std::move(kept), c.res, c.who, c.actor, c.extraHeaders});
    }
    using Handler = void (CsApi::*)(Call &);
    // duringMfaSetup: also for a token that may only set up a second factor (auth.requireMfa).
    http::Handler guarded(Role minimum, Handler h, bool duringMfaSetup = false);
    // A route without a token (login, setup, status).
    http::Handler anonymous(Handler h);

    void createSession(Call &c);
    void getSession(Call &c);
    void listSessions(Call &c);
    void postMessage(Call &c);
    void escalate(Call &c);
    void resolve(Call &c);
    void rateSession(Call &c); // CsRatingRoutes.cpp
    void analytics(Call &c);
    void getConfig(Call &c);
    void putConfig(Call &c);
    void createWebhook(Call &c);
    void listWebhooks(Call &c);
    void deleteWebhook(Call &c);
    void auditLog(Call &c);
    // The agent desk (CsDeskRoutes.cpp).
    void deskQueue(Call &c);
    void deskOverview(Call &c);
    void claim(Call &c);
    void snooze(Call &c);
    void closingMessage(Call &c);
    void listMentions(Call &c);
    void readMention(Call &c);
    void release(Call &c);
    void assign(Call &c);
    void agentMessage(Call &c);
    // A person's reply of the session :id, answered 201 {"message"} (agentMessage, postSessionAttachment).
    void sendAgentReply(Call &c, const AgentReply &r);
    void transfer(Call &c);
    void sessionAction(Call &c);
    bool deskReady(Call &c);
    // GET session's body: notes hidden from a customer's client, the queue item shown to staff.
    QJsonObject sessionJson(Call &c, const Session &s, const MessageWindow &window);
    // 200 with sessionJson and, for staff, the context's orders (perhaps answered later).
    void replySession(Call &c, const Session &s, const MessageWindow &window);
    void sendSession(Call &c, const Result<Session> &s);

    // Agents and login (CsAgentRoutes.cpp).
    void installAgentRoutes(http::Router &r, const QString &base);
    void login(Call &c);
    void loginChecked(
        Call &c, const std::optional<Agent> &agent, const QString &email, const QString &device, bool passwordOk);
    void authStatus(Call &c);
    // Single sign-on with OpenID Connect (CsSignInRoutes.cpp).
    void installSignInRoutes(http::Router &r, const QString &base);
    void getOidcSettings(Call &c);
    void putOidcSettings(Call &c);
    void deleteOidcSettings(Call &c);
    void startOidc(Call &c);
    void oidcCallback(Call &c);
    QString oidcCallbackUrl(const http::HttpRequest &req) const;
    void authSetup(Call &c);
    void authMe(Call &c);
    void listAgents(Call &c);
    void putPresence(Call &c);
    void putMyNotifications(Call &c);
    std::optional<Agent> callingAgent(Call &c); // answers 401/403 itself when none
    // An admin manages agents and API tokens (CsAgentRoutes.cpp, CsTokenRoutes.cpp).
    void createAgent(Call &c);
    // Hashes `password` off the engine thread, then stores the agent and answers 201.
    void storeNewAgent(Call &c, const NewAgent &agent, const QString &password, bool onlyIfFirst,
        std::function<Result<QJsonObject>(const Agent &)> answer);
    void changeAgent(Call &c);
    void setAgentPassword(Call &c);
    int releaseHeldSessions(Call &c, const QString &agentId); // back to their queues; how many
    void createToken(Call &c);
    void createKey(Call &c, const QJsonObject &body, const QString &kind);
    void listTokens(Call &c);
    void revokeToken(Call &c);
    void webhookDeliveries(Call &c); // CsAdminRoutes.cpp
    static constexpr int kDefaultDeliveries = 100;
    static constexpr int kMaxDeliveries = 500;
    // Server-wide SMTP settings (CsSettingsRoutes.cpp).
    void getSmtp(Call &c);
    void putSmtp(Call &c);
    // A login's answer: a new session of `a` and its token (with the agent and company).
    // With mfaSetupOnly the token may only set up a second factor (auth.requireMfa).
    Result<QJsonObject> loginBody(const Agent &a, const SignIn &from, bool mfaSetupOnly = false);
    static SignIn signInFrom(const http::HttpRequest &req, const QString &method, const QString &device = {});
    // A person's login sessions (CsLoginSessionRoutes.cpp).
    void installLoginSessionRoutes(http::Router &r, const QString &base);
    void listMySessions(Call &c);
    void endMySession(Call &c);
    void logout(Call &c);
    void listAgentSessions(Call &c);
    void endAgentSessions(Call &c);
    // A second factor (CsMfaRoutes.cpp).
    void installMfaRoutes(http::Router &r, const QString &base);
    void loginMfa(Call &c);
    void enrolMfa(Call &c);
    void confirmMfa(Call &c);
    void disableMfa(Call &c);
    void removeAgentMfa(Call &c);
    // Companies (CsCompanyRoutes.cpp).
    void installCompanyRoutes(http::Router &r, const QString &base);
    void createCompany(Call &c);
    void getCompany(Call &c);
    void renameCompany(Call &c);
    static QJsonObject companyJson(const Company &c);
    // Canned responses (CsCannedRoutes.cpp).
    void listCanned(Call &c);
    void createCanned(Call &c);
    void getCanned(Call &c);
    void updateCanned(Call &c);
    void deleteCanned(Call &c);
    void renderCanned(Call &c);
    // The company's customers (CsCustomerRoutes.cpp).
    void installCustomerRoutes(http::Router &r, const QString &base);
    void listCustomers(Call &c);
    void getCustomer(Call &c);
    void putCustomer(Call &c);
    void eraseCustomer(Call &c);
    void importCustomers(Call &c);
    // ?name= as a whole number into `into` (left as it is when absent); answers 400 itself.
    bool intParam(Call &c, const char *name, int *into);
    // The knowledge base (CsKbRoutes.cpp).
    void listKb(Call &c);
    void searchKb(Call &c);
    // /kb/sources and /kb/files (CsKbSourceRoutes.cpp).
    bool kbSourcesServed(Call &c);
    std::optional<qint64> kbSourceId(Call &c);
    void listKbSources(Call &c);
    void createKbSource(Call &c);
    void getKbSource(Call &c);
    void syncKbSource(Call &c);
    void deleteKbSource(Call &c);
    void uploadKbFiles(Call &c);
    // /kb/gaps (CsKbGapRoutes.cpp).
    bool gapRange(Call &c, qint64 *fromMs, qint64 *toMs);
    void listKbGaps(Call &c);
    void draftKbGap(Call &c);
    void dismissKbGap(Call &c);
    void getKb(Call &c);
    void createKb(Call &c);
    void updateKb(Call &c);
    void deleteKb(Call &c);
    std::optional<qint64> kbId(Call &c); // answers 404 itself when the path holds no article id
    // Language-model providers (CsAiRoutes.cpp).
    void listProviders(Call &c);
    void addProvider(Call &c);
    void changeProvider(Call &c);
    void removeProvider(Call &c);
    void testProvider(Call &c);
    // The company's own systems (CsConnectorRoutes.cpp).
    void putConnector(Call &c);
    void listConnectors(Call &c);
    void deleteConnector(Call &c);
    void testConnector(Call &c);
    void connectorCalls(Call &c);
    void connectorWebhook(Call &c);
    std::optional<QString> connectorCompany(Call &c); // answers 400/404 itself
    // The inbox channels (CsChannelRoutes.cpp).
    void putEmailChannel(Call &c);
    void getEmailChannel(Call &c);
    void deleteEmailChannel(Call &c);
    void inboundEmail(Call &c);
    void pollEmail(Call &c);
    void putTwilioChannel(Call &c);
    void getTwilioChannel(Call &c);
    void deleteTwilioChannel(Call &c);
    void getWebChannel(Call &c);
    void putWebChannel(Call &c);
    void newWebIdentitySecret(Call &c);
    // The <script> tag that puts the company's chat on a page (its widget key, made when
    // `makeKey` and it has none); empty without a key.
    QString webSnippet(Call &c, const QString &companyId, bool makeKey);
    void sessionChannel(Call &c);
    void sessionFile(Call &c);
    // Files sent in a web chat conversation (CsAttachmentRoutes.cpp).
    void postSessionAttachment(Call &c);
    void sessionAttachment(Call &c);
    bool channelsReady(Call &c); // answers 503 itself
    // Agent assist (CsAssistRoutes.cpp).
    void assist(Call &c);
    // A call's recording (CsRecordingRoutes.cpp): whole up to kMaxRecordingBytes, a range up to
    // kMaxRecordingPartBytes of it; read off the engine thread, kMaxRecordingReads at a time.
    void recording(Call &c);
    static constexpr qint64 kMaxRecordingBytes = 32LL << 20; // about 8.7 minutes of a call
    static constexpr qint64 kMaxRecordingPartBytes = 8LL << 20;
    static constexpr int kMaxRecordingReads = 4;
    // The what-if of a config change (CsSimulateRoutes.cpp).
    void simulateConfig(Call &c);
    bool simulationPeriod(Call &c, const QJsonValue &period, qint64 *startMs, qint64 *endMs);

    static QString queryParam(const http::HttpRequest &req, const char *name)
    {
        return req.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    }
    // Helpers: each answers the request itself and returns false on failure.
    std::optional<QJsonObject> jsonBody(Call &c);
    bool rateLimit(Call &c, const QString &rule, const QString &subject, int limit);
    std::optional<QString> companyParam(Call &c, const QString &value);
    // ?messageLimit= and ?messagesBefore= of Get Session.
    bool messageWindowParams(Call &c, MessageWindow *window);
    // A JSON body naming the caller's own company in "companyId".
    std::optional<QJsonObject> companyBody(Call &c);
    void fail(Call &c, const http::HttpResponse &error);
    void fail(Call &c, const Error &error) { fail(c, cs::error(error)); }
    // Sends once every write so far is committed: an acknowledged write is durable.
    void reply(Call &c, http::HttpResponse response);

    SessionEngine &m_engine;
    AuthGate &m_auth;
    RateLimiter &m_limiter;
    CsRateLimits m_limits;
    AgentServices m_people;
    ServerSettingsAccess m_serverSettings;
    // The secret store may spin a local event loop (the keyring): never on the
    // engine thread, and one call at a time.
    QThreadPool m_secretPool;
    QThreadPool m_probePool; // provider tests: each waits on the network for up to its timeout
    Desk *m_desk = nullptr;
    CustomerDirectory *m_customers = nullptr;
    CallLog *m_calls = nullptr;
    Channels *m_channels = nullptr;
    KbSources *m_kbSources = nullptr;
    QThreadPool m_recordingPool; // recordings are read here, and mails handed in are parsed
    int m_recordingReads = 0;
    std::unique_ptr<ConfigSimulator> m_simulator; // made on first use
};

} // namespace tierdesk::api
