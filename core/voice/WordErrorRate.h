#pragma once

#include <QString>

namespace tierdesk::voice {

// Word error rate, the usual measure of a recogniser: the fewest substitutions, deletions and
// insertions that turn the words heard into the words said (Levenshtein over words), counted over
// a set of sentences and divided by the number of words said.
class WordErrorRate {
public:
    void add(const QString &said, const QString &heard);
    int errors() const { return m_errors; }
    int words() const { return m_words; }
    double rate() const { return m_words ? double(m_errors) / m_words : 0.0; }

    static int distance(const QString &said, const QString &heard);

private:
    int m_errors = 0;
    int m_words = 0;
};

} // namespace tierdesk::voice
