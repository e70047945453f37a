#pragma once

#include "core/engine/channels/ReplySender.h"
#include "core/engine/channels/TextSender.h"

#include <functional>
#include <memory>

namespace tierdesk {

// How replies leave, per channel (the outbox's one sender): texts through the company's Twilio
// account, mails through its mailbox's SMTP server. Thread-safe: the outbox's workers call it.
class ChannelReplies final : public ReplySender {
public:
    using MailSend = std::function<Result<QString>(const OutgoingReply &)>;

    ChannelReplies(std::shared_ptr<TextSender> texts, MailSend mail);
    Result<QString> send(const OutgoingReply &reply) override;

private:
    std::shared_ptr<TextSender> m_texts;
    MailSend m_mail;
};

} // namespace tierdesk
