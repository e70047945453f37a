#include "core/engine/reply/AskedQuestion.h"

#include "core/nlu/text/Stemmer.h"
#include "core/nlu/text/StopWords.h"
#include "core/nlu/text/Tokenizer.h"

namespace tierdesk::passages {

const QString &negation()
{
    static const QString mark = QStringLiteral("~not");
    return mark;
}

bool isNegation(const QString &w)
{
    static const nlu::StringSet words = {QStringLiteral("not"), QStringLiteral("never"), QStringLiteral("isnt"),
        QStringLiteral("isn't"), QStringLiteral("doesnt"), QStringLiteral("doesn't"), QStringLiteral("dont"),
        QStringLiteral("don't"), QStringLiteral("cant"), QStringLiteral("can't"), QStringLiteral("cannot"),
        QStringLiteral("wont"), QStringLiteral("won't"), QStringLiteral("hasnt"), QStringLiteral("hasn't"),
        QStringLiteral("havent"), QStringLiteral("haven't"), QStringLiteral("arent"), QStringLiteral("aren't"),
        QStringLiteral("didnt"), QStringLiteral("didn't"), QStringLiteral("wasnt"), QStringLiteral("wasn't")};
    return words.count(w) > 0;
}

namespace {

// How customers say what the articles word otherwise: a small thesaurus of support
// vocabulary, each word with the article's word for it.
const nlu::StringTable<QString> &articleWords()
{
    static const nlu::StringTable<QString> table = [] {
        nlu::StringTable<QString> t;
        const std::pair<const char *, const char *> pairs[] = {
            {"fix", "change"},
            {"fixed", "change"},
            {"correct", "change"},
            {"move", "change"},
            {"switch", "change"},
            {"restart", "resume"},
            {"unpause", "resume"},
            {"cost", "fee"},
            {"costs", "fee"},
            {"price", "fee"},
        };
        for (const auto &[said, written] : pairs)
            t.emplace(QLatin1String(said), QLatin1String(written));
        return t;
    }();
    return table;
}

} // namespace

QString articleWordFor(const QString &word, const QStringList &words, qsizetype at)
{
    if (const auto it = articleWords().find(word); it != articleWords().end())
        return it->second;
    // "start again", "come back on": the membership resumes.
    const QString next = words.value(at + 1);
    if ((word == QLatin1String("start") || word == QLatin1String("starts")) && next == QLatin1String("again"))
        return QStringLiteral("resume");
    // "will i get charged anything", "do i pay anything extra": is there a fee.
    static const QStringList paying{QStringLiteral("charge"), QStringLiteral("charged"), QStringLiteral("pay")};
    if (paying.contains(word) && (next == QLatin1String("anything") || next == QLatin1String("extra")))
        return QStringLiteral("fee");
    // "my plan" is the membership; the articles keep "plan" for Basic, Plus and Premium.
    if (word == QLatin1String("plan") && at > 0
        && (words.at(at - 1) == QLatin1String("my") || words.at(at - 1) == QLatin1String("our")))
        return QStringLiteral("membership");
    return {};
}

AskedQuestion AskedQuestion::read(const QString &question)
{
    nlu::StringSet out;
    const QStringList words = nlu::Tokenizer::words(question);
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words.at(i);
        if (isNegation(w))
            out.insert(negation());
        else if (!nlu::StopWords::isFunctionWord(w))
            out.insert(nlu::Stemmer::stem(w));
        if (const QString written = articleWordFor(w, words, i); !written.isEmpty())
            out.insert(nlu::Stemmer::stem(written));
    }
    return {std::move(out), AnswerKind::of(question)};
}

} // namespace tierdesk::passages
