#include "core/engine/reply/KbPassage.h"

#include "core/engine/reply/PassageCache.h"
#include "core/nlu/text/SearchTerms.h"
#include "core/nlu/text/Stemmer.h"
#include "core/nlu/text/StopWords.h"
#include "core/nlu/text/TermSpelling.h"
#include "core/nlu/text/Tokenizer.h"

#include <algorithm>

namespace tierdesk {

using passages::AskedQuestion;
using passages::PassageCache;
using passages::PassageRanking;

bool knowledgeAnswers(const KbArticle &article, const QString &question)
{
    PassageCache &cache = PassageCache::ofThisThread();
    nlu::StringSet asked = cache.question(question).stems;
    asked.erase(passages::negation());
    if (asked.empty())
        return false;
    const auto parsedArticle = cache.article(article.body);
    const nlu::StringSet &subject = cache.subject(article);
    int covered = 0;
    bool onSubject = false;
    for (const QString &s : asked) {
        const bool inSubject = subject.count(s) > 0;
        bool inBody = false;
        for (const nlu::StringSet &stems : parsedArticle->stems)
            inBody = inBody || stems.count(s) > 0;
        onSubject = onSubject || inSubject;
        covered += inSubject || inBody ? 1 : 0;
    }
    // A passage holds two of the question's words, or the article is about what was asked
    // and covers at least half of it (a one-word question, "working", is too vague for that).
    // A shared "not" says nothing of the subject: "isnt working" is no answer to anything.
    const double passage = cache.ranking(*parsedArticle, question, {}, false).best();
    return passage >= 2 || (onSubject && asked.size() >= 2 && covered * 2 >= int(asked.size()) && passage >= 1);
}

namespace {

bool isNumber(const QString &w)
{
    for (const QChar c : w)
        if (!c.isDigit())
            return false;
    return true;
}

} // namespace

QString searchWords(const QString &text)
{
    // Order numbers match the example numbers in articles; words that name nothing
    // ("thing", "whats") are rare in articles, so bm25 would weigh them most.
    QStringList out;
    const QStringList words = nlu::Tokenizer::plainWords(text, nlu::Tokenizer::Underscore::Separates);
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words.at(i);
        const bool orderNumber = w == QLatin1String("ord") || (w.size() >= 4 && isNumber(w));
        // "how long", "how much" say what kind of answer is wanted (passages are ranked for
        // it), not what it is about: "long" would find "how long refunds take" for anything.
        const bool answerKind = i > 0 && words.at(i - 1) == QLatin1String("how")
            && (w == QLatin1String("long") || w == QLatin1String("much") || w == QLatin1String("soon"));
        if (!nlu::StopWords::isFunctionWord(w) && !passages::isNegation(w) && !orderNumber && !answerKind
            && !out.contains(w))
            out << w;
        if (const QString written = passages::articleWordFor(w, words, i); !written.isEmpty() && !out.contains(written))
            out << written; // the article's word is searched too
    }
    return out.join(QLatin1Char(' '));
}

double subjectScore(const KbArticle &article, const QString &question)
{
    PassageCache &cache = PassageCache::ofThisThread();
    const nlu::StringSet &subject = cache.subject(article);
    double score = 0;
    for (const QString &s : cache.question(question).stems)
        score += subject.count(s) > 0 ? 1 : 0;
    return score;
}

namespace {

// The stems of the words that say what kind of answer is wanted, not what it is about:
// "is it free", "how long", "what does it cost".
bool isAnswerKindStem(const QString &s)
{
    static const nlu::StringSet stems = [] {
        nlu::StringSet out;
        for (const char *w :
            {"cost", "costs", "price", "fee", "fees", "free", "charge", "charged", "pay", "long", "much", "soon"})
            out.insert(nlu::Stemmer::stem(QLatin1String(w)));
        return out;
    }();
    return stems.count(s) > 0;
}

} // namespace

double leadScore(const KbArticle &article, const QString &question)
{
    PassageCache &cache = PassageCache::ofThisThread();
    const AskedQuestion &asked = cache.question(question);
    // Only an opening with the kind of answer asked for counts (below): most questions ask
    // for neither a time nor a price, and need no look at the article.
    if (!asked.kind.time && !asked.kind.price)
        return 0;
    const nlu::StringSet &subject = cache.subject(article);
    nlu::StringSet named;
    for (const QString &s : asked.stems)
        if (!isAnswerKindStem(s) && subject.count(s) > 0)
            named.insert(s);
    if (named.empty())
        return 0;
    const auto parsedArticle = cache.article(article.body);
    if (parsedArticle->passages.isEmpty())
        return 0;
    // Only when the opening gives the kind of answer asked for: a time, a price.
    const QString &lead = parsedArticle->passages.first();
    if (!(asked.kind.time && passages::holdsTime(lead)) && !(asked.kind.price && passages::holdsPrice(lead)))
        return 0;
    // The opening answers what the article is about: the words its subject names count
    // there, with those the opening holds itself.
    double score = double(named.size());
    for (const QString &s : asked.stems)
        if (named.count(s) == 0 && parsedArticle->stems.first().count(s) > 0)
            score += 1.0;
    return score + 0.75;
}

bool namesOneSubject(const QList<KbHit> &hits, int other, const QString &question)
{
    // The question's own words (not the thesaurus's): "move it" is no "change plan".
    PassageCache &cache = PassageCache::ofThisThread();
    for (const QString &s : passages::contentStems(question)) {
        if (isAnswerKindStem(s))
            continue;
        int naming = -1;
        int count = 0;
        for (int i = 0; i < hits.size(); ++i)
            if (cache.subject(hits.at(i).article).count(s) > 0) {
                naming = i;
                ++count;
            }
        if (count == 1 && naming != other && leadScore(hits.at(naming).article, question) > 0)
            return true;
    }
    return false;
}

bool passageAnswers(const KbHit &hit, const QString &question)
{
    if (hit.passages.isEmpty() || hit.passages.first().coverage < kPassageCoverage)
        return false;
    const KbPassageHit &best = hit.passages.first();
    const QStringList held
        = nlu::SearchTerms::of(best.title + QLatin1Char(' ') + best.heading + QLatin1Char(' ') + best.text);
    int shared = 0;
    for (const QString &term : nlu::SearchTerms::ofQuery(question))
        shared += held.contains(term) ? 1 : 0;
    return shared >= 2;
}

double questionShare(const KbHit &hit)
{
    if (hit.passages.isEmpty())
        return 1;
    double share = 0;
    for (const KbPassageHit &p : hit.passages)
        share = std::max(share, p.coverage);
    return share;
}

bool holdsTheQuestion(const KbHit &hit, const QString &question)
{
    return questionShare(hit) >= kWholeQuestion || knowledgeAnswers(hit.article, question)
        || passageAnswers(hit, question);
}

bool namesPassageTopic(const QList<KbHit> &hits, const QString &question)
{
    const KbPassageHit *best = nullptr;
    for (const KbHit &hit : hits)
        if (!hit.passages.isEmpty() && (!best || hit.passages.first().score > best->score))
            best = &hit.passages.first();
    const QStringList asked = nlu::SearchTerms::ofQuery(question);
    if (!best || asked.size() < 2)
        return false;
    // Its words as the passage writes them ("cancle" is "cancel"), as the search read them.
    QHash<QString, int> topic;
    for (const QString &t : nlu::SearchTerms::of(best->title + QLatin1Char(' ') + best->heading))
        ++topic[t];
    return std::all_of(asked.cbegin(), asked.cend(),
        [&topic](const QString &t) { return topic.contains(nlu::TermSpelling::nearest(t, topic)); });
}

bool knowledgeAnswers(const QList<KbHit> &hits, const QString &question)
{
    for (const KbHit &hit : hits)
        if (knowledgeAnswers(hit.article, question) || passageAnswers(hit, question))
            return true;
    return false;
}

double passageScore(const QString &articleBody, const QString &question, const QString &topic)
{
    PassageCache &cache = PassageCache::ofThisThread();
    return cache.ranking(*cache.article(articleBody), question, topic).best();
}

QStringList answeringPassages(const QString &articleBody, const QString &question, const QString &topic)
{
    PassageCache &cache = PassageCache::ofThisThread();
    const auto article = cache.article(articleBody);
    // Score: how many of the question's words a passage holds, and a little for the
    // words of the topic a follow-up goes on from. (Weighting words by how rare they are
    // in the article did worse on tests/scenarios: "phone number" met "order number" in a
    // tip rather than the phone line.)
    const QList<QPair<double, int>> &ranked = cache.ranking(*article, question, topic).ranked;
    if (ranked.isEmpty())
        return {};
    // A question often asks two things ("your phone number and when are you open"):
    // a second passage nearly as good goes along, both in the article's order.
    QList<int> chosen{ranked.first().second};
    if (ranked.size() > 1 && ranked.at(1).first >= 0.6 * ranked.first().first)
        chosen.append(ranked.at(1).second);
    // "if it doesnt show up then what": the step after the last one found is the answer too.
    const int after = *std::max_element(chosen.cbegin(), chosen.cend()) + 1;
    if (cache.question(question).kind.next && after < article->passages.size() && !chosen.contains(after))
        chosen.append(after);
    std::sort(chosen.begin(), chosen.end());
    QStringList out;
    for (int i : chosen)
        out << article->passages.at(i);
    return out;
}

QString answeringPassage(const QString &articleBody, const QString &question, const QString &topic)
{
    return answeringPassages(articleBody, question, topic).join(QLatin1Char(' '));
}

} // namespace tierdesk
