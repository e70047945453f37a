#include "core/runtime/ChannelReplies.h"

namespace tierdesk {

ChannelReplies::ChannelReplies(std::shared_ptr<TextSender> texts, MailSend mail)
    : m_texts(std::move(texts)), m_mail(std::move(mail))
{
}

Result<QString> ChannelReplies::send(const OutgoingReply &r)
{
    if (r.row.kind == QLatin1String("email")) {
        if (!m_mail)
            return makeError(ErrorKind::Unavailable, QStringLiteral("e-mail is not sent from this server"));
        return m_mail(r);
    }
    OutboundText text;
    text.companyId = r.row.companyId;
    text.sessionId = r.row.sessionId;
    text.messageId = r.row.messageId;
    text.from = r.thread.own;
    text.to = r.thread.peer;
    text.body = r.text;
    text.statusCallback = r.statusCallback;
    text.account = r.twilio;
    return m_texts->send(text);
}

} // namespace tierdesk
