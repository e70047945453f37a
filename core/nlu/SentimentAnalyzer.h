#pragma once

#include "core/domain/Enums.h"

#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace tierdesk::nlu {

// Level thresholds on SentimentResult::score (0 = very negative, 1 = very positive).
namespace sentiment_threshold {
inline constexpr double Happy = 0.8;
inline constexpr double Satisfied = 0.6;
inline constexpr double Neutral = 0.4;
inline constexpr double Frustrated = 0.25;
inline constexpr double Angry = 0.1; // below: IRATE
} // namespace sentiment_threshold

struct SentimentResult {
    double score = 0.5;                   // 0..1, 0.5 neutral
    Sentiment level = Sentiment::Neutral; // from score, see sentiment_threshold
    // 0..1 intensity of anger, a monotone function of score aligned with the levels:
    // ANGRY and IRATE texts get >= 0.7, FRUSTRATED ones 0.11..0.7 (about 0.35 in the
    // middle of the band), neutral or positive ones 0. The irate protocol compares
    // it with its detection threshold.
    double irateScore = 0.0;
    QStringList cues;                     // words and features that drove the score
    QString trigger;                      // short reason; empty when neutral
};

Sentiment sentimentLevelForScore(double score);

// Lexicon-based analyser in the style of VADER: word valences -4..+4 from a TSV
// lexicon (single words and 2-3 word phrases), with negation, boosters and
// dampeners, ALL-CAPS emphasis, "but" contrast and '!' / "?!" emphasis.
class SentimentAnalyzer
{
public:
    struct Lexicon {
        QHash<QString, float> words;
        QHash<QString, float> phrases; // "never arrived" -> -2.2 (space separated, lower case)
        int longestPhrase = 1;
    };

    SentimentAnalyzer();                                // :/nlu/sentiment_lexicon.tsv, loaded once per process
    explicit SentimentAnalyzer(const QString &lexiconPath);

    SentimentResult analyze(const QString &text) const;

    bool isValid() const;          // false if the lexicon could not be read
    QString errorString() const;
    int lexiconSize() const;

    static std::shared_ptr<const Lexicon> loadLexicon(const QString &path, QString *error);

private:
    std::shared_ptr<const Lexicon> m_lexicon;
    QString m_error;
};

} // namespace tierdesk::nlu
