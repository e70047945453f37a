#pragma once

#include <QStringList>

namespace tierdesk::voice {

// The words callers to a support line use, which a call's recogniser listens for beyond the speech
// model's most likely ones (SpeechVocabulary): those of the NLU's intent examples
// (:/nlu/intents.tsv), each written at least twice there (once is as often a typo: "producr").
class CallVocabulary {
public:
    static QStringList serviceWords(); // computed once per process; sorted
    // The same, counted without the examples that are one of `sentences` (a measurement's own
    // sentences must not hand their words to the decoder: bench/vocabulary_bench.cpp).
    static QStringList serviceWordsWithout(const QStringList &sentences);
};

} // namespace tierdesk::voice
