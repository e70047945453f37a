#pragma once

#include <QString>
#include <QStringList>

namespace tierdesk::nlu {

// The words a knowledge-base passage is indexed under and a question searched with: lower-case
// runs of letters and digits, without search noise (StopWords::isSearchNoise), each reduced to
// its Snowball English stem (libstemmer: "returning", "returns" and "returned" all "return").
// The store keeps these terms beside each passage, so SQLite's FTS5 and PostgreSQL's full-text
// index match the very same words and the ranking (Bm25) reads the same counts on both.
class SearchTerms {
public:
    static constexpr int kMaxQueryTerms = 24;
    static constexpr int kMaxQueryChars = 500;

    // Every term of a text, in order, repeats kept (a passage's counts).
    static QStringList of(const QString &text);
    // A question's terms: of its first kMaxQueryChars characters, each once, at most kMaxQueryTerms.
    static QStringList ofQuery(const QString &text);
    // The stem of one lower-case word.
    static QString stem(const QString &lowerCaseWord);
};

} // namespace tierdesk::nlu
