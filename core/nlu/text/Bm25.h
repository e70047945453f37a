#pragma once

#include <QList>
#include <QStringList>

namespace tierdesk::nlu {

// Okapi bm25 over fielded passages (BM25F): a term in the title (and the article's keywords)
// counts kTitleWeight times, in the headings kHeadingWeight times, in the text once, and a
// passage's length is weighted alike. Computed here from the terms (SearchTerms) the store
// keeps, not by the database, so SQLite and PostgreSQL rank the same data the same way.
class Bm25 {
public:
    static constexpr double kK1 = 1.2;
    static constexpr double kB = 0.75;
    static constexpr double kTitleWeight = 3;
    static constexpr double kHeadingWeight = 2;

    struct Fields {
        QStringList title;
        QStringList headings;
        QStringList text;
    };
    struct Collection {
        qint64 passages = 0; // all of the company's
        double averageLength = 0; // of weightedLength()
    };

    struct Scored {
        double score = 0; // higher is better
        // How much of the query the candidate holds: its terms' idf over all the query's (a term
        // no passage holds, such as a misspelling, counts as the rarest). 0..1.
        double coverage = 0;
    };

    static double weightedLength(const Fields &f);
    // Each candidate's score for the query's terms. The candidates must be every passage of the
    // collection that holds one of the terms: how many hold each term (its document frequency)
    // is counted from them.
    static QList<Scored> score(const QStringList &queryTerms, const QList<Fields> &candidates, Collection all);
};

} // namespace tierdesk::nlu
