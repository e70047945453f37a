#pragma once

#include "core/integrations/MailMessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tierdesk::mail {

// A part of a mail that is not its text: a file, an inline image, a forwarded message.
struct MailAttachment {
    QString fileName; // decoded (RFC 2047/2231); a forwarded message is "<its subject>.eml"; may be empty
    QByteArray contentType; // "image/png", lower case
    QByteArray data; // decoded; empty when larger than the reader's limit (size says how large)
    QByteArray contentId; // without <>, for cid: references from the HTML
    bool isInline = false; // shown in the text (Content-Disposition inline, or an image with a Content-ID)
    qint64 size = 0; // decoded bytes, also when data was left out
};

// Mail that no person wrote this time: answering it starts loops or talks to machines.
enum class Automatic { No, AutoReply, Bulk, MailerDaemon, Bounce };

// What a delivery status notification (RFC 3464) says about a mail that did not arrive.
struct BounceReport {
    QByteArray originalMessageId; // the returned message's Message-ID, without <>
    QStringList failedRecipients; // Final-Recipient of each failed recipient ("rfc822;" dropped)
    QString status; // "5.1.1"
    QString diagnostic; // the remote server's words ("smtp;" dropped)
};

// A customer's mail as the engine needs it, read by MimeReader.
struct InboundMail {
    QByteArray messageId; // without <>; empty when the mail has none (ids as a reply can echo them: MailIds)
    QByteArray inReplyTo; // the first id of In-Reply-To, without <>
    QList<QByteArray> references; // References, in order, without <>
    QString subject; // decoded (RFC 2047), one line
    MailAddress from;
    MailAddress replyTo;
    QList<MailAddress> to, cc;
    QDateTime date; // invalid when missing or unparseable
    QString text; // what the writer wrote this time: the text part without quoted history and signature
    QString fullText; // the same part whole (quotes included)
    QString html; // the text/html part as sent (never rendered or fetched)
    QList<MailAttachment> attachments;
    Automatic automatic = Automatic::No;
    QString automaticBecause; // the header that said so, e.g. "Auto-Submitted: auto-replied"
    std::optional<BounceReport> bounce; // set exactly when automatic is Bounce
    bool headersOnly = false; // read from headers alone (a mail over the size limit)
    // Text, HTML, parts or attachments beyond the reader's limits were left out (an attachment
    // over maxAttachmentBytes is not: it is kept with its size and without its data).
    bool truncated = false;
};

} // namespace tierdesk::mail
