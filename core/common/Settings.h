#pragma once

#include "core/common/Result.h"

#include <QString>
#include <QVariant>

namespace tierdesk {

// Every setting, with its default, in one table. Values live in
// <data dir>/tierdesk.ini; secrets never do (they go through SecretStore).
namespace settings {

struct Key {
    const char *name;
    QVariant defaultValue;
    const char *description;
};

const QList<Key> &all();
QVariant defaultOf(const QString &name);

inline constexpr char RateLimitEnabled[] = "rateLimit/enabled";
inline constexpr char RateLimitWindowSeconds[] = "rateLimit/windowSeconds";
inline constexpr char RateLimitCreateSession[] = "rateLimit/createSession";
inline constexpr char RateLimitMessages[] = "rateLimit/messagesPerSession";
inline constexpr char RateLimitListSessions[] = "rateLimit/listSessions";
inline constexpr char RateLimitAnalytics[] = "rateLimit/analytics";
inline constexpr char RateLimitAssist[] = "rateLimit/assist";
inline constexpr char RateLimitPlatform[] = "rateLimit/platformPerKey";
inline constexpr char AbandonAfterMinutes[] = "sessions/abandonAfterMinutes";
inline constexpr char AbandonSweepSeconds[] = "sessions/abandonSweepSeconds";
inline constexpr char MaxMessagesPerSession[] = "sessions/maxMessages";
inline constexpr char ReplyTimeoutMs[] = "replies/timeoutMs";
inline constexpr char AuthThrottleEnabled[] = "auth/throttleFailures";
inline constexpr char AuthMaxFailures[] = "auth/maxFailures";
inline constexpr char AuthFailureWindowSeconds[] = "auth/failureWindowSeconds";
inline constexpr char AuthAgentTokenTtlSeconds[] = "auth/agentTokenTtlSeconds";
inline constexpr char AuthLoginFailuresPerWindow[] = "auth/loginFailuresPerWindow";
inline constexpr char AuthLoginWindowSeconds[] = "auth/loginWindowSeconds";
inline constexpr char HttpMaxBodyBytes[] = "http/maxBodyBytes";
inline constexpr char HttpIdleTimeoutSeconds[] = "http/idleTimeoutSeconds";
inline constexpr char HttpRequestTimeoutSeconds[] = "http/requestTimeoutSeconds";
inline constexpr char HttpMaxConnections[] = "http/maxConnections";
inline constexpr char HttpMaxConnectionsPerAddress[] = "http/maxConnectionsPerAddress";
inline constexpr char HttpMaxUnsentBytes[] = "http/maxUnsentBytes";
inline constexpr char HttpWriteTimeoutSeconds[] = "http/writeTimeoutSeconds";
inline constexpr char StorageSynchronousFull[] = "storage/synchronousFull";
inline constexpr char StorageStartupCheckSeconds[] = "storage/startupCheckSeconds";
inline constexpr char WebhookMaxAttempts[] = "webhooks/maxAttempts";
inline constexpr char WebhookBaseDelayMs[] = "webhooks/baseDelayMs";
inline constexpr char WebhookTimeoutSeconds[] = "webhooks/timeoutSeconds";
inline constexpr char WebhookPerHookConcurrency[] = "webhooks/perHookConcurrency";
inline constexpr char WebhookMaxConcurrency[] = "webhooks/maxConcurrency";
inline constexpr char WebhookAllowPrivateNetworks[] = "webhooks/allowPrivateNetworks";
inline constexpr char AiAllowPrivateNetworks[] = "ai/allowPrivateNetworks";
inline constexpr char AiMaxConcurrent[] = "ai/maxConcurrent";
inline constexpr char ConnectorsAllowPrivateNetworks[] = "connectors/allowPrivateNetworks";
inline constexpr char ConnectorsMaxConcurrent[] = "connectors/maxConcurrent";
inline constexpr char ConnectorsTicketRetryMs[] = "connectors/ticketRetryMs";
inline constexpr char VoiceMaxCalls[] = "voice/maxCalls";
inline constexpr char VoiceMaxCallsPerSource[] = "voice/maxCallsPerSource";
inline constexpr char VoiceInvitesPerSourcePerMinute[] = "voice/invitesPerSourcePerMinute";
inline constexpr char VoiceMaxCallsPerWidgetKey[] = "voice/maxCallsPerWidgetKey";
inline constexpr char VoiceDecoders[] = "voice/decoders";
inline constexpr char VoiceReadyDecoders[] = "voice/readyDecoders";
inline constexpr char VoiceVocabularySize[] = "voice/vocabularySize";
inline constexpr char VoiceSilencePromptSeconds[] = "voice/silencePromptSeconds";
inline constexpr char VoiceIdleSeconds[] = "voice/idleSeconds";
inline constexpr char VoiceFirstAudioSeconds[] = "voice/firstAudioSeconds";
inline constexpr char ChannelsBurstSeconds[] = "channels/burstSeconds";
inline constexpr char VoiceMaxWaitSeconds[] = "voice/maxWaitSeconds";
inline constexpr char VoiceLineReminderSeconds[] = "voice/lineReminderSeconds";
inline constexpr char VoiceRecordingRetentionDays[] = "voice/recordingRetentionDays";
inline constexpr char ReportsRetentionHours[] = "reports/retentionHours";
inline constexpr char ReportsMaxPerCompany[] = "reports/maxPerCompany";
inline constexpr char ReportsMaxBytesPerCompany[] = "reports/maxBytesPerCompany";
inline constexpr char ReportsRequestsPerHour[] = "reports/requestsPerHour";
inline constexpr char DeskSlaCheckSeconds[] = "desk/slaCheckSeconds";
inline constexpr char WeeklySummaryCheckSeconds[] = "smtp/weeklySummaryCheckSeconds";
inline constexpr char SmtpHost[] = "smtp/host";
inline constexpr char SmtpPort[] = "smtp/port";
inline constexpr char SmtpTls[] = "smtp/tls";
inline constexpr char SmtpUser[] = "smtp/user";
inline constexpr char SmtpFrom[] = "smtp/from";
inline constexpr char SmtpTimeoutSeconds[] = "smtp/timeoutSeconds";
inline constexpr char ServerPublicUrl[] = "server/publicUrl";
inline constexpr char ServerTrustedProxies[] = "server/trustedProxies";

} // namespace settings

// Reads settings from an ini file, falling back to the table's defaults.
class AppSettings {
public:
    explicit AppSettings(const QString &iniPath = {});
    QVariant value(const char *key) const;
    int intValue(const char *key) const { return value(key).toInt(); }
    bool boolValue(const char *key) const { return value(key).toBool(); }
    // Writes these keys (names of the table) into the ini file and keeps them here;
    // Unavailable when there is no file or it cannot be written.
    Status write(const QVariantHash &values);

private:
    QString m_path;
    QVariantHash m_file;
};

} // namespace tierdesk
