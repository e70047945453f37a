#pragma once

#include "core/common/Result.h"
#include "core/store/Database.h"

#include <QHash>
#include <QList>
#include <QString>

namespace tierdesk {

// A passage of a company's article as a question found it (GET /api/cs/kb/search, and what the
// AI reads): the article, the section's headings and text, and its bm25 score (higher is better).
struct KbPassageHit {
    qint64 articleId = 0;
    QString slug;
    QString title;
    QString heading;
    QString url; // the page it was imported from; empty for an article written here
    QString text;
    double score = 0;
    // How much of the question the passage holds (Bm25::Scored::coverage): 0..1, comparable
    // across questions, where the score is not.
    double coverage = 0;
};

// The articles' passages (kb_passages, migration 28): written whenever an article is, searched
// by the terms of a question. SQLite's FTS5 or PostgreSQL's GIN index finds the passages that
// hold a term; nlu::Bm25 ranks them from the terms stored with each, so both rank alike.
class KbPassageIndex {
public:
    // The candidates one search ranks at most: a question of common words over a very large
    // knowledge base reads the index's first ones only.
    static constexpr int kMaxCandidates = 5000;

    explicit KbPassageIndex(Database &db) : m_db(db) { }

    // The article's passages anew from its title, keywords, body and steps (none when it is gone).
    Status reindex(qint64 articleId);
    Status forget(qint64 articleId);
    // Passages for every article that has none (articles of a database from before passages).
    // Returns how many articles were indexed.
    Result<int> indexMissing();
    // The company's best passages for the question; empty when none holds any of its terms.
    Result<QList<KbPassageHit>> search(const QString &companyId, const QString &question, int limit);

private:
    Database &m_db;
    // Each company's passage terms and how many passages hold each, read at its first search
    // after a write: a question's word that no passage holds is read as the nearest one that
    // some do ("pasword"), the commonest of them.
    QHash<QString, QHash<QString, int>> m_vocabulary;
    static constexpr int kVocabularies = 64; // companies' vocabularies kept at once

    const QHash<QString, int> &vocabulary(const QString &companyId);
    QStringList spelledAsWritten(const QString &companyId, QStringList terms);
};

} // namespace tierdesk
