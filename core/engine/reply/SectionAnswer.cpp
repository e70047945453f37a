#include "core/engine/reply/SectionAnswer.h"

#include "core/engine/reply/PassageCache.h"
#include "core/nlu/text/PassageSplitter.h"
#include "core/nlu/text/TermSpelling.h"

#include <QRegularExpression>

#include <algorithm>

namespace tierdesk {
namespace {

using passages::AskedQuestion;
using passages::ParsedArticle;
using passages::PassageCache;
using passages::PassageRanking;

int lengthOf(const QStringList &parts)
{
    return int(parts.join(QLatin1Char(' ')).size());
}

// A passage's steps, numbered, the notes between them and the sentence after the last of them
// (what the steps lead to: "The MAC address ... is displayed as the Hardware Address"). What
// does not fit in `maxChars` goes first the notes, then every sentence of a step but its first,
// then the last steps: the way through is the answer, the asides are not.
QStringList stepsOf(const ParsedArticle &passage, int maxChars)
{
    // A sentence ends before a capital, not in an ellipsis ("Press the Add User... button").
    static const QRegularExpression sentenceEnd(QStringLiteral("(?<=[^.][.!?])\\s+(?=\\p{Lu})"));
    const qsizetype first = passage.items.indexOf(true);
    const qsizetype last = passage.items.lastIndexOf(true);
    if (first < 0)
        return {};
    const auto build = [&](bool notes, bool wholeSteps) {
        QStringList out;
        int steps = 0;
        for (qsizetype i = first; i <= last + 1 && i < passage.passages.size(); ++i) {
            const QString &text = passage.passages.at(i);
            if (passage.items.at(i))
                out << QStringLiteral("%1. %2").arg(++steps).arg(
                    wholeSteps ? text : text.section(sentenceEnd, 0, 0, QString::SectionSkipEmpty));
            else if (notes || i > last)
                out << text;
        }
        return out;
    };
    for (const auto &[notes, wholeSteps] : {std::pair{true, true}, {false, true}, {false, false}})
        if (QStringList out = build(notes, wholeSteps); lengthOf(out) <= maxChars)
            return out;
    QStringList out = build(false, false);
    while (out.size() > 1 && lengthOf(out) > maxChars)
        out.removeLast();
    return out;
}

// The sentences that answer best: the first, one nearly as good (a question often asks two
// things), and the step after them when "then what" was asked; in the passage's order.
QList<int> answering(const ParsedArticle &passage, const PassageRanking &ranking, const AskedQuestion &asked)
{
    QList<int> chosen{ranking.ranked.first().second};
    if (ranking.ranked.size() > 1 && ranking.ranked.at(1).first >= 0.6 * ranking.best())
        chosen << ranking.ranked.at(1).second;
    // A way asked for: the instruction that answers nearly as well goes along ("Depending on
    // your hardware, you can change the brightness" says it can be done, "To change it, adjust
    // the brightness slider" how).
    if (asked.kind.way && !passages::givesAnInstruction(passage.passages.at(chosen.first())))
        for (const auto &[score, i] : ranking.ranked)
            if (score >= 0.6 * ranking.best() && passages::givesAnInstruction(passage.passages.at(i))) {
                if (!chosen.contains(i))
                    chosen = {chosen.first(), i}; // in place of the second best
                break;
            }
    const int after = *std::max_element(chosen.cbegin(), chosen.cend()) + 1;
    if (asked.kind.next && after < passage.passages.size() && !chosen.contains(after))
        chosen << after;
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

bool hasSteps(const ParsedArticle &passage)
{
    return std::count(passage.items.cbegin(), passage.items.cend(), true) >= 2;
}

// The chosen sentences and, when a way was asked for and the best of them is no step, the
// passage's steps with them ("You can swap the left and right buttons..." and how), where they fit.
QStringList withTheWay(
    const ParsedArticle &passage, const QList<int> &chosen, int best, const AskedQuestion &asked, int maxChars)
{
    QStringList said;
    for (const int i : chosen)
        said << passage.passages.at(i);
    const qsizetype first = passage.items.indexOf(true);
    const qsizetype last = passage.items.lastIndexOf(true);
    if (!asked.kind.way || !hasSteps(passage) || passage.items.at(best))
        return said;
    QStringList before, after; // what the steps do not say themselves
    for (const int i : chosen)
        (i < first ? before : after) << (i >= first && i <= last + 1 ? QString() : passage.passages.at(i));
    after.removeAll(QString());
    const QStringList way = stepsOf(passage, maxChars - lengthOf(before + after) - 1);
    const QStringList out = before + way + after;
    return lengthOf(out) <= maxChars ? out : said;
}

// The passage whose heading is the question asked, as a help center's FAQ words it ("Where do they
// go?" under "Screenshots" for "where do screenshots go"): the same question word first, and every
// word of its own among the question's or the page's title's; -1 when none is.
int askedAsHeaded(const QList<KbPassageHit> &passages, const QString &question)
{
    static const QRegularExpression questionWord(
        QStringLiteral("^\\W*(where|what|when|why|how|which|who|can|do|does|is|are)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QString asked = questionWord.match(question).captured(1).toLower();
    if (asked.isEmpty())
        return -1;
    const nlu::StringSet askedStems = passages::contentStems(question);
    for (qsizetype s = 0; s < passages.size(); ++s) {
        const QString heading = passages.at(s).heading.section(QStringLiteral(" \u203a "), -1).trimmed();
        if (!heading.endsWith(QLatin1Char('?')) || questionWord.match(heading).captured(1).toLower() != asked)
            continue;
        const nlu::StringSet title = passages::contentStems(passages.at(s).title);
        const nlu::StringSet own = passages::contentStems(heading);
        const bool named = std::all_of(own.cbegin(), own.cend(),
            [&](const QString &stem) { return askedStems.count(stem) > 0 || title.count(stem) > 0; });
        if (named)
            return int(s);
    }
    return -1;
}

// Whether a sentence only announces what comes after it: "go through the following
// troubleshooting tips", "Try these:".
bool announcesWhatFollows(const QString &sentence)
{
    static const QRegularExpression announces(
        QStringLiteral("(?:\\bthe following\\b[^.]*|:)\\s*$"), QRegularExpression::CaseInsensitiveOption);
    const QString trimmed = sentence.trimmed();
    return announces.match(trimmed.endsWith(QLatin1Char('.')) ? trimmed.chopped(1) : trimmed).hasMatch();
}

// The names of the page's sections after `heading`'s, numbered, as many as fit: what a page's
// opening that announces "the following tips" goes on to.
QStringList sectionsAfter(const KbArticle &article, const QString &heading, int maxChars)
{
    QStringList names;
    bool after = heading.isEmpty();
    for (const nlu::ArticlePassage &p : nlu::PassageSplitter::split(article.title, article.body)) {
        const QString name = p.heading.section(QStringLiteral(" \u203a "), -1).trimmed();
        if (!after || name.isEmpty() || names.contains(name)) {
            after = after || p.heading == heading;
            continue;
        }
        names << name;
    }
    QStringList out;
    for (const QString &name : names) {
        const QString item = QStringLiteral("%1. %2%3")
                                 .arg(out.size() + 1)
                                 .arg(name, name.endsWith(QLatin1Char('.')) ? QString() : QStringLiteral("."));
        if (lengthOf(out) + item.size() + 1 > maxChars)
            break;
        out << item;
    }
    return out;
}

} // namespace

SectionAnswer SectionAnswer::of(const KbHit &hit, const QString &question, const QString &topic, int maxChars)
{
    if (hit.passages.isEmpty())
        return {};
    PassageCache &cache = PassageCache::ofThisThread();
    const AskedQuestion &asked = cache.question(question);
    const nlu::StringSet topicStems = topic.isEmpty() ? nlu::StringSet() : cache.question(topic).stems;
    // Each passage's subject, its name: the article's title and the passage's heading (keywords
    // list the parts of an article, "customs, duties", not what all of it is about); and what the
    // question asks beyond it.
    QList<std::shared_ptr<const ParsedArticle>> parsed;
    QList<nlu::StringSet> subjects;
    QList<AskedQuestion> beyond;
    for (const KbPassageHit &section : hit.passages) {
        parsed << cache.article(section.text);
        subjects << passages::contentStems(section.title + QLatin1Char(' ') + section.heading);
        QHash<QString, int> name; // its words, for a question's misspelt ones ("cancle")
        for (const QString &stem : subjects.last())
            name.insert(stem, 1);
        beyond << AskedQuestion{};
        for (const QString &stem : asked.stems)
            if (!name.contains(nlu::TermSpelling::nearest(stem, name)))
                beyond.last().stems.insert(stem);
    }
    // A way to do what a passage is about ("change your password", "how do i cancel a print job"):
    // the steps of the passage that has them, no sentence on more of the question, and a name
    // that says least besides it ("Share your desktop", not its section "Stop sharing your
    // desktop"); of equals, the search's better.
    if (asked.kind.howTo) {
        int way = -1;
        qsizetype wayExtra = 0;
        for (qsizetype s = 0; s < parsed.size(); ++s) {
            const bool named = beyond.at(s).stems.size() * 2 <= asked.stems.size(); // the passage's name says it
            if (!hasSteps(*parsed.at(s)) || !named
                || !PassageRanking::rank(*parsed.at(s), beyond.at(s), {}, true).ranked.isEmpty())
                continue;
            const qsizetype extra = std::count_if(subjects.at(s).cbegin(), subjects.at(s).cend(),
                [&asked](const QString &stem) { return asked.stems.count(stem) == 0; });
            if (way < 0 || extra < wayExtra) {
                way = int(s);
                wayExtra = extra;
            }
        }
        if (way >= 0)
            return {stepsOf(*parsed.at(way), maxChars), way};
    }
    // Else the sentences that answer it best, of the passage whose sentence does (the subject's
    // words counting little; of equals, the search's better passage).
    // (An article of one passage: its title names all of it, and tells its sentences apart like any word.)
    const bool sections = parsed.size() > 1 || !hit.passages.first().heading.isEmpty();
    const int headed = askedAsHeaded(hit.passages, question); // then its section answers, nothing else
    int best = -1;
    PassageRanking bestRanking;
    for (qsizetype s = 0; s < parsed.size(); ++s) {
        if (headed >= 0 && s != headed)
            continue;
        PassageRanking ranking
            = PassageRanking::rank(*parsed.at(s), asked, topicStems, true, sections ? &subjects.at(s) : nullptr);
        if (!ranking.ranked.isEmpty() && (best < 0 || ranking.best() > bestRanking.best())) {
            best = int(s);
            bestRanking = std::move(ranking);
        }
    }
    if (best < 0)
        return {};
    const ParsedArticle &passage = *parsed.at(best);
    QStringList out = withTheWay(
        passage, answering(passage, bestRanking, asked), bestRanking.ranked.first().second, asked, maxChars);
    // A way asked for, and the passage that answers has no steps: those of the search's best
    // passage of the page that has them (its opening says what brightness is for, its section
    // "Set the brightness" how), beside the sentences, or in their place when "how" was asked.
    const auto withSteps = std::find_if(parsed.cbegin(), parsed.cend(), [](const auto &p) { return hasSteps(*p); });
    if (asked.kind.way && !hasSteps(passage) && withSteps != parsed.cend()) {
        const QStringList way = stepsOf(**withSteps, maxChars - lengthOf(out) - 1);
        if (lengthOf(out + way) <= maxChars)
            out += way;
        else if (asked.kind.howTo)
            out = stepsOf(**withSteps, maxChars);
    }
    // "... go through the following troubleshooting tips." is no answer without them: the names of
    // the sections that follow it.
    if (!out.isEmpty() && announcesWhatFollows(out.last()) && out.last() == passage.passages.last())
        out += sectionsAfter(hit.article, hit.passages.at(best).heading, maxChars - lengthOf(out) - 1);
    return {out, best};
}

} // namespace tierdesk
