#include "core/voice/calls/CallVocabulary.h"

#include "core/nlu/IntentClassifier.h"
#include "core/nlu/text/Tokenizer.h"

#include <QHash>
#include <QSet>

namespace tierdesk::voice {

QStringList CallVocabulary::serviceWords()
{
    static const QStringList words = serviceWordsWithout({});
    return words;
}

QStringList CallVocabulary::serviceWordsWithout(const QStringList &sentences)
{
    const QSet<QString> leftOut(sentences.begin(), sentences.end());
    QHash<QString, int> counts;
    for (const nlu::IntentExample &example : nlu::IntentClassifier::builtInExamples()) {
        // Cut as the NLU cuts (lower case, inner apostrophes kept: "don't", the dictionary's spelling).
        const QStringList words = nlu::Tokenizer::plainWords(example.text, nlu::Tokenizer::Underscore::Separates);
        if (leftOut.contains(words.join(u' ')))
            continue;
        for (const QString &word : words)
            ++counts[word];
    }
    QStringList kept;
    for (auto it = counts.cbegin(); it != counts.cend(); ++it)
        if (it.value() >= 2)
            kept << it.key();
    kept.sort();
    return kept;
}

} // namespace tierdesk::voice
