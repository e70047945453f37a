#pragma once

#include <QString>

// The grammar of the sentiment analyser, as small word tables: negators, boosters and
// dampeners, emoji valences, profanity and the words that mark a complaint's context.
// Word valences themselves live in resources/nlu/sentiment_lexicon.tsv.
namespace tierdesk::nlu::sentiment_cues {

// VADER's booster step (Hutto & Gilbert 2014): +0.293 for "very", -0.293 for "slightly".
inline constexpr double kBoost = 0.293;

// Everything the tables say about one word, found with a single look-up.
struct WordClass {
    double modifier = 0.0; // as modifier()
    bool negator = false;
    bool profanity = false;
    bool complaintContext = false;
};
WordClass classify(const QString &word);

// +kBoost for a booster, -kBoost for a dampener, 0 otherwise (lower-case word).
double modifier(const QString &word);

// "not", "never", "dont", "isnt", "wasn't", "can't"...: lower-case word.
bool isNegator(const QString &word);

// Valence -4..+4 of an emoji or emoticon token (as written); *known false if unlisted.
double emojiValence(const QString &emoji, bool *known);

// Eye-roll and unamused faces: praise next to them is not meant.
bool isEyeRoll(const QString &emoji);

// A swear word or a crude insult (lower-case word): "damn", "fucking", "wtf", "idiots".
bool isProfanity(const QString &word);

// Words that make praise around them suspicious: "again", "still", "late", "waiting".
bool isComplaintContext(const QString &word);

} // namespace tierdesk::nlu::sentiment_cues
