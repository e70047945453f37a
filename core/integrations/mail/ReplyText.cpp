#include "core/integrations/mail/ReplyText.h"

#include <QRegularExpression>
#include <QStringList>

namespace tierdesk::mail {

namespace {

constexpr int kAttributionLines = 3; // clients wrap a long "On ... wrote:" over up to three lines
constexpr qsizetype kMaxAttributionChars = 400;
constexpr int kHeaderBlockLines = 6; // an Outlook header block's Sent: and Subject: follow From: within these

QRegularExpression caseless(const QString &pattern)
{
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
}

// "On Mon, 1 Dec 2025 at 10:00, Jane <jane@example.com> wrote:" and its translations.
bool isAttribution(const QString &candidate)
{
    static const QRegularExpression attribution = caseless(
        QStringLiteral("^(On\\b.{4,}\\bwrote|Am\\b.{4,}\\bschrieb\\b.*|Le\\b.{4,}\\ba écrit ?|El\\b.{4,}\\bescribió"
                       "|Op\\b.{4,}\\bschreef\\b.*)\\s?:$"));
    return candidate.size() <= kMaxAttributionChars && attribution.match(candidate).hasMatch();
}

bool startsAttribution(const QString &line)
{
    static const QRegularExpression intro = caseless(QStringLiteral("^(On|Am|Le|El|Op)\\s"));
    return intro.match(line).hasMatch();
}

bool isOriginalMessageLine(const QString &line)
{
    static const QRegularExpression original = caseless(
        QStringLiteral("^-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original"
                       "|Oorspronkelijk bericht)\\s*-{2,}$"));
    return original.match(line).hasMatch();
}

bool isFromLine(const QString &line)
{
    static const QRegularExpression from = caseless(QStringLiteral("^\\*?(From|Von|De|Van)\\s?:\\*?\\s"));
    return from.match(line).hasMatch();
}

// Outlook's quoted header block: From: then, within a few lines, Sent:/Date: and Subject:.
bool isHeaderBlock(const QStringList &lines, qsizetype i)
{
    static const QRegularExpression sent
        = caseless(QStringLiteral("^\\*?(Sent|Date|Gesendet|Datum|Envoyé|Enviado|Verzonden)\\s?:"));
    static const QRegularExpression subject
        = caseless(QStringLiteral("^\\*?(Subject|Betreff|Objet|Asunto|Onderwerp)\\s?:"));
    if (!isFromLine(lines.at(i)))
        return false;
    bool hasSent = false;
    bool hasSubject = false;
    for (qsizetype j = i + 1; j < lines.size() && j <= i + kHeaderBlockLines; ++j) {
        const QString line = lines.at(j).trimmed();
        hasSent = hasSent || sent.match(line).hasMatch();
        hasSubject = hasSubject || subject.match(line).hasMatch();
    }
    return hasSent && hasSubject;
}

// "________________________________" and then "From:" (Outlook on the web, mobile Outlook).
bool isSeparatorBeforeHeaders(const QStringList &lines, qsizetype i)
{
    static const QRegularExpression underscores(QStringLiteral("^_{10,}$"));
    if (!underscores.match(lines.at(i)).hasMatch())
        return false;
    for (qsizetype j = i + 1; j < lines.size(); ++j) {
        const QString next = lines.at(j).trimmed();
        if (!next.isEmpty())
            return isFromLine(next);
    }
    return false;
}

// The last line of an attribution starting at line i ("On ... wrote:", wrapped over up to three
// lines), or -1.
qsizetype attributionEnd(const QStringList &lines, qsizetype i)
{
    if (!startsAttribution(lines.at(i).trimmed()))
        return -1;
    QString joined;
    for (qsizetype j = i; j < lines.size() && j < i + kAttributionLines; ++j) {
        joined = QString(joined + QLatin1Char(' ') + lines.at(j)).simplified();
        if (isAttribution(joined))
            return j;
    }
    return -1;
}

bool isQuoteHeader(const QStringList &lines, qsizetype i)
{
    const QString line = lines.at(i).trimmed();
    return isOriginalMessageLine(line) || isSeparatorBeforeHeaders(lines, i) || isHeaderBlock(lines, i)
        || attributionEnd(lines, i) >= 0;
}

bool isQuotedLine(const QString &line)
{
    return line.trimmed().startsWith(QLatin1Char('>'));
}

bool isMobileFooter(const QString &line)
{
    static const QRegularExpression footer = caseless(
        QStringLiteral("^(Sent from my .{1,40}|Sent from (Mail|Outlook) for .{1,30}|Sent from Yahoo Mail.{0,40}"
                       "|Get Outlook for .{1,30}|Sent with Proton ?Mail.{0,30}|Sent via .{1,30} mobile.{0,20}"
                       "|Von meinem .{1,40} gesendet|Gesendet von meinem .{1,40}|Envoyé de mon .{1,40}"
                       "|Enviado desde mi .{1,40})$"));
    return footer.match(line).hasMatch();
}

bool isSignatureSeparator(const QString &line)
{
    return line == QLatin1String("-- ") || line.trimmed() == QLatin1String("--");
}

bool hasWords(const QString &text)
{
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            return true;
    }
    return false;
}

// The lines before the first one `cut` picks (all when none does).
template <typename Pick> QStringList before(const QStringList &lines, Pick cut)
{
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (cut(i))
            return lines.mid(0, i);
    }
    return lines;
}

// Without the signature, mobile footers and trailing quoted lines; trimmed.
QString withoutTail(QStringList lines)
{
    lines = before(lines, [&lines](qsizetype i) { return isSignatureSeparator(lines.at(i)); });
    lines = before(lines, [&lines](qsizetype i) { return isMobileFooter(lines.at(i).trimmed()); });
    while (!lines.isEmpty() && (lines.last().trimmed().isEmpty() || isQuotedLine(lines.last())))
        lines.removeLast();
    return lines.join(QLatin1Char('\n')).trimmed();
}

// A bottom-posted reply (the quote first, the answer under it): the lines outside the quotes,
// without the attributions that introduce them.
QStringList unquotedLines(const QStringList &lines)
{
    QStringList kept;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (const qsizetype end = attributionEnd(lines, i); end >= 0)
            i = end;
        else if (!isQuotedLine(lines.at(i)))
            kept.append(lines.at(i));
    }
    return kept;
}

} // namespace

QString ReplyText::latest(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    const QStringList lines = normalized.split(QLatin1Char('\n'));
    const QString topPosted = withoutTail(before(lines, [&lines](qsizetype i) { return isQuoteHeader(lines, i); }));
    if (hasWords(topPosted))
        return topPosted;
    const QString bottomPosted = withoutTail(unquotedLines(lines));
    return hasWords(bottomPosted) ? bottomPosted : normalized.trimmed();
}

} // namespace tierdesk::mail
