#pragma once

#include "core/common/Result.h"
#include "core/integrations/AddressPolicy.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <optional>

namespace tierdesk {

// A company's mailbox on an IMAP server and how Tierdesk signs in to read it.
struct ImapAccount {
    static constexpr int kDefaultTimeoutMs = 30000;
    static constexpr int kMinTimeoutMs = 1000;
    static constexpr int kMaxTimeoutMs = 300000;
    static constexpr int kMaxHostChars = 253; // a DNS name's longest
    static constexpr int kMaxMailboxChars = 200;
    static constexpr int kMaxUsernameChars = 320; // an e-mail address's longest
    static constexpr int kMaxPasswordBytes = 1024;
    static constexpr int kMaxOAuth2TokenBytes = 16384; // Microsoft's and Google's tokens are a few kB
    static constexpr int kMaxPathChars = 4096;

    // imap://host[:port][/mailbox] (STARTTLS when the server offers it) or imaps://host[:port][/mailbox]
    // (TLS from the first byte). No mailbox: INBOX. Never user or password in the URL.
    QUrl url;
    QString username;
    QByteArray password;
    // When set: SASL XOAUTH2 with this bearer token, and the password is not used.
    QByteArray oauth2Token;
    // Connecting, and each transfer (one command, or one message down or up) to its last byte.
    int timeoutMs = kDefaultTimeoutMs;
    // imap:// only: STARTTLS must succeed, or nothing (not even the user name) is sent.
    bool requireTls = false;
    // A PEM file of the certificate authorities that TLS trusts (a company's own mail server);
    // empty: the system's. The server's certificate is always verified.
    QString caCertificates;
    // The addresses the server may be at (a company's mailbox: the connectors'); none: any.
    std::optional<AddressPolicy> policy;

    Status validate() const;

    QString mailbox() const; // the URL's mailbox name, INBOX when it names none
    int port() const; // the URL's port, or IMAP's (143) or IMAPS's (993)
    QString server() const; // scheme://host:port, for messages (no mailbox, no credentials)
    // scheme://host:port/<mailbox, percent-encoded>: the URL libcurl is given.
    QByteArray mailboxUrl() const;
};

} // namespace tierdesk
