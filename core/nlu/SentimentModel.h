#pragma once

#include "core/common/Result.h"
#include "core/nlu/text/StringTable.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// A linear model (liblinear, L2-regularised logistic regression) that corrects the
// lexicon: its inputs are the lexicon's valence sum and the message's word n-grams, its
// output is read back in the lexicon's own units, so the six levels keep their meaning.
namespace tierdesk::nlu {

// What the analyser hands the model for one message.
struct SentimentFeatures {
    double lexiconValence = 0.0; // the lexicon's valence sum, before emphasis
    QStringList terms; // words (negated ones as "not:word"), bigrams "a b", emoji
};

struct SentimentExample {
    SentimentFeatures features;
    bool positive = false;
};

class SentimentModel {
public:
    // The regularisation constant chosen by 5-fold cross-validation on the training part.
    static constexpr double kDefaultCost = 3.0;

    bool isEmpty() const { return m_lexiconWeight <= 0.0; }
    int termCount() const { return int(m_termWeights.size()); }

    // Lexicon valence plus the learned correction, in lexicon units; its sign is the
    // model's decision. The correction is bounded so words the model learnt from reviews
    // cannot turn a plain question into a complaint on their own.
    double valence(const SentimentFeatures &features) const;
    // The learned correction alone (terms and bias), in lexicon units, unbounded.
    double correction(const SentimentFeatures &features) const;

    static SentimentModel train(const QList<SentimentExample> &examples, double cost = kDefaultCost);
    // Accuracy of `cost` by k-fold cross-validation (for choosing it on training data only).
    static double crossValidate(const QList<SentimentExample> &examples, double cost, int folds);

    // TSV: "#" comments, "lexicon<TAB>w", "bias<TAB>b", then "term<TAB>w" lines.
    Status save(const QString &path, const QStringList &header) const;
    // NotFound when the file cannot be read, InvalidArgument on a line that is none of those.
    static Result<SentimentModel> load(const QString &path);

private:
    double m_lexiconWeight = 0.0; // logit per unit of lexicon valence
    double m_bias = 0.0;
    StringTable<float> m_termWeights;
};

} // namespace tierdesk::nlu
