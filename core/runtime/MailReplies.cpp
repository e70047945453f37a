#include "core/runtime/MailReplies.h"

#include "core/integrations/mail/ReplyMail.h"

#include <QUrl>

namespace tierdesk {

Result<SmtpConfig> MailReplies::smtpOf(const MailboxSettings &mailbox, const AddressPolicy &policy)
{
    const QUrl url(mailbox.smtp.url);
    SmtpConfig smtp;
    smtp.host = url.host();
    const bool implicitTls = url.scheme() == QLatin1String("smtps");
    smtp.port = url.port(implicitTls ? 465 : 587);
    smtp.tls = implicitTls ? SmtpConfig::Tls::Implicit
                           : (mailbox.smtp.startTls ? SmtpConfig::Tls::StartTls : SmtpConfig::Tls::None);
    smtp.user = mailbox.smtp.username;
    smtp.password = mailbox.smtp.password.toUtf8();
    smtp.from = mailbox.address;
    smtp.timeoutMs = kTimeoutMs;
    smtp.policy = policy;
    if (Status s = smtp.validate(); !s)
        return s.error();
    return smtp;
}

MailMessage MailReplies::compose(const OutgoingReply &r)
{
    mail::ReplyInput in;
    in.from = MailAddress{r.mailbox.name, r.mailbox.address};
    in.to = MailAddress{r.thread.peerName, r.thread.peer};
    in.subject = r.thread.subject;
    in.shortId = r.thread.shortId;
    in.inReplyTo = r.inReplyTo.toUtf8();
    for (const QString &id : r.references)
        if (id != r.inReplyTo)
            in.references << id.toUtf8();
    in.text = r.text;
    in.quotedName = r.quotedFrom;
    in.quotedDate = r.quotedDate;
    in.quotedText = r.quotedText;
    in.automatic = r.automatic;
    return mail::ReplyMail::composeReply(in);
}

Result<QString> MailReplies::send(const OutgoingReply &r, const AddressPolicy &policy)
{
    const Result<SmtpConfig> smtp = smtpOf(r.mailbox, policy);
    if (!smtp)
        return makeError(ErrorKind::InvalidArgument, smtp.error().message);
    const Status sent = SmtpMailer(*smtp, 1).sendNow(compose(r), r.row.externalId.toUtf8());
    if (!sent)
        return sent.error();
    return r.row.externalId;
}

} // namespace tierdesk
