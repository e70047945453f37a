#include "core/nlu/SentimentAnalyzer.h"

#include <QFile>
#include <QSet>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace tierdesk::nlu {

namespace {

// Constants of the VADER method (Hutto & Gilbert 2014), kept where they were measured.
constexpr double kBoost = 0.293;       // booster / dampener step
constexpr double kCapsBoost = 0.733;   // ALL-CAPS word
constexpr double kNegation = -0.74;    // "not good" keeps 74 % of the flipped valence
constexpr double kExclaim = 0.292;     // per '!', up to 4
constexpr double kQuestion = 0.18;     // per '?' when there are 2 or 3
constexpr double kExasperation = 0.8;  // "?!" on an otherwise neutral message
constexpr double kShouting = 1.0;      // whole message in capitals
// Normalisation sum/sqrt(sum^2 + alpha). VADER uses 15; a larger alpha spreads the six
// levels so that one or two ordinary negative words land in FRUSTRATED, not ANGRY.
// The sign, and so the binary accuracy, does not depend on it.
constexpr double kAlpha = 40.0;

const QString &defaultLexiconPath()
{
    static const QString path = QStringLiteral(":/nlu/sentiment_lexicon.tsv");
    return path;
}

const QHash<QString, double> &modifiers()
{
    static const QHash<QString, double> table = [] {
        QHash<QString, double> t;
        const char *boosters[] = {
            "absolutely", "amazingly", "awfully", "completely", "considerably", "deeply",
            "enormously", "entirely", "especially", "exceptionally", "extremely",
            "fully", "greatly", "highly", "hugely", "incredibly", "intensely", "majorly",
            "more", "most", "particularly", "purely", "quite", "really", "remarkably", "so",
            "substantially", "super", "thoroughly", "totally", "tremendously", "truly",
            "unbelievably", "unusually", "utterly", "very", "seriously", "too", "such",
            "fucking", "freaking", "frigging", "bloody", "damn", "sooo", "soo", "real"};
        const char *dampeners[] = {
            "almost", "barely", "hardly", "kinda", "kindof", "less", "little", "marginally",
            "occasionally", "partly", "scarcely", "slightly", "somewhat", "sorta", "bit",
            "fairly", "mostly", "pretty", "rather"};
        for (const char *w : boosters)
            t.insert(QLatin1String(w), kBoost);
        for (const char *w : dampeners)
            t.insert(QLatin1String(w), -kBoost);
        return t;
    }();
    return table;
}

const QSet<QString> &negators()
{
    static const QSet<QString> set = [] {
        QSet<QString> s;
        const char *words[] = {
            "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "nowhere",
            "cannot", "cant", "without", "dont", "doesnt", "didnt", "isnt", "wasnt", "arent",
            "werent", "couldnt", "wont", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt",
            "aint", "mustnt", "neednt", "darent", "nope", "nor"};
        for (const char *w : words)
            s.insert(QLatin1String(w));
        return s;
    }();
    return set;
}

bool isNegator(const QString &w)
{
    return negators().contains(w) || w.endsWith(QLatin1String("n't"));
}

struct Token {
    QString lower;
    QString shown;     // as written, for cues
    bool caps = false; // ALL CAPS word of two letters or more
    bool breakBefore = false; // punctuation between this and the previous token
};

struct Scan {
    QList<Token> tokens;
    int exclamations = 0;
    int questions = 0;
    int exasperations = 0; // "?!" or "!?"
    int upper = 0;
    int letters = 0;
    double emoticons = 0;
    QStringList emoticonCues;
};

bool isWordChar(QChar c) { return c.isLetterOrNumber(); }
bool isApostrophe(QChar c) { return c == QLatin1Char('\'') || c == QChar(0x2019); }

// One pass over the text: words (apostrophes kept inside), punctuation, emoticons.
Scan scan(const QString &text)
{
    Scan s;
    s.tokens.reserve(text.size() / 4 + 1);
    bool pendingBreak = false;
    const int n = int(text.size());
    int i = 0;
    while (i < n) {
        const QChar c = text.at(i);
        if (isWordChar(c)) {
            const int start = i;
            bool allUpper = true;
            int lettersInWord = 0;
            while (i < n && (isWordChar(text.at(i))
                             || (isApostrophe(text.at(i)) && i + 1 < n && text.at(i + 1).isLetter()))) {
                const QChar w = text.at(i);
                if (w.isLetter()) {
                    ++lettersInWord;
                    ++s.letters;
                    if (w.isUpper())
                        ++s.upper;
                    else
                        allUpper = false;
                }
                ++i;
            }
            Token t;
            t.shown = text.mid(start, i - start);
            t.lower = t.shown.toLower();
            t.lower.replace(QChar(0x2019), QLatin1Char('\''));
            t.caps = allUpper && lettersInWord >= 2;
            t.breakBefore = pendingBreak;
            pendingBreak = false;
            s.tokens.append(t);
            continue;
        }
        const QChar next = i + 1 < n ? text.at(i + 1) : QChar();
        if ((c == QLatin1Char(':') || c == QLatin1Char(';'))
            && (next == QLatin1Char(')') || next == QLatin1Char('D') || next == QLatin1Char('(')
                || next == QLatin1Char('-'))) {
            const QChar face = next == QLatin1Char('-') && i + 2 < n ? text.at(i + 2) : next;
            if (face == QLatin1Char(')') || face == QLatin1Char('D')) {
                s.emoticons += 1.5;
                s.emoticonCues << QStringLiteral(":)");
            } else if (face == QLatin1Char('(')) {
                s.emoticons -= 1.5;
                s.emoticonCues << QStringLiteral(":(");
            }
        }
        switch (c.unicode()) {
        case '!':
            ++s.exclamations;
            if (next == QLatin1Char('?'))
                ++s.exasperations;
            pendingBreak = true;
            break;
        case '?':
            ++s.questions;
            if (next == QLatin1Char('!'))
                ++s.exasperations;
            pendingBreak = true;
            break;
        case '.': case ',': case ';': case ':': case '(': case ')':
            pendingBreak = true;
            break;
        default:
            break;
        }
        ++i;
    }
    return s;
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

double sign(double v) { return v < 0 ? -1.0 : 1.0; }

} // namespace

Sentiment sentimentLevelForScore(double score)
{
    using namespace sentiment_threshold;
    if (score >= Happy)
        return Sentiment::Happy;
    if (score >= Satisfied)
        return Sentiment::Satisfied;
    if (score >= Neutral)
        return Sentiment::Neutral;
    if (score >= Frustrated)
        return Sentiment::Frustrated;
    if (score >= Angry)
        return Sentiment::Angry;
    return Sentiment::Irate;
}

std::shared_ptr<const SentimentAnalyzer::Lexicon> SentimentAnalyzer::loadLexicon(const QString &path,
                                                                                   QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = QStringLiteral("cannot open sentiment lexicon %1: %2").arg(path, file.errorString());
        return std::make_shared<const Lexicon>();
    }
    auto lexicon = std::make_shared<Lexicon>();
    QTextStream in(&file);
    QString line;
    int lineNo = 0;
    while (in.readLineInto(&line)) {
        ++lineNo;
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const int tab = int(line.indexOf(QLatin1Char('\t')));
        bool ok = false;
        const float valence = tab > 0 ? QStringView(line).mid(tab + 1).trimmed().toFloat(&ok) : 0.0f;
        if (!ok) {
            if (error)
                *error = QStringLiteral("%1:%2: expected word<TAB>valence").arg(path).arg(lineNo);
            continue;
        }
        const QString key = line.left(tab).trimmed().toLower().simplified();
        const int words = int(key.count(QLatin1Char(' '))) + 1;
        if (words > 1) {
            lexicon->phrases.insert(key, valence);
            lexicon->longestPhrase = std::max(lexicon->longestPhrase, words);
        } else {
            lexicon->words.insert(key, valence);
        }
    }
    return lexicon;
}

SentimentAnalyzer::SentimentAnalyzer()
{
    // The embedded lexicon is read once per process and shared by every analyser.
    struct Shared {
        std::shared_ptr<const Lexicon> lexicon;
        QString error;
    };
    static const Shared shared = [] {
        Shared s;
        s.lexicon = loadLexicon(defaultLexiconPath(), &s.error);
        return s;
    }();
    m_lexicon = shared.lexicon;
    m_error = shared.error;
}

SentimentAnalyzer::SentimentAnalyzer(const QString &lexiconPath)
{
    m_lexicon = loadLexicon(lexiconPath, &m_error);
}

bool SentimentAnalyzer::isValid() const { return m_lexicon && !m_lexicon->words.isEmpty(); }
QString SentimentAnalyzer::errorString() const { return m_error; }
int SentimentAnalyzer::lexiconSize() const
{
    return m_lexicon ? int(m_lexicon->words.size() + m_lexicon->phrases.size()) : 0;
}

SentimentResult SentimentAnalyzer::analyze(const QString &text) const
{
    SentimentResult result;
    if (!m_lexicon || text.isEmpty())
        return result;
    const Lexicon &lex = *m_lexicon;
    const Scan s = scan(text);
    const QList<Token> &tok = s.tokens;
    const int n = int(tok.size());
    const bool shouting = s.letters >= 8 && s.upper * 10 >= s.letters * 6;

    // VADER's "but" rule: the clause after "but" weighs more than the one before.
    int butAt = -1;
    for (int i = 0; i < n; ++i) {
        if (tok.at(i).lower == QLatin1String("but")) {
            butAt = i;
            break;
        }
    }

    double sum = 0;
    QStringList positive;
    QStringList negative;
    for (int i = 0; i < n; ++i) {
        double v = 0;
        int span = 1;
        QString cue;
        // Phrases first ("never arrived", "waste of time"), longest match wins.
        for (int len = std::min(lex.longestPhrase, n - i); len >= 2 && v == 0; --len) {
            bool clean = true;
            QString key = tok.at(i).lower;
            for (int k = 1; k < len; ++k) {
                if (tok.at(i + k).breakBefore) {
                    clean = false;
                    break;
                }
                key += QLatin1Char(' ') + tok.at(i + k).lower;
            }
            if (!clean)
                continue;
            const auto it = lex.phrases.constFind(key);
            if (it != lex.phrases.cend()) {
                v = it.value();
                span = len;
                cue = key;
            }
        }
        bool elongated = false;
        if (v == 0) {
            const QString &w = tok.at(i).lower;
            auto it = lex.words.constFind(w);
            if (it == lex.words.cend() && w.size() > 3) {
                // Elongated words ("sooo baaad") and simple plurals.
                const QString two = collapseRepeats(w, 2);
                if (two != w) {
                    elongated = true;
                    it = lex.words.constFind(two);
                    if (it == lex.words.cend())
                        it = lex.words.constFind(collapseRepeats(w, 1));
                } else if (w.endsWith(QLatin1Char('s'))) {
                    it = lex.words.constFind(w.left(w.size() - 1));
                }
            }
            if (it == lex.words.cend())
                continue;
            v = it.value();
            cue = tok.at(i).lower;
        }

        bool capsWord = false;
        for (int k = 0; k < span; ++k)
            capsWord = capsWord || tok.at(i + k).caps;
        if (capsWord)
            v += sign(v) * kCapsBoost;
        if (elongated)
            v += sign(v) * kBoost;

        // Boosters and negators in the three words before, within the clause.
        bool negated = false;
        for (int k = 1; k <= 3 && i - k >= 0; ++k) {
            if (tok.at(i - k + 1).breakBefore)
                break;
            const QString &prev = tok.at(i - k).lower;
            const auto mod = modifiers().constFind(prev);
            if (mod != modifiers().cend()) {
                double scalar = mod.value() * (1.0 - 0.05 * (k - 1));
                if (tok.at(i - k).caps)
                    scalar += sign(scalar) * kCapsBoost * 0.5;
                v += sign(v) * scalar;
            }
            if (!negated && isNegator(prev)) {
                // "not only ... but" is not a negation.
                const bool notOnly = prev == QLatin1String("not") && k == 1
                        && tok.at(i).lower == QLatin1String("only");
                if (!notOnly) {
                    negated = true;
                    cue = prev + QLatin1Char(' ') + cue;
                }
            }
        }
        if (negated)
            v *= kNegation;
        if (butAt >= 0)
            v *= i < butAt ? 0.5 : (i > butAt ? 1.5 : 1.0);

        sum += v;
        (v < 0 ? negative : positive).append(cue);
        result.cues.append(cue);
        i += span - 1;
    }

    sum += s.emoticons;
    result.cues += s.emoticonCues;
    if (s.exasperations > 0) {
        result.cues.append(QStringLiteral("?!"));
        if (sum == 0)
            sum = -kExasperation; // "where is my order?!" is not a calm question
    }
    double emphasis = std::min(s.exclamations, 4) * kExclaim + (shouting ? kShouting : 0.0);
    if (s.questions > 1)
        emphasis += s.questions <= 3 ? s.questions * kQuestion : 0.96;
    if (s.exclamations >= 2)
        result.cues.append(QString(std::min(s.exclamations, 3), QLatin1Char('!')));
    if (shouting)
        result.cues.append(QStringLiteral("CAPS"));
    if (sum > 0)
        sum += emphasis;
    else if (sum < 0)
        sum -= emphasis;

    const double compound = sum / std::sqrt(sum * sum + kAlpha);
    result.score = std::clamp((compound + 1.0) / 2.0, 0.0, 1.0);
    result.level = sentimentLevelForScore(result.score);
    // Anger grows with the square of negativity up to the ANGRY boundary (0.7 there),
    // then linearly to 1, so mild complaints stay well below a 0.7 protocol threshold.
    const double x = std::clamp(-compound, 0.0, 1.0);
    result.irateScore = x < 0.5 ? 0.7 * (x / 0.5) * (x / 0.5) : 0.7 + 0.6 * (x - 0.5);

    if (result.level != Sentiment::Neutral) {
        const bool neg = sum < 0;
        const QStringList &words = neg ? negative : positive;
        QStringList parts;
        if (!words.isEmpty())
            parts << (neg ? QStringLiteral("negative words: ") : QStringLiteral("positive words: "))
                            + words.join(QStringLiteral(", "));
        if (shouting)
            parts << QStringLiteral("all caps");
        if (s.exclamations >= 2)
            parts << QStringLiteral("%1 exclamation marks").arg(s.exclamations);
        if (s.exasperations > 0)
            parts << QStringLiteral("\"?!\"");
        result.trigger = parts.join(QStringLiteral("; "));
    }
    return result;
}

} // namespace tierdesk::nlu
