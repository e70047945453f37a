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

    // The mailbox's SMTP server as the mailer takes it, reached under `policy` (the connectors': a
    // company's mail server is one of its own systems).
    static Result<SmtpConfig> smtpOf(const MailboxSettings &mailbox, const AddressPolicy &policy);
    static MailMessage compose(const OutgoingReply &reply);
    // Our Message-ID once the server took it; InvalidArgument when it refused the mail as it is, or
    // the server is at an address the policy refuses.
    static Result<QString> send(const OutgoingReply &reply, const AddressPolicy &policy);
};

} // namespace tierdesk
