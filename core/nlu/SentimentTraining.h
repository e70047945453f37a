#pragma once

#include "core/nlu/SentimentAnalyzer.h"
#include "core/nlu/SentimentModel.h"

#include <QList>
#include <QString>

// Labelled sentences for the sentiment model: the UCI "Sentiment Labelled Sentences"
// (Kotzias et al., KDD 2015; CC BY 4.0), split by TrainingData's isHeldOut().
namespace tierdesk::nlu {

struct LabelledSentence {
    QString text;
    bool positive = false;
};

// The UCI files (sentence<TAB>0|1, one header line) found in `dir`; NotFound when one
// of the three cannot be read.
Result<QList<LabelledSentence>> loadUciSentences(const QString &dir);

// The sentences on one side of the deterministic split (isHeldOut(text), 20 %).
QList<LabelledSentence> trainPart(const QList<LabelledSentence> &all);
QList<LabelledSentence> heldOutPart(const QList<LabelledSentence> &all);

// Model inputs of each sentence, from a lexicon-only analyser.
QList<SentimentExample> sentimentExamples(const SentimentAnalyzer &analyzer, const QList<LabelledSentence> &sentences);

struct BinaryEvaluation {
    int n = 0;
    int truePositive = 0;
    int trueNegative = 0;
    int falsePositive = 0;
    int falseNegative = 0;
    double accuracy() const;
    double macroF1() const;
};

// score >= 0.5 counts as positive.
BinaryEvaluation evaluateBinary(const SentimentAnalyzer &analyzer, const QList<LabelledSentence> &sentences);

} // namespace tierdesk::nlu
