#pragma once

#include <QString>

namespace tierdesk::nlu {

// The one stop-word list of Tierdesk's text analysis (StopWords.cpp). Each word says which of
// its two readers skips it: the knowledge-base search, whose bm25 ranking is sharper without
// words that carry no meaning, and the passage chooser, which compares the words that name
// what a question is about. The two differ on purpose: the search drops "help", "need" or
// "why" (in every article) but keeps "thing" or "first" (a query may be about the first use),
// while a passage must not meet a question on "the other thing" or "very".
class StopWords {
public:
    // A word the knowledge-base search leaves out of its query.
    static bool isSearchNoise(const QString &lowerCaseWord);
    // A word that names nothing a passage could be about: grammar, fillers, words that point
    // without naming ("the other thing"), intensifiers, and every word under three letters.
    static bool isFunctionWord(const QString &lowerCaseWord);
};

} // namespace tierdesk::nlu
