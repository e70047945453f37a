#pragma once

#include "core/nlu/SentimentAnalyzer.h"

#include <QList>
#include <QString>
#include <QStringList>

// The parts of seed 000's POST /sentiment/analyze answer beyond the score: dominant
// emotions, keywords and action recommendations, derived from what the analyser saw.
namespace tierdesk::nlu {

// Names used in SentimentResult::emotions.
namespace emotion {
inline constexpr char Anger[] = "anger";
inline constexpr char Frustration[] = "frustration";
inline constexpr char Disappointment[] = "disappointment";
inline constexpr char Worry[] = "worry";
inline constexpr char Confusion[] = "confusion";
inline constexpr char Urgency[] = "urgency";
inline constexpr char Satisfaction[] = "satisfaction";
inline constexpr char Gratitude[] = "gratitude";
} // namespace emotion

// What the analyser observed in one message.
struct EmotionSignals {
    QStringList words; // normalised word tokens, in order
    QList<bool> negated; // per word: inside a negation's scope
    QList<bool> negators; // per word: the word is a negator
    int profanity = 0; // swear words
    QStringList emojis; // emoji and emoticons as written
    QStringList cueWords; // words that carried valence
    int questions = 0; // '?' characters
    bool exasperated = false; // "?!"
    bool shouting = false;
};

// Up to three emotions, strongest first, consistent with the result's polarity.
QStringList dominantEmotions(const EmotionSignals &observed, const SentimentResult &result);

// Up to five words that say what the message is about: valence words first, then
// customer-service nouns, then other content words.
QStringList sentimentKeywords(const EmotionSignals &observed);

// What a representative should do, most confident first (never empty).
QList<ActionRecommendation> recommendActions(const SentimentResult &result);

} // namespace tierdesk::nlu
