#include "core/engine/channels/PhoneText.h"

#include <QRegularExpression>

#include <functional>
#include <utility>

namespace tierdesk {

namespace {

// Pieces kept as written (code, URLs, escaped characters, WhatsApp's own marks) wait behind
// placeholders of private-use characters while the marks around them are taken off.
constexpr char16_t kPhoneKeptOpen = 0xE000;
constexpr char16_t kPhoneKeptClose = 0xE001;
constexpr int kPhoneRestoreRounds = 8; // a kept piece may hold another's placeholder (code in a link's text)
constexpr int kPhoneMinPartChars = 2; // a surrogate pair

QRegularExpression phoneRx(const char *pattern)
{
    return QRegularExpression(QString::fromUtf8(pattern), QRegularExpression::UseUnicodePropertiesOption);
}

class PhoneKept {
public:
    QString keep(const QString &piece)
    {
        m_pieces.append(piece);
        return QChar(kPhoneKeptOpen) + QString::number(m_pieces.size() - 1) + QChar(kPhoneKeptClose);
    }

    QString restore(QString text) const
    {
        static const QRegularExpression placeholder(QStringLiteral("\uE000(\\d+)\uE001"));
        for (int round = 0; round < kPhoneRestoreRounds && text.contains(QChar(kPhoneKeptOpen)); ++round) {
            QString out;
            qsizetype last = 0;
            for (auto it = placeholder.globalMatch(text); it.hasNext();) {
                const QRegularExpressionMatch m = it.next();
                out += QStringView(text).mid(last, m.capturedStart() - last);
                out += m_pieces.value(m.captured(1).toInt());
                last = m.capturedEnd();
            }
            text = out + QStringView(text).mid(last);
        }
        return text;
    }

private:
    QStringList m_pieces;
};

void phoneReplaceEach(
    QString &text, const QRegularExpression &rx, const std::function<QString(const QRegularExpressionMatch &)> &f)
{
    QString out;
    qsizetype last = 0;
    bool matched = false;
    for (auto it = rx.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).mid(last, m.capturedStart() - last);
        out += f(m);
        last = m.capturedEnd();
        matched = true;
    }
    if (matched)
        text = out + QStringView(text).mid(last);
}

// "text: url", or the url alone when the text says nothing more.
QString phoneLinkWords(const QString &text, const QString &url, PhoneKept &kept)
{
    const QString t = text.trimmed();
    QString bare = url;
    for (const char *scheme : {"https://", "http://", "mailto:"})
        if (bare.startsWith(QLatin1String(scheme)))
            bare = bare.mid(qsizetype(qstrlen(scheme)));
    if (t.isEmpty() || t == url || t == bare || t + QLatin1Char('/') == bare || t == bare + QLatin1Char('/'))
        return kept.keep(url);
    return t + QStringLiteral(": ") + kept.keep(url);
}

// Code, escapes and links: kept as written behind placeholders.
void phoneKeepLiterals(QString &s, PhoneKept &kept)
{
    static const QRegularExpression code = phoneRx("(`+)(.+?)\\1");
    static const QRegularExpression escaped = phoneRx("\\\\([!-/:-@\\[-`{-~])");
    static const QRegularExpression link
        = phoneRx("!?\\[([^\\]]*)\\]\\(\\s*<?((?:[^()\\s<>]|\\([^()\\s]*\\))+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
    static const QRegularExpression autolink = phoneRx("<((?:https?://|mailto:)[^>\\s]+)>");
    static const QRegularExpression bareUrl = phoneRx("\\b(?:https?://|www\\.)[^\\s<>\\x{E000}\\x{E001}]+");
    phoneReplaceEach(s, code, [&](const QRegularExpressionMatch &m) { return kept.keep(m.captured(2).trimmed()); });
    phoneReplaceEach(s, escaped, [&](const QRegularExpressionMatch &m) { return kept.keep(m.captured(1)); });
    phoneReplaceEach(
        s, link, [&](const QRegularExpressionMatch &m) { return phoneLinkWords(m.captured(1), m.captured(2), kept); });
    phoneReplaceEach(s, autolink, [&](const QRegularExpressionMatch &m) {
        QString url = m.captured(1);
        return kept.keep(url.startsWith(QLatin1String("mailto:")) ? url.mid(7) : url);
    });
    phoneReplaceEach(s, bareUrl, [&](const QRegularExpressionMatch &m) { return kept.keep(m.captured(0)); });
}

// Bold, italic and strikethrough: their words alone, or WhatsApp's marks around them.
void phoneUnmark(QString &s, bool whatsapp, PhoneKept &kept)
{
    static const QRegularExpression bold
        = phoneRx("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*|(?<!\\w)__(?=\\S)(.+?)(?<=\\S)__(?!\\w)");
    static const QRegularExpression strike = phoneRx("~~(?=\\S)(.+?)(?<=\\S)~~");
    static const QRegularExpression italic = phoneRx(
        "(?<![\\w*])\\*(?=[^\\s*])(.+?)(?<=[^\\s*])\\*(?![\\w*])|(?<!\\w)_(?=[^\\s_])(.+?)(?<=[^\\s_])_(?!\\w)");
    const auto wrap = [&](const char *mark) {
        return [&kept, mark, whatsapp](const QRegularExpressionMatch &m) -> QString {
            const QString words = m.captured(1).isEmpty() ? m.captured(2) : m.captured(1);
            if (!whatsapp)
                return words;
            const QString k = kept.keep(QString::fromLatin1(mark));
            return k + words + k;
        };
    };
    phoneReplaceEach(s, bold, wrap("*"));
    phoneReplaceEach(s, strike, wrap("~"));
    phoneReplaceEach(s, italic, wrap("_"));
}

QString phoneInline(QString s, bool whatsapp, PhoneKept &kept)
{
    phoneKeepLiterals(s, kept);
    phoneUnmark(s, whatsapp, kept);
    return s;
}

// One line outside code fences, its block marks (heading, quote, rule, list item) taken off.
QString phoneLine(const QString &line, bool whatsapp, PhoneKept &kept)
{
    static const QRegularExpression rule = phoneRx("^ {0,3}([-*_])(?:[ \\t]*\\1){2,}[ \\t]*$");
    static const QRegularExpression heading = phoneRx("^ {0,3}#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$");
    static const QRegularExpression quote = phoneRx("^ {0,3}>[ \\t]?");
    static const QRegularExpression bullet = phoneRx("^([ \\t]*)[-*+][ \\t]+");
    if (rule.match(line).hasMatch())
        return {};
    if (const QRegularExpressionMatch m = heading.match(line); m.hasMatch())
        return phoneInline(m.captured(1), whatsapp, kept);
    QString rest = line;
    for (QRegularExpressionMatch m = quote.match(rest); m.hasMatch(); m = quote.match(rest))
        rest = rest.mid(m.capturedEnd()); // nested quotes too
    if (const QRegularExpressionMatch m = bullet.match(rest); m.hasMatch())
        return m.captured(1) + QStringLiteral("- ") + phoneInline(rest.mid(m.capturedEnd()), whatsapp, kept);
    return phoneInline(rest, whatsapp, kept);
}

// The URLs of a text, as [start, end) pairs: a part is not cut inside one when it can be helped.
QList<QPair<qsizetype, qsizetype>> phoneUrlSpans(const QString &text)
{
    static const QRegularExpression url = phoneRx("(?:https?://|www\\.)\\S+");
    QList<QPair<qsizetype, qsizetype>> spans;
    for (auto it = url.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        spans.append({m.capturedStart(), m.capturedEnd()});
    }
    return spans;
}

// The last position p in [from, limit] where `boundary` matches (a part may end at p), else -1.
qsizetype phoneLastBoundary(const QString &text, const QRegularExpression &boundary, qsizetype from, qsizetype limit)
{
    qsizetype best = -1;
    for (auto it = boundary.globalMatch(text); it.hasNext();) {
        const qsizetype p = it.next().capturedEnd();
        if (p > limit)
            break;
        if (p >= from)
            best = p;
    }
    return best;
}

// Where the first part of `text` (longer than limit) ends.
qsizetype phoneCutPoint(const QString &text, qsizetype limit)
{
    // The ends of paragraphs and sentences count only where they fill a part at least half, so
    // a reply is not sent as many short messages; a space anywhere does.
    static const QRegularExpression paragraph = phoneRx("\\S(?=\\n[ \\t]*\\n)");
    static const QRegularExpression sentence = phoneRx("[.!?\u2026][\"')\\]\u201D\u2019]*(?=\\s)");
    static const QRegularExpression word = phoneRx("\\S(?=\\s)");
    const qsizetype half = limit / 2;
    for (const auto &[boundary, from] :
        {std::pair{&paragraph, half}, std::pair{&sentence, half}, std::pair{&word, qsizetype(1)}})
        if (const qsizetype p = phoneLastBoundary(text, *boundary, from, limit); p > 0)
            return p;
    qsizetype cut = limit;
    for (const auto &[start, end] : phoneUrlSpans(text))
        if (start < cut && cut < end && start > 0)
            cut = start;
    if (cut > 1 && text.at(cut - 1).isHighSurrogate() && text.at(cut).isLowSurrogate())
        --cut;
    return cut;
}

} // namespace

QStringList PhoneText::split(const QString &text, int maxChars)
{
    const qsizetype limit = qMax(kPhoneMinPartChars, maxChars);
    QStringList parts;
    QString rest = text.trimmed();
    while (rest.size() > limit) {
        const qsizetype cut = phoneCutPoint(rest, limit);
        const QString part = rest.left(cut).trimmed();
        if (!part.isEmpty())
            parts.append(part);
        rest = rest.mid(cut).trimmed();
    }
    if (!rest.isEmpty())
        parts.append(rest);
    return parts;
}

QString PhoneText::plain(const QString &markdownReply, bool whatsapp)
{
    static const QRegularExpression fence = phoneRx("^ {0,3}(```|~~~)");
    static const QRegularExpression blankLines = phoneRx("\\n{3,}");
    QString text = markdownReply;
    text.remove(QChar(kPhoneKeptOpen)).remove(QChar(kPhoneKeptClose)); // a placeholder's marks are ours alone
    text.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    PhoneKept kept;
    QStringList out;
    bool inFence = false;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (fence.match(line).hasMatch()) {
            inFence = !inFence;
            continue;
        }
        QString done = inFence ? kept.keep(line) : phoneLine(line, whatsapp, kept);
        while (!done.isEmpty() && done.back().isSpace())
            done.chop(1);
        out.append(done);
    }
    QString joined = out.join(QLatin1Char('\n'));
    joined.replace(blankLines, QStringLiteral("\n\n"));
    return kept.restore(joined).trimmed();
}

} // namespace tierdesk
