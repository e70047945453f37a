#include "core/integrations/MailMessage.h"

#include <QCryptographicHash>
#include <QLatin1String>

namespace tierdesk {

namespace {

constexpr int kMaxAddressChars = 254;
constexpr int kMaxLine = 76;
// 39 UTF-8 bytes are 52 base64 characters: "=?utf-8?B?" + 52 + "?=" is 64, so an
// encoded word fits on a line even after "Subject: ".
constexpr int kMaxWordBytes = 39;

bool isControl(QChar c)
{
    return c.unicode() < 0x20 || c.unicode() == 0x7f || (c.unicode() >= 0x80 && c.unicode() < 0xa0)
        || c == QChar::LineSeparator || c == QChar::ParagraphSeparator;
}

bool hasControl(const QString &s)
{
    for (const QChar c : s) {
        if (isControl(c))
            return true;
    }
    return false;
}

bool isAscii(const QString &s)
{
    for (const QChar c : s) {
        if (c.unicode() > 0x7e)
            return false;
    }
    return true;
}

Error invalid(const QString &what)
{
    return makeError(ErrorKind::InvalidArgument, what);
}

Status checkAddress(const QString &address, const QString &original)
{
    static const QString forbidden = QStringLiteral(" <>()[]\\,;:\"");
    const qsizetype at = address.indexOf(QLatin1Char('@'));
    if (address.isEmpty() || address.size() > kMaxAddressChars)
        return invalid(
            QStringLiteral("\"%1\" is not an e-mail address (1 to %2 characters)").arg(original).arg(kMaxAddressChars));
    if (!isAscii(address))
        return invalid(QStringLiteral("e-mail address \"%1\" must be ASCII").arg(original));
    for (const QChar c : address) {
        if (forbidden.contains(c))
            return invalid(QStringLiteral("e-mail address \"%1\" may not contain '%2'").arg(original, QString(c)));
    }
    if (at <= 0 || at != address.lastIndexOf(QLatin1Char('@')) || at == address.size() - 1
        || address.endsWith(QLatin1Char('.')) || address.contains(QLatin1String("..")))
        return invalid(QStringLiteral("\"%1\" is not an e-mail address (local@domain)").arg(original));
    return Ok{};
}

// One address for a header: the name quoted or encoded, then <address>.
QByteArray formatAddress(const MailAddress &a)
{
    const QByteArray addr = '<' + a.address.toLatin1() + '>';
    if (a.name.isEmpty())
        return a.address.toLatin1();
    if (!isAscii(a.name) || a.name.contains(QLatin1String("=?")))
        return mail::encodeHeaderValue(a.name) + "\r\n " + addr;
    QByteArray quoted = a.name.toLatin1();
    quoted.replace('\\', "\\\\").replace('"', "\\\"");
    return '"' + quoted + "\" " + addr;
}

// Folds an ASCII header value at spaces so lines stay near 78 characters where
// the text allows it (a single long word stays whole; the line limit is 998).
QByteArray foldAscii(const QByteArray &value, int used)
{
    QByteArray out;
    int lineLen = used;
    const QList<QByteArray> words = value.split(' ');
    for (int i = 0; i < words.size(); ++i) {
        const QByteArray &w = words.at(i);
        if (i > 0) {
            if (lineLen + 1 + w.size() > 78 && lineLen > 1) {
                out += "\r\n";
                lineLen = 0;
            }
            out += ' ';
            ++lineLen;
        }
        out += w;
        lineLen += static_cast<int>(w.size());
    }
    return out;
}

void appendQpLine(QByteArray &out, const QByteArray &line)
{
    static const char hex[] = "0123456789ABCDEF";
    int lineLen = 0;
    for (int i = 0; i < line.size(); ++i) {
        const auto b = static_cast<unsigned char>(line.at(i));
        const bool last = i == line.size() - 1;
        const bool leadingDot = i == 0 && b == '.';
        const bool leadingFrom = i == 0 && line.startsWith("From ");
        QByteArray token;
        if (((b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !last)) && !leadingDot && !leadingFrom)
            token = QByteArray(1, static_cast<char>(b));
        else
            token = QByteArray("=") + hex[b >> 4] + hex[b & 0xf];
        // Soft line break: "=" at the end keeps every line within 76 characters.
        if (lineLen + token.size() > kMaxLine - 1) {
            out += "=\r\n";
            lineLen = 0;
        }
        out += token;
        lineLen += static_cast<int>(token.size());
    }
    out += "\r\n";
}

constexpr int kMaxMessageIdChars = 500;

// Fields render() writes itself: an extra header may not repeat or contradict them.
bool isRenderedField(const QByteArray &name)
{
    static const QList<QByteArray> rendered{
        "from", "to", "cc", "bcc", "subject", "date", "message-id", "in-reply-to", "references", "mime-version"};
    const QByteArray lower = name.toLower();
    return rendered.contains(lower) || lower.startsWith("content-");
}

// RFC 5322 field-name: printable ASCII but the colon.
bool isFieldName(const QByteArray &name)
{
    if (name.isEmpty() || name.size() > MailMessage::kMaxHeaderNameChars)
        return false;
    for (const char c : name) {
        if (c < 33 || c > 126 || c == ':')
            return false;
    }
    return true;
}

bool isHeaderText(const QByteArray &value)
{
    for (const char c : value) {
        if ((c < 32 && c != '\t') || c > 126)
            return false;
    }
    return true;
}

Status checkExtraHeaders(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    if (headers.size() > MailMessage::kMaxExtraHeaders)
        return invalid(
            QStringLiteral("an e-mail may carry at most %1 extra headers").arg(MailMessage::kMaxExtraHeaders));
    for (const auto &[name, value] : headers) {
        const QString shown = QString::fromLatin1(name.left(MailMessage::kMaxHeaderNameChars));
        if (!isFieldName(name))
            return invalid(
                QStringLiteral("\"%1\" is not a header name (printable ASCII without ':', 1 to %2 characters)")
                    .arg(shown)
                    .arg(MailMessage::kMaxHeaderNameChars));
        if (isRenderedField(name))
            return invalid(
                QStringLiteral("the %1 header is written from its own field, not as an extra header").arg(shown));
        if (!isHeaderText(value) || value.size() > MailMessage::kMaxHeaderValueChars)
            return invalid(
                QStringLiteral("the %1 header's value must be printable ASCII without line breaks, at most %2 "
                               "characters")
                    .arg(shown)
                    .arg(MailMessage::kMaxHeaderValueChars));
    }
    return Ok{};
}

Status checkThreadIds(const QByteArray &inReplyTo, const QList<QByteArray> &references)
{
    if (!inReplyTo.isEmpty() && !mail::isMessageId(inReplyTo))
        return invalid(
            QStringLiteral("In-Reply-To \"%1\" is not a message id").arg(QString::fromLatin1(inReplyTo.left(80))));
    if (references.size() > MailMessage::kMaxReferences)
        return invalid(QStringLiteral("References may name at most %1 messages").arg(MailMessage::kMaxReferences));
    for (const QByteArray &id : references) {
        if (!mail::isMessageId(id))
            return invalid(
                QStringLiteral("References: \"%1\" is not a message id").arg(QString::fromLatin1(id.left(80))));
    }
    return Ok{};
}

// Validated addresses, one a line.
QByteArray addressLines(const QStringList &addresses)
{
    QByteArray out;
    for (int i = 0; i < addresses.size(); ++i) {
        if (i > 0)
            out += ",\r\n ";
        out += formatAddress(*MailAddress::parse(addresses.at(i)));
    }
    return out;
}

QByteArray angleIds(const QList<QByteArray> &ids)
{
    QByteArray out;
    for (const QByteArray &id : ids)
        out += (out.isEmpty() ? "<" : " <") + id + '>';
    return out;
}

// multipart/alternative: the plain text first, the HTML last (the one clients prefer). The
// boundary starts with "=_", which quoted-printable never produces, so no part can contain it;
// the rest comes from the Message-ID, so the same message renders the same bytes.
QByteArray alternativeParts(const QString &text, const QString &html, const QByteArray &messageId)
{
    const QByteArray boundary
        = "=_tierdesk_" + QCryptographicHash::hash(messageId, QCryptographicHash::Sha1).toHex().left(24);
    const QByteArray partHead = "Content-Transfer-Encoding: quoted-printable\r\n\r\n";
    QByteArray out = "Content-Type: multipart/alternative;\r\n boundary=\"" + boundary + "\"\r\n\r\n";
    out += "--" + boundary + "\r\nContent-Type: text/plain; charset=utf-8\r\n" + partHead + mail::quotedPrintable(text);
    out += "--" + boundary + "\r\nContent-Type: text/html; charset=utf-8\r\n" + partHead + mail::quotedPrintable(html);
    out += "--" + boundary + "--\r\n";
    return out;
}

} // namespace

Result<MailAddress> MailAddress::parse(const QString &text)
{
    if (hasControl(text))
        return invalid(QStringLiteral("e-mail address may not contain line breaks or control characters"));
    const QString t = text.trimmed();
    MailAddress a;
    const qsizetype open = t.indexOf(QLatin1Char('<'));
    if (open >= 0) {
        if (!t.endsWith(QLatin1Char('>')) || t.indexOf(QLatin1Char('<'), open + 1) >= 0)
            return invalid(QStringLiteral("\"%1\" is not an e-mail address (Name <local@domain>)").arg(t));
        a.address = t.mid(open + 1, t.size() - open - 2).trimmed();
        a.name = t.left(open).trimmed();
        if (a.name.size() >= 2 && a.name.startsWith(QLatin1Char('"')) && a.name.endsWith(QLatin1Char('"'))) {
            // A quoted string: drop the quotes and undo its \-escapes.
            const QString quoted = a.name.mid(1, a.name.size() - 2);
            a.name.clear();
            for (qsizetype i = 0; i < quoted.size(); ++i) {
                if (quoted.at(i) == QLatin1Char('\\') && i + 1 < quoted.size())
                    ++i;
                a.name += quoted.at(i);
            }
        }
    } else {
        a.address = t;
    }
    if (const Status s = checkAddress(a.address, t); !s)
        return s.error();
    return a;
}

QString MailAddress::toString() const
{
    QString shown = mail::oneLine(name);
    shown.remove(QLatin1Char('<')).remove(QLatin1Char('>'));
    shown = shown.simplified();
    if (shown.isEmpty())
        return address;
    shown.replace(QLatin1Char('\\'), QLatin1String("\\\\")).replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + shown + QStringLiteral("\" <") + address + QLatin1Char('>');
}

Status MailMessage::validate() const
{
    if (const auto f = MailAddress::parse(from); !f)
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("From: ") + f.error().message);
    if (to.isEmpty() || to.size() + cc.size() > kMaxRecipients)
        return invalid(QStringLiteral("an e-mail needs 1 to %1 recipients").arg(kMaxRecipients));
    for (const QString &r : to) {
        if (const auto a = MailAddress::parse(r); !a)
            return makeError(ErrorKind::InvalidArgument, QStringLiteral("To: ") + a.error().message);
    }
    for (const QString &r : cc) {
        if (const auto a = MailAddress::parse(r); !a)
            return makeError(ErrorKind::InvalidArgument, QStringLiteral("Cc: ") + a.error().message);
    }
    if (hasControl(subject))
        return invalid(QStringLiteral("the subject may not contain line breaks or control characters"));
    if (subject.size() > kMaxSubjectChars)
        return invalid(QStringLiteral("the subject is longer than %1 characters").arg(kMaxSubjectChars));
    if (body.toUtf8().size() > kMaxBodyBytes)
        return invalid(QStringLiteral("the body is larger than %1 bytes").arg(kMaxBodyBytes));
    if (htmlBody.toUtf8().size() > kMaxBodyBytes)
        return invalid(QStringLiteral("the HTML body is larger than %1 bytes").arg(kMaxBodyBytes));
    if (html && !htmlBody.isEmpty())
        return invalid(QStringLiteral("an e-mail with an HTML alternative has a plain body (html stays false)"));
    if (const Status s = checkThreadIds(inReplyTo, references); !s)
        return s;
    return checkExtraHeaders(extraHeaders);
}

// From, To, Cc, Subject, Date, Message-ID, In-Reply-To, References and the extra headers.
QByteArray MailMessage::renderHeaders(const QDateTime &date, const QByteArray &messageId) const
{
    QByteArray out;
    out += "From: " + formatAddress(*MailAddress::parse(from)) + "\r\n";
    out += "To: " + addressLines(to) + "\r\n";
    if (!cc.isEmpty())
        out += "Cc: " + addressLines(cc) + "\r\n";
    const bool encode = !isAscii(subject) || subject.contains(QLatin1String("=?"));
    out += "Subject: " + (encode ? mail::encodeHeaderValue(subject) : foldAscii(subject.toLatin1(), 9)) + "\r\n";
    out += "Date: " + mail::rfc5322Date(date) + "\r\n";
    out += "Message-ID: <" + messageId + ">\r\n";
    if (!inReplyTo.isEmpty())
        out += "In-Reply-To: <" + inReplyTo + ">\r\n";
    if (!references.isEmpty())
        out += "References: " + foldAscii(angleIds(references), 12) + "\r\n";
    for (const auto &[name, value] : extraHeaders)
        out += name + ": " + foldAscii(value, static_cast<int>(name.size()) + 2) + "\r\n";
    return out;
}

Result<QByteArray> MailMessage::render(const QDateTime &date, const QByteArray &messageId) const
{
    if (const Status s = validate(); !s)
        return s.error();
    const QString id = QString::fromLatin1(messageId);
    if (messageId.isEmpty() || !isAscii(id) || hasControl(id) || messageId.contains(' ') || messageId.contains('<')
        || messageId.contains('>') || !messageId.contains('@'))
        return invalid(QStringLiteral("invalid Message-ID \"%1\"").arg(id));

    QByteArray out = renderHeaders(date, messageId);
    out += "MIME-Version: 1.0\r\n";
    if (!htmlBody.isEmpty())
        return QByteArray(out + alternativeParts(body, htmlBody, messageId));
    out += html ? "Content-Type: text/html; charset=utf-8\r\n" : "Content-Type: text/plain; charset=utf-8\r\n";
    out += "Content-Transfer-Encoding: quoted-printable\r\n";
    out += "\r\n";
    out += mail::quotedPrintable(body);
    return out;
}

namespace mail {

QByteArray encodeHeaderValue(const QString &value)
{
    QList<QByteArray> chunks;
    QByteArray chunk;
    // Whole code points only: an encoded word may not end inside a UTF-8 sequence.
    for (qsizetype i = 0; i < value.size(); ++i) {
        const qsizetype n = value.at(i).isHighSurrogate() && i + 1 < value.size() ? 2 : 1;
        const QByteArray bytes = value.mid(i, n).toUtf8();
        i += n - 1;
        if (chunk.size() + bytes.size() > kMaxWordBytes) {
            chunks.append(chunk);
            chunk.clear();
        }
        chunk += bytes;
    }
    if (!chunk.isEmpty() || chunks.isEmpty())
        chunks.append(chunk);
    QByteArray out;
    for (int i = 0; i < chunks.size(); ++i) {
        if (i > 0)
            out += "\r\n "; // folding white space between encoded words is not part of the text
        out += "=?utf-8?B?" + chunks.at(i).toBase64() + "?=";
    }
    return out;
}

QByteArray quotedPrintable(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QByteArray out;
    const QStringList lines = normalized.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        // A trailing line end does not add an empty last line.
        if (i == lines.size() - 1 && lines.at(i).isEmpty() && i > 0)
            break;
        appendQpLine(out, lines.at(i).toUtf8());
    }
    return out;
}

QByteArray rfc5322Date(const QDateTime &date)
{
    static const char *const days[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const months[]
        = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const QDate d = date.date();
    const QTime t = date.time();
    const int offsetMin = date.offsetFromUtc() / 60;
    const int absMin = offsetMin < 0 ? -offsetMin : offsetMin;
    return QStringLiteral("%1, %2 %3 %4 %5:%6:%7 %8%9%10")
        .arg(QLatin1String(days[d.dayOfWeek() - 1]))
        .arg(d.day(), 2, 10, QLatin1Char('0'))
        .arg(QLatin1String(months[d.month() - 1]))
        .arg(d.year(), 4, 10, QLatin1Char('0'))
        .arg(t.hour(), 2, 10, QLatin1Char('0'))
        .arg(t.minute(), 2, 10, QLatin1Char('0'))
        .arg(t.second(), 2, 10, QLatin1Char('0'))
        .arg(offsetMin < 0 ? QLatin1Char('-') : QLatin1Char('+'))
        .arg(absMin / 60, 2, 10, QLatin1Char('0'))
        .arg(absMin % 60, 2, 10, QLatin1Char('0'))
        .toLatin1();
}

QString oneLine(const QString &text)
{
    QString line = text;
    for (QChar &c : line) {
        if (isControl(c))
            c = QLatin1Char(' ');
    }
    return line.simplified();
}

bool isMessageId(const QByteArray &id)
{
    if (id.isEmpty() || id.size() > kMaxMessageIdChars)
        return false;
    for (const char c : id) {
        if (c < 33 || c > 126 || c == '<' || c == '>')
            return false;
    }
    return true;
}

} // namespace mail

} // namespace tierdesk
