#include "core/integrations/mail/ReplyMarkdown.h"

#include <QRegularExpression>
#include <QStringList>

namespace tierdesk::mail {

namespace {

enum class LineKind { Text, Bullet, Numbered };

const QRegularExpression &bulletLine()
{
    static const QRegularExpression re(QStringLiteral("^\\s*[-*\u2022]\\s+"));
    return re;
}

const QRegularExpression &numberedLine()
{
    static const QRegularExpression re(QStringLiteral("^\\s*\\d{1,3}[.)]\\s+"));
    return re;
}

const QRegularExpression &markdownLink()
{
    static const QRegularExpression re(QStringLiteral("\\[([^\\]\\n]+)\\]\\(((?:https?://|mailto:)[^)\\s]+)\\)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &markdownBold()
{
    static const QRegularExpression re(QStringLiteral("\\*\\*(\\S(?:.*?\\S)?)\\*\\*|__(\\S(?:.*?\\S)?)__"));
    return re;
}

LineKind kindOf(const QString &line)
{
    if (bulletLine().match(line).hasMatch())
        return LineKind::Bullet;
    return numberedLine().match(line).hasMatch() ? LineKind::Numbered : LineKind::Text;
}

QStringList normalizedLines(const QString &text)
{
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n")).replace(QLatin1Char('\r'), QLatin1Char('\n'));
    return normalized.trimmed().split(QLatin1Char('\n'));
}

// Inline markup of one escaped line: links, then bold.
QString inlineHtml(const QString &line)
{
    QString html = line.toHtmlEscaped();
    html.replace(markdownLink(), QStringLiteral("<a href=\"\\2\">\\1</a>"));
    html.replace(markdownBold(), QStringLiteral("<strong>\\1\\2</strong>"));
    return html;
}

// One run of lines of one kind as HTML.
QString blockHtml(const QStringList &lines, LineKind kind)
{
    if (kind == LineKind::Text) {
        QStringList parts;
        for (const QString &line : lines)
            parts.append(inlineHtml(line.trimmed()));
        return QStringLiteral("<p>") + parts.join(QStringLiteral("<br>\n")) + QStringLiteral("</p>\n");
    }
    const QRegularExpression &marker = kind == LineKind::Bullet ? bulletLine() : numberedLine();
    const QString tag = kind == LineKind::Bullet ? QStringLiteral("ul") : QStringLiteral("ol");
    QString html = QLatin1Char('<') + tag + QStringLiteral(">\n");
    for (const QString &line : lines)
        html += QStringLiteral("<li>") + inlineHtml(QString(line).remove(marker)) + QStringLiteral("</li>\n");
    return html + QStringLiteral("</") + tag + QStringLiteral(">\n");
}

} // namespace

QString ReplyMarkdown::toPlain(const QString &markdown)
{
    QStringList lines = normalizedLines(markdown);
    for (QString &line : lines) {
        line.replace(markdownLink(), QStringLiteral("\\1 (\\2)"));
        line.replace(markdownBold(), QStringLiteral("\\1\\2"));
    }
    return lines.join(QLatin1Char('\n'));
}

QString ReplyMarkdown::toHtml(const QString &markdown)
{
    QString html;
    QStringList run;
    LineKind runKind = LineKind::Text;
    const auto flush = [&] {
        if (!run.isEmpty())
            html += blockHtml(run, runKind);
        run.clear();
    };
    for (const QString &line : normalizedLines(markdown)) {
        if (line.trimmed().isEmpty()) {
            flush();
            continue;
        }
        const LineKind kind = kindOf(line);
        if (kind != runKind)
            flush();
        runKind = kind;
        run.append(line);
    }
    flush();
    return html;
}

QString ReplyMarkdown::textToHtml(const QString &text)
{
    QString html;
    QStringList paragraph;
    const auto flush = [&] {
        if (!paragraph.isEmpty())
            html += QStringLiteral("<p>") + paragraph.join(QStringLiteral("<br>\n")) + QStringLiteral("</p>\n");
        paragraph.clear();
    };
    for (const QString &line : normalizedLines(text)) {
        if (line.trimmed().isEmpty())
            flush();
        else
            paragraph.append(line.toHtmlEscaped());
    }
    flush();
    return html;
}

} // namespace tierdesk::mail
