#include "core/engine/dialogue/Questions.h"

#include "core/common/CaselessRegex.h"
#include "core/common/LastAnswer.h"
#include "core/engine/dialogue/Requests.h"
#include "core/nlu/text/Tokenizer.h"

#include <QRegularExpression>
#include <QSet>

namespace tierdesk::dialogue {
namespace {

// "ord" and "10005" of "ORD-10005": the order's number, a fact of its own answer.
bool isOrderNumber(const QString &w)
{
    if (w == QLatin1String("ord"))
        return true;
    if (w.size() < 3)
        return false;
    for (const QChar c : w)
        if (!c.isDigit())
            return false;
    return true;
}

// Words that say nothing beyond "tell me about my order": function words, fillers, and
// the facts an order answer already gives (status, tracking, carrier, delivery).
const QSet<QString> &orderFactWords()
{
    static const QSet<QString> words = [] {
        QSet<QString> s;
        for (const char *w : {"a", "an", "the", "is", "are", "was", "were", "be", "been", "i", "im", "i'm", "my", "me",
                 "you", "your", "ur", "u", "to", "of", "and", "or", "in", "on", "for", "it", "its", "it's", "this",
                 "that", "these", "those", "they", "them", "can", "do", "does", "did", "how", "what", "whats", "what's",
                 "where", "wheres", "where's", "when", "which", "who", "with", "have", "has", "had", "please", "pls",
                 "plz", "hi", "hey", "hello", "so", "ok", "okay", "k", "just", "get", "got", "if", "not", "about", "at",
                 "by", "from", "yet", "still", "again", "already", "actually", "really", "like", "lol", "thx", "thanks",
                 "ty", "hmm", "um", "uh", "there", "here", "now", "any", "some", "order", "orders", "ord", "package",
                 "parcel", "status", "track", "tracking", "number", "no", "shipped", "ship", "ships", "shipping",
                 "deliver", "delivered", "delivery", "arrive", "arrived", "arrives", "arrival", "come", "came",
                 "carrier", "eta", "will", "would", "should", "could", "gonna", "anyway", "also", "then", "one",
                 "ordered", "bought", "placed", "days", "day", "ago", "week", "today", "morning", "yesterday", "sent",
                 "send", "hasnt", "hasn't", "havent", "haven't", "isnt", "isn't", "did", "didnt", "didn't", "dont",
                 "don't", "all", "stuff", "thing", "things", "item", "items", "lot", "much", "very", "up", "out", "we",
                 "us", "our", "great", "thats", "that's", "cool", "nice", "perfect", "awesome", "fine", "good", "sure",
                 "yes", "yeah", "yep", "ya", "wow", "omg", "ugh", "coming", "going", "forgot", "added", "all", "right",
                 "guys", "pls", "asap", "quick", "question", "wondering", "know", "tell"})
            s.insert(QLatin1String(w));
        return s;
    }();
    return words;
}

} // namespace

QStringList clausesOf(const QString &text)
{
    static const QRegularExpression split = caselessUnicodeRegex(QStringLiteral(
        R"([?!.;\n]+\s*|,?\s+\b(?:and also|also|and then)\b\s*)"
        R"(|(?:,\s*(?:and\s+|but\s+)?|\s+(?:and|but)\s+)(?=(?:how|what|whats|what's|where|wheres|when|can|could|do|does|is|are|will|who|which|why)\b))"
        R"(|,\s*and\s+)"));
    QStringList out;
    for (const QString &part : text.split(split, Qt::SkipEmptyParts)) {
        const QString clause = part.simplified();
        if (!clause.isEmpty())
            out << clause;
    }
    return out;
}

bool refersBack(const QString &text)
{
    return lastAnswer(text, [](const QString &t) {
        static const QRegularExpression backReference = caselessUnicodeRegex(
            QStringLiteral(R"(\b(?:it|its|it's|they|they're|theyre|them|those|these|that|one|there)\b)"));
        return backReference.match(t).hasMatch();
    });
}

QString subjectReferredTo(const QString &text, const QString &topic)
{
    // What it costs is the membership's own: whatever was asked of it, the plans and their prices answer.
    static const QRegularExpression price = caselessUnicodeRegex(QStringLiteral(
        R"(\b(?:it|its|it's|one|that)\b.*\b(?:cost|costs|price|much)\b|\b(?:cost|costs|price|how much)\b.*\b(?:it|one|that)\b)"));
    if (topic.isEmpty() || !mentionsSubscription(topic) || mentionsSubscription(text) || !price.match(text).hasMatch())
        return {};
    return QStringLiteral("the membership plan prices");
}

bool isFollowUp(const QString &text)
{
    static const QRegularExpression lead = caselessUnicodeRegex(QStringLiteral(
        R"(^\W*(?:and|also|but|so|ok so|okay so|what about|how about|plus|then|what if|ok and|ok but)\b)"));
    if (lead.match(text).hasMatch() || refersBack(text))
        return true;
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts).size() <= 4;
}

QString beyondOrderFacts(const QString &clause, const QStringList &itemWords)
{
    QStringList rest;
    for (const QString &w : nlu::Tokenizer::plainWords(clause, nlu::Tokenizer::Underscore::Joins)) {
        if (isOrderNumber(w))
            continue;
        const QString plain = w.endsWith(QLatin1Char('s')) ? w.chopped(1) : w;
        if (w.size() < 3 || orderFactWords().contains(w) || itemWords.contains(w) || itemWords.contains(plain))
            continue;
        rest << w;
    }
    return rest.join(QLatin1Char(' '));
}

QString withoutOrderFacts(const QString &clause)
{
    static const QRegularExpression facts = caselessUnicodeRegex(QStringLiteral(
        R"(\b(?:arriv\w*|ship(?:s|ped|ping)?|deliver\w*|track\w*|carrier|package|parcel|ord(?:er)?\s*[-#]?\s*\d+)\b)"));
    return QString(clause).remove(facts).simplified();
}

bool mayNameItem(const QString &text)
{
    // "my gloves", "the boots order", "these pants": a word after a determiner that is no
    // order fact. Orders are read for item names only then.
    static const QRegularExpression determined
        = caselessUnicodeRegex(QStringLiteral(R"(\b(?:my|the|these|those|this|that|your)\s+([a-z]+))"));
    for (auto it = determined.globalMatch(text); it.hasNext();) {
        const QString word = it.next().captured(1).toLower();
        if (word.size() >= 3 && !orderFactWords().contains(word))
            return true;
    }
    return false;
}

bool asksWhen(const QString &text)
{
    static const QRegularExpression re
        = caselessUnicodeRegex(QStringLiteral(R"(\b(?:when|how long|how soon|till|until)\b)"));
    return re.match(text).hasMatch();
}

bool asksContents(const QString &text)
{
    static const QRegularExpression re = caselessUnicodeRegex(QStringLiteral(
        R"(\b(?:what'?s|what is|what was|what did i (?:order|get|buy))\s+(?:in|on|inside)\b|\bwhat'?s in (?:it|there)\b)"
        R"(|\b(?:contents?|items?) (?:of|in|on)\b|\bwhat (?:items|did i order)\b|\bdid i (?:add|order|include)\b)"));
    return re.match(text).hasMatch();
}

} // namespace tierdesk::dialogue
