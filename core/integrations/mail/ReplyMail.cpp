#include "core/integrations/mail/ReplyMail.h"

#include "core/integrations/mail/MimeReader.h"
#include "core/integrations/mail/ReplyMarkdown.h"

#include <QLocale>
#include <QRegularExpression>

namespace tierdesk::mail {

namespace {

constexpr int kMaxSubjectRounds = 8; // "Re: [#A1B2] Re: AW: x" needs a few rounds; more is noise

const QRegularExpression &threadToken()
{
    static const QRegularExpression token(QStringLiteral("\\[#([A-Za-z0-9]{4,16})\\]"));
    return token;
}

bool isShortId(const QString &id)
{
    static const QRegularExpression shortId(QStringLiteral("^[A-Za-z0-9]{4,16}$"));
    return shortId.match(id).hasMatch();
}

// "On Fri, 19 Dec 2025 at 12:15, Jane Doe wrote:" (English whatever the machine's language).
QString attributionLine(const ReplyInput &input)
{
    QString name = oneLine(input.quotedName);
    if (name.isEmpty())
        name = input.to.name.isEmpty() ? input.to.address : input.to.name;
    if (!input.quotedDate.isValid())
        return name + QStringLiteral(" wrote:");
    const QString date = QLocale::c().toString(input.quotedDate, QStringLiteral("ddd, d MMM yyyy 'at' HH:mm"));
    return QStringLiteral("On %1, %2 wrote:").arg(date, name);
}

// The customer's text as quoted: at most kMaxQuotedChars, "[...]" where it was cut.
QString quotedText(const ReplyInput &input)
{
    const QString text = input.quotedText.trimmed();
    if (text.size() <= ReplyMail::kMaxQuotedChars)
        return text;
    qsizetype cut = ReplyMail::kMaxQuotedChars;
    if (text.at(cut - 1).isHighSurrogate())
        --cut; // not between the halves of a character
    return text.left(cut) + QStringLiteral("\n[...]");
}

QString quotedPlain(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    QStringList lines = normalized.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        // An empty line is ">"; a quoted one gets one more ">" without a space (">> "), as clients do.
        if (line.isEmpty())
            line = QStringLiteral(">");
        else
            line.prepend(line.startsWith(QLatin1Char('>')) ? QStringLiteral(">") : QStringLiteral("> "));
    }
    return lines.join(QLatin1Char('\n'));
}

QString htmlDocument(const ReplyInput &input)
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n</head>\n<body>\n");
    html += ReplyMarkdown::toHtml(input.text);
    if (!input.quotedText.trimmed().isEmpty()) {
        html += QStringLiteral("<p>") + attributionLine(input).toHtmlEscaped() + QStringLiteral("</p>\n");
        html += QStringLiteral("<blockquote type=\"cite\">\n") + ReplyMarkdown::textToHtml(quotedText(input))
            + QStringLiteral("</blockquote>\n");
    }
    return html + QStringLiteral("</body>\n</html>\n");
}

QList<QByteArray> threadReferences(const ReplyInput &input)
{
    const bool answered = isMessageId(input.inReplyTo);
    QList<QByteArray> ids;
    for (const QByteArray &id : input.references) {
        if (isMessageId(id) && !ids.contains(id) && !(answered && id == input.inReplyTo))
            ids.append(id);
    }
    if (answered)
        ids.append(input.inReplyTo);
    return ids.mid(std::max<qsizetype>(0, ids.size() - ReplyMail::kMaxReferences));
}

} // namespace

QString ReplyMail::tokenIn(const QString &subject)
{
    const QRegularExpressionMatch m = threadToken().match(subject);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString ReplyMail::replySubject(const QString &threadSubject, const QString &shortId)
{
    QString base = oneLine(threadSubject);
    for (int round = 0; round < kMaxSubjectRounds; ++round) {
        const QString before = base;
        base = MimeReader::baseSubject(base);
        base.remove(threadToken());
        base = base.simplified();
        if (base == before)
            break;
    }
    const QString token = isShortId(shortId) ? QStringLiteral("[#") + shortId + QLatin1Char(']') : QString();
    const qsizetype room = MailMessage::kMaxSubjectChars - 4 - (token.isEmpty() ? 0 : token.size() + 1);
    const QString subject = QStringLiteral("Re: ") + base.left(room);
    return token.isEmpty() ? subject : (base.isEmpty() ? subject : subject + QLatin1Char(' ')) + token;
}

MailMessage ReplyMail::composeReply(const ReplyInput &input)
{
    MailMessage m;
    m.from = input.from.toString();
    m.to = QStringList{input.to.toString()};
    m.subject = replySubject(input.subject, input.shortId);
    m.inReplyTo = isMessageId(input.inReplyTo) ? input.inReplyTo : QByteArray();
    m.references = threadReferences(input);
    if (m.references.isEmpty()) // the first mail of a conversation begun elsewhere (a web chat): no "Re:"
        m.subject = m.subject.mid(4);
    m.body = ReplyMarkdown::toPlain(input.text);
    if (!input.quotedText.trimmed().isEmpty())
        m.body += QStringLiteral("\n\n") + attributionLine(input) + QLatin1Char('\n') + quotedPlain(quotedText(input));
    m.body += QLatin1Char('\n');
    m.htmlBody = htmlDocument(input);
    if (input.automatic) {
        m.extraHeaders.append(qMakePair(QByteArray("Auto-Submitted"), QByteArray("auto-replied")));
        m.extraHeaders.append(qMakePair(QByteArray("X-Auto-Response-Suppress"), QByteArray("All")));
    }
    return m;
}

} // namespace tierdesk::mail
