#include "core/nlu/text/PassageSplitter.h"

#include <QRegularExpression>
#include <QStringList>

namespace tierdesk::nlu {
namespace {

int wordCount(const QString &text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return int(text.split(space, Qt::SkipEmptyParts).size());
}

// A section's text as passages of at most kMaxWords words, cut between paragraphs.
QStringList parts(const QString &text)
{
    if (wordCount(text) <= PassageSplitter::kMaxWords)
        return {text};
    static const QRegularExpression blankLines(QStringLiteral("\\n\\s*\\n"));
    QStringList out;
    QString current;
    int words = 0;
    for (const QString &paragraph : text.split(blankLines, Qt::SkipEmptyParts)) {
        const int n = wordCount(paragraph);
        if (!current.isEmpty() && words + n > PassageSplitter::kMaxWords) {
            out << current.trimmed();
            current.clear();
            words = 0;
        }
        current += paragraph.trimmed() + QLatin1String("\n\n");
        words += n;
    }
    if (!current.trimmed().isEmpty())
        out << current.trimmed();
    return out;
}

} // namespace

QList<ArticlePassage> PassageSplitter::split(const QString &title, const QString &markdownBody)
{
    static const QRegularExpression headingLine(QStringLiteral("^(#{1,6})\\s+(.+?)\\s*#*\\s*$"));
    QList<ArticlePassage> out;
    QList<QPair<int, QString>> path; // level, heading
    QString text;
    const auto flush = [&] {
        const QString trimmed = text.trimmed();
        text.clear();
        if (trimmed.isEmpty())
            return;
        QStringList headings;
        for (const auto &[level, heading] : path)
            headings << heading;
        for (const QString &part : parts(trimmed))
            if (out.size() < kMaxPassages)
                out.append({headings.join(QStringLiteral(" › ")), part});
    };
    bool inFence = false; // no headings inside a ``` block
    for (const QString &line : markdownBody.split(QLatin1Char('\n'))) {
        if (line.trimmed().startsWith(QLatin1String("```")))
            inFence = !inFence;
        const QRegularExpressionMatch m = inFence ? QRegularExpressionMatch() : headingLine.match(line);
        if (!m.hasMatch()) {
            text += line + QLatin1Char('\n');
            continue;
        }
        flush();
        const int level = int(m.capturedLength(1));
        const QString heading = m.captured(2).trimmed();
        while (!path.isEmpty() && path.last().first >= level)
            path.removeLast();
        if (!(level == 1 && path.isEmpty() && heading.compare(title.trimmed(), Qt::CaseInsensitive) == 0))
            path.append({level, heading});
    }
    flush();
    return out;
}

} // namespace tierdesk::nlu
