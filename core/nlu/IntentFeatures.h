#pragma once

#include "core/nlu/text/Tokenizer.h"

#include <QString>
#include <QtGlobal>

#include <vector>

// The features the intent model sees in a text: word unigrams and bigrams (with
// sentence boundaries) and character n-grams of 2 to 5 inside each padded word, as
// scikit-learn's "char_wb" analyser cuts them. Every feature is a 64-bit hash of its
// kind and text, so no strings are kept and a model stores only the hashes it saw.
namespace tierdesk::nlu {

struct HashedFeature {
    quint64 hash = 0;
    float count = 0; // occurrences in the text
};

class IntentFeatures {
public:
    // Distinct features of the text with their counts, ordered by hash.
    static std::vector<HashedFeature> extract(const QString &text);
    // The same of a text already cut by the Tokenizer (the message's analysis cuts it once).
    static std::vector<HashedFeature> extract(const QList<Token> &tokens);
    // The word forms the model uses (numbers and order ids folded to one token each);
    // exposed for tests and diagnostics.
    static QStringList words(const QString &text);
    static QStringList words(const QList<Token> &tokens);
};

} // namespace tierdesk::nlu
