#pragma once

#include "core/common/Result.h"
#include "core/store/KbRepo.h"

#include <QJsonObject>

namespace tierdesk {

class SessionEngine;
class Store;
class Clock;
struct Actor;

// The knowledge base as a company's people edit it (the /api/cs/kb routes, the console,
// `tierdesk kb import`): checked input, every change audited in the transaction that makes
// it. Every article is one company's own.
class KnowledgeBase {
public:
    // Explicit limits; larger input is refused with InvalidArgument.
    static constexpr int kMaxTitle = 200;
    static constexpr int kMaxContent = 20000;
    static constexpr int kMaxKeywords = 500;
    static constexpr int kMaxSteps = 30;
    static constexpr int kMaxStepChars = 500;
    static constexpr int kMaxRelated = 10;
    static constexpr int kMaxSlug = 80;

    KnowledgeBase(SessionEngine &engine, Store &store, const Clock &clock);

    Result<KbArticle> article(const QString &companyId, qint64 id);
    // The article as a person opens it: counted in its views.
    Result<KbArticle> read(const QString &companyId, qint64 id);
    Result<QList<KbArticle>> list(const QString &companyId, const QString &category, int limit, int offset, int *total);
    // Ranked by the same bm25 search the AI tiers answer from.
    Result<QList<KbHit>> search(const QString &companyId, const QString &query, int limit);
    // The company's passages that best answer `query`: what the AI reads for it.
    Result<QList<KbPassageHit>> passages(const QString &companyId, const QString &query, int limit);
    // From a JSON body: title, category, content, and optionally slug, keywords (array or
    // comma list), steps, relatedArticles (slugs).
    Result<KbArticle> create(const QString &companyId, const QJsonObject &body, const Actor &actor);
    // Fields left out keep their value.
    Result<KbArticle> update(const QString &companyId, qint64 id, const QJsonObject &body, const Actor &actor);
    Status remove(const QString &companyId, qint64 id, const Actor &actor);

    // An import: the company's article with the body's slug (or the title's) is updated,
    // else a new one is made. *created says which.
    Result<KbArticle> put(const QString &companyId, const QJsonObject &body, const Actor &actor, bool *created);

    static QString slugOf(const QString &title);
    // After articles changed (here, or imported): the gaps they now answer are closed. `articleText`:
    // the one article's words, when one changed (only the gaps it names are asked again).
    void recheckGaps(const QString &companyId, const QString &articleText = {});

private:
    Status apply(const QJsonObject &body, KbArticle &a) const;
    Status store(KbArticle &a, const Actor &actor, bool created);

    SessionEngine &m_engine;
    Store &m_store;
    const Clock &m_clock;
};

} // namespace tierdesk
