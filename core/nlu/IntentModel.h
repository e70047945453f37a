#pragma once

#include "core/common/Result.h"
#include "core/nlu/text/Tokenizer.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

// The parameters of a trained linear intent model: a vocabulary of hashed n-gram
// features with their idf weights, one weight row per feature, a bias per intent, the
// softmax temperature fitted on held-out data and the confidence under which a text
// is out of scope. Immutable once trained; shared between threads.
namespace tierdesk::nlu {

struct SparseVector {
    std::vector<int> columns; // ascending
    std::vector<float> values;
};

struct IntentModel {
    QStringList classes;
    std::vector<quint64> featureHashes; // sorted; a feature's column is its position
    std::vector<float> idf; // per column
    std::vector<float> weights; // [column * classes + class]
    std::vector<float> bias; // per class
    float temperature = 1.0f;
    // The decision value of "no intent", a class that has no weights: a text whose best
    // intent scores below it gets less than half the probability. One-vs-rest scores of
    // texts unlike any intent are all negative, which is what makes this work.
    float noIntentScore = -1e9f;
    float outOfScopeThreshold = 0.0f;
    int trainingExamples = 0;

    // Open-addressing table over featureHashes (a column or -1 per slot), so that a
    // lookup is about one cache miss rather than a binary search; built by buildIndex().
    std::vector<int> index;

    void buildIndex();
    int columnOf(quint64 hash) const;
    // The text as tf-idf (sublinear tf), L2-normalised, over the known features only.
    SparseVector vectorize(const QString &text) const;
    SparseVector vectorize(const QList<Token> &tokens) const;
    // Decision values, one per class (empty vector: all zero).
    std::vector<double> scores(const SparseVector &x) const;
    // Softmax of scores / temperature, beside the no-intent score (whose share is left out).
    std::vector<double> probabilities(const std::vector<double> &scores) const;

    size_t memoryBytes() const;
    QByteArray serialize() const;
    static Result<IntentModel> deserialize(const QByteArray &bytes);
};

} // namespace tierdesk::nlu
