#pragma once

#include "core/common/Settings.h"
#include "core/integrations/AddressPolicy.h"
#include "core/integrations/Mailer.h"
#include "core/integrations/SecretStore.h"

#include <QThreadPool>

#include <optional>

namespace tierdesk {

// The secret store key of the SMTP password (never in tierdesk.ini).
inline constexpr char kSmtpPasswordSecret[] = "smtp/password";

struct SmtpConfig {
    enum class Tls {
        StartTls, // smtp:// and STARTTLS required before anything else is sent (port 587)
        Implicit, // smtps://, TLS from the first byte (port 465)
        None, // plain text: only for a relay on the same host or a test server
    };

    QString host; // empty: e-mail is not configured
    int port = 587; // 1-65535
    Tls tls = Tls::StartTls;
    QString user; // empty: no AUTH
    QByteArray password; // from the secret store
    QString from; // `desk@example.com` or `Tierdesk <desk@example.com>`
    int timeoutMs = 30000; // one message, connect to the server's last answer
    // The addresses the server may be at: none, any (the operator's own relay in tierdesk.ini); a
    // company's mailbox, the connectors' (a refused one is InvalidArgument: asking again cannot help).
    std::optional<AddressPolicy> policy;

    bool isConfigured() const { return !host.isEmpty(); }
    Status validate() const;
    QString url() const; // smtp://host:port or smtps://host:port

    static Result<Tls> parseTls(const QString &text); // starttls | tls | none
    static QString tlsName(Tls tls);

    // Reads the smtp/* settings and the password (kSmtpPasswordSecret). An unset
    // smtp/host gives a config with isConfigured() false, not an error. The
    // secret store may run a local event loop (the keyring): call this at
    // startup or when settings change, not per message.
    static Result<SmtpConfig> fromSettings(const AppSettings &settings, SecretStore &secrets);
};

// Sends plain-text e-mail through libcurl's SMTP client. send() validates the
// message at once (a refused header comes back as a finished future) and runs
// the transfer on a private thread pool, so the calling (GUI or engine) thread
// never waits on the network. Each message takes at most config.timeoutMs.
class SmtpMailer final : public Mailer {
public:
    explicit SmtpMailer(SmtpConfig config, int maxConcurrent = 2);
    ~SmtpMailer() override; // waits for messages in flight (each bounded by the timeout)

    QFuture<Status> send(const MailMessage &message) override;
    // The blocking transfer itself, on the calling thread (thread-safe). `messageId` (without <>):
    // the Message-ID to send it with; empty: a random one.
    Status sendNow(const MailMessage &message, const QByteArray &messageId = {}) const;
    const SmtpConfig &config() const { return m_config; }

private:
    SmtpConfig m_config;
    QThreadPool m_pool;
};

} // namespace tierdesk
