#include "core/common/Settings.h"

#include <QFileInfo>
#include <QSettings>

namespace tierdesk {
namespace settings {

const QList<Key> &all()
{
    static const QList<Key> keys{
        {RateLimitEnabled, true, "Answer 429 beyond the per-minute limits below"},
        {RateLimitWindowSeconds, 60, "Length of one rate-limit window"},
        {RateLimitCreateSession, 100, "POST /api/cs/sessions per credential and window"},
        {RateLimitMessages, 60, "POST /api/cs/sessions/:id/messages per session and window"},
        {RateLimitListSessions, 200, "GET /api/cs/sessions per credential and window"},
        {RateLimitAnalytics, 20, "GET /api/cs/analytics per credential and window"},
        {RateLimitAssist, 30, "POST /api/cs/sessions/:id/assist (agent assist) per credential and window"},
        {RateLimitPlatform, 600, "Platform services (seed 000) requests per SigV4 access key and window"},
        {AbandonAfterMinutes, 30, "A session idle this long while waiting on the customer becomes ABANDONED"},
        {AbandonSweepSeconds, 60, "How often idle sessions are looked for"},
        {MaxMessagesPerSession, 5000, "Messages one session may hold; a message beyond gets 409 CS_022"},
        {ReplyTimeoutMs, 15000, "An AI reply not worded within this is the local responder's instead"},
        {AuthThrottleEnabled, true,
            "Refuse an address for the rest of the window once its authentications failed too often"},
        {AuthMaxFailures, 20, "Failed authentications per client address and window before 429"},
        {AuthFailureWindowSeconds, 60, "Length of the failed-authentication window"},
        {AuthAgentTokenTtlSeconds, 43200, "Lifetime of the token an agent gets at login (60 to 31622400)"},
        {AuthLoginFailuresPerWindow, 5, "Failed logins per e-mail and per client address and window before 429"},
        {AuthLoginWindowSeconds, 900, "Length of the failed-login window"},
        {HttpMaxBodyBytes, 1048576, "Largest request body; larger ones get 413"},
        {HttpIdleTimeoutSeconds, 30, "Idle keep-alive connections close after this"},
        {HttpRequestTimeoutSeconds, 10, "A request must arrive completely within this (else 408)"},
        {HttpMaxConnections, 1024, "Open connections beyond this get 503"},
        {HttpMaxConnectionsPerAddress, 64, "Open connections per client address (IPv6: per /64); beyond: 503"},
        {HttpMaxUnsentBytes, 8388608, "Replies queued for a client that does not read them; beyond: dropped"},
        {HttpWriteTimeoutSeconds, 30, "A client that reads none of its pending replies for this long is dropped"},
        {StorageSynchronousFull, false, "fsync every commit (survives power loss; slower)"},
        {StorageStartupCheckSeconds, 10,
            "Time budget of the integrity check at start (PRAGMA quick_check); 0 skips it"},
        {WebhookMaxAttempts, 8, "Delivery attempts before a webhook delivery is given up"},
        {WebhookBaseDelayMs, 2000, "First retry delay; doubles each attempt up to an hour"},
        {WebhookTimeoutSeconds, 10, "One delivery attempt, connect to last byte (1-300)"},
        {WebhookPerHookConcurrency, 2, "Deliveries in flight to one webhook (1-64)"},
        {WebhookMaxConcurrency, 32, "Deliveries in flight over all webhooks (1-256)"},
        {WebhookAllowPrivateNetworks, false, "Let webhooks reach loopback and private-network addresses"},
        {AiAllowPrivateNetworks, false,
            "Let language-model providers be on private networks (this machine is always allowed)"},
        {AiMaxConcurrent, 16, "Language-model calls in flight at once; more wait their turn (1-256)"},
        {ConnectorsAllowPrivateNetworks, false,
            "Let connectors reach the company's systems on private networks (this machine is always allowed)"},
        {ConnectorsMaxConcurrent, 16,
            "Calls to the companies' systems in flight at once; more wait their turn (1-256)"},
        {ConnectorsTicketRetryMs, 2000,
            "The wait before a failed CRM ticket call is tried again; each later wait is four times longer"},
        {VoiceMaxCalls, 20, "Calls at once over every door; one more is told the line is busy (1-500)"},
        {VoiceMaxCallsPerSource, 4,
            "Calls at once from one address (a SIP source, a web caller's address); one more is told the line "
            "is busy (1-500)"},
        {VoiceInvitesPerSourcePerMinute, 30,
            "Calls one address may try to start a minute (SIP INVITEs, web calls); more are refused with "
            "Retry-After (1-10000)"},
        {VoiceMaxCallsPerWidgetKey, 10,
            "Web calls at once through one widget key (the key is public: anyone may use it); one more is told "
            "the line is busy (1-500)"},
        {VoiceDecoders, 2, "Threads recognising and speaking calls' audio at once (1-64)"},
        {VoiceReadyDecoders, 0,
            "Speech decoders loaded when the server starts and kept (about 28 MB each), so callers who speak "
            "for the first time at the same moment do not each wait for one to load (0-500, at most voice/maxCalls)"},
        {VoiceVocabularySize, 20000,
            "The speech model's most likely words a call is heard with, the customer-service words added (0: all "
            "72,547; more costs CPU)"},
        {VoiceSilencePromptSeconds, 8,
            "Quiet after the AI spoke before it asks if the caller is still there; twice ends the call (3-120)"},
        {VoiceIdleSeconds, 30, "A call whose door sends no audio for this long is ended (5-600)"},
        {ChannelsBurstSeconds, 60,
            "Mails (with new subjects) and texts one sender sends this close together join one conversation "
            "(0-3600)"},
        {VoiceFirstAudioSeconds, 5,
            "A SIP call whose caller sends no audio at all this long after the answer is ended (1-60): a silent "
            "INVITE flood holds no line"},
        {VoiceMaxWaitSeconds, 120,
            "A caller in line this long (or outside business hours at once) may leave a message (10-3600)"},
        {VoiceLineReminderSeconds, 30, "A caller waiting in line hears their place again this often (5-600)"},
        {VoiceRecordingRetentionDays, 90, "Call recordings are erased after this many days (1-3650)"},
        {ReportsRetentionHours, 24, "A ready report file is deleted this long after it was asked for (1-8784)"},
        {ReportsMaxPerCompany, 100,
            "Report files one company keeps; beyond, its oldest ready ones are deleted (1-100000)"},
        {ReportsMaxBytesPerCompany, 268435456,
            "Bytes of report files one company keeps; beyond, its oldest ready ones are deleted"},
        {ReportsRequestsPerHour, 60, "Reports one company may ask for in any hour; beyond: 429 (1-100000)"},
        {DeskSlaCheckSeconds, 15, "How often the agent desk re-evaluates SLA states (1-3600)"},
        {WeeklySummaryCheckSeconds, 300, "How often the weekly summaries that are due are sent (1-3600)"},
        {SmtpHost, QString(), "SMTP server for escalation e-mail; empty: no e-mail is sent"},
        {SmtpPort, 587, "SMTP server port (1-65535)"},
        {SmtpTls, QStringLiteral("starttls"), "starttls (required), tls (implicit, smtps://) or none"},
        {SmtpUser, QString(), "SMTP user name; empty: no AUTH. The password is the secret smtp/password"},
        {SmtpFrom, QString(), "Sender address: desk@example.com or Name <desk@example.com>"},
        {SmtpTimeoutSeconds, 30, "One message, connect to the server's last answer (1-300)"},
        {ServerPublicUrl, QString(),
            "The address callers such as Twilio reach this server at (https://desk.example.com) behind a proxy or "
            "tunnel; empty: the request's Host header"},
        {ServerTrustedProxies, QString(),
            "Proxies in front of this server (10.0.0.2, 192.168.0.0/16, ::1; at most 64): only from them are "
            "X-Forwarded-For, X-Forwarded-Proto, X-Forwarded-Host and Forwarded read; empty: none"},
    };
    return keys;
}

QVariant defaultOf(const QString &name)
{
    for (const Key &k : all())
        if (name == QLatin1String(k.name))
            return k.defaultValue;
    return {};
}

} // namespace settings

AppSettings::AppSettings(const QString &iniPath) : m_path(iniPath)
{
    if (iniPath.isEmpty() || !QFileInfo::exists(iniPath))
        return;
    QSettings file(iniPath, QSettings::IniFormat);
    for (const settings::Key &k : settings::all()) {
        const QString name = QLatin1String(k.name);
        if (file.contains(name))
            m_file.insert(name, file.value(name));
    }
}

Status AppSettings::write(const QVariantHash &values)
{
    if (m_path.isEmpty())
        return makeError(ErrorKind::Unavailable, QStringLiteral("no settings file: the server runs on its defaults"));
    QSettings file(m_path, QSettings::IniFormat);
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        file.setValue(it.key(), it.value());
    file.sync();
    if (file.status() != QSettings::NoError)
        return makeError(ErrorKind::Unavailable, QStringLiteral("could not write %1").arg(m_path));
    for (auto it = values.cbegin(); it != values.cend(); ++it)
        m_file.insert(it.key(), it.value());
    return Ok{};
}

QVariant AppSettings::value(const char *key) const
{
    const QString name = QLatin1String(key);
    if (m_file.contains(name))
        return m_file.value(name);
    return settings::defaultOf(name);
}

} // namespace tierdesk
