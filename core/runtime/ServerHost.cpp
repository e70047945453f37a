#include "core/runtime/ServerHost.h"

#include "core/engine/channels/SessionFiles.h"
#include "core/engine/knowledge/KbSources.h"

#include "core/store/OutboxLease.h"

#include "core/api/agent/AgentFamily.h"
#include "core/api/chat/ChatFamily.h"
#include "core/api/common/OpenApiDocument.h"
#include "core/api/cs/CsErrors.h"
#include "core/api/cs/CsFamily.h"
#include "core/api/lex/LexFamily.h"
#include "core/api/platform/PlatformFamily.h"
#include "core/api/twilio/TwilioFamily.h"

#include <QRandomGenerator>
#include <QRegularExpression>

namespace tierdesk::api {

ServerHost::ServerHost(Runtime &runtime, ServerOptions options, QObject *parent)
    : QObject(parent), m_runtime(runtime), m_options(options)
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(
        reinterpret_cast<quint32 *>(raw.data()), reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    m_setupSecret = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

ServerHost::~ServerHost()
{
    stop();
}

// Each family's routes and error body under its prefixes (matched by whole path segments);
// a path under no family's prefix answers in the canonical CS API's error body.
void ServerHost::installFamilies()
{
    for (const auto &family : m_families) {
        family->install(*m_http);
        for (const QString &prefix : family->pathPrefixes())
            m_http->setErrorFormatter(
                prefix, [f = family.get()](int status, const QString &message, const QString &path) {
                    return f->serverError(status, message, path);
                });
    }
    m_http->setErrorFormatter(QString(), &cs::serverError);
}

namespace {

http::HttpLimits httpLimits(AppSettings &s)
{
    http::HttpLimits limits;
    limits.maxBodyBytes = s.value(settings::HttpMaxBodyBytes).toLongLong();
    limits.idleTimeoutMs = s.intValue(settings::HttpIdleTimeoutSeconds) * 1000;
    limits.requestTimeoutMs = s.intValue(settings::HttpRequestTimeoutSeconds) * 1000;
    limits.maxConnections = s.intValue(settings::HttpMaxConnections);
    limits.maxConnectionsPerAddress = s.intValue(settings::HttpMaxConnectionsPerAddress);
    limits.maxUnsentBytes = s.value(settings::HttpMaxUnsentBytes).toLongLong();
    limits.writeTimeoutMs = s.intValue(settings::HttpWriteTimeoutSeconds) * 1000;
    // A customer import is a file of up to CustomerImport::kMaxBytes.
    limits.fileBodyPaths = {QStringLiteral("/api/cs/customers/import")};
    limits.maxFileBodyBytes = qMax(limits.maxBodyBytes, CustomerImport::kMaxBytes);
    // Lex's RecognizeUtterance carries the caller's audio.
    limits.pathBodyLimits.append(
        {LexFamily::utterancePath(), qMax(limits.maxBodyBytes, LexFamily::kMaxUtteranceBytes)});
    // A mail handed in by a mail server (its headers alone are read when over the mailbox's limit).
    limits.pathBodyLimits.append({QRegularExpression(QStringLiteral("^/api/cs/channels/email/inbound$")),
        qMax(limits.maxBodyBytes, MailInbox::kMaxDeliveredBytes)});
    limits.pathBodyLimits.append(TwilioFamily::bodyLimit());
    // Files given to the knowledge base: several PDFs of up to 20 MB each.
    limits.pathBodyLimits.append({QRegularExpression(QStringLiteral("^/api/cs/kb/files$")),
        qMax(limits.maxBodyBytes, KbFileImport::kMaxUploadBytes)});
    // A file sent in a web chat conversation, by its visitor or a person at the desk.
    limits.pathBodyLimits.append({QRegularExpression(QStringLiteral("^/api/(v1/chat|cs/sessions/[^/]+)/attachments$")),
        qMax(limits.maxBodyBytes, SessionFiles::kMaxUploadBytes)});
    return limits;
}

CsRateLimits csRateLimits(AppSettings &s, bool wanted)
{
    CsRateLimits rates;
    rates.enabled = wanted && s.boolValue(settings::RateLimitEnabled);
    rates.windowSecs = qMax(1, s.intValue(settings::RateLimitWindowSeconds));
    rates.createSession = s.intValue(settings::RateLimitCreateSession);
    rates.messagesPerSession = s.intValue(settings::RateLimitMessages);
    rates.listSessions = s.intValue(settings::RateLimitListSessions);
    rates.analytics = s.intValue(settings::RateLimitAnalytics);
    rates.assist = s.intValue(settings::RateLimitAssist);
    return rates;
}

} // namespace

// What every family shares: rate limits, authentication with its throttle, agent logins.
void ServerHost::makeSharedParts()
{
    AppSettings &s = m_runtime.settings();
    SessionEngine &engine = m_runtime.engine();
    m_limiter = std::make_unique<RateLimiter>(engine.clock());
    AuthThrottle throttle;
    throttle.enabled = s.boolValue(settings::AuthThrottleEnabled);
    throttle.maxFailures = s.intValue(settings::AuthMaxFailures);
    throttle.windowSecs = s.intValue(settings::AuthFailureWindowSeconds);
    m_authGate = std::make_unique<AuthGate>(m_runtime.auth(), engine, throttle);
    engine.setMaxMessagesPerSession(s.intValue(settings::MaxMessagesPerSession));
    engine.setReplyTimeoutMs(qBound(1, s.intValue(settings::ReplyTimeoutMs), 600000));
    engine.setMaxModelCalls(qBound(1, s.intValue(settings::AiMaxConcurrent), 256));
    engine.connectors().setMaxConcurrent(qBound(1, s.intValue(settings::ConnectorsMaxConcurrent), 256));
    engine.connectors().tickets().setRetryDelayMs(qBound(0, s.intValue(settings::ConnectorsTicketRetryMs), 600000));
    m_logins = std::make_unique<LoginGuard>(
        engine.clock(), s.intValue(settings::AuthLoginFailuresPerWindow), s.intValue(settings::AuthLoginWindowSeconds));
}

std::unique_ptr<ApiFamily> ServerHost::makeCsFamily()
{
    AppSettings &s = m_runtime.settings();
    CsServices cs;
    cs.engine = &m_runtime.engine();
    cs.auth = m_authGate.get();
    cs.limiter = m_limiter.get();
    cs.limits = csRateLimits(s, m_options.rateLimits);
    cs.people.agents = &m_runtime.agents();
    cs.people.canned = &m_runtime.canned();
    cs.people.logins = m_logins.get();
    cs.people.tokens = &m_runtime.auth();
    cs.people.apiTokens = &m_runtime.apiTokens();
    cs.people.sessions = &m_runtime.loginSessions();
    cs.people.factors = &m_runtime.secondFactors();
    cs.people.signOn = &m_runtime.singleSignOn();
    cs.people.setupSecret = m_setupSecret;
    cs.people.tokenTtlSecs
        = qBound<qint64>(60, s.value(settings::AuthAgentTokenTtlSeconds).toLongLong(), 366LL * 86400);
    cs.desk = &m_runtime.desk();
    cs.customers = &m_runtime.customers();
    cs.channels = &m_runtime.channels();
    cs.kbSources = &m_runtime.kbSources();
    cs.callLog = &m_runtime.calls();
    cs.calls = &callCenter(); // people take the calls that wait for one
    cs.serverSettings
        = {&m_runtime.settings(), &m_runtime.secrets(), [this] { return m_emails && m_emails->enabled(); }};
    return std::make_unique<CsFamily>(cs);
}

std::unique_ptr<ApiFamily> ServerHost::makeChatFamily()
{
    ChatServices chat;
    chat.engine = &m_runtime.engine();
    chat.visitors = &m_runtime.chatVisitors();
    chat.tokens = &m_runtime.apiTokens();
    const CsRateLimits rates = csRateLimits(m_runtime.settings(), m_options.rateLimits);
    chat.limiter = m_limiter.get();
    chat.limits = {rates.enabled, rates.windowSecs, rates.createSession, rates.messagesPerSession};
    chat.calls = &callCenter();
    chat.channels = &m_runtime.channels().accounts();
    chat.presence = &m_runtime.channels().webMail().presence();
    chat.customers = &m_runtime.customers();
    chat.desk = &m_runtime.desk();
    return std::make_unique<ChatFamily>(chat);
}

voice::CallCenter &ServerHost::callCenter()
{
    if (!m_calls) { // one for every door's calls
        const AppSettings &s = m_runtime.settings();
        voice::CallSettings calls;
        calls.maxCalls = qBound(1, s.intValue(settings::VoiceMaxCalls), 500);
        calls.maxCallsPerSource = qBound(1, s.intValue(settings::VoiceMaxCallsPerSource), 500);
        calls.callsPerSourcePerMinute = qBound(1, s.intValue(settings::VoiceInvitesPerSourcePerMinute), 10000);
        calls.maxCallsPerWidgetKey = qBound(1, s.intValue(settings::VoiceMaxCallsPerWidgetKey), 500);
        calls.decoders = qBound(1, s.intValue(settings::VoiceDecoders), 64);
        calls.readyDecoders = qBound(0, s.intValue(settings::VoiceReadyDecoders), calls.maxCalls);
        calls.speech.vocabularySize = qMax(0, s.intValue(settings::VoiceVocabularySize));
        calls.silencePromptMs = 1000 * qBound(3, s.intValue(settings::VoiceSilencePromptSeconds), 120);
        calls.idleMs = 1000 * qBound(5, s.intValue(settings::VoiceIdleSeconds), 600);
        calls.maxWaitMs = 1000 * qBound(10, s.intValue(settings::VoiceMaxWaitSeconds), 3600);
        calls.lineReminderMs = 1000 * qBound(5, s.intValue(settings::VoiceLineReminderSeconds), 600);
        m_calls = std::make_unique<voice::CallCenter>(m_runtime.engine(), calls);
        m_calls->setCallLog(&m_runtime.calls()); // calls logged and, where companies want it, recorded
        m_calls->setDesk(&m_runtime.desk()); // a waiting call's queue is its session's desk item's
    }
    return *m_calls;
}

std::unique_ptr<ApiFamily> ServerHost::makeAgentFamily()
{
    AgentApiServices agent;
    agent.engine = &m_runtime.engine();
    agent.tokens = &m_runtime.apiTokens();
    agent.limiter = m_limiter.get();
    agent.desk = &m_runtime.desk();
    agent.limits.enabled = m_options.rateLimits && m_runtime.settings().boolValue(settings::RateLimitEnabled);
    return std::make_unique<AgentFamily>(agent);
}

std::unique_ptr<ApiFamily> ServerHost::makePlatformFamily()
{
    PlatformServices platform;
    platform.engine = &m_runtime.engine();
    platform.tokens = &m_runtime.apiTokens();
    platform.auth = m_authGate.get();
    platform.limiter = m_limiter.get();
    platform.desk = &m_runtime.desk();
    AppSettings &s = m_runtime.settings();
    platform.limits.enabled = m_options.rateLimits && s.boolValue(settings::RateLimitEnabled);
    platform.limits.windowSecs = qMax(1, s.intValue(settings::RateLimitWindowSeconds));
    platform.limits.requestsPerKey = qMax(1, s.intValue(settings::RateLimitPlatform));
    platform.reports.retentionMs = qBound(1, s.intValue(settings::ReportsRetentionHours), 8784) * ReportJobs::kHourMs;
    platform.reports.maxPerCompany = qBound(1, s.intValue(settings::ReportsMaxPerCompany), 100000);
    platform.reports.maxBytesPerCompany = qMax<qint64>(1, s.value(settings::ReportsMaxBytesPerCompany).toLongLong());
    platform.reports.requestsPerHour = qBound(1, s.intValue(settings::ReportsRequestsPerHour), 100000);
    return std::make_unique<PlatformFamily>(platform);
}

std::unique_ptr<ApiFamily> ServerHost::makeLexFamily()
{
    LexServices lex;
    lex.engine = &m_runtime.engine();
    lex.tokens = &m_runtime.apiTokens();
    lex.auth = m_authGate.get();
    lex.limiter = m_limiter.get();
    lex.desk = &m_runtime.desk();
    lex.customers = &m_runtime.customers();
    AppSettings &s = m_runtime.settings();
    lex.limits.enabled = m_options.rateLimits && s.boolValue(settings::RateLimitEnabled);
    lex.limits.windowSecs = qMax(1, s.intValue(settings::RateLimitWindowSeconds));
    lex.limits.requestsPerKey = qMax(1, s.intValue(settings::RateLimitPlatform));
    LexSpeech::Options speech;
    speech.pool = &callCenter().pool(); // utterances share the calls' threads and lines
    speech.recognizer = callCenter().settings().speech;
    return std::make_unique<LexFamily>(lex, speech);
}

std::unique_ptr<ApiFamily> ServerHost::makeTwilioFamily()
{
    m_twilioInbox = std::make_unique<TwilioInboxLink>(m_runtime.channels());
    return std::make_unique<TwilioFamily>(*m_twilioInbox, publicUrl());
}

QString ServerHost::publicUrl() const
{
    QString base = m_runtime.settings().value(settings::ServerPublicUrl).toString().trimmed();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return base;
}

Status ServerHost::start()
{
    AppSettings &s = m_runtime.settings();
    SessionEngine &engine = m_runtime.engine();
    m_http = std::make_unique<http::HttpServer>(httpLimits(s));
    const auto proxies = http::TrustedProxies::parse(s.value(settings::ServerTrustedProxies).toString());
    if (!proxies)
        return proxies.error();
    m_http->setTrustedProxies(*proxies);
    makeSharedParts();
    m_families.push_back(makeCsFamily());
    m_families.push_back(makeChatFamily());
    m_families.push_back(makeAgentFamily());
    m_families.push_back(makePlatformFamily());
    m_families.push_back(makeLexFamily());
    m_families.push_back(makeTwilioFamily());
    installFamilies();
    // The fragments are built in: one that does not merge is a defect every test meets.
    const auto openApi = OpenApiDocument::load(QString::fromLatin1(OpenApiDocument::DefaultDir));
    if (!openApi)
        return makeError(ErrorKind::Internal, QStringLiteral("OpenAPI document: ") + openApi.error().message);
    OpenApiDocument::install(*m_http, *openApi);
    // Registration and delivery judge webhook addresses by the same policy.
    const AddressPolicy addresses(s.boolValue(settings::WebhookAllowPrivateNetworks));
    engine.setWebhookAddressPolicy(addresses);

    if (!m_http->listen(m_options.host, m_options.port))
        return makeError(ErrorKind::Unavailable,
            QStringLiteral("cannot listen on %1:%2: %3")
                .arg(m_options.host.toString())
                .arg(m_options.port)
                .arg(m_http->errorString()));

    if (m_options.sipPort) {
        if (const Status sip = startSip(); !sip)
            return sip;
    }
    startBackgroundWork();
    return Ok{};
}

// The SIP door (docs/calls.md, "SIP") on the HTTP server's host, its calls in the CallCenter.
Status ServerHost::startSip()
{
    const voice::CallSettings &calls = callCenter().settings();
    voice::sip::SipServer::Options sip;
    sip.host = m_options.host;
    sip.port = *m_options.sipPort;
    sip.maxCalls = calls.maxCalls + kSipDecidingCalls;
    sip.maxCallsPerSource = calls.maxCallsPerSource;
    sip.invitesPerSourcePerMinute = calls.callsPerSourcePerMinute;
    sip.rtpTimeoutMs = calls.idleMs;
    sip.firstRtpTimeoutMs = qBound(1, m_runtime.settings().intValue(settings::VoiceFirstAudioSeconds), 60) * 1000;
    m_sip = std::make_unique<SipDoor>(callCenter(), &m_runtime.customers(), sip);
    if (Status started = m_sip->start(); !started) {
        m_sip.reset();
        return started;
    }
    return Ok{};
}

// Webhook deliveries, the idle-session sweep, the SLA timer and escalation e-mail.
void ServerHost::startBackgroundWork()
{
    AppSettings &s = m_runtime.settings();
    SessionEngine &engine = m_runtime.engine();
    const AddressPolicy addresses(s.boolValue(settings::WebhookAllowPrivateNetworks));
    RetryPolicy retry;
    retry.maxAttempts = s.intValue(settings::WebhookMaxAttempts);
    retry.baseDelayMs = s.intValue(settings::WebhookBaseDelayMs);
    DispatchLimits dispatch;
    dispatch.timeoutMs = qBound(1, s.intValue(settings::WebhookTimeoutSeconds), 300) * 1000;
    dispatch.maxConcurrency = qBound(1, s.intValue(settings::WebhookMaxConcurrency), 256);
    dispatch.perHookConcurrency = qBound(1, s.intValue(settings::WebhookPerHookConcurrency), 64);
    m_outbound = std::make_unique<CurlOutboundHttp>(addresses);
    m_dispatcher = std::make_unique<WebhookDispatcher>(
        m_runtime.store().webhooks(), *m_outbound, engine.clock(), retry, dispatch);
    connect(&engine, &SessionEngine::outboxChanged, m_dispatcher.get(), &WebhookDispatcher::poke);
    if (m_runtime.store().db().postgres()) { // every instance delivers from the one outbox
        m_lease = std::make_unique<OutboxLease>(m_runtime.store().db());
        const Clock *clock = &engine.clock();
        m_dispatcher->setTake(
            [this, clock](qint64 id, qint64 untilMs) { return m_lease->take(id, clock->nowMs(), untilMs); });
    }
    // Deliveries update the outbox; commit those too without waiting for traffic.
    connect(m_dispatcher.get(), &WebhookDispatcher::delivered, this, [this] { m_runtime.store().batch().flush(); });
    connect(m_dispatcher.get(), &WebhookDispatcher::failed, this, [this] { m_runtime.store().batch().flush(); });
    m_dispatcher->start(1000);
    // Money at payment providers: what a crash left pending is called again with its key, now and
    // every few seconds (each instance of a team takes an action only under its lease).
    engine.money().start(5000);
    // Call recordings past voice/recordingRetentionDays: each instance erases those it keeps.
    m_runtime.calls().startSweeping();
    // Replies of mail and text conversations out on their channel, mailboxes polled (a team's timer
    // instance sends and polls).
    m_runtime.channels().outbox().setStatusCallbackUrl( // Twilio reports delivery there
        [base = publicUrl()](const QString &companyId) { return TwilioFamily::statusCallbackUrl(base, companyId); });
    // A survey mail's links: the public URL, else this server as it listens (a desk on one machine).
    m_runtime.channels().outbox().setSurveyLinkBase([this] {
        const QString base = publicUrl();
        return base.isEmpty() ? QStringLiteral("http://127.0.0.1:%1").arg(port()) : base;
    });
    m_runtime.channels().sessions().setBurstMs(
        qBound(0, s.intValue(settings::ChannelsBurstSeconds), 3600) * qint64(1000));
    m_runtime.channels().start();
    m_runtime.kbSources().start(); // help centers synced (by a team's timer instance)
    m_spool = std::make_unique<MailSpool>(engine, m_runtime.channels(), m_runtime.dataDir());
    if (const Status spool = m_spool->start(); !spool)
        qWarning("%s; mail handed in by `tierdesk mail deliver` waits", qPrintable(spool.error().message));

    const qint64 idleMs = qint64(s.intValue(settings::AbandonAfterMinutes)) * 60000;
    m_sweep.setInterval(qMax(1, s.intValue(settings::AbandonSweepSeconds)) * 1000);
    connect(&m_sweep, &QTimer::timeout, this, [this, idleMs] { m_runtime.engine().sweepAbandoned(idleMs); });
    m_slaCheckMs = qBound(1, s.intValue(settings::DeskSlaCheckSeconds), 3600) * 1000;
    // On PostgreSQL one instance of the team runs these; another takes over when it dies.
    m_leader = std::make_unique<TeamLeader>(m_runtime.store().db());
    connect(m_leader.get(), &TeamLeader::leadsChanged, this, &ServerHost::runTimers);
    runTimers(m_leader->leads());
    // Escalations to a person open tickets in the companies' CRMs; those pending before a restart go on.
    CrmTickets *tickets = &engine.connectors().tickets();
    connect(&m_runtime.desk(), &Desk::escalatedToPerson, tickets, &CrmTickets::escalated);
    tickets->resume();
    // Bad e-mail settings must not keep the desk from working: say so and serve without e-mail.
    m_emails = std::make_unique<EscalationEmails>(m_runtime);
    if (const Status emails = m_emails->start(); !emails)
        qWarning("%s; escalation e-mail is off", qPrintable(emails.error().message));
    // Seed 000's e-mail notifications (POST /notifications/email/configure) share that SMTP client.
    if (m_emails->enabled())
        m_platformEmails = std::make_unique<PlatformEmails>(
            m_runtime.engine(), *m_emails->mailer(), m_emails->from(), &m_runtime.desk());
    if (m_emails->enabled()) {
        m_weekly = std::make_unique<WeeklySummaries>(m_runtime, *m_emails->mailer(), m_emails->from());
        m_weeklyCheckSeconds = qBound(1, s.intValue(settings::WeeklySummaryCheckSeconds), 3600);
        if (m_leader->leads())
            m_weekly->start(m_weeklyCheckSeconds);
    }
}

void ServerHost::runTimers(bool here)
{
    m_runtime.engine().setRunsTimers(here);
    if (!here) {
        m_sweep.stop();
        m_runtime.desk().stopSlaTimer();
        if (m_weekly)
            m_weekly->stop();
        return;
    }
    m_sweep.start();
    m_runtime.desk().startSlaTimer(m_slaCheckMs);
    if (m_weekly)
        m_weekly->start(m_weeklyCheckSeconds);
}

void ServerHost::stop()
{
    if (m_sip) // every SIP call says goodbye (BYE) before the engine's work stops
        m_sip->stop();
    m_leader.reset();
    m_runtime.channels().stop(); // a poll mid-way ends after its current step; the mail is not lost
    m_runtime.kbSources().stop(); // a sync cut off is queued again at the next start
    if (m_spool)
        m_spool->stop();
    m_sweep.stop();
    m_runtime.desk().stopSlaTimer();
    if (m_weekly)
        m_weekly->stop();
    if (m_dispatcher)
        m_dispatcher->stop();
    if (m_http)
        m_http->close();
    m_runtime.store().batch().flush();
}

quint16 ServerHost::port() const
{
    return m_http ? m_http->serverPort() : 0;
}

quint16 ServerHost::sipPort() const
{
    return m_sip ? m_sip->port() : 0;
}

QString ServerHost::baseUrl() const
{
    const QString host = m_options.host.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + m_options.host.toString() + QLatin1Char(']')
        : m_options.host.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(port());
}

} // namespace tierdesk::api
