#pragma once

#include "core/nlu/SentimentAnalyzer.h"
#include "core/nlu/SentimentCues.h"
#include "core/nlu/SentimentModel.h"
#include "core/nlu/text/Tokenizer.h"

#include <QList>
#include <QString>
#include <QStringList>

// The lexicon pass of the sentiment analyser: the shared Tokenizer's tokens turned into
// words with clause boundaries, valences with negation, boosters, caps and "but", then
// emoji, sarcasm and the model's features. SentimentAnalyzer turns it into a result.
namespace tierdesk::nlu {

struct SentimentScan {
    struct Word {
        QString norm; // lower case, as the Tokenizer normalised it
        bool caps = false; // ALL CAPS word of two letters or more
        bool breakBefore = false; // a clause boundary between this word and the previous one
        bool negated = false; // inside the scope of a negator
        double valence = 0.0; // what this word (or the phrase it starts) contributed
        sentiment_cues::WordClass cls; // negator, booster, profanity...
    };

    QList<Word> words;
    QStringList emojis; // emoji and emoticons as written
    int exclamations = 0; // '!' characters
    int questions = 0; // '?' characters
    int exasperations = 0; // runs with both '?' and '!'
    int upper = 0; // capital letters in words
    int letters = 0;
    bool slashS = false; // a trailing "/s"

    double positive = 0.0; // sum of positive contributions (words and emoji)
    double negative = 0.0; // sum of negative contributions
    QStringList positiveCues; // as reported in cues and trigger
    QStringList negativeCues;
    QStringList cues; // every cue, in order (words, emoji, then markers)
    QStringList cueWords; // the valence words themselves, without negators
    QString sarcasm; // the marker that showed sarcasm, empty if none
    QStringList profanity;

    bool shouting() const { return letters >= 8 && upper * 10 >= letters * 6; }
    // The lexicon's valence sum, before emphasis ('!', caps of the whole message).
    double lexiconValence() const;

    static SentimentScan run(const QString &text, const SentimentAnalyzer::Lexicon &lexicon);
    // The same of a text already cut by the Tokenizer.
    static SentimentScan run(const QList<Token> &tokens, const SentimentAnalyzer::Lexicon &lexicon);
    // The model's inputs: lexicon valence and word n-grams.
    SentimentFeatures features() const;
};

} // namespace tierdesk::nlu
