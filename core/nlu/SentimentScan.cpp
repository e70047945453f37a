#include "core/nlu/SentimentScan.h"

#include "core/nlu/SentimentCues.h"
#include "core/nlu/text/Tokenizer.h"

#include <algorithm>
#include <cmath>

namespace tierdesk::nlu {

namespace {

using sentiment_cues::kBoost;
// Constants of the VADER method (Hutto & Gilbert 2014), kept where they were measured.
constexpr double kCapsBoost = 0.733; // ALL-CAPS word
constexpr double kNegation = -0.74; // "not good" keeps 74 % of the flipped valence
constexpr double kExasperation = 0.8; // "?!" on an otherwise neutral message
// Sarcasm: praise counts against, at this share, plus one mild negative cue.
constexpr double kSarcasmFlip = 0.25;
constexpr double kSarcasmCue = 1.0;
constexpr int kNegationReach = 3; // words after a negator that it still reaches

double sign(double v)
{
    return v < 0 ? -1.0 : 1.0;
}

bool isClauseBreak(const Token &t)
{
    if (t.kind == Token::Kind::Emoji)
        return true;
    if (t.kind != Token::Kind::Punctuation)
        return false;
    const QChar c = t.text.front();
    return QStringView(u".,;:!?()[]\u2014\u2013-").contains(c);
}

// "sooo" -> "soo" / "so", "gooood" -> "good": retried when the word is unknown.
QString collapseRepeats(const QString &w, int keep)
{
    QString out;
    out.reserve(w.size());
    int run = 0;
    for (int i = 0; i < w.size(); ++i) {
        run = (i > 0 && w.at(i) == w.at(i - 1)) ? run + 1 : 1;
        if (run <= keep)
            out.append(w.at(i));
    }
    return out;
}

void countPunctuation(SentimentScan &s, const Token &t)
{
    const int bangs = int(t.text.count(QLatin1Char('!')));
    const int asks = int(t.text.count(QLatin1Char('?')));
    s.exclamations += bangs;
    s.questions += asks;
    if (bangs > 0 && asks > 0)
        ++s.exasperations;
}

void countLetters(SentimentScan &s, const QString &text)
{
    for (const QChar c : text) {
        if (!c.isLetter())
            continue;
        ++s.letters;
        s.upper += c.isUpper() ? 1 : 0;
    }
}

void readTokens(SentimentScan &s, const QList<Token> &tokens)
{
    bool pendingBreak = false;
    for (int i = 0; i < tokens.size(); ++i) {
        const Token &t = tokens.at(i);
        if (t.isWordLike()) {
            s.words.append({t.norm, t.allCaps, pendingBreak, false, 0.0, {}});
            if (t.kind == Token::Kind::Word) {
                countLetters(s, t.text);
                s.words.last().cls = sentiment_cues::classify(t.norm);
            }
            pendingBreak = false;
            continue;
        }
        if (t.kind == Token::Kind::Emoji)
            s.emojis << t.text;
        if (t.kind == Token::Kind::Punctuation) {
            countPunctuation(s, t);
            // "/s" closing a message: the writer's own sarcasm tag.
            if (t.text == QLatin1String("/") && i + 1 < tokens.size() && tokens.at(i + 1).norm == QLatin1String("s")
                && (i + 2 == tokens.size() || tokens.at(i + 2).kind != Token::Kind::Word)) {
                s.slashS = true;
                ++i;
            }
        }
        pendingBreak = pendingBreak || isClauseBreak(t);
    }
}

// Words that carry a negation on ("nobody tells me anything useful", "not ever again").
bool extendsNegation(const QString &word)
{
    for (const char *w : {"any", "anything", "anyone", "anybody", "anywhere", "ever", "at", "all"})
        if (word == QLatin1String(w))
            return true;
    return false;
}

// A negator reaches the next few words of its clause, and further through "anything",
// "ever" and the like; "but" ends its reach.
void markNegation(QList<SentimentScan::Word> &words)
{
    int reach = 0;
    for (SentimentScan::Word &w : words) {
        if (w.breakBefore || w.norm == QLatin1String("but"))
            reach = 0;
        w.negated = reach > 0;
        reach = std::max(0, reach - 1);
        if (w.cls.negator || (w.negated && extendsNegation(w.norm)))
            reach = kNegationReach;
    }
}

// Valence of the word at i, or of the longest phrase starting there; *span and *cue set.
double lookUp(const SentimentAnalyzer::Lexicon &lex, const QList<SentimentScan::Word> &words, int i, int *span,
    QString *cue, bool *elongated)
{
    const int n = int(words.size());
    const int longest = lex.phraseStarts.count(words.at(i).norm) > 0 ? std::min(lex.longestPhrase, n - i) : 1;
    for (int len = longest; len >= 2; --len) {
        QString key = words.at(i).norm;
        bool clean = true;
        for (int k = 1; k < len && clean; ++k) {
            clean = !words.at(i + k).breakBefore;
            key += QLatin1Char(' ') + words.at(i + k).norm;
        }
        const auto it = clean ? lex.phrases.find(key) : lex.phrases.end();
        if (it != lex.phrases.end()) {
            *span = len;
            *cue = key;
            return it->second;
        }
    }
    *span = 1;
    const QString &w = words.at(i).norm;
    *cue = w;
    auto it = lex.words.find(w);
    if (it == lex.words.end() && w.size() > 3) {
        const QString two = collapseRepeats(w, 2);
        if (two != w) { // elongated words: "sooo baaad"
            *elongated = true;
            it = lex.words.find(two);
            if (it == lex.words.end())
                it = lex.words.find(collapseRepeats(w, 1));
        } else if (w.endsWith(QLatin1Char('s'))) {
            it = lex.words.find(w.left(w.size() - 1));
        }
    }
    if (it != lex.words.end())
        return it->second;
    double best = 0.0; // "over-priced", "well-made": the strongest part
    if (w.contains(QLatin1Char('-'))) {
        for (const QString &part : w.split(QLatin1Char('-'), Qt::SkipEmptyParts)) {
            const double v = valueOr(lex.words, part, 0.0f);
            best = std::abs(v) > std::abs(best) ? v : best;
        }
    }
    return best;
}

// Boosters, dampeners and negators in the three words before word i, within its clause.
double modify(const QList<SentimentScan::Word> &words, int i, double v, QString *cue)
{
    bool negated = false;
    for (int k = 1; k <= 3 && i - k >= 0; ++k) {
        if (words.at(i - k + 1).breakBefore)
            break;
        const SentimentScan::Word &prev = words.at(i - k);
        double scalar = prev.cls.modifier * (1.0 - 0.05 * (k - 1));
        if (scalar != 0.0) {
            if (prev.caps)
                scalar += sign(scalar) * kCapsBoost * 0.5;
            v += sign(v) * scalar;
        }
        if (!negated && prev.cls.negator) {
            const bool notOnly
                = prev.norm == QLatin1String("not") && k == 1 && words.at(i).norm == QLatin1String("only");
            if (!notOnly) {
                negated = true;
                *cue = prev.norm + QLatin1Char(' ') + *cue;
            }
        }
    }
    // Beyond the three words, a negation carried on by "anything" or "ever" (markNegation).
    if (!negated && words.at(i).negated && i > 0 && extendsNegation(words.at(i - 1).norm)) {
        negated = true;
        *cue = QStringLiteral("not ") + *cue;
    }
    return negated ? v * kNegation : v;
}

int contrastAt(const QList<SentimentScan::Word> &words)
{
    for (int i = 0; i < words.size(); ++i) {
        if (words.at(i).norm == QLatin1String("but") || words.at(i).norm == QLatin1String("however"))
            return i;
    }
    return -1;
}

// "i ordered the wrong size", "we put the wrong address": the customer's own slip, told
// plainly, is no grievance ("i got the wrong item", "you sent the wrong one" still are).
bool ownSlip(const QList<SentimentScan::Word> &words, int i)
{
    static const QStringList choices{QStringLiteral("ordered"), QStringLiteral("picked"), QStringLiteral("chose"),
        QStringLiteral("selected"), QStringLiteral("bought"), QStringLiteral("purchased"), QStringLiteral("entered"),
        QStringLiteral("typed"), QStringLiteral("put"), QStringLiteral("clicked")};
    if (words.at(i).norm != QLatin1String("wrong"))
        return false;
    int k = i - 1;
    if (k >= 0 && (words.at(k).norm == QLatin1String("the") || words.at(k).norm == QLatin1String("a")))
        --k;
    if (k < 1 || !choices.contains(words.at(k).norm))
        return false;
    --k;
    if (k >= 1
        && (words.at(k).norm == QLatin1String("accidentally") || words.at(k).norm == QLatin1String("mistakenly")))
        --k;
    for (int w = k + 1; w <= i; ++w)
        if (words.at(w).breakBefore)
            return false;
    return words.at(k).norm == QLatin1String("i") || words.at(k).norm == QLatin1String("we");
}

void addContribution(SentimentScan &s, double v, const QString &cue)
{
    if (v < 0) {
        s.negative += v;
        s.negativeCues << cue;
    } else {
        s.positive += v;
        s.positiveCues << cue;
    }
    s.cues << cue;
}

void scoreSentimentWords(SentimentScan &s, const SentimentAnalyzer::Lexicon &lex)
{
    const int butAt = contrastAt(s.words);
    for (int i = 0; i < s.words.size(); ++i) {
        int span = 1;
        QString cue;
        bool elongated = false;
        double v = lookUp(lex, s.words, i, &span, &cue, &elongated);
        if (s.words.at(i).cls.profanity)
            s.profanity << s.words.at(i).norm;
        if (v == 0.0 || (v < 0 && ownSlip(s.words, i)))
            continue;
        s.cueWords << cue;
        bool caps = false;
        for (int k = 0; k < span; ++k)
            caps = caps || s.words.at(i + k).caps;
        if (caps)
            v += sign(v) * kCapsBoost;
        if (elongated)
            v += sign(v) * kBoost;
        v = modify(s.words, i, v, &cue);
        // "but": the clause after it weighs more than the one before (VADER's rule).
        if (butAt >= 0)
            v *= i < butAt ? 0.5 : (i > butAt ? 1.5 : 1.0);
        s.words[i].valence = v;
        addContribution(s, v, cue);
        i += span - 1;
    }
}

void scoreEmoji(SentimentScan &s)
{
    for (const QString &e : std::as_const(s.emojis)) {
        bool known = false;
        const double v = sentiment_cues::emojiValence(e, &known);
        if (known && v != 0.0)
            addContribution(s, v, e);
    }
}

bool hasComplaintContext(const SentimentScan &s)
{
    if (s.negative < 0)
        return true;
    return std::any_of(s.words.cbegin(), s.words.cend(),
        [](const SentimentScan::Word &w) { return w.cls.complaintContext || w.cls.negator; });
}

// Markers that turn praise into its opposite; the marker as a cue, or empty.
QString findSarcasm(const SentimentScan &s)
{
    if (s.slashS)
        return QStringLiteral("/s");
    QString joined;
    for (const SentimentScan::Word &w : s.words)
        joined += QLatin1Char(' ') + w.norm;
    joined += QLatin1Char(' ');
    for (const char *phrase :
        {" thanks for nothing ", " thank you for nothing ", " yeah right ", " thanks a lot for nothing "}) {
        if (joined.contains(QLatin1String(phrase)))
            return QString::fromLatin1(phrase).trimmed();
    }
    const int n = int(s.words.size());
    for (int i = 0; i + 2 < n; ++i) { // "great, just great"
        if (s.words.at(i).valence > 0 && s.words.at(i + 1).norm == QLatin1String("just")
            && s.words.at(i + 2).norm == s.words.at(i).norm)
            return s.words.at(i).norm + QStringLiteral(", just ") + s.words.at(i).norm;
    }
    if (s.positive > 0 && std::any_of(s.emojis.cbegin(), s.emojis.cend(), sentiment_cues::isEyeRoll))
        return s.emojis.first();
    if (s.positive <= 0 || !hasComplaintContext(s))
        return QString();
    static const QStringList interjections = {QStringLiteral("wow"), QStringLiteral("oh"), QStringLiteral("just"),
        QStringLiteral("yeah"), QStringLiteral("gee"), QStringLiteral("ah")};
    for (int i = 0; i + 1 < n; ++i) { // "oh great, another delay": praise closing its clause
        const bool closes = i + 2 == n || s.words.at(i + 2).breakBefore;
        if (interjections.contains(s.words.at(i).norm) && s.words.at(i + 1).valence > 0 && closes)
            return s.words.at(i).norm + QLatin1Char(' ') + s.words.at(i + 1).norm;
    }
    for (const char *phrase :
        {" love how ", " love that ", " love it when ", " thanks a lot ", " great job ", " nice job ", " good job ",
            " well done ", " so helpful ", " real helpful ", " very helpful ", " what a surprise ", " big surprise "}) {
        if (joined.contains(QLatin1String(phrase)))
            return QString::fromLatin1(phrase).trimmed();
    }
    return QString();
}

void applySarcasm(SentimentScan &s)
{
    s.sarcasm = findSarcasm(s);
    if (s.sarcasm.isEmpty())
        return;
    s.negative += -kSarcasmFlip * s.positive - kSarcasmCue;
    s.positive = 0.0;
    s.negativeCues += s.positiveCues;
    s.positiveCues.clear();
    s.cues << QStringLiteral("sarcasm");
}

} // namespace

double SentimentScan::lexiconValence() const
{
    const double sum = positive + negative;
    if (sum == 0.0 && exasperations > 0)
        return -kExasperation; // "where is my order?!" is not a calm question
    return sum;
}

SentimentScan SentimentScan::run(const QString &text, const SentimentAnalyzer::Lexicon &lexicon)
{
    return run(Tokenizer::tokenize(text), lexicon);
}

SentimentScan SentimentScan::run(const QList<Token> &tokens, const SentimentAnalyzer::Lexicon &lexicon)
{
    SentimentScan s;
    readTokens(s, tokens);
    markNegation(s.words);
    scoreSentimentWords(s, lexicon);
    scoreEmoji(s);
    applySarcasm(s);
    return s;
}

SentimentFeatures SentimentScan::features() const
{
    SentimentFeatures f;
    f.lexiconValence = lexiconValence();
    f.terms.reserve(words.size() * 2 + emojis.size() + 2);
    for (int i = 0; i < words.size(); ++i) {
        const Word &w = words.at(i);
        f.terms << (w.negated ? QStringLiteral("not:") + w.norm : w.norm);
        if (i > 0 && !w.breakBefore)
            f.terms << words.at(i - 1).norm + QLatin1Char(' ') + w.norm;
    }
    for (const QString &e : emojis)
        f.terms << QStringLiteral("emoji:") + e;
    if (!sarcasm.isEmpty())
        f.terms << QStringLiteral("marker:sarcasm");
    if (exasperations > 0)
        f.terms << QStringLiteral("marker:?!");
    return f;
}

} // namespace tierdesk::nlu
