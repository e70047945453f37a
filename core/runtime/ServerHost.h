#pragma once

#include "core/api/auth/AuthGate.h"
#include "core/api/common/ApiFamily.h"
#include "core/api/cs/LoginGuard.h"
#include "core/api/http/HttpServer.h"
#include "core/integrations/OutboundHttp.h"
#include "core/integrations/WebhookDispatcher.h"
#include "core/runtime/EscalationEmails.h"
#include "core/runtime/MailSpool.h"
#include "core/runtime/PlatformEmails.h"
#include "core/runtime/Runtime.h"
#include "core/runtime/SipDoor.h"
#include "core/runtime/TeamLeader.h"
#include "core/runtime/TwilioInboxLink.h"
#include "core/runtime/WeeklySummaries.h"
#include "core/store/OutboxLease.h"
#include "core/voice/calls/CallCenter.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace tierdesk::api {

struct ServerOptions {
    QHostAddress host = QHostAddress::LocalHost;
    quint16 port = 8080;
    bool rateLimits = true;
    std::optional<quint16> sipPort{}; // also answer SIP calls on UDP and TCP here (0: a free port)
};

// The embedded server around one Runtime: every API family on one HTTP server, the
// webhook dispatcher, escalation e-mail and the idle-session sweep. Everything here runs on the
// thread that owns the Runtime (the engine thread).
class ServerHost : public QObject {
    Q_OBJECT

    // INVITEs being decided beyond the calls at once (those answer 486 from the CallCenter).
    static constexpr int kSipDecidingCalls = 16;

public:
    ServerHost(Runtime &runtime, ServerOptions options, QObject *parent = nullptr);
    ~ServerHost() override;

    // Unavailable when the address cannot be listened on; Internal when the built-in
    // OpenAPI fragments do not merge (a defect).
    Status start();
    void stop();
    quint16 port() const;
    quint16 sipPort() const; // 0: no SIP door
    QString baseUrl() const;
    http::HttpServer &http() { return *m_http; }
    // Made at construction, kept in memory only: whoever can read it (the
    // console that started this server) may create the first admin
    // (POST /api/cs/auth/setup). 32 random bytes, base64url.
    const QByteArray &setupSecret() const { return m_setupSecret; }
    // The weekly summaries by e-mail; null while no SMTP server is configured.
    WeeklySummaries *weeklySummaries() { return m_weekly.get(); }

private:
    void makeSharedParts();
    std::unique_ptr<ApiFamily> makeCsFamily();
    std::unique_ptr<ApiFamily> makeChatFamily();
    std::unique_ptr<ApiFamily> makeAgentFamily(); // seed 002
    std::unique_ptr<ApiFamily> makePlatformFamily(); // seed 000
    std::unique_ptr<ApiFamily> makeLexFamily(); // seed 004's Lex V2 runtime
    std::unique_ptr<ApiFamily> makeTwilioFamily(); // SMS and WhatsApp
    QString publicUrl() const; // server/publicUrl without a trailing slash
    voice::CallCenter &callCenter(); // made the first time a family asks
    void installFamilies();
    Status startSip();
    void startBackgroundWork();
    // The timers that run once for a team (the SLA round, the abandon sweep) run here or stop.
    void runTimers(bool here);

    Runtime &m_runtime;
    ServerOptions m_options;
    std::unique_ptr<RateLimiter> m_limiter;
    std::unique_ptr<AuthGate> m_authGate;
    std::unique_ptr<LoginGuard> m_logins;
    QByteArray m_setupSecret;
    std::unique_ptr<voice::CallCenter> m_calls; // every door's calls: outlives the families whose calls use it
    std::unique_ptr<http::HttpServer> m_http;
    std::unique_ptr<TwilioInboxLink> m_twilioInbox; // before m_families: the Twilio family uses it
    std::vector<std::unique_ptr<ApiFamily>> m_families;
    std::unique_ptr<SipDoor> m_sip; // after m_calls: its calls end into the CallCenter
    std::unique_ptr<CurlOutboundHttp> m_outbound;
    std::unique_ptr<OutboxLease> m_lease; // team mode: before m_dispatcher, which uses it
    std::unique_ptr<WebhookDispatcher> m_dispatcher;
    std::unique_ptr<MailSpool> m_spool; // mail handed in by `tierdesk mail deliver` beside this server
    std::unique_ptr<EscalationEmails> m_emails;
    std::unique_ptr<PlatformEmails> m_platformEmails; // after m_emails: it sends through its SMTP client
    std::unique_ptr<WeeklySummaries> m_weekly; // after m_emails, likewise
    int m_weeklyCheckSeconds = 0;
    QTimer m_sweep;
    std::unique_ptr<TeamLeader> m_leader;
    int m_slaCheckMs = 0;
};

} // namespace tierdesk::api
