// Fuzzes the e-mail channel's MIME reading (core/integrations/mail): the input is a raw mail as IMAP
// hands it over, read by MimeReader with small limits (so that they are reached) and by
// readHeaders; then a reply to it is composed, rendered and read back, as the engine will do.
// Properties: a refusal is InvalidArgument or LimitExceeded with a message; a mail read keeps every
// limit (attachments, their data, text and HTML sizes), has text whenever its text part has words,
// a bounce report exactly when it is a bounce, a reason whenever it is automatic, a one-line subject
// and ids a reply can carry; the reply to any mail is valid, renders, and reads back threaded under it.
#include "core/integrations/mail/HtmlText.h"
#include "core/integrations/mail/MailIds.h"
#include "core/integrations/mail/MimeReader.h"
#include "core/integrations/mail/ReplyMail.h"
#include "fuzz/FuzzCheck.h"

#include <QDateTime>

#include <cstddef>
#include <cstdint>

using namespace tierdesk;
using namespace tierdesk::mail;

namespace {

MimeReader::Limits fuzzLimits()
{
    MimeReader::Limits limits;
    limits.maxMailBytes = 1024 * 1024;
    limits.maxAttachmentBytes = 4096;
    limits.maxAttachments = 4;
    limits.maxTextChars = 4000;
    limits.maxHtmlChars = 16000;
    limits.maxDepth = 8;
    limits.maxParts = 64;
    return limits;
}

bool hasWords(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

void checkRefusal(const Error &error)
{
    fuzz::check(error.kind == ErrorKind::InvalidArgument || error.kind == ErrorKind::LimitExceeded,
        "a refusal is InvalidArgument or LimitExceeded", error.message.toUtf8());
    fuzz::check(!error.message.isEmpty(), "a refusal says why");
}

void checkMail(const InboundMail &m, const MimeReader::Limits &limits)
{
    fuzz::check(m.attachments.size() <= limits.maxAttachments, "at most maxAttachments attachments");
    for (const MailAttachment &a : m.attachments) {
        fuzz::check(a.data.size() <= limits.maxAttachmentBytes, "attachment data within maxAttachmentBytes");
        fuzz::check(a.data.isEmpty() || a.size == a.data.size(), "an attachment's size is its data's");
        fuzz::check(a.size >= 0 && (!a.data.isEmpty() || a.size == 0 || a.size > limits.maxAttachmentBytes),
            "data is left out only when over the limit", QByteArray::number(a.size));
    }
    fuzz::check(m.fullText.size() <= limits.maxTextChars, "the text within maxTextChars");
    fuzz::check(m.html.size() <= limits.maxHtmlChars, "the HTML within maxHtmlChars");
    fuzz::check(!hasWords(m.fullText) || hasWords(m.text), "a text with words keeps words", m.fullText.toUtf8());
    fuzz::check((m.automatic == Automatic::Bounce) == m.bounce.has_value(), "a bounce report exactly for a bounce");
    fuzz::check((m.automatic == Automatic::No) == m.automaticBecause.isEmpty(), "automatic mail says why");
    fuzz::check(oneLine(m.subject) == m.subject, "the subject is one line", m.subject.toUtf8());
    fuzz::check(m.messageId.isEmpty() || isMessageId(m.messageId), "the Message-ID is one", m.messageId);
    fuzz::check(m.inReplyTo.isEmpty() || isMessageId(m.inReplyTo), "In-Reply-To is an id", m.inReplyTo);
    fuzz::check(m.references.size() <= MailIds::kMaxReferences, "at most kMaxReferences references");
    for (const QByteArray &id : m.references)
        fuzz::check(isMessageId(id), "References are ids", id);
}

// The engine's answer to the mail: valid, rendered, and read back under the mail's thread.
void checkReply(const InboundMail &m)
{
    ReplyInput in;
    in.from = MailAddress{QStringLiteral("Support"), QStringLiteral("support@shop.example")};
    in.to = MailAddress{m.from.name, QStringLiteral("customer@example.com")};
    in.subject = m.subject;
    in.shortId = QStringLiteral("FUZZ01");
    in.inReplyTo = m.messageId;
    in.references = m.references;
    in.text = m.text;
    in.quotedName = m.from.name;
    in.quotedDate = m.date;
    in.quotedText = m.fullText;
    in.automatic = true;
    const MailMessage reply = ReplyMail::composeReply(in);
    const Status valid = reply.validate();
    fuzz::check(valid.ok(), "a reply to any mail is valid", valid.ok() ? QByteArray() : valid.error().message.toUtf8());
    const auto bytes = reply.render(QDateTime::fromSecsSinceEpoch(1766145600, Qt::UTC), "reply@shop.example");
    fuzz::check(bytes.ok(), "a valid reply renders");
    const auto back = MimeReader::read(*bytes);
    fuzz::check(back.ok(), "a rendered reply reads back", *bytes);
    fuzz::check(ReplyMail::tokenIn(back->subject) == in.shortId, "the reply's subject carries its token", *bytes);
    fuzz::check(back->inReplyTo == m.messageId, "the reply is threaded under the mail", *bytes);
    fuzz::check(back->automatic == Automatic::AutoReply, "the automatic reply says so", *bytes);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray raw(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    const MimeReader::Limits limits = fuzzLimits();
    const auto mail = MimeReader::read(raw, limits);
    const auto headers = MimeReader::readHeaders(raw);
    if (!headers.ok())
        checkRefusal(headers.error());
    else
        fuzz::check(headers->headersOnly && headers->text.isEmpty(), "readHeaders reads headers only");
    // The converters on their own, on the input as text.
    const QString asText = QString::fromUtf8(raw);
    fuzz::check(!hasWords(HtmlText::toText(asText)) || hasWords(asText), "HTML as text invents no words");
    if (!mail.ok()) {
        checkRefusal(mail.error());
        return 0;
    }
    checkMail(*mail, limits);
    checkReply(*mail);
    return 0;
}
