#include "core/voice/calls/CallVocabulary.h"

#include "core/nlu/IntentClassifier.h"
#include "core/voice/SpeechVocabulary.h"

#include <QHash>

namespace tierdesk::voice {

QStringList CallVocabulary::serviceWords()
{
    static const QStringList words = [] {
        QHash<QString, int> counts;
        for (const nlu::IntentExample &example : nlu::IntentClassifier::builtInExamples())
            for (const QString &word : SpeechVocabulary::wordsOf(example.text))
                ++counts[word];
        QStringList kept;
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            if (it.value() >= 2)
                kept << it.key();
        kept.sort();
        return kept;
    }();
    return words;
}

} // namespace tierdesk::voice
