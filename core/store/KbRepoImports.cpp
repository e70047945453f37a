// KbRepo's imported articles: what a source's syncs (and file uploads) write.
#include "core/store/KbRepo.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk {
namespace {

QString fetchedJson(const KbImportedArticle &f)
{
    const QJsonObject o{{QStringLiteral("etag"), f.etag}, {QStringLiteral("lastModified"), f.lastModified},
        {QStringLiteral("hash"), f.contentHash}};
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

} // namespace

QList<KbImportedArticle> KbRepo::importedFrom(const QString &companyId, qint64 sourceId)
{
    QList<KbImportedArticle> out;
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT id, source_url, fetched, edited FROM kb_articles"
                                                 " WHERE company_id = ? AND source_id = ? AND source_kind <> ''"));
    if (!m_db.exec(q, {companyId, sourceId}))
        return out;
    while (q.next()) {
        const QJsonObject f = QJsonDocument::fromJson(q.value(2).toString().toUtf8()).object();
        out.append({q.value(0).toLongLong(), q.value(1).toString(), f.value(QLatin1String("etag")).toString(),
            f.value(QLatin1String("lastModified")).toString(), f.value(QLatin1String("hash")).toString(),
            q.value(3).toBool()});
    }
    q.finish();
    return out;
}

Result<qint64> KbRepo::insertImported(const KbArticle &a, const KbImportedArticle &fetch, qint64 nowMs)
{
    forgetSearches();
    QSqlQuery &q = m_db.statement(
        QStringLiteral("INSERT INTO kb_articles(company_id, slug, title, category, keywords, body, updated_at,"
                       " source_id, source_kind, source_url, fetched) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " RETURNING id"));
    if (!m_db.exec(q,
            {a.companyId, a.slug, a.title, a.category, a.keywords, a.body, nowMs, a.source.sourceId, a.source.kind,
                fetch.url, fetchedJson(fetch)}))
        return m_db.lastFailure();
    const qint64 id = q.next() ? q.value(0).toLongLong() : 0;
    q.finish();
    if (id <= 0)
        return makeError(ErrorKind::Internal, QStringLiteral("the imported article has no id"));
    if (const Status indexed = m_passages.reindex(id); !indexed)
        return indexed.error();
    return id;
}

Status KbRepo::updateImported(const KbArticle &a, const KbImportedArticle &fetch, qint64 nowMs)
{
    forgetSearches();
    if (!m_db.write(QStringLiteral("UPDATE kb_articles SET title = ?, keywords = ?, body = ?, updated_at = ?,"
                                   " source_url = ?, fetched = ? WHERE id = ? AND edited = 0"),
            {a.title, a.keywords, a.body, nowMs, fetch.url, fetchedJson(fetch), a.id}))
        return m_db.lastFailure();
    return m_passages.reindex(a.id);
}

Status KbRepo::keepImported(const KbImportedArticle &fetch)
{
    return m_db.status(
        m_db.write(QStringLiteral("UPDATE kb_articles SET fetched = ? WHERE id = ?"), {fetchedJson(fetch), fetch.id}));
}

Status KbRepo::removeSourceArticles(const QString &companyId, qint64 sourceId)
{
    forgetSearches();
    if (!m_db.write(QStringLiteral("DELETE FROM kb_passages WHERE article_id IN (SELECT id FROM kb_articles"
                                   " WHERE company_id = ? AND source_id = ? AND source_kind <> 'file')"),
            {companyId, sourceId}))
        return m_db.lastFailure();
    return m_db.status(m_db.write(
        QStringLiteral("DELETE FROM kb_articles WHERE company_id = ? AND source_id = ? AND source_kind <> 'file'"),
        {companyId, sourceId}));
}

} // namespace tierdesk
