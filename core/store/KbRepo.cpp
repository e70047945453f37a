#include "core/store/KbRepo.h"

#include "core/nlu/text/StopWords.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <algorithm>

namespace tierdesk {
namespace {

// Stop words carry no meaning for retrieval; keeping them out makes bm25 sharper.
QString ftsQuery(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"));
    QStringList terms;
    auto it = word.globalMatch(text.left(500).toLower());
    while (it.hasNext() && terms.size() < 16) {
        const QString w = it.next().captured(0);
        if (w.size() < 2 || nlu::StopWords::isSearchNoise(w))
            continue;
        terms << QLatin1Char('"') + w + QLatin1Char('"');
    }
    return terms.join(QStringLiteral(" OR "));
}

const QString kKbColumns = QStringLiteral(
    "a.id, a.company_id, a.slug, a.title, a.category, a.keywords, a.body, a.steps, a.related, a.updated_at, a.views,"
    " a.source_id, a.source_kind, a.source_url, a.edited");
constexpr int kRankColumn = 15; // after kKbColumns
// A company sees its own articles only: no company's knowledge reaches another's customers.
const QString kVisible = QStringLiteral(" a.company_id = ?");

// The terms found in the title weigh most, then the keywords, then the body.
// SQLite: FTS5 (kb_fts MATCH, bm25 ranking), kept up to date by migration 1's triggers.
// PostgreSQL: the generated tsvector `search` (title A, keywords B, body D), ranked by
// ts_rank with the same 8 : 5 : 1 weights and the length normalisation bm25 also makes
// (rank / (1 + log(length))); negated, so lower is better on both.
QString searchStatement(bool postgres)
{
    if (postgres)
        return QStringLiteral("SELECT ") + kKbColumns
            + QStringLiteral(
                ", -ts_rank('{0.125, 0, 0.625, 1}', a.search, query, 1) AS rank"
                " FROM kb_articles a, websearch_to_tsquery('english', ?) query WHERE a.search @@ query AND")
            + kVisible + QStringLiteral(" ORDER BY rank, a.id LIMIT ?");
    return QStringLiteral("SELECT ") + kKbColumns
        + QStringLiteral(", bm25(kb_fts, 8.0, 5.0, 1.0) AS rank FROM kb_fts JOIN kb_articles a ON a.id = kb_fts.rowid "
                         "WHERE kb_fts MATCH ? AND")
        + kVisible + QStringLiteral(" ORDER BY rank LIMIT ?");
}

QStringList listFrom(const QVariant &json)
{
    QStringList out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json.toString().toUtf8()).array())
        out << v.toString();
    return out;
}

QString listJson(const QStringList &list)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact));
}

KbArticle readArticle(const QSqlQuery &q)
{
    KbArticle a;
    a.id = q.value(0).toLongLong();
    a.companyId = q.value(1).toString();
    a.slug = q.value(2).toString();
    a.title = q.value(3).toString();
    a.category = q.value(4).toString();
    a.keywords = q.value(5).toString();
    a.body = q.value(6).toString();
    a.steps = listFrom(q.value(7));
    a.related = listFrom(q.value(8));
    a.updatedAt = q.value(9).toLongLong();
    a.views = q.value(10).toLongLong();
    a.source = {q.value(11).toLongLong(), q.value(12).toString(), q.value(13).toString(), q.value(14).toBool()};
    return a;
}

} // namespace

std::optional<KbArticle> KbRepo::find(const QString &companyId, qint64 id)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT ") + kKbColumns + QStringLiteral(" FROM kb_articles a WHERE a.id = ? AND") + kVisible);
    if (!m_db.exec(q, {id, companyId}) || !q.next())
        return std::nullopt;
    const KbArticle a = readArticle(q);
    q.finish();
    return a;
}

QList<KbArticle> KbRepo::list(const QString &companyId, const QString &category, int limit, int offset, int *total)
{
    const QString where
        = QStringLiteral(" FROM kb_articles a WHERE") + kVisible + QStringLiteral(" AND (? = '' OR a.category = ?)");
    QSqlQuery &count = m_db.statement(QStringLiteral("SELECT COUNT(*)") + where);
    if (total && m_db.exec(count, {companyId, category, category}) && count.next())
        *total = count.value(0).toInt();
    count.finish();
    QList<KbArticle> out;
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT ") + kKbColumns + where
        + QStringLiteral(" ORDER BY a.category, a.title, a.id LIMIT ? OFFSET ?"));
    if (!m_db.exec(q, {companyId, category, category, limit, offset}))
        return out;
    while (q.next())
        out << readArticle(q);
    q.finish();
    return out;
}

Result<qint64> KbRepo::insert(const KbArticle &a, qint64 nowMs)
{
    forgetSearches();
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO kb_articles(company_id, slug, title, category, keywords, body, steps, related,"
                       " updated_at) VALUES (COALESCE(?, ''), ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
    if (!m_db.exec(q,
            {a.companyId, a.slug, a.title, a.category, a.keywords, a.body, listJson(a.steps), listJson(a.related),
                nowMs}))
        return m_db.lastFailure();
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    if (id <= 0)
        return makeError(ErrorKind::Internal, QStringLiteral("the new article has no id"));
    if (const Status indexed = m_passages.reindex(id); !indexed)
        return indexed.error();
    return id;
}

Status KbRepo::update(const KbArticle &a, qint64 nowMs)
{
    forgetSearches();
    if (!m_db.write(
            QStringLiteral("UPDATE kb_articles SET slug = ?, title = ?, category = ?, keywords = ?, body = ?,"
                           " steps = ?, related = ?, updated_at = ?, edited = CASE WHEN source_kind = '' THEN 0 ELSE 1"
                           " END WHERE id = ? AND company_id = COALESCE(?, '')"),
            {a.slug, a.title, a.category, a.keywords, a.body, listJson(a.steps), listJson(a.related), nowMs, a.id,
                a.companyId}))
        return m_db.lastFailure();
    return m_passages.reindex(a.id);
}

Status KbRepo::remove(const QString &companyId, qint64 id)
{
    forgetSearches();
    if (!m_db.write(
            QStringLiteral("DELETE FROM kb_articles WHERE id = ? AND company_id = COALESCE(?, '')"), {id, companyId}))
        return m_db.lastFailure();
    return m_passages.forget(id);
}

Status KbRepo::countView(qint64 id)
{
    return m_db.status(m_db.write(QStringLiteral("UPDATE kb_articles SET views = views + 1 WHERE id = ?"), {id}));
}

Result<bool> KbRepo::slugTaken(const QString &companyId, const QString &slug, qint64 exceptId)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT 1 FROM kb_articles WHERE company_id = COALESCE(?, '') AND slug = ? AND id <> ?"));
    if (!m_db.exec(q, {companyId, slug, exceptId}))
        return m_db.lastFailure();
    const bool taken = q.next();
    q.finish();
    return taken;
}

qint64 KbRepo::ownIdOf(const QString &companyId, const QString &slug)
{
    QSqlQuery &q
        = m_db.statement(QStringLiteral("SELECT id FROM kb_articles WHERE company_id = COALESCE(?, '') AND slug = ?"));
    const qint64 id = m_db.exec(q, {companyId, slug}) && q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    return id;
}

Status KbRepo::upsert(const KbArticle &a, qint64 nowMs)
{
    forgetSearches();
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "INSERT INTO kb_articles(company_id, slug, title, category, keywords, body, updated_at) VALUES (COALESCE(?, "
        "''), ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(company_id, slug) DO UPDATE SET title = excluded.title, category = excluded.category,"
        " keywords = excluded.keywords, body = excluded.body, updated_at = excluded.updated_at"));
    if (!m_db.exec(q, {a.companyId, a.slug, a.title, a.category, a.keywords, a.body, nowMs}))
        return m_db.lastFailure();
    q.finish();
    return m_passages.reindex(ownIdOf(a.companyId, a.slug));
}

int KbRepo::count(const QString &companyId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT COUNT(*) FROM kb_articles WHERE company_id = ?"));
    if (!m_db.exec(q, {companyId}) || !q.next())
        return 0;
    const int n = q.value(0).toInt();
    q.finish();
    return n;
}

QList<KbHit> KbRepo::search(const QString &companyId, const QString &text, int limit)
{
    QList<KbHit> out;
    const QString match = ftsQuery(text);
    if (match.isEmpty())
        return out;
    const QString cacheKey = companyId + QLatin1Char('\n') + QString::number(limit) + QLatin1Char('\n') + match;
    if (const auto hit = m_cache.constFind(cacheKey); hit != m_cache.cend())
        return *hit;
    out = articleHits(companyId, match, limit);
    if (const Result<QList<KbPassageHit>> ranked = m_passages.search(companyId, text, kPassagesPerSearch))
        addPassages(companyId, *ranked, out);
    if (m_cache.size() >= kCacheEntries)
        forgetSearches(); // simple bound; refills with what is asked now
    m_cache.insert(cacheKey, out);
    return out;
}

QList<KbHit> KbRepo::articleHits(const QString &companyId, const QString &match, int limit)
{
    QList<KbHit> out;
    QSqlQuery &q = m_db.statement(searchStatement(m_db.postgres()));
    if (!m_db.exec(
            q, {m_db.postgres() ? QString(match).replace(QLatin1Char('"'), QString()) : match, companyId, limit}))
        return out;
    while (q.next())
        out << KbHit{withSharedBody(readArticle(q)), q.value(kRankColumn).toDouble(), false, {}};
    q.finish();
    return out;
}

void KbRepo::addPassages(const QString &companyId, const QList<KbPassageHit> &ranked, QList<KbHit> &hits)
{
    // Articles by their best passage, and a little for their next ones that hold the question's
    // words too (of two pages whose best sections tie, the one about the subject).
    QList<qint64> order;
    QHash<qint64, double> score;
    QHash<qint64, QList<KbPassageHit>> passagesOf;
    for (const KbPassageHit &p : ranked) {
        if (!score.contains(p.articleId))
            order << p.articleId;
        QList<KbPassageHit> &own = passagesOf[p.articleId];
        if (own.size() <= kOtherPassagesCounted)
            score[p.articleId] += own.isEmpty() ? p.score : kOtherPassageWeight * p.score;
        if (own.size() < kPassagesPerHit) {
            own << p;
            own.last().text = sharedText(p.text);
        }
    }
    for (KbHit &hit : hits)
        hit.passages = passagesOf.value(hit.article.id);
    // Then the articles of the best passages not among the hits: a long page is found by the
    // section that answers, where its whole text's counts hide it.
    std::stable_sort(order.begin(), order.end(), [&score](qint64 a, qint64 b) { return score[a] > score[b]; });
    int added = 0;
    for (const qint64 id : order) {
        if (added == kFromPassages)
            break;
        const bool known = std::any_of(hits.cbegin(), hits.cend(), [id](const KbHit &h) { return h.article.id == id; });
        if (known)
            continue;
        if (const std::optional<KbArticle> a = find(companyId, id)) {
            // lower is better, as SQLite's bm25()
            hits << KbHit{withSharedBody(*a), -score[id], true, passagesOf.value(id)};
            ++added;
        }
    }
}

KbArticle KbRepo::withSharedBody(KbArticle article)
{
    const auto seen = m_bodies.constFind(article.id);
    if (seen != m_bodies.cend() && *seen == article.body)
        article.body = *seen;
    else
        m_bodies.insert(article.id, article.body);
    return article;
}

QString KbRepo::sharedText(const QString &text)
{
    const auto seen = m_passageTexts.constFind(text);
    if (seen != m_passageTexts.cend())
        return *seen;
    m_passageTexts.insert(text);
    return text;
}

void KbRepo::forgetSearches()
{
    m_cache.clear();
    m_bodies.clear();
    m_passageTexts.clear();
}

std::optional<KbArticle> KbRepo::parseMarkdown(const QString &slug, const QString &text)
{
    QString rest = text;
    rest.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    if (!rest.startsWith(QLatin1String("---\n")))
        return std::nullopt;
    const qsizetype end = rest.indexOf(QLatin1String("\n---"), 4);
    if (end < 0)
        return std::nullopt;
    KbArticle a;
    a.slug = slug;
    const QStringList header = rest.mid(4, end - 4).split(QLatin1Char('\n'));
    for (const QString &line : header) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon < 0)
            continue;
        const QString key = line.left(colon).trimmed();
        const QString value = line.mid(colon + 1).trimmed();
        if (key == QLatin1String("title"))
            a.title = value;
        else if (key == QLatin1String("category"))
            a.category = value;
        else if (key == QLatin1String("keywords"))
            a.keywords = value;
    }
    a.body = rest.mid(rest.indexOf(QLatin1Char('\n'), end + 1) + 1).trimmed();
    if (a.title.isEmpty() || a.body.isEmpty() || !parse<IssueCategory>(a.category))
        return std::nullopt;
    return a;
}

int KbRepo::importArticles(const QString &companyId, const QString &folder, qint64 nowMs)
{
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO kb_articles(company_id, slug, title, category, keywords, body, updated_at)"
                       " VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(company_id, slug) DO NOTHING"));
    int imported = 0;
    QDirIterator it(folder, {QStringLiteral("*.md")});
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const auto a = parseMarkdown(QFileInfo(path).completeBaseName(), QString::fromUtf8(f.readAll()));
        if (!a || !m_db.exec(q, {companyId, a->slug, a->title, a->category, a->keywords, a->body, nowMs})
            || q.numRowsAffected() <= 0)
            continue;
        q.finish();
        if (m_passages.reindex(ownIdOf(companyId, a->slug)))
            ++imported;
    }
    if (imported > 0)
        forgetSearches();
    return imported;
}

Status KbRepo::adoptShared(const QString &companyId)
{
    forgetSearches();
    if (!companyId.isEmpty()
        && !m_db.write(
            QStringLiteral("UPDATE kb_articles SET company_id = ? WHERE company_id = '' AND NOT EXISTS"
                           " (SELECT 1 FROM kb_articles o WHERE o.company_id = ? AND o.slug = kb_articles.slug)"),
            {companyId, companyId}))
        return m_db.lastFailure();
    if (!m_db.write(QStringLiteral("DELETE FROM kb_articles WHERE company_id = ''"), {}))
        return m_db.lastFailure();
    // Passages follow their article to its company, or go with it.
    if (!m_db.write(QStringLiteral("DELETE FROM kb_passages WHERE NOT EXISTS"
                                   " (SELECT 1 FROM kb_articles a WHERE a.id = kb_passages.article_id)"),
            {}))
        return m_db.lastFailure();
    return m_db.status(
        m_db.write(QStringLiteral("UPDATE kb_passages SET company_id = (SELECT a.company_id FROM kb_articles a"
                                  " WHERE a.id = kb_passages.article_id) WHERE company_id = ''"),
            {}));
}

} // namespace tierdesk
