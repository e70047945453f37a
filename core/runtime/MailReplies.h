#pragma once

#include "core/engine/channels/ReplySender.h"
#include "core/integrations/SmtpMailer.h"

namespace tierdesk {

// A reply of a mail conversation, composed as mail clients expect one (mail::ReplyMail: threaded
// under the customer's mail, quoting it, marked automatic when an AI tier wrote it) and sent
// through the mailbox's SMTP server with the Message-ID the outbox chose. Thread-safe.
class MailReplies {
public:
    static constexpr int kTimeoutMs = 30000;

    // The mailbox's SMTP server as the mailer takes it.
    static Result<SmtpConfig> smtpOf(const MailboxSettings &mailbox);
    static MailMessage compose(const OutgoingReply &reply);
    // Our Message-ID once the server took it; InvalidArgument when it refused the mail as it is.
    static Result<QString> send(const OutgoingReply &reply);
};

} // namespace tierdesk
