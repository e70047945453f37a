#pragma once

#include "core/common/Result.h"
#include "core/domain/ChannelRecords.h"
#include "core/engine/channels/MailboxSettings.h"
#include "core/engine/channels/TwilioSettings.h"

#include <QDateTime>
#include <QStringList>

namespace tierdesk {

// One reply (or a text's part) ready to leave, as the outbox prepared it on the engine thread.
struct OutgoingReply {
    ChannelMessageRow row; // kind, peer, external id (a mail's Message-ID), part
    ChannelThread thread;
    QString text; // the words, prepared for the channel (a phone's plain text)
    MailboxSettings mailbox; // e-mail: the company's mailbox (its SMTP server, its address)
    TwilioSettings twilio; // texts: the company's Twilio account
    QString statusCallback; // texts: where Twilio reports delivery
    // E-mail: the message the reply answers and the thread's references, oldest first.
    QString quotedText;
    QString quotedFrom;
    QDateTime quotedDate; // its Date, at its writer's UTC offset (else when it arrived, in UTC)
    QString inReplyTo;
    QStringList references;
    bool automatic = false; // written by an AI tier
};

// Sends a prepared reply on its channel. Blocking, on the outbox's worker threads (thread-safe).
// The provider's id of what was sent (Twilio's MessageSid; a mail's own Message-ID), or why not:
// InvalidArgument when it was refused as it is (retrying cannot help), Unavailable to try again later.
class ReplySender {
public:
    virtual ~ReplySender() = default;
    virtual Result<QString> send(const OutgoingReply &reply) = 0;
};

} // namespace tierdesk
