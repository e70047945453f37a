#pragma once

#include "core/common/Result.h"
#include "core/domain/Enums.h"
#include "core/domain/KbSource.h"
#include "core/store/Database.h"
#include "core/store/KbPassageIndex.h"

#include <QHash>
#include <QSet>
#include <QStringList>

#include <optional>

namespace tierdesk {

struct KbArticle {
    qint64 id = 0;
    QString companyId; // whose article: a company's knowledge is its own alone
    QString slug;
    QString title;
    QString category;
    QString keywords;
    QString body;
    QStringList steps; // numbered steps shown beside the body
    QStringList related; // slugs of related articles
    qint64 updatedAt = 0;
    qint64 views = 0;
    KbArticleSource source; // where it was imported from; empty kind: written here
};

// An article a source (or a file) brought, as a sync compares it with the page: its address, what
// the page's last fetch answered and whether a person has edited it since.
struct KbImportedArticle {
    qint64 id = 0;
    QString url;
    QString etag;
    QString lastModified;
    QString contentHash; // of the title and text the page gave
    bool edited = false;
};

struct KbHit {
    KbArticle article;
    double score = 0; // bm25: lower is better (SQLite's sign convention)
    // Added for its passages after the article index's hits (its score is its passages' bm25,
    // negated: comparable among such hits only).
    bool byPassage = false;
    // The article's passages the search ranked, best first (at most KbRepo::kPassagesPerHit): the
    // sections that answer, which the reply quotes and a model reads.
    QList<KbPassageHit> passages;
};

// The knowledge base: articles plus an external-content FTS5 index ranked by bm25().
class KbRepo {
public:
    static constexpr int kFromPassages = 2; // articles a search adds for their passages
    static constexpr int kPassagesPerHit = 3; // of an article's ranked passages, kept with its hit
    explicit KbRepo(Database &db) : m_db(db), m_passages(db) { }
    Status upsert(const KbArticle &a, qint64 nowMs);
    int count(const QString &companyId);

    // A company sees its own articles only.
    std::optional<KbArticle> find(const QString &companyId, qint64 id);
    QList<KbArticle> list(const QString &companyId, const QString &category, int limit, int offset, int *total);
    // Inserts a new article (the slug must be free for the company); returns its id.
    Result<qint64> insert(const KbArticle &a, qint64 nowMs);
    Status update(const KbArticle &a, qint64 nowMs);
    Status remove(const QString &companyId, qint64 id);
    Status countView(qint64 id);
    Result<bool> slugTaken(const QString &companyId, const QString &slug, qint64 exceptId);
    // The company's article with this slug: 0 when none.
    qint64 ownIdOf(const QString &companyId, const QString &slug);
    // Full-text search over the company's articles: those the article index ranks best (bm25 over
    // title, keywords and body), then up to kFromPassages more whose passages rank best (a long
    // page's section). Free text is reduced to quoted terms, so no user input is parsed as FTS5
    // syntax.
    QList<KbHit> search(const QString &companyId, const QString &text, int limit);

    // Loads the Markdown articles (with a front-matter block) of a folder, such as the demo
    // company's under :/demo/kb, into the company; an article whose slug it has already is
    // left as it is (a person may have edited it). Returns how many were added.
    int importArticles(const QString &companyId, const QString &folder, qint64 nowMs);
    // Databases from before knowledge belonged to one company held articles shared by every
    // company (company ""): they become `companyId`'s (the demo company's; none: they go),
    // except where it has an article of the same slug, and no shared article is left.
    Status adoptShared(const QString &companyId);
    static std::optional<KbArticle> parseMarkdown(const QString &slug, const QString &text);

    // Articles of a source (or of files: sourceId 0, kind "file"), written by its syncs. A person's
    // update() of one marks it edited; these never do.
    QList<KbImportedArticle> importedFrom(const QString &companyId, qint64 sourceId);
    Result<qint64> insertImported(const KbArticle &a, const KbImportedArticle &fetch, qint64 nowMs);
    // Title, keywords and body anew (slug, category, steps and related articles stay).
    Status updateImported(const KbArticle &a, const KbImportedArticle &fetch, qint64 nowMs);
    // The page answered as before (304, or the same text): only what its fetch answered is kept.
    Status keepImported(const KbImportedArticle &fetch);
    // Every article of the source, when the source goes.
    Status removeSourceArticles(const QString &companyId, qint64 sourceId);

    // The articles' passages, kept with every write above; search them for what the AI reads.
    KbPassageIndex &passages() { return m_passages; }

private:
    Database &m_db;
    KbPassageIndex m_passages;
    // Recent searches by (company, query terms). Customers ask the same
    // questions over and over; any change to the articles clears it.
    QHash<QString, QList<KbHit>> m_cache;
    static constexpr int kCacheEntries = 1024;
    static constexpr int kPassagesPerSearch = 40; // read to find the best few articles
    static constexpr int kOtherPassagesCounted = 3; // an article's next passages beside its best
    static constexpr double kOtherPassageWeight = 0.25;
    // The text of each article the cached searches hold, by id: one article found by
    // several searches shares one copy of it, so the reply's passage caches (KbPassage),
    // which know an article they have cut by its text's address, meet it again.
    QHash<qint64, QString> m_bodies;
    QSet<QString> m_passageTexts; // the same for the hits' passages

    KbArticle withSharedBody(KbArticle article);
    QString sharedText(const QString &text);
    QList<KbHit> articleHits(const QString &companyId, const QString &match, int limit);
    // The hits' passages among the ranked ones, then up to kFromPassages articles more for theirs.
    void addPassages(const QString &companyId, const QList<KbPassageHit> &ranked, QList<KbHit> &hits);
    void forgetSearches();
};

} // namespace tierdesk
