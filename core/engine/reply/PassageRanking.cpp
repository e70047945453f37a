#include "core/engine/reply/PassageRanking.h"

#include "core/nlu/text/Stemmer.h"

#include <algorithm>

namespace tierdesk::passages {
namespace {

// How many of the asked stems a passage holds. A longer asked word that starts a passage
// word counts ("crypto", "cryptocurrency"), and so does a passage word of which the asked
// one is another form ("dry", "dryer").
double overlap(const nlu::StringSet &asked, const ParsedArticle &article, int passage)
{
    const nlu::StringSet &stems = article.stems.at(passage);
    double score = 0;
    for (const QString &s : asked) {
        if (stems.count(s) > 0) {
            score += 1.0;
        } else if (s == negation()) {
            score += article.negated.at(passage) ? 1.0 : 0.0;
        } else if (s.size() >= 5 && article.lowered.at(passage).contains(s)) {
            score += 1.0;
        } else if (s.size() >= 4) {
            for (const QString &p : stems)
                if (p.size() >= 3 && p.size() < s.size() && s.startsWith(p)
                    && nlu::Stemmer::isInflection(QStringView(s).mid(p.size()))) {
                    score += 1.0;
                    break;
                }
        }
    }
    return score;
}

} // namespace

PassageRanking PassageRanking::rank(const ParsedArticle &article, const AskedQuestion &question,
    const nlu::StringSet &topicStems, bool negations, const nlu::StringSet *subject)
{
    nlu::StringSet withoutNot;
    if (!negations) {
        withoutNot = question.stems;
        withoutNot.erase(negation());
    }
    const nlu::StringSet &all = negations ? question.stems : withoutNot;
    nlu::StringSet asked;
    nlu::StringSet named; // the question's words that the subject holds
    for (const QString &s : all)
        (subject && subject->count(s) > 0 ? named : asked).insert(s);
    nlu::StringSet context;
    for (const QString &s : topicStems)
        if (all.count(s) == 0)
            context.insert(s);
    const AnswerKind &kind = question.kind;
    PassageRanking out;
    for (int i = 0; i < article.passages.size(); ++i) {
        const QString &text = article.passages.at(i);
        double score = overlap(asked, article, i) + kSubjectWeight * overlap(named, article, i);
        if (score <= 0)
            continue; // the topic alone does not make a passage answer the question
        score += qMin(0.6, 0.3 * overlap(context, article, i)); // the topic only breaks ties
        if ((kind.time && holdsTime(text)) || (kind.price && holdsPrice(text))
            || (kind.phone && holdsPhoneNumber(text)))
            score += kind.phone ? 1.25 : 0.75; // a phone number is what "your phone number" asks for
        if (!kind.defines.isEmpty() && definesTerm(text, kind.defines))
            score += 1.0;
        out.ranked.append({score, i});
    }
    std::stable_sort(
        out.ranked.begin(), out.ranked.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    return out;
}

} // namespace tierdesk::passages
