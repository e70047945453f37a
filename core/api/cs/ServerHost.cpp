#include "core/api/cs/ServerHost.h"

#include "core/api/cs/CsErrors.h"

#include <QRandomGenerator>

namespace tierdesk::api {

ServerHost::ServerHost(Runtime &runtime, ServerOptions options, QObject *parent)
    : QObject(parent), m_runtime(runtime), m_options(options)
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    m_setupSecret = raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

ServerHost::~ServerHost()
{
    stop();
}

bool ServerHost::start(QString *error)
{
    AppSettings &s = m_runtime.settings();
    SessionEngine &engine = m_runtime.engine();
    http::HttpLimits limits;
    limits.maxBodyBytes = s.value(settings::HttpMaxBodyBytes).toLongLong();
    limits.idleTimeoutMs = s.intValue(settings::HttpIdleTimeoutSeconds) * 1000;
    limits.requestTimeoutMs = s.intValue(settings::HttpRequestTimeoutSeconds) * 1000;
    limits.maxConnections = s.intValue(settings::HttpMaxConnections);
    limits.maxConnectionsPerAddress = s.intValue(settings::HttpMaxConnectionsPerAddress);
    limits.maxUnsentBytes = s.value(settings::HttpMaxUnsentBytes).toLongLong();
    limits.writeTimeoutMs = s.intValue(settings::HttpWriteTimeoutSeconds) * 1000;
    m_http = std::make_unique<http::HttpServer>(limits);

    CsRateLimits rates;
    rates.enabled = m_options.rateLimits && s.boolValue(settings::RateLimitEnabled);
    rates.windowSecs = qMax(1, s.intValue(settings::RateLimitWindowSeconds));
    rates.createSession = s.intValue(settings::RateLimitCreateSession);
    rates.messagesPerSession = s.intValue(settings::RateLimitMessages);
    rates.listSessions = s.intValue(settings::RateLimitListSessions);
    rates.analytics = s.intValue(settings::RateLimitAnalytics);
    m_limiter = std::make_unique<RateLimiter>(engine.clock());
    AuthThrottle throttle;
    throttle.enabled = s.boolValue(settings::AuthThrottleEnabled);
    throttle.maxFailures = s.intValue(settings::AuthMaxFailures);
    throttle.windowSecs = s.intValue(settings::AuthFailureWindowSeconds);
    m_authGate = std::make_unique<AuthGate>(m_runtime.auth(), engine, throttle);
    engine.setMaxMessagesPerSession(s.intValue(settings::MaxMessagesPerSession));
    engine.setReplyTimeoutMs(qBound(1, s.intValue(settings::ReplyTimeoutMs), 600000));
    m_logins = std::make_unique<LoginGuard>(engine.clock(), s.intValue(settings::AuthLoginFailuresPerWindow),
                                            s.intValue(settings::AuthLoginWindowSeconds));
    m_api = std::make_unique<CsApi>(engine, *m_authGate, *m_limiter, rates);
    AgentServices people;
    people.agents = &m_runtime.agents();
    people.canned = &m_runtime.canned();
    people.logins = m_logins.get();
    people.tokens = &m_runtime.auth();
    people.apiTokens = &m_runtime.apiTokens();
    people.setupSecret = m_setupSecret;
    people.tokenTtlSecs = qBound<qint64>(60, s.value(settings::AuthAgentTokenTtlSeconds).toLongLong(), 366LL * 86400);
    m_api->setAgentServices(people);
    m_api->setDesk(&m_runtime.desk());
    m_api->setServerSettings({&m_runtime.settings(), &m_runtime.secrets(), [this] { return m_emails && m_emails->enabled(); }});
    m_api->install(*m_http);
    m_ws = std::make_unique<WsHub>(engine, *m_authGate);
    m_ws->trackPresence(m_runtime.agents());
    m_ws->install(*m_http);
    // Unauthenticated liveness probe; also the trivial route benchmarks compare against.
    // A degraded store answers 503 {"status":"degraded"} so monitoring notices.
    const Database *db = &m_runtime.store().db();
    m_http->router().route("GET", QStringLiteral("/api/cs/health"), [db](const http::HttpRequest &, const http::HttpResponder &res) {
        QJsonObject body{{QStringLiteral("status"), db->degraded() ? QStringLiteral("degraded") : QStringLiteral("ok")},
                         {QStringLiteral("version"), QStringLiteral(TIERDESK_VERSION)}};
        if (db->degraded())
            body.insert(QStringLiteral("storage"), db->failure());
        res.send(http::HttpResponse::json(db->degraded() ? 503 : 200, body));
    });
    m_http->setErrorFormatter(QString(), &cs::serverError);
    // Registration and delivery judge webhook addresses by the same policy.
    const AddressPolicy addresses(s.boolValue(settings::WebhookAllowPrivateNetworks));
    engine.setWebhookAddressPolicy(addresses);

    if (!m_http->listen(m_options.host, m_options.port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(m_options.host.toString())
                         .arg(m_options.port)
                         .arg(m_http->errorString());
        return false;
    }

    RetryPolicy retry;
    retry.maxAttempts = s.intValue(settings::WebhookMaxAttempts);
    retry.baseDelayMs = s.intValue(settings::WebhookBaseDelayMs);
    DispatchLimits dispatch;
    dispatch.timeoutMs = qBound(1, s.intValue(settings::WebhookTimeoutSeconds), 300) * 1000;
    dispatch.maxConcurrency = qBound(1, s.intValue(settings::WebhookMaxConcurrency), 256);
    dispatch.perHookConcurrency = qBound(1, s.intValue(settings::WebhookPerHookConcurrency), 64);
    m_outbound = std::make_unique<CurlOutboundHttp>(addresses);
    m_dispatcher = std::make_unique<WebhookDispatcher>(m_runtime.store().webhooks(), *m_outbound, engine.clock(), retry,
                                                       dispatch);
    connect(&engine, &SessionEngine::outboxChanged, m_dispatcher.get(), &WebhookDispatcher::poke);
    // Deliveries update the outbox; commit those too without waiting for traffic.
    connect(m_dispatcher.get(), &WebhookDispatcher::delivered, this, [this] { m_runtime.store().batch().flush(); });
    connect(m_dispatcher.get(), &WebhookDispatcher::failed, this, [this] { m_runtime.store().batch().flush(); });
    m_dispatcher->start(1000);

    const qint64 idleMs = qint64(s.intValue(settings::AbandonAfterMinutes)) * 60000;
    m_sweep.setInterval(qMax(1, s.intValue(settings::AbandonSweepSeconds)) * 1000);
    connect(&m_sweep, &QTimer::timeout, this, [this, idleMs] { m_runtime.engine().sweepAbandoned(idleMs); });
    m_sweep.start();
    m_runtime.desk().startSlaTimer(qBound(1, s.intValue(settings::DeskSlaCheckSeconds), 3600) * 1000);
    // Bad e-mail settings must not keep the desk from working: say so and serve without e-mail.
    m_emails = std::make_unique<EscalationEmails>(m_runtime);
    if (QString why; !m_emails->start(&why))
        qWarning("%s; escalation e-mail is off", qPrintable(why));
    return true;
}

void ServerHost::stop()
{
    m_sweep.stop();
    m_runtime.desk().stopSlaTimer();
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

QString ServerHost::baseUrl() const
{
    const QString host = m_options.host.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + m_options.host.toString() + QLatin1Char(']')
                             : m_options.host.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(port());
}

} // namespace tierdesk::api
