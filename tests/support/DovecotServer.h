#pragma once

#include <QByteArray>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace tierdesk::test {

// An IMAP server of the test's own: Debian's Dovecot (dovecot-imapd) in the foreground, its
// configuration, a passwd-file with one user, the Maildirs and its log in a temporary directory,
// IMAP on a free loopback port (and TLS if asked for). It runs as an unprivileged user: the test's own, or nobody
// when the test runs as root (as here and in CI), so no part of it needs root and the login
// processes are not chrooted. It dies with the thread that started it and is stopped when the
// object goes.
class DovecotServer {
public:
    static constexpr int kStartTimeoutMs = 30000; // to the first greeting
    static constexpr int kStopTimeoutMs = 30000; // Dovecot closes its sessions before it exits
    static constexpr int kPortAttempts = 5; // another process may take the free port first

    DovecotServer();
    ~DovecotServer();
    DovecotServer(const DovecotServer &) = delete;
    DovecotServer &operator=(const DovecotServer &) = delete;

    // Before start(): OAuth 2.0 bearer tokens (SASL XOAUTH2 and OAUTHBEARER) are accepted too, each
    // checked by Dovecot's oauth2 passdb POSTing token=<token> to `url`; a good token's answer is
    // {"active": true, "username": "<user()>"}.
    void setOAuth2IntrospectionUrl(const QUrl &url) { m_introspection = url; }

    // Before start(): TLS too, with a self-signed certificate for 127.0.0.1 (openssl req):
    // STARTTLS offered on port(), TLS from the first byte on tlsPort().
    void setTls(bool tls) { m_tls = tls; }

    bool start(QString *error);
    bool stop(); // SIGTERM: Dovecot ends its sessions and exits; false if it had to be killed
    bool restart(QString *error); // the same port, user, password and mail
    bool running() const { return m_process && m_process->state() != QProcess::NotRunning; }

    quint16 port() const { return m_port; }
    quint16 tlsPort() const { return m_tlsPort; } // 0 without TLS
    QString certificate() const; // the PEM certificate (its own authority), with TLS
    QString user() const { return QStringLiteral("desk"); }
    QByteArray password() const { return m_password; }
    QString mailDir() const; // the user's Maildir: INBOX's cur/ and new/, its dovecot-uidlist
    QString log() const; // Dovecot's log so far
    QUrl url(const QString &mailbox = {}) const; // imap://127.0.0.1:<port>[/mailbox]

private:
    bool writeFiles(QString *error);
    bool makeCertificate(QString *error);
    bool launch(QString *error);
    bool waitUntilReady(qint64 logOffset, QString *error);
    bool greeted(QString *error) const;
    QString config() const;
    QString path(const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_introspection;
    QByteArray m_password;
    quint16 m_port = 0;
    quint16 m_tlsPort = 0;
    bool m_tls = false;
    bool m_asRoot = false;
    unsigned m_uid = 0; // what Dovecot runs as
    unsigned m_gid = 0;
    QString m_userName;
    QString m_groupName;
};

} // namespace tierdesk::test
