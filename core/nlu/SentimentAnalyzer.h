#pragma once

#include "core/domain/Enums.h"
#include "core/nlu/SentimentModel.h"
#include "core/nlu/text/StringTable.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace tierdesk::nlu {

struct Token;

// Level thresholds on SentimentResult::score (0 = very negative, 1 = very positive).
namespace sentiment_threshold {
inline constexpr double Happy = 0.8;
inline constexpr double Satisfied = 0.6;
inline constexpr double Neutral = 0.4;
inline constexpr double Frustrated = 0.25;
inline constexpr double Angry = 0.1; // below: IRATE
} // namespace sentiment_threshold

// One entry of seed 000's action_recommendations: "escalate", "apologize", "de_escalate",
// "address_complaint", "prioritize", "clarify", "acknowledge" or "continue".
struct ActionRecommendation {
    QString type;
    double confidence = 0.0; // 0..1
    QString reasoning;
};

struct SentimentResult {
    double score = 0.5; // 0..1, 0.5 neutral
    Sentiment level = Sentiment::Neutral; // from score, see sentiment_threshold
    // 0..1 intensity of anger, a monotone function of score aligned with the levels:
    // ANGRY and IRATE texts get >= 0.7, FRUSTRATED ones 0.11..0.7 (about 0.35 in the
    // middle of the band), neutral or positive ones 0. The irate protocol compares
    // it with its detection threshold.
    double irateScore = 0.0;
    QStringList cues; // words and features that drove the score
    QString trigger; // short reason; empty when neutral
    // Seed 000's analyze answer: "positive", "negative" or "neutral" (from the level).
    QString polarity = QStringLiteral("neutral");
    QStringList emotions; // dominant emotions, strongest first (Emotions.h names)
    QStringList keywords; // up to five words the message is about
    QList<ActionRecommendation> recommendations; // most confident first, never empty after analyze()
    bool sarcasm = false; // praise that is not meant ("great, just great")
    QStringList profanity; // swear words as normalised
};

Sentiment sentimentLevelForScore(double score);

// Lexicon-based analyser in the style of VADER on the shared Tokenizer: word valences
// -4..+4 from a TSV lexicon (single words and 2-3 word phrases), with negation, boosters
// and dampeners, ALL-CAPS emphasis, "but" contrast, '!' / "?!" emphasis, emoji and
// emoticons, sarcasm markers and profanity. A linear SentimentModel trained on labelled
// sentences corrects the lexicon's valence (resources/nlu/sentiment_model.tsv).
class SentimentAnalyzer {
public:
    struct Lexicon {
        StringTable<float> words;
        StringTable<float> phrases; // "never arrived" -> -2.2 (space separated, lower case)
        StringSet phraseStarts; // first words of the phrases, to skip most look-ups
        int longestPhrase = 1;
        QString skipped; // the last line left out as malformed ("path:3: expected word<TAB>valence")
    };

    // :/nlu/sentiment_lexicon.tsv and :/nlu/sentiment_model.tsv, loaded once per process.
    SentimentAnalyzer();
    // A lexicon file and, optionally, a model file (none: the lexicon alone).
    explicit SentimentAnalyzer(const QString &lexiconPath, const QString &modelPath = QString());

    SentimentResult analyze(const QString &text) const;
    // `threat`: the text threatens legal action or a public complaint (Keywords.h), so it
    // reads at least FRUSTRATED however calm its words ("a refund or I post about this").
    SentimentResult analyze(const QString &text, bool threat) const;
    // The same of `text` already cut by the Tokenizer into `tokens`.
    SentimentResult analyze(const QString &text, const QList<Token> &tokens, bool threat) const;
    // The model's inputs for a text (for training a SentimentModel).
    SentimentFeatures features(const QString &text) const;

    void setModel(const SentimentModel &model);
    bool hasModel() const;

    bool isValid() const; // false if the lexicon could not be read
    QString errorString() const;
    int lexiconSize() const;

    // NotFound when the file cannot be read; malformed lines are left out (Lexicon::skipped).
    static Result<std::shared_ptr<const Lexicon>> loadLexicon(const QString &path);

private:
    std::shared_ptr<const Lexicon> m_lexicon;
    std::shared_ptr<const SentimentModel> m_model;
    QString m_error;
};

} // namespace tierdesk::nlu
