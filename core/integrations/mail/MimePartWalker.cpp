#include "core/integrations/mail/MimePartWalker.h"

#include "core/integrations/mail/AutomaticMail.h"
#include "core/integrations/mail/DeliveryStatus.h"
#include "core/integrations/mail/HtmlText.h"
#include "core/integrations/mail/MailCharset.h"
#include "core/integrations/mail/MailIds.h"
#include "core/integrations/mail/ReplyText.h"

#include <QRegularExpression>

namespace tierdesk::mail {

namespace {

constexpr qsizetype kMaxFileNameChars = 200;
constexpr qsizetype kMetaCharsetWindow = 2048; // an HTML part names its charset near its start
constexpr int kBytesPerCharRead = 4; // a text part is decoded from at most this many bytes a char it may keep

QByteArray mediaTypeOf(GMimeObject *object)
{
    GMimeContentType *type = g_mime_object_get_content_type(object);
    if (!type)
        return "text/plain";
    return (QByteArray(g_mime_content_type_get_media_type(type)) + '/'
        + QByteArray(g_mime_content_type_get_media_subtype(type)))
        .toLower();
}

// A name safe to show and to save: no folders, no control characters, not endless.
QString cleanFileName(const QString &name)
{
    QString clean = name.section(QLatin1Char('/'), -1).section(QLatin1Char('\\'), -1);
    clean.remove(QRegularExpression(QStringLiteral("[\\x00-\\x1f\\x7f]")));
    return clean.trimmed().left(kMaxFileNameChars);
}

QByteArray htmlMetaCharset(const QByteArray &html)
{
    static const QRegularExpression meta(QStringLiteral("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)"),
        QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = meta.match(QString::fromLatin1(html.left(kMetaCharsetWindow)));
    return m.hasMatch() ? m.captured(1).toLatin1() : QByteArray();
}

bool isAttachmentDisposition(GMimeObject *object)
{
    GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(object);
    return disposition && g_mime_content_disposition_is_attachment(disposition);
}

// Shown within the text: Content-Disposition inline, or none and a Content-ID the HTML refers to.
bool isInlinePart(GMimeObject *object)
{
    GMimeContentDisposition *disposition = g_mime_object_get_content_disposition(object);
    if (disposition)
        return !g_mime_content_disposition_is_attachment(disposition);
    return g_mime_object_get_content_id(object) != nullptr;
}

bool hasWordsIn(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

} // namespace

void MimePartWalker::walk(GMimeObject *top)
{
    if (top)
        visit(top, 0, false);
}

void MimePartWalker::visit(GMimeObject *object, int depth, bool inReport)
{
    if (++m_parts > m_limits.maxParts || depth > m_limits.maxDepth) {
        m_truncated = true;
        return;
    }
    if (auto *multipart = GMimeLibrary::as<GMimeMultipart>(object, g_mime_multipart_get_type()))
        visitMultipart(multipart, depth);
    else if (auto *message = GMimeLibrary::as<GMimeMessagePart>(object, g_mime_message_part_get_type()))
        visitMessage(message, inReport);
    else if (auto *part = GMimeLibrary::as<GMimePart>(object, g_mime_part_get_type()))
        visitLeaf(part, inReport);
}

void MimePartWalker::visitMultipart(GMimeMultipart *multipart, int depth)
{
    auto *object = GMimeLibrary::as<GMimeObject>(multipart, g_mime_object_get_type());
    const QByteArray type = mediaTypeOf(object);
    if (type == "multipart/encrypted")
        return; // nothing readable without the key
    const bool report = AutomaticMail::isDeliveryReport(object);
    m_deliveryReport = m_deliveryReport || report;
    // multipart/signed: the first part is the content, the second its signature.
    const int count = type == "multipart/signed" ? std::min(1, g_mime_multipart_get_count(multipart))
                                                 : g_mime_multipart_get_count(multipart);
    for (int i = 0; i < count && m_parts <= m_limits.maxParts; ++i)
        visit(g_mime_multipart_get_part(multipart, i), depth + 1, report);
}

void MimePartWalker::visitMessage(GMimeMessagePart *part, bool inReport)
{
    GMimeMessage *message = g_mime_message_part_get_message(part);
    if (!message)
        return;
    auto *object = GMimeLibrary::as<GMimeObject>(message, g_mime_object_get_type());
    if (inReport && m_originalMessageId.isEmpty())
        m_originalMessageId = MailIds::messageId(object);
    if (!roomForAttachment())
        return;
    MailAttachment forwarded;
    const char *subject = g_mime_message_get_subject(message);
    const QString name = cleanFileName(subject ? QString::fromUtf8(subject).simplified() : QString());
    forwarded.fileName = (name.isEmpty() ? QStringLiteral("message") : name) + QStringLiteral(".eml");
    forwarded.contentType = "message/rfc822";
    const QByteArray bytes = GMimeLibrary::serialize(object);
    forwarded.size = bytes.size();
    if (forwarded.size <= m_limits.maxAttachmentBytes)
        forwarded.data = bytes;
    m_attachments.append(forwarded);
}

void MimePartWalker::visitLeaf(GMimePart *part, bool inReport)
{
    auto *object = GMimeLibrary::as<GMimeObject>(part, g_mime_object_get_type());
    const QByteArray type = mediaTypeOf(object);
    const bool named = g_mime_part_get_filename(part) != nullptr;
    if ((type == "text/plain" || type == "text/html") && !named && !isAttachmentDisposition(object)) {
        addText(part, type == "text/html");
    } else if (type == "message/delivery-status" || type == "message/global-delivery-status") {
        if (!m_hasStatus)
            m_deliveryStatus = GMimeLibrary::content(part);
        m_hasStatus = true;
    } else if (type == "text/rfc822-headers" || type == "message/global-headers") {
        if (inReport && m_originalMessageId.isEmpty()) {
            const auto headers = GMimeLibrary::parseMessage(GMimeLibrary::content(part) + "\n\n");
            if (headers)
                m_originalMessageId
                    = MailIds::messageId(GMimeLibrary::as<GMimeObject>(headers.get(), g_mime_object_get_type()));
        }
    } else {
        addAttachment(part);
    }
}

void MimePartWalker::addText(GMimePart *part, bool html)
{
    auto *object = GMimeLibrary::as<GMimeObject>(part, g_mime_object_get_type());
    const qsizetype max = html ? m_limits.maxHtmlChars : m_limits.maxTextChars;
    const QByteArray bytes = GMimeLibrary::content(part);
    if (bytes.size() > max * kBytesPerCharRead)
        m_truncated = true;
    const QByteArray kept = bytes.left(max * kBytesPerCharRead);
    QByteArray charset = g_mime_object_get_content_type_parameter(object, "charset");
    if (html && charset.isEmpty())
        charset = htmlMetaCharset(kept);
    QString text = MailCharset::decode(kept, charset);
    if (!html) // the text in one convention of line ends; the HTML stays as sent
        text.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    append(html ? m_html : m_plain, text, max);
}

void MimePartWalker::append(QString &into, const QString &piece, qsizetype max)
{
    const QString separator = into.isEmpty() ? QString() : QStringLiteral("\n");
    const qsizetype room = max - into.size() - separator.size();
    if (piece.size() > room)
        m_truncated = true;
    if (room > 0)
        into += separator + piece.left(room);
}

bool MimePartWalker::roomForAttachment()
{
    if (m_attachments.size() < m_limits.maxAttachments)
        return true;
    m_truncated = true;
    return false;
}

void MimePartWalker::addAttachment(GMimePart *part)
{
    if (!roomForAttachment())
        return;
    auto *object = GMimeLibrary::as<GMimeObject>(part, g_mime_object_get_type());
    MailAttachment a;
    const char *fileName = g_mime_part_get_filename(part);
    a.fileName = cleanFileName(fileName ? QString::fromUtf8(fileName) : QString());
    a.contentType = mediaTypeOf(object);
    a.contentId = g_mime_object_get_content_id(object);
    a.isInline = isInlinePart(object);
    // Decoding never grows the content: when the encoded bytes fit, so do the decoded ones.
    GMimeDataWrapper *wrapper = g_mime_part_get_content(part);
    GMimeStream *stream = wrapper ? g_mime_data_wrapper_get_stream(wrapper) : nullptr;
    const gint64 encoded = stream ? g_mime_stream_length(stream) : -1;
    if (encoded >= 0 && encoded <= m_limits.maxAttachmentBytes) {
        a.data = GMimeLibrary::content(part);
        a.size = a.data.size();
    } else {
        a.size = GMimeLibrary::contentSize(part);
        if (a.size <= m_limits.maxAttachmentBytes)
            a.data = GMimeLibrary::content(part);
    }
    m_attachments.append(a);
}

void MimePartWalker::fill(InboundMail &mail) const
{
    const bool plainHasWords = hasWordsIn(m_plain);
    mail.fullText = plainHasWords || m_html.isEmpty() ? m_plain : HtmlText::toText(m_html);
    if (mail.fullText.size() > m_limits.maxTextChars) {
        mail.fullText.truncate(m_limits.maxTextChars);
        mail.truncated = true;
    }
    mail.text = ReplyText::latest(mail.fullText);
    mail.html = m_html;
    mail.attachments = m_attachments;
    mail.truncated = mail.truncated || m_truncated;
    if (m_deliveryReport) {
        BounceReport report = DeliveryStatus::parse(m_deliveryStatus);
        report.originalMessageId = m_originalMessageId;
        mail.bounce = report;
    }
}

} // namespace tierdesk::mail
