#include "core/nlu/SentimentAnalyzer.h"

#include "core/nlu/Keywords.h"

#include "core/nlu/Emotions.h"
#include "core/nlu/SentimentScan.h"
#include "core/nlu/text/Tokenizer.h"

#include <QFile>
#include <QTextStream>

#include <algorithm>
#include <cmath>

namespace tierdesk::nlu {

namespace {

constexpr double kExclaim = 0.292; // per '!', up to 4 (VADER)
constexpr double kQuestion = 0.18; // per '?' when there are 2 or 3 (VADER)
constexpr double kShouting = 1.0; // whole message in capitals
constexpr double kProfanity = 0.6; // swearing in a negative message
// Normalisation sum/sqrt(sum^2 + alpha). VADER uses 15; a larger alpha spreads the six
// levels so that one or two ordinary negative words land in FRUSTRATED, not ANGRY.
// The sign, and so the binary accuracy, does not depend on it.
constexpr double kAlpha = 40.0;
// A threat's pull: on its own it reaches the FRUSTRATED band (compound -0.23).
constexpr double kThreat = 1.5;

const QString &defaultLexiconPath()
{
    static const QString path = QStringLiteral(":/nlu/sentiment_lexicon.tsv");
    return path;
}

const QString &defaultModelPath()
{
    static const QString path = QStringLiteral(":/nlu/sentiment_model.tsv");
    return path;
}

// '!', '?' runs, capitals and swearing make a message stronger in its own direction.
double emphasis(const SentimentScan &s, double valence)
{
    double e = std::min(s.exclamations, 4) * kExclaim + (s.shouting() ? kShouting : 0.0);
    if (s.questions > 1)
        e += s.questions <= 3 ? s.questions * kQuestion : 0.96;
    if (valence < 0 && !s.profanity.isEmpty())
        e += kProfanity;
    if (valence > 0)
        return valence + e;
    if (valence < 0)
        return valence - e;
    return 0.0;
}

void addMarkerCues(const SentimentScan &s, SentimentResult &r)
{
    if (s.exasperations > 0)
        r.cues.append(QStringLiteral("?!"));
    if (s.exclamations >= 2)
        r.cues.append(QString(std::min(s.exclamations, 3), QLatin1Char('!')));
    if (s.shouting())
        r.cues.append(QStringLiteral("CAPS"));
    for (const QString &w : s.profanity)
        r.cues.append(QStringLiteral("profanity: ") + w);
}

QString triggerFor(const SentimentScan &s, const SentimentResult &r, bool negative)
{
    if (r.level == Sentiment::Neutral)
        return QString();
    const QStringList &words = negative ? s.negativeCues : s.positiveCues;
    QStringList parts;
    if (!words.isEmpty())
        parts << (negative ? QStringLiteral("negative words: ") : QStringLiteral("positive words: "))
                + words.join(QStringLiteral(", "));
    if (!s.sarcasm.isEmpty())
        parts << QStringLiteral("sarcasm (%1)").arg(s.sarcasm);
    if (!s.profanity.isEmpty())
        parts << QStringLiteral("profanity");
    if (s.shouting())
        parts << QStringLiteral("all caps");
    if (s.exclamations >= 2)
        parts << QStringLiteral("%1 exclamation marks").arg(s.exclamations);
    if (s.exasperations > 0)
        parts << QStringLiteral("\"?!\"");
    if (parts.isEmpty())
        parts << (negative ? QStringLiteral("negative wording") : QStringLiteral("positive wording"));
    return parts.join(QStringLiteral("; "));
}

EmotionSignals signalsOf(const SentimentScan &s)
{
    EmotionSignals e;
    for (const SentimentScan::Word &w : s.words) {
        e.words << w.norm;
        e.negated << w.negated;
        e.negators << w.cls.negator;
    }
    e.emojis = s.emojis;
    e.cueWords = s.cueWords;
    e.questions = s.questions;
    e.exasperated = s.exasperations > 0;
    e.shouting = s.shouting();
    e.profanity = int(s.profanity.size());
    return e;
}

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

Result<std::shared_ptr<const SentimentAnalyzer::Lexicon>> SentimentAnalyzer::loadLexicon(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return makeError(
            ErrorKind::NotFound, QStringLiteral("cannot open sentiment lexicon %1: %2").arg(path, file.errorString()));
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
            lexicon->skipped = QStringLiteral("%1:%2: expected word<TAB>valence").arg(path).arg(lineNo);
            continue;
        }
        const QString key = line.left(tab).trimmed().toLower().simplified();
        const int words = int(key.count(QLatin1Char(' '))) + 1;
        if (words > 1) {
            lexicon->phrases[key] = valence;
            lexicon->phraseStarts.insert(key.section(QLatin1Char(' '), 0, 0));
            lexicon->longestPhrase = std::max(lexicon->longestPhrase, words);
        } else {
            lexicon->words[key] = valence;
        }
    }
    return std::shared_ptr<const Lexicon>(std::move(lexicon));
}

namespace {

// A lexicon file for an analyser: an empty lexicon when it cannot be read; *note says why,
// or which line was left out.
std::shared_ptr<const SentimentAnalyzer::Lexicon> lexiconOrEmpty(const QString &path, QString *note)
{
    const auto lexicon = SentimentAnalyzer::loadLexicon(path);
    if (!lexicon) {
        *note = lexicon.error().message;
        return std::make_shared<const SentimentAnalyzer::Lexicon>();
    }
    *note = (*lexicon)->skipped;
    return *lexicon;
}

} // namespace

SentimentAnalyzer::SentimentAnalyzer()
{
    // The embedded lexicon and model are read once per process and shared by every analyser.
    struct Shared {
        std::shared_ptr<const Lexicon> lexicon;
        std::shared_ptr<const SentimentModel> model;
        QString error;
    };
    static const Shared shared = [] {
        Shared s;
        s.lexicon = lexiconOrEmpty(defaultLexiconPath(), &s.error);
        const auto model = SentimentModel::load(defaultModelPath());
        if (!model)
            s.error = model.error().message;
        else if (!model->isEmpty())
            s.model = std::make_shared<const SentimentModel>(*model);
        return s;
    }();
    m_lexicon = shared.lexicon;
    m_model = shared.model;
    m_error = shared.error;
}

SentimentAnalyzer::SentimentAnalyzer(const QString &lexiconPath, const QString &modelPath)
{
    m_lexicon = lexiconOrEmpty(lexiconPath, &m_error);
    if (modelPath.isEmpty())
        return;
    const auto model = SentimentModel::load(modelPath);
    if (!model)
        m_error = model.error().message;
    setModel(model ? *model : SentimentModel());
}

bool SentimentAnalyzer::isValid() const
{
    return m_lexicon && !m_lexicon->words.empty();
}
QString SentimentAnalyzer::errorString() const
{
    return m_error;
}
int SentimentAnalyzer::lexiconSize() const
{
    return m_lexicon ? int(m_lexicon->words.size() + m_lexicon->phrases.size()) : 0;
}

SentimentFeatures SentimentAnalyzer::features(const QString &text) const
{
    if (!m_lexicon)
        return SentimentFeatures();
    return SentimentScan::run(text, *m_lexicon).features();
}

void SentimentAnalyzer::setModel(const SentimentModel &model)
{
    m_model = model.isEmpty() ? nullptr : std::make_shared<const SentimentModel>(model);
}

bool SentimentAnalyzer::hasModel() const
{
    return m_model != nullptr;
}

SentimentResult SentimentAnalyzer::analyze(const QString &text) const
{
    return analyze(text, !legalMention(text).isEmpty() || !socialMediaThreat(text).isEmpty());
}

SentimentResult SentimentAnalyzer::analyze(const QString &text, bool threat) const
{
    return analyze(text, text.isEmpty() ? QList<Token>() : Tokenizer::tokenize(text), threat);
}

SentimentResult SentimentAnalyzer::analyze(const QString &text, const QList<Token> &tokens, bool threat) const
{
    SentimentResult r;
    if (!m_lexicon || text.isEmpty()) {
        r.recommendations = recommendActions(r);
        return r;
    }
    const SentimentScan s = SentimentScan::run(tokens, *m_lexicon);
    double valence = emphasis(s, m_model ? m_model->valence(s.features()) : s.lexiconValence());
    if (threat)
        valence = std::min(valence, 0.0) - kThreat;
    r.cues = s.cues;
    addMarkerCues(s, r);

    const double compound = valence / std::sqrt(valence * valence + kAlpha);
    r.score = std::clamp((compound + 1.0) / 2.0, 0.0, 1.0);
    r.level = sentimentLevelForScore(r.score);
    // Anger grows with the square of negativity up to the ANGRY boundary (0.7 there),
    // then linearly to 1, so mild complaints stay well below a 0.7 protocol threshold.
    const double x = std::clamp(-compound, 0.0, 1.0);
    r.irateScore = x < 0.5 ? 0.7 * (x / 0.5) * (x / 0.5) : 0.7 + 0.6 * (x - 0.5);
    if (r.score >= sentiment_threshold::Neutral)
        r.irateScore = 0.0; // neutral or positive: no anger, whatever the model leans to
    r.trigger = triggerFor(s, r, valence < 0);
    if (threat)
        r.trigger = r.trigger.isEmpty() ? QStringLiteral("threat") : QStringLiteral("threat; ") + r.trigger;
    r.polarity = r.score >= sentiment_threshold::Satisfied ? QStringLiteral("positive")
        : r.score < sentiment_threshold::Neutral           ? QStringLiteral("negative")
                                                           : QStringLiteral("neutral");
    r.sarcasm = !s.sarcasm.isEmpty();
    r.profanity = s.profanity;
    const EmotionSignals observed = signalsOf(s);
    r.emotions = dominantEmotions(observed, r);
    r.keywords = sentimentKeywords(observed);
    r.recommendations = recommendActions(r);
    return r;
}

} // namespace tierdesk::nlu
