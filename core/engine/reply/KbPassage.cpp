#include "core/engine/reply/KbPassage.h"

#include "core/nlu/text/Stemmer.h"
#include "core/nlu/text/StopWords.h"
#include "core/nlu/text/StringTable.h"
#include "core/nlu/text/Tokenizer.h"

#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <array>
#include <memory>

namespace tierdesk {
namespace {

using nlu::Stemmer;
using nlu::StopWords;

nlu::StringSet contentStems(const QString &text)
{
    nlu::StringSet out;
    for (const QString &w : nlu::Tokenizer::words(text)) {
        if (!StopWords::isFunctionWord(w))
            out.insert(Stemmer::stem(w));
    }
    return out;
}

// List items whole, other paragraphs by sentence; markup removed.
QStringList passagesOf(const QString &body)
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
        if (item)
            out << plain;
        else
            out += plain.split(sentenceEnd, Qt::SkipEmptyParts);
    }
    return out;
}

struct ParsedArticle {
    quint64 serial = 0; // unique per thread, naming this parse in other caches
    QString body;
    QStringList passages;
    QStringList lowered; // for the prefix look-ups of "crypto" in "cryptocurrency"
    QList<bool> negated; // the passage says "not", "never", "can't", "no longer"...
    QList<nlu::StringSet> stems;
};

bool saysNot(const QString &lowered)
{
    static const QLatin1String marks[] = {QLatin1String("n't"), QLatin1String("never"), QLatin1String(" not "),
        QLatin1String("cannot"), QLatin1String("no longer"), QLatin1String(" no ")};
    for (const QLatin1String &mark : marks)
        if (lowered.contains(mark))
            return true;
    return false;
}

// Articles change rarely and are asked about often: each is cut and stemmed once per
// thread (a bounded cache; the body is compared, so a changed article is parsed again).
std::shared_ptr<const ParsedArticle> parse(const QString &body)
{
    thread_local std::unordered_map<size_t, std::shared_ptr<const ParsedArticle>> cache;
    thread_local quint64 serials = 0;
    const size_t key = qHash(QStringView(body), 0);
    auto it = cache.find(key);
    if (it != cache.end() && it->second->body == body)
        return it->second;
    if (cache.size() > 512)
        cache.clear();
    auto a = std::make_shared<ParsedArticle>();
    a->serial = ++serials;
    a->body = body;
    a->passages = passagesOf(body);
    for (const QString &p : std::as_const(a->passages)) {
        a->stems << contentStems(p);
        a->lowered << QLatin1Char(' ') + p.toLower() + QLatin1Char(' ');
        a->negated << saysNot(a->lowered.last());
    }
    return cache[key] = std::move(a);
}

// One reply looks at the same few articles many times: the last ones are found by their
// text's address without hashing it. Holding a copy keeps that text alive, so an address
// seen again is the same text.
const ParsedArticle &parsed(const QString &body)
{
    struct Recent {
        QString body;
        std::shared_ptr<const ParsedArticle> parsed;
    };
    thread_local std::array<Recent, 32> recent;
    thread_local size_t next = 0;
    for (const Recent &r : recent)
        if (r.parsed && r.body.constData() == body.constData() && r.body.size() == body.size())
            return *r.parsed;
    Recent &slot = recent[next++ % recent.size()];
    slot = {body, parse(body)};
    return *slot.parsed;
}

} // namespace

namespace {

// Negations meet each other: "the email isnt coming" asks about "if the email doesn't arrive".
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

// What kind of answer a question wants, so a passage holding one ranks higher:
// a time ("how long", "when", "its been a week") or a price ("how much", "cost").
struct AnswerKind {
    bool time = false;
    bool price = false;
    bool phone = false;
    bool next = false; // "then what": the step after the passage that answers
    QString defines; // "whats this trail club thing": a passage saying "Trail Club is ..."
};

AnswerKind answerKindOf(const QString &question)
{
    static const QRegularExpression time(
        QStringLiteral("\\b(?:how long|when|till|until|how soon|week|weeks|days|expire|expires)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression price(
        QStringLiteral("\\b(?:how much|cost|costs|price|fee|fees|pay|charged?|free)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression phone(
        QStringLiteral("\\b(?:phone|call (?:you|us))\\b"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression definition(
        QStringLiteral("^\\W*(?:what'?s|what is|whats) (?:this |that |the |a |an )?([a-z][a-z ]{2,30}?)(?: thing| "
                       "about| exactly)?\\W*$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression next(
        QStringLiteral("\\b(?:then what|what then|what next|what now|what happens (?:then|next|after))\\b"),
        QRegularExpression::CaseInsensitiveOption);
    const QString defines = definition.match(question).captured(1).trimmed();
    return {time.match(question).hasMatch(), price.match(question).hasMatch(), phone.match(question).hasMatch(),
        next.match(question).hasMatch(), defines.isEmpty() ? QString() : defines + QStringLiteral(" is ")};
}

// What a question about a price or a charge wants: an amount, or that there is none
// ("while paused, you are not charged", "there is no return label fee for exchanges").
bool holdsPrice(const QString &passage)
{
    static const QRegularExpression none(
        QStringLiteral("\\b(?:free|not charged|no charge|no (?:\\w+ ){0,2}fees?|won't be charged)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    return passage.contains(QLatin1Char('$')) || none.match(passage).hasMatch();
}

bool holdsPhoneNumber(const QString &passage)
{
    static const QRegularExpression re(QStringLiteral("\\+?\\d[\\d ]{8,}\\d"));
    return re.match(passage).hasMatch();
}

bool holdsTime(const QString &passage)
{
    static const QRegularExpression re(QStringLiteral(
        "\\b\\d+(?:-\\d+)?[- ](?:business )?(?:minutes?|hours?|days?|weeks?|months?|years?)\\b|\\bnever expires\\b"));
    return re.match(passage).hasMatch();
}

// Whether a passage opens by saying what the term is: "Trail Club is our optional monthly
// membership" (not "Trail Club is billed separately"). `term` ends with " is ".
bool definesTerm(const QString &passage, const QString &term)
{
    if (!passage.startsWith(term, Qt::CaseInsensitive))
        return false;
    const QStringView rest = QStringView(passage).mid(term.size());
    for (const char *article : {"a ", "an ", "our ", "the "})
        if (rest.startsWith(QLatin1String(article)))
            return true;
    return false;
}

// The question's content stems, with a mark for a negation.
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

// The article's word for a word of the question, or empty.
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

nlu::StringSet questionStems(const QString &text)
{
    nlu::StringSet out;
    const QStringList words = nlu::Tokenizer::words(text);
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString &w = words.at(i);
        if (isNegation(w))
            out.insert(negation());
        else if (!StopWords::isFunctionWord(w))
            out.insert(Stemmer::stem(w));
        if (const QString written = articleWordFor(w, words, i); !written.isEmpty())
            out.insert(Stemmer::stem(written));
    }
    return out;
}

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
                    && Stemmer::isInflection(QStringView(s).mid(p.size()))) {
                    score += 1.0;
                    break;
                }
        }
    }
    return score;
}

// A question read once per thread however many articles it is put to: its stems and the
// kind of answer it wants (a bounded cache; messages repeat within a conversation).
struct Asked {
    nlu::StringSet stems;
    AnswerKind kind;
};

const Asked &askedOf(const QString &question)
{
    thread_local nlu::StringTable<Asked> cache;
    if (const auto it = cache.find(question); it != cache.end())
        return it->second;
    if (cache.size() > 256)
        cache.clear();
    return cache.emplace(question, Asked{questionStems(question), answerKindOf(question)}).first->second;
}

// Content stems of a topic, cached the same way.
const nlu::StringSet &stemsOf(const QString &text)
{
    thread_local nlu::StringTable<nlu::StringSet> cache;
    if (const auto it = cache.find(text); it != cache.end())
        return it->second;
    if (cache.size() > 256)
        cache.clear();
    return cache.emplace(text, contentStems(text)).first->second;
}

// The content stems of an article's title and keywords, what it is about: per thread by
// article id, the title and keywords compared, so a changed article is read again.
const nlu::StringSet &subjectStems(const KbArticle &article)
{
    struct Subject {
        QString title;
        QString keywords;
        nlu::StringSet stems;
    };
    thread_local std::unordered_map<qint64, Subject> cache;
    auto it = cache.find(article.id);
    if (it != cache.end() && it->second.title == article.title && it->second.keywords == article.keywords)
        return it->second.stems;
    if (cache.size() > 512)
        cache.clear();
    Subject read{article.title, article.keywords, contentStems(article.title + QLatin1Char(' ') + article.keywords)};
    return cache.insert_or_assign(article.id, std::move(read)).first->second.stems;
}

struct Ranked {
    QList<QPair<double, int>> ranked; // score, passage index; best first
};

Ranked rankPassages(const ParsedArticle &article, const QString &question, const QString &topic, bool negations);

// A reply puts the same question to the same few articles several times (choosing the
// article, judging confidence, quoting it): each ranking is computed once per thread.
const Ranked &rank(const ParsedArticle &article, const QString &question, const QString &topic, bool negations = true)
{
    thread_local nlu::StringTable<Ranked> cache;
    QString key = QString::number(article.serial, 16);
    key += QLatin1Char(negations ? '+' : '-') + question + QChar(0x1f) + topic;
    if (const auto it = cache.find(key); it != cache.end())
        return it->second;
    if (cache.size() > 1024)
        cache.clear();
    return cache.emplace(std::move(key), rankPassages(article, question, topic, negations)).first->second;
}

Ranked rankPassages(const ParsedArticle &article, const QString &question, const QString &topic, bool negations)
{
    const Asked &question_ = askedOf(question);
    nlu::StringSet withoutNot;
    if (!negations) {
        withoutNot = question_.stems;
        withoutNot.erase(negation());
    }
    const nlu::StringSet &asked = negations ? question_.stems : withoutNot;
    nlu::StringSet context;
    if (!topic.isEmpty())
        for (const QString &s : stemsOf(topic))
            if (asked.count(s) == 0)
                context.insert(s);
    const AnswerKind &kind = question_.kind;
    Ranked out;
    for (int i = 0; i < article.passages.size(); ++i) {
        const QString &text = article.passages.at(i);
        double score = overlap(asked, article, i);
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

} // namespace

bool knowledgeAnswers(const KbArticle &article, const QString &question)
{
    nlu::StringSet asked = askedOf(question).stems;
    asked.erase(negation());
    if (asked.empty())
        return false;
    const ParsedArticle &parsedArticle = parsed(article.body);
    const nlu::StringSet &subject = subjectStems(article);
    int covered = 0;
    bool onSubject = false;
    for (const QString &s : asked) {
        const bool inSubject = subject.count(s) > 0;
        bool inBody = false;
        for (const nlu::StringSet &stems : parsedArticle.stems)
            inBody = inBody || stems.count(s) > 0;
        onSubject = onSubject || inSubject;
        covered += inSubject || inBody ? 1 : 0;
    }
    // A passage holds two of the question's words, or the article is about what was asked
    // and covers at least half of it (a one-word question, "working", is too vague for that).
    // A shared "not" says nothing of the subject: "isnt working" is no answer to anything.
    const Ranked &ranked = rank(parsedArticle, question, {}, false);
    const double passage = ranked.ranked.isEmpty() ? 0 : ranked.ranked.first().first;
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
        if (!StopWords::isFunctionWord(w) && !isNegation(w) && !orderNumber && !answerKind && !out.contains(w))
            out << w;
        if (const QString written = articleWordFor(w, words, i); !written.isEmpty() && !out.contains(written))
            out << written; // the article's word is searched too
    }
    return out.join(QLatin1Char(' '));
}

double subjectScore(const KbArticle &article, const QString &question)
{
    const nlu::StringSet &subject = subjectStems(article);
    double score = 0;
    for (const QString &s : askedOf(question).stems)
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
            out.insert(Stemmer::stem(QLatin1String(w)));
        return out;
    }();
    return stems.count(s) > 0;
}

} // namespace

double leadScore(const KbArticle &article, const QString &question)
{
    const Asked &asked = askedOf(question);
    // Only an opening with the kind of answer asked for counts (below): most questions ask
    // for neither a time nor a price, and need no look at the article.
    if (!asked.kind.time && !asked.kind.price)
        return 0;
    const nlu::StringSet &subject = subjectStems(article);
    nlu::StringSet named;
    for (const QString &s : asked.stems)
        if (!isAnswerKindStem(s) && subject.count(s) > 0)
            named.insert(s);
    const ParsedArticle &parsedArticle = parsed(article.body);
    if (named.empty() || parsedArticle.passages.isEmpty())
        return 0;
    // Only when the opening gives the kind of answer asked for: a time, a price.
    const QString &lead = parsedArticle.passages.first();
    if (!(asked.kind.time && holdsTime(lead)) && !(asked.kind.price && holdsPrice(lead)))
        return 0;
    // The opening answers what the article is about: the words its subject names count
    // there, with those the opening holds itself.
    double score = double(named.size());
    for (const QString &s : asked.stems)
        if (named.count(s) == 0 && parsedArticle.stems.first().count(s) > 0)
            score += 1.0;
    return score + 0.75;
}

bool namesOneSubject(const QList<KbHit> &hits, int other, const QString &question)
{
    // The question's own words (not the thesaurus's): "move it" is no "change plan".
    for (const QString &s : contentStems(question)) {
        if (isAnswerKindStem(s))
            continue;
        int naming = -1;
        int count = 0;
        for (int i = 0; i < hits.size(); ++i)
            if (subjectStems(hits.at(i).article).count(s) > 0) {
                naming = i;
                ++count;
            }
        if (count == 1 && naming != other && leadScore(hits.at(naming).article, question) > 0)
            return true;
    }
    return false;
}

bool knowledgeAnswers(const QList<KbHit> &hits, const QString &question)
{
    for (const KbHit &hit : hits)
        if (knowledgeAnswers(hit.article, question))
            return true;
    return false;
}

double passageScore(const QString &articleBody, const QString &question, const QString &topic)
{
    const Ranked &r = rank(parsed(articleBody), question, topic);
    return r.ranked.isEmpty() ? 0 : r.ranked.first().first;
}

QStringList answeringPassages(const QString &articleBody, const QString &question, const QString &topic)
{
    const ParsedArticle &article = parsed(articleBody);
    // Score: how many of the question's words a passage holds, and a little for the
    // words of the topic a follow-up goes on from. (Weighting words by how rare they are
    // in the article did worse on tests/scenarios: "phone number" met "order number" in a
    // tip rather than the phone line.)
    const Ranked &r = rank(article, question, topic);
    if (r.ranked.isEmpty())
        return {};
    const auto &ranked = r.ranked;
    // A question often asks two things ("your phone number and when are you open"):
    // a second passage nearly as good goes along, both in the article's order.
    QList<int> chosen{ranked.first().second};
    if (ranked.size() > 1 && ranked.at(1).first >= 0.6 * ranked.first().first)
        chosen.append(ranked.at(1).second);
    // "if it doesnt show up then what": the step after the last one found is the answer too.
    const int after = *std::max_element(chosen.cbegin(), chosen.cend()) + 1;
    if (askedOf(question).kind.next && after < article.passages.size() && !chosen.contains(after))
        chosen.append(after);
    std::sort(chosen.begin(), chosen.end());
    QStringList out;
    for (int i : chosen)
        out << article.passages.at(i);
    return out;
}

QString answeringPassage(const QString &articleBody, const QString &question, const QString &topic)
{
    return answeringPassages(articleBody, question, topic).join(QLatin1Char(' '));
}

} // namespace tierdesk
