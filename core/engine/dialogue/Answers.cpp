#include "core/engine/dialogue/Answers.h"

#include "core/common/CaselessRegex.h"
#include "core/common/GatedRegex.h"
#include "core/common/LastAnswer.h"

#include <QRegularExpression>
#include <QSet>

namespace tierdesk::dialogue {
namespace {

// The message reduced to lower-case words: letters, digits, '_' and '\'' (the regular
// expression's \w with Unicode properties, and the apostrophe), every run of anything else
// one space. A plain scan, as it runs on every message; text with a lone surrogate, which
// the regular expression does not match at all, keeps its old reading.
QString words(const QString &text)
{
    const QString lower = text.toLower();
    QString out;
    out.reserve(lower.size());
    bool gap = false;
    for (qsizetype i = 0; i < lower.size(); ++i) {
        const QChar c = lower.at(i);
        char32_t cp = c.unicode();
        qsizetype width = 1;
        if (c.isSurrogate()) {
            if (!c.isHighSurrogate() || i + 1 == lower.size() || !lower.at(i + 1).isLowSurrogate())
                return lower.simplified();
            cp = QChar::surrogateToUcs4(c, lower.at(i + 1));
            width = 2;
        }
        if (QChar::isLetterOrNumber(cp) || cp == U'_' || cp == U'\'') {
            if (gap && !out.isEmpty())
                out += QLatin1Char(' ');
            out.append(lower.constData() + i, width);
            gap = false;
        } else {
            gap = true;
        }
        i += width - 1;
    }
    return out;
}

// Words after a yes that neither restate it nor ask more, beyond which it says something new.
constexpr qsizetype kOtherWordsInYes = 3;

} // namespace

Answer answerTo(const QString &text)
{
    const QString w = words(text);
    static const QRegularExpression no = caselessUnicodeRegex(QStringLiteral(
        R"(^(?:no|nope|nah|no thanks|no thank you|not now|not yet|not right now|never ?mind|nevermind|cancel that|don't|dont)"
        R"(|do not|stop|wait|hold on|hold off|rather not|i'd rather not|better not)\b)"
        R"(|\b(?:don't|dont|do not) (?:do|go ahead|refund|cancel|change|bother)|\bchanged my mind\b)"
        // German, for a company answering in German: "nein", "nein danke", "lieber nicht".
        R"(|^(?:nein|lieber nicht|noch nicht)\b)"));
    // One yes or several in a row: "yes please go ahead", "ok sure do it", "ja bitte".
    static const QRegularExpression yes = caselessUnicodeRegex(QStringLiteral(
        R"(^(?:(?:y|ya|yes|yeah|yep|yup|sure|ok|okay|k|fine|please do|please|go ahead|do it|confirm|confirmed|correct)"
        R"(|absolutely|that's right|thats right|sounds good|that works|perfect|great|yes please)"
        R"(|ja bitte|ja gerne?|bitte ja|jawohl|ja|gerne?)\b ?)+)"));
    if (no.match(w).hasMatch())
        return Answer::No;
    const QRegularExpressionMatch m = yes.match(w);
    if (!m.hasMatch())
        return Answer::Other;
    // A yes that goes on to ask, want or limit something else is no answer: "ok so when
    // does it ship", "yes but only $20", "yes and also refund ORD-10004". Money never moves
    // on a guess.
    static const QRegularExpression more = caselessUnicodeRegex(QStringLiteral(
        R"(\b(?:what|where|when|how|why|which|but|can|could|would|is|are|does|did|do you|also|instead|if|unless)"
        R"(|except|only|not|too|as well|plus|another|other|else|more|less|aber|nur|auch|noch|nicht)\b)"));
    const QString rest = w.mid(m.capturedEnd());
    if (text.contains(QLatin1Char('?')) || more.match(rest).hasMatch())
        return Answer::Other;
    // What follows may say the yes again in other words ("go ahead with the refund", "and
    // refund it", "thanks so much"); beyond a few other words it says something new.
    static const QSet<QString> restates = [] {
        QSet<QString> out;
        for (const char *word : {"go", "ahead", "do", "it", "that", "this", "them", "one", "with", "and", "the", "a",
                 "my", "me", "for", "to", "you", "please", "thanks", "thank", "so", "much", "now", "right", "away",
                 "then", "proceed", "process", "refund", "cancel", "cancellation", "credit", "apply", "pause", "resume",
                 "switch", "change", "order", "membership", "subscription", "yes", "yeah", "sure", "ok", "okay", "fine",
                 "great", "perfect", "good", "bitte", "danke", "machen", "sie", "das", "es", "ja", "gern", "gerne"})
            out.insert(QLatin1String(word));
        return out;
    }();
    qsizetype unexplained = 0;
    for (const QString &word : rest.split(QLatin1Char(' '), Qt::SkipEmptyParts))
        if (!restates.contains(word))
            ++unexplained;
    return unexplained > kOtherWordsInYes ? Answer::Other : Answer::Yes;
}

bool startsWithYes(const QString &text)
{
    static const QRegularExpression yes = caselessUnicodeRegex(
        QStringLiteral(R"(^(?:y|ya|yes|yeah|yep|yup|sure|ok|okay|fine|please do|go ahead|do it|ja)\b)"));
    return yes.match(words(text)).hasMatch();
}

QString referencedOrder(const QString &text, const QStringList &lastMentioned, const QString &current)
{
    const QString w = words(text);
    static const QRegularExpression ordinal = caselessUnicodeRegex(
        QStringLiteral(R"(\b(?:the )?(first|second|2nd|third|3rd|last|other) (?:one|order|of them)\b)"));
    const QRegularExpressionMatch m = ordinal.match(w);
    if (m.hasMatch() && !lastMentioned.isEmpty()) {
        const QString which = m.captured(1);
        qsizetype index = 0;
        if (which == QLatin1String("second") || which == QLatin1String("2nd"))
            index = 1;
        else if (which == QLatin1String("third") || which == QLatin1String("3rd"))
            index = 2;
        else if (which == QLatin1String("last"))
            index = lastMentioned.size() - 1;
        else if (which == QLatin1String("other"))
            index = lastMentioned.size() > 1 && lastMentioned.first() == current ? 1 : 0;
        return index < lastMentioned.size() ? lastMentioned.at(index) : QString();
    }
    static const QRegularExpression pronoun = caselessUnicodeRegex(QStringLiteral(
        R"(\b(?:it|its|that order|this order|that one|this one|the order|my order|the package|my package)\b)"));
    return pronoun.match(w).hasMatch() ? current : QString();
}

bool asksAboutOrderFacts(const QString &text)
{
    return lastAnswer(text, [](const QString &t) {
        static const QRegularExpression re = caselessUnicodeRegex(QStringLiteral(
            R"(\b(?:track(?:ing)?|tracking ?(?:#|no|number)|ship(?:s|ped|ping)?|deliver(?:y|ed|s)?|arriv(?:e|es|ed|al)|carrier|eta|when will|where is it|wheres it|status)\b)"));
        return re.match(t).hasMatch();
    });
}

bool mentionsOrderOrProblem(const QString &text)
{
    static const QRegularExpression re = caselessUnicodeRegex(QStringLiteral(
        R"(\b(?:where|wheres|here|order|package|came|come|coming|arriv\w*|still|yet|return|exchange|swap|fit|fits|broke|broken)"
        R"(|damaged|defective|leaks?|leaking|ripped|torn|refund|money back|cancel|replace|faulty|missing|hole|pilled)\b)"));
    return re.match(text).hasMatch();
}

bool namesOrder(const QString &text)
{
    static const QRegularExpression re
        = caselessUnicodeRegex(QStringLiteral(R"(\b(?:that|this|the|my) (?:order|package|parcel)\b)"));
    return re.match(text).hasMatch();
}

bool namesWhatTheEngineActsOn(const QString &text)
{
    static const QRegularExpression re = caselessUnicodeRegex(QStringLiteral(
        R"(\b(?:orders?|ordered|packages?|parcels?|shipments?|deliver\w*|refunds?|money|payments?|paid|charged?|)"
        R"(credit|invoice|receipt|purchase\w*|bought|subscri\w*|membership|plan|account credit|return(?:s|ed|ing)?|)"
        R"(exchange|agent|human|person|someone|manager|supervisor)\b)"));
    return re.match(text).hasMatch();
}

bool pointsVaguely(const QString &text)
{
    return lastAnswer(text, [](const QString &t) {
        static const GatedRegex re(
            caselessUnicodeRegex(QStringLiteral(
                R"(^\W*no,? not that\b|\bthe other (?:thing|part|bit|time|issue|one)\b|\byou know what i mean\b)"
                R"(|\bthe (?:thing|stuff) (?:with|from)\b|\bthe part that\b|\bthe bit that\b)")),
            {"not that", "the other", "what i mean", "the thing", "the stuff", "the part that", "the bit that"});
        return re.match(t).hasMatch();
    });
}

bool asksForEarlierOrder(const QString &text)
{
    static const GatedRegex re(
        caselessUnicodeRegex(QStringLiteral(
            R"(\b(?:one|order) before (?:that|it|this|the)\b|\bprevious (?:one|order)\b|\border before\b)")),
        {"before", "previous"});
    return re.match(text).hasMatch();
}

QString outOfScope(const QString &text)
{
    return lastAnswer(text, [](const QString &t) -> QString {
        static const QRegularExpression re = caselessUnicodeRegex(QStringLiteral(
            R"(\b(?:weather|forecast|(?:tell|know) (?:me )?(?:a |any )?jokes?|a joke|poem|haiku|song lyrics|write (?:me )?a (?:story|song|essay))"
            R"(|recipe|stock price|bitcoin|horoscope|sports? scores?|who won the|capital of|meaning of life)"
            R"(|(?:rei|patagonia|amazon|walmart|rei's|competitors?)(?:'s)? prices?|cheaper (?:at|on) (?:rei|amazon|walmart))\b)"));
        if (const QString found = re.match(t).captured(0); !found.isEmpty())
            return found;
        // What a competitor charges for something: "how much is the rei half dome tent".
        static const QRegularExpression competitor
            = caselessUnicodeRegex(QStringLiteral(R"(\b(?:rei|patagonia|amazon|walmart|competitors?)\b)"));
        static const QRegularExpression price
            = caselessUnicodeRegex(QStringLiteral(R"(\b(?:how much|price|prices|cost|costs|cheaper|deal)\b)"));
        const QRegularExpressionMatch m = competitor.match(t);
        return m.hasMatch() && price.match(t).hasMatch() ? m.captured(0) : QString();
    });
}

bool mentionsAbroad(const QString &text)
{
    static const QRegularExpression re = caselessUnicodeRegex(QStringLiteral(
        R"(\b(?:canada|mexico|uk|united kingdom|england|ireland|france|germany|spain|italy|netherlands|europe|eu|australia)"
        R"(|new zealand|japan|china|india|brazil|abroad|overseas|internationally|outside (?:the )?(?:us|usa|united states))\b)"));
    return re.match(text).hasMatch();
}

namespace {

const QRegularExpression &productFailure()
{
    static const QRegularExpression re = caselessUnicodeRegex(QStringLiteral(
        R"(\b(?:pilling|pilled|coming apart|came apart|falling apart|fell apart|come apart|broke|broken|breaking)"
        R"(|stopped working|stops working|not working|doesn'?t work|does not work|won'?t (?:turn on|work|charge|zip|close))"
        R"(|ripped|ripping|torn|tearing|leaks|leaking|leaked|cracked|cracking|defective|faulty|peeling|peeled|unravel\w*)"
        R"(|snapped|fraying|frayed|came off|fell off|falling off|coming off|seams? (?:split|splitting|failed|opened))\b)"));
    return re;
}

} // namespace

bool reportsProductFailure(const QString &text)
{
    // What arrived broken was damaged on the way: the knowledge base's damaged-item texts answer it.
    static const QRegularExpression onArrival = caselessUnicodeRegex(QStringLiteral(
        R"(\b(?:arrived|arrives|came|delivered|received|showed up|turned up|in the box|out of the box|on arrival)\b)"));
    return productFailure().match(text).hasMatch() && !onArrival.match(text).hasMatch();
}

QString productFailureQuestion(const QString &text)
{
    if (!reportsProductFailure(text))
        return {};
    return productFailure().match(text).captured(0).toLower() + QStringLiteral(": a defect under warranty");
}

QString claimsAuthority(const QString &text)
{
    static const QRegularExpression re = caselessUnicodeRegex(QStringLiteral(
        R"(\b(?:already (?:approved|agreed|authori[sz]ed|promised)|pre-?approved|(?:colleague|manager|supervisor|agent|rep|someone))"
        R"( (?:already )?(?:approved|promised|authori[sz]ed|agreed|said i(?:'d| would)? (?:get|be))|promised me)"
        R"(|i'?m (?:a |an |the )?(?:tierdesk |your )?(?:developer|admin|administrator|engineer|employee|staff member|manager|supervisor))"
        R"(|(?:i'?m|i am) (?:the |an? )?(?:owner|ceo|founder|co-?founder|boss)\b)"
        R"(|testing prod|set \w+ ?= ?\w+|can ?process ?refunds|max ?refund ?amount|max ?credit ?amount|admin mode|developer mode)"
        R"(|ignore (?:all |your |the )?(?:previous |prior )?(?:instructions|rules)|system prompt|override)\b)"));
    return re.match(text).captured(0);
}

bool isCorrection(const QString &text)
{
    static const QRegularExpression re = caselessUnicodeRegex(QStringLiteral(
        R"(^\s*(?:no|nope|not that|that's not what i)\b.*\b(?:i (?:asked|meant|said|was asking)|i'm asking|im asking|about the)\b)"));
    return re.match(text).hasMatch();
}

} // namespace tierdesk::dialogue
