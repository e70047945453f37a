#include "core/engine/reply/ParsedArticle.h"

#include "core/nlu/text/Stemmer.h"
#include "core/nlu/text/StopWords.h"
#include "core/nlu/text/Tokenizer.h"

#include <QRegularExpression>

namespace tierdesk::passages {
namespace {

// List items whole (marked in `items`), other paragraphs by sentence; markup removed.
QStringList passagesOf(const QString &body, QList<bool> &items)
{
    static const QRegularExpression markup(QStringLiteral("[*_#`>]+|\\[([^\\]]*)\\]\\([^)]*\\)"));
    static const QRegularExpression listItem(QStringLiteral("^\\s*(?:[-*]|\\d+\\.)\\s+"));
    static const QRegularExpression sentenceEnd(QStringLiteral("(?<=[.!?])\\s+"));
    QStringView text(body);
    if (text.startsWith(QLatin1String("---\n"))) { // front matter of an article file
        const qsizetype end = text.indexOf(QLatin1String("\n---"), 3);
        text = end < 0 ? text : text.mid(end + 4);
    }
    QStringList out;
    for (const QString &line : text.toString().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const bool item = listItem.match(line).hasMatch();
        QString plain = QString(line).remove(listItem).replace(markup, QStringLiteral("\\1")).simplified();
        if (plain.isEmpty() || plain.endsWith(QLatin1Char(':')))
            continue;
        const QStringList parts = item ? QStringList{plain} : plain.split(sentenceEnd, Qt::SkipEmptyParts);
        out += parts;
        for (qsizetype i = 0; i < parts.size(); ++i)
            items << item;
    }
    return out;
}

bool saysNot(const QString &lowered)
{
    static const QLatin1String marks[] = {QLatin1String("n't"), QLatin1String("never"), QLatin1String(" not "),
        QLatin1String("cannot"), QLatin1String("no longer"), QLatin1String(" no ")};
    for (const QLatin1String &mark : marks)
        if (lowered.contains(mark))
            return true;
    return false;
}

} // namespace

nlu::StringSet contentStems(const QString &text)
{
    nlu::StringSet out;
    for (const QString &w : nlu::Tokenizer::words(text)) {
        if (!nlu::StopWords::isFunctionWord(w))
            out.insert(nlu::Stemmer::stem(w));
    }
    return out;
}

ParsedArticle ParsedArticle::parse(const QString &body, quint64 serial)
{
    ParsedArticle a;
    a.serial = serial;
    a.body = body;
    a.passages = passagesOf(body, a.items);
    for (const QString &p : std::as_const(a.passages)) {
        a.stems << contentStems(p);
        a.lowered << QLatin1Char(' ') + p.toLower() + QLatin1Char(' ');
        a.negated << saysNot(a.lowered.last());
    }
    return a;
}

} // namespace tierdesk::passages
