#pragma once

#include <QByteArray>
#include <QString>
#include <QVariantMap>

namespace tierdesk {

// A company's inbox channel as the store keeps it (channels/ChannelAccounts reads it): its
// settings without secrets, the secrets sealed, and what its poller remembers. `settings` and
// `state` are channels/ChannelAccounts' to shape (strings, numbers, booleans, lists and maps);
// the store writes them down and reads them back.
struct ChannelAccountRow {
    QString companyId;
    QString kind; // email or twilio
    QVariantMap settings;
    QString sealedSecret; // sealed JSON of the passwords and tokens
    QVariantMap state; // the mailbox's UIDVALIDITY, last UID, last poll and error
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// A session that came by mail or text: who it is with, and how to answer.
// A text thread's kind (sms or whatsapp), not a mail's (email) or a web chat's (web).
inline bool isTextChannel(const QString &kind)
{
    return kind == QLatin1String("sms") || kind == QLatin1String("whatsapp");
}

struct ChannelThread {
    QString sessionId;
    QString companyId;
    QString kind; // email, sms or whatsapp
    QString peer; // the customer's address or number
    QString peerName;
    QString own; // the company's address or number they wrote to
    QString subject; // email: the thread's subject as first written
    QString shortId; // the "[#...]" token in the thread's subjects
    qint64 createdAt = 0;
    qint64 activeAt = 0;
};

// One mail or text in or out (dedupe, threading, the outbox, delivery).
struct ChannelMessageRow {
    QString id;
    QString companyId;
    QString sessionId;
    QString messageId; // the conversation's message ('' for an inbound one not posted)
    int part = 0; // a long text's part
    QString direction; // in or out
    QString kind; // email, sms or whatsapp
    QString externalId; // Message-ID (without <>) or Twilio's MessageSid
    QString peer; // the customer's address or number
    QString status; // in: received, stored; out: pending, sent, delivered, failed, undelivered, skipped
    QVariantMap detail; // subject, references, error, automatic, ... (as settings above)
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
};

// A mail's original or one of its attachments.
struct ChannelFile {
    QString id;
    QString companyId;
    QString channelMessageId;
    QString kind; // original or attachment
    QString name;
    QString contentType;
    qint64 bytes = 0;
    QByteArray content; // empty in listings
};

// A reply of a channel session that has not been handed to the outbox yet.
struct UnsentReply {
    QString messageId;
    QString sessionId;
    QString companyId;
    QString role;
    QString content;
    qint64 timestamp = 0;
};

} // namespace tierdesk
