#include "core/integrations/mail/MimeReader.h"

#include "core/integrations/mail/AutomaticMail.h"
#include "core/integrations/mail/EncodedWordRuns.h"
#include "core/integrations/mail/GMimeLibrary.h"
#include "core/integrations/mail/MailIds.h"
#include "core/integrations/mail/MimePartWalker.h"

#include <QRegularExpression>

namespace tierdesk::mail {

namespace {

constexpr int kMaxAddressesPerField = 100;
constexpr qsizetype kMaxSubjectLineChars = 998;
constexpr int kMaxGroupDepth = 2; // RFC 5322 groups hold mailboxes, not groups; GMime is lenient

Error notAMail(const QString &why)
{
    return makeError(ErrorKind::InvalidArgument, QStringLiteral("This is not an e-mail: %1.").arg(why));
}

// An mbox "From " line before the headers (as some tools save a mail) is not part of it.
QByteArray withoutMboxLine(const QByteArray &raw)
{
    if (!raw.startsWith("From "))
        return raw;
    const qsizetype end = raw.indexOf('\n');
    return end < 0 ? QByteArray() : raw.mid(end + 1);
}

// Where the header block ends: at the first empty line (LF or CRLF), else at the end.
qsizetype headerBlockEnd(const QByteArray &mail)
{
    const qsizetype lf = mail.indexOf("\n\n");
    const qsizetype crlf = mail.indexOf("\n\r\n");
    qsizetype end = lf < 0 || crlf < 0 ? std::max(lf, crlf) : std::min(lf, crlf);
    if (end < 0)
        return mail.size();
    if (end > 0 && mail.at(end - 1) == '\r')
        --end; // the last header line's CR belongs to the line end, not the header
    return end;
}

// A mail starts with a header field: "Name:" with RFC 5322's field-name characters.
bool startsWithHeaderField(const QByteArray &raw)
{
    static const QRegularExpression field(QStringLiteral("^[\\x21-\\x39\\x3b-\\x7e]+[ \\t]*:"));
    const qsizetype end = raw.indexOf('\n');
    return field.match(QString::fromLatin1(raw.left(end < 0 ? raw.size() : end))).hasMatch();
}

void appendAddresses(InternetAddressList *list, QList<MailAddress> &out, int depth)
{
    const int count = list ? internet_address_list_length(list) : 0;
    for (int i = 0; i < count && out.size() < kMaxAddressesPerField; ++i) {
        InternetAddress *address = internet_address_list_get_address(list, i);
        if (auto *mailbox = GMimeLibrary::as<InternetAddressMailbox>(address, internet_address_mailbox_get_type())) {
            const char *name = internet_address_get_name(address);
            const char *addr = internet_address_mailbox_get_addr(mailbox);
            out.append(MailAddress{QString::fromUtf8(name).simplified(), QString::fromUtf8(addr).trimmed()});
        } else if (auto *group = GMimeLibrary::as<InternetAddressGroup>(address, internet_address_group_get_type())) {
            if (depth < kMaxGroupDepth)
                appendAddresses(internet_address_group_get_members(group), out, depth + 1);
        }
    }
}

QList<MailAddress> addressesOf(InternetAddressList *list)
{
    QList<MailAddress> out;
    appendAddresses(list, out, 0);
    return out;
}

MailAddress firstAddressOf(InternetAddressList *list)
{
    const QList<MailAddress> all = addressesOf(list);
    return all.isEmpty() ? MailAddress{} : all.first();
}

// One line: folded or encoded line breaks and other control characters become spaces.
QString subjectLine(const char *text)
{
    return oneLine(QString::fromUtf8(text)).left(kMaxSubjectLineChars);
}

QDateTime dateOf(GMimeMessage *message)
{
    GDateTime *date = g_mime_message_get_date(message);
    if (!date)
        return {};
    const qint64 seconds = g_date_time_to_unix(date);
    const int offset = static_cast<int>(g_date_time_get_utc_offset(date) / G_TIME_SPAN_SECOND);
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::OffsetFromUTC, offset);
}

void readEnvelope(GMimeMessage *message, InboundMail &mail)
{
    auto *object = GMimeLibrary::as<GMimeObject>(message, g_mime_object_get_type());
    mail.messageId = MailIds::messageId(object);
    mail.inReplyTo = MailIds::inReplyTo(object);
    mail.references = MailIds::references(object);
    mail.subject = subjectLine(g_mime_message_get_subject(message));
    mail.from = firstAddressOf(g_mime_message_get_from(message));
    mail.replyTo = firstAddressOf(g_mime_message_get_reply_to(message));
    mail.to = addressesOf(g_mime_message_get_to(message));
    mail.cc = addressesOf(g_mime_message_get_cc(message));
    mail.date = dateOf(message);
}

// Parses what looks like a mail; refuses what is none.
Result<GObjectPtr<GMimeMessage>> parseMail(const QByteArray &raw)
{
    QByteArray bytes = withoutMboxLine(raw);
    if (!startsWithHeaderField(bytes))
        return notAMail(QStringLiteral("it does not start with a header field"));
    if (EncodedWordRuns::needed()) {
        const qsizetype end = headerBlockEnd(bytes);
        bytes = EncodedWordRuns::joinPadded(bytes.left(end)) + bytes.mid(end);
    }
    GObjectPtr<GMimeMessage> message = GMimeLibrary::parseMessage(bytes);
    if (!message)
        return notAMail(QStringLiteral("it has no header block"));
    auto *object = GMimeLibrary::as<GMimeObject>(message.get(), g_mime_object_get_type());
    if (!g_mime_object_get_header(object, "From") && !g_mime_object_get_header(object, "Message-ID"))
        return notAMail(QStringLiteral("it has neither a From nor a Message-ID header"));
    return message;
}

void classify(GMimeMessage *message, bool deliveryReport, InboundMail &mail)
{
    auto *object = GMimeLibrary::as<GMimeObject>(message, g_mime_object_get_type());
    const AutomaticMail::Verdict verdict = AutomaticMail::classify(object, mail.from.address, deliveryReport);
    mail.automatic = verdict.kind;
    mail.automaticBecause = verdict.because;
}

} // namespace

Result<InboundMail> MimeReader::read(const QByteArray &raw, const Limits &limits)
{
    if (raw.size() > limits.maxMailBytes)
        return makeError(ErrorKind::LimitExceeded,
            QStringLiteral("The mail is larger than %1 bytes: read its headers alone.").arg(limits.maxMailBytes));
    auto parsed = parseMail(raw);
    if (!parsed)
        return parsed.error();
    GMimeMessage *message = parsed->get();
    InboundMail mail;
    readEnvelope(message, mail);
    MimePartWalker walker(limits);
    walker.walk(g_mime_message_get_mime_part(message));
    walker.fill(mail);
    classify(message, walker.isDeliveryReport(), mail);
    return mail;
}

Result<InboundMail> MimeReader::readHeaders(const QByteArray &headerBytes)
{
    if (headerBytes.size() > kMaxHeaderBytes)
        return makeError(
            ErrorKind::LimitExceeded, QStringLiteral("The header block is larger than %1 bytes.").arg(kMaxHeaderBytes));
    // Whatever follows the header block is not read.
    auto parsed = parseMail(headerBytes.left(headerBlockEnd(headerBytes)) + "\r\n\r\n");
    if (!parsed)
        return parsed.error();
    GMimeMessage *message = parsed->get();
    InboundMail mail;
    mail.headersOnly = true;
    readEnvelope(message, mail);
    const bool deliveryReport = AutomaticMail::isDeliveryReport(g_mime_message_get_mime_part(message));
    if (deliveryReport)
        mail.bounce = BounceReport{}; // what failed is in the body, not read
    classify(message, deliveryReport, mail);
    return mail;
}

QString MimeReader::baseSubject(const QString &subject)
{
    static const QRegularExpression prefix(
        QStringLiteral("^\\s*(re|fwd?|fw|aw|wg|sv|vs)\\s*(\\[\\d+\\]|\\(\\d+\\))?\\s*:"),
        QRegularExpression::CaseInsensitiveOption);
    QString base = subject.trimmed();
    for (QRegularExpressionMatch m = prefix.match(base); m.hasMatch(); m = prefix.match(base))
        base = base.mid(m.capturedLength()).trimmed();
    return base;
}

} // namespace tierdesk::mail
