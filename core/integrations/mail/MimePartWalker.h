#pragma once

#include "core/integrations/mail/GMimeLibrary.h"
#include "core/integrations/mail/InboundMail.h"
#include "core/integrations/mail/MimeLimits.h"

#include <QStringList>

namespace tierdesk::mail {

// Walks a parsed mail's MIME tree within the limits and sorts its parts: the text (every inline
// text/plain part, joined; the text/html ones likewise), the attachments, and a delivery report's
// parts. multipart/alternative needs no choice here: its text/plain is the text and its text/html
// the HTML. A forwarded message (message/rfc822) is an attachment, not walked into; a signature
// part of multipart/signed is skipped; multipart/encrypted is left alone.
class MimePartWalker {
public:
    explicit MimePartWalker(const MimeLimits &limits) : m_limits(limits) { }

    void walk(GMimeObject *top);
    // text, fullText, html, attachments, truncated; the bounce report when the mail is one.
    void fill(InboundMail &mail) const;
    // A multipart/report of delivery status was seen: the mail is a bounce.
    bool isDeliveryReport() const { return m_deliveryReport; }

private:
    void visit(GMimeObject *object, int depth, bool inReport);
    void visitMultipart(GMimeMultipart *multipart, int depth);
    void visitMessage(GMimeMessagePart *part, bool inReport);
    void visitLeaf(GMimePart *part, bool inReport);
    void addText(GMimePart *part, bool html);
    void addAttachment(GMimePart *part);
    void append(QString &into, const QString &piece, qsizetype max);
    bool roomForAttachment();

    MimeLimits m_limits;
    int m_parts = 0;
    QString m_plain;
    QString m_html;
    QList<MailAttachment> m_attachments;
    bool m_truncated = false;
    bool m_deliveryReport = false;
    bool m_hasStatus = false;
    QByteArray m_deliveryStatus;
    QByteArray m_originalMessageId;
};

} // namespace tierdesk::mail
