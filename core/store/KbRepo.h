#pragma once

#include "core/domain/Enums.h"
#include "core/store/Database.h"

#include <QHash>

#include <optional>

namespace tierdesk {

struct KbArticle
{
    qint64 id = 0;
    QString companyId; // empty: shared by every company
    QString slug;
    QString title;
    QString category;
    QString keywords;
    QString body;
};

struct KbHit
{
    KbArticle article;
    double score = 0; // bm25: lower is better (SQLite's sign convention)
};

// The knowledge base: articles plus an external-content FTS5 index ranked by bm25().
class KbRepo
{
public:
    explicit KbRepo(Database &db) : m_db(db) {}
    bool upsert(const KbArticle &a, qint64 nowMs);
    int count(const QString &companyId);
    // Full-text search over the company's and the shared articles. Free text is
    // reduced to quoted terms, so no user input is parsed as FTS5 syntax.
    QList<KbHit> search(const QString &companyId, const QString &text, int limit);

    // Loads the articles shipped under :/kb (Markdown with a front-matter block).
    int importDefaults(qint64 nowMs);
    static std::optional<KbArticle> parseMarkdown(const QString &slug, const QString &text);

private:
    Database &m_db;
    // Recent searches by (company, query terms). Customers ask the same
    // questions over and over; any change to the articles clears it.
    QHash<QString, QList<KbHit>> m_cache;
    static constexpr int kCacheEntries = 1024;
};

} // namespace tierdesk
