#pragma once

#include "core/common/Result.h"

#include <QString>

namespace tierdesk {

// A company's mailbox (PUT /api/cs/channels/email, `tierdesk channel email set`): where mail is
// read (IMAP, optional: a mail server may hand mail in instead) and sent (SMTP). Passwords and
// tokens are sealed in the store and never shown back.
struct MailboxSettings {
    static constexpr int kDefaultPollSeconds = 60;
    static constexpr int kMinPollSeconds = 5;
    static constexpr int kMaxPollSeconds = 86400;
    static constexpr qint64 kDefaultMaxBytes = 10 * 1024 * 1024;
    static constexpr qint64 kMaxMaxBytes = 50 * 1024 * 1024;
    static constexpr int kMaxNameChars = 200;
    static constexpr int kMaxUrlChars = 500;
    static constexpr int kMaxSecretChars = 4096; // an OAuth2 access token can be long

    struct Imap {
        QString url; // imap://host[:port][/mailbox] or imaps://...; empty: no polling
        QString username;
        QString password; // sealed
        QString oauth2; // a bearer token instead of the password (sealed)
        int pollSeconds = kDefaultPollSeconds;
        // imap:// only: STARTTLS required, nothing (not even the user name) sent without it;
        // false: used when the server offers it (a server on the same host)
        bool startTls = true;
    };
    struct Smtp {
        QString url; // smtp://host[:port] or smtps://host[:port]
        QString username;
        QString password; // sealed
        bool startTls = true; // smtp:// only: STARTTLS required (false: plain, a relay on the same host)
    };

    QString address; // the company's support address, mail comes to and goes from it
    QString name; // the display name replies go out with
    Imap imap;
    Smtp smtp;
    bool autoReply = true; // the AI tiers answer mail (else only people do)
    qint64 maxBytes = kDefaultMaxBytes; // a larger mail is not imported whole

    bool polls() const { return !imap.url.isEmpty(); }
    // Every field checked; field names as the API spells them ("imap.url").
    Status validate() const;
};

// What the mailbox's poller remembers and reports (GET /api/cs/channels/email: "status").
struct EmailMailboxState {
    qint64 uidValidity = 0;
    qint64 lastUid = 0; // the highest UID imported (committed and marked \Seen)
    qint64 lastPollAt = 0;
    QString lastError; // empty after a poll that worked
    qint64 fetched = 0; // mails imported since the channel was set
};

} // namespace tierdesk
