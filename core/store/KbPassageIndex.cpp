#include "core/store/KbPassageIndex.h"

#include "core/nlu/text/Bm25.h"
#include "core/nlu/text/PassageSplitter.h"
#include "core/nlu/text/SearchTerms.h"
#include "core/nlu/text/TermSpelling.h"

#include <QSet>

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace tierdesk {
namespace {

using nlu::Bm25;
using nlu::SearchTerms;

QStringList terms(const QVariant &stored)
{
    return stored.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

// The article as its passages are cut from: the body, then its numbered steps as a list.
QString passageSource(const QString &body, const QString &stepsJson)
{
    QString text = body;
    const QJsonArray steps = QJsonDocument::fromJson(stepsJson.toUtf8()).array();
    for (qsizetype i = 0; i < steps.size(); ++i)
        text += QStringLiteral("\n%1. %2").arg(i + 1).arg(steps.at(i).toString());
    return text;
}

QString candidatesStatement(bool postgres)
{
    const QString columns = QStringLiteral(
        "SELECT p.article_id, a.slug, a.title, p.heading, a.source_url, p.text, p.title_terms, p.heading_terms,"
        " p.text_terms, p.id FROM ");
    if (postgres)
        return columns
            + QStringLiteral("kb_passages p JOIN kb_articles a ON a.id = p.article_id"
                             " WHERE p.terms @@ to_tsquery('simple', ?) AND p.company_id = ? ORDER BY p.id LIMIT ?");
    return columns
        + QStringLiteral(
            "kb_passage_fts f JOIN kb_passages p ON p.id = f.rowid JOIN kb_articles a ON a.id = p.article_id"
            " WHERE kb_passage_fts MATCH ? AND p.company_id = ? ORDER BY p.id LIMIT ?");
}

} // namespace

Status KbPassageIndex::forget(qint64 articleId)
{
    m_vocabulary.clear(); // whose ever it was: read again at the next search
    return m_db.status(m_db.write(QStringLiteral("DELETE FROM kb_passages WHERE article_id = ?"), {articleId}));
}

Status KbPassageIndex::reindex(qint64 articleId)
{
    if (const Status gone = forget(articleId); !gone)
        return gone;
    QSqlQuery &a = m_db.statement(
        QStringLiteral("SELECT company_id, title, keywords, body, steps FROM kb_articles WHERE id = ?"));
    if (!m_db.exec(a, {articleId}))
        return m_db.lastFailure();
    if (!a.next())
        return Ok{};
    const QString companyId = a.value(0).toString();
    const QString title = a.value(1).toString();
    const QString titleTerms = SearchTerms::of(title + QLatin1Char(' ') + a.value(2).toString()).join(QLatin1Char(' '));
    const QString source = passageSource(a.value(3).toString(), a.value(4).toString());
    a.finish();
    const QList<nlu::ArticlePassage> passages = nlu::PassageSplitter::split(title, source);
    for (qsizetype i = 0; i < passages.size(); ++i) {
        const nlu::ArticlePassage &p = passages.at(i);
        const Bm25::Fields fields{terms(titleTerms), SearchTerms::of(p.heading), SearchTerms::of(p.text)};
        if (!m_db.write(
                QStringLiteral("INSERT INTO kb_passages(article_id, company_id, ord, heading, text, title_terms,"
                               " heading_terms, text_terms, length) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                {articleId, companyId, qint64(i), p.heading, p.text, titleTerms, fields.headings.join(QLatin1Char(' ')),
                    fields.text.join(QLatin1Char(' ')), Bm25::weightedLength(fields)}))
            return m_db.lastFailure();
    }
    return Ok{};
}

Result<int> KbPassageIndex::indexMissing()
{
    QList<qint64> ids;
    QSqlQuery &q = m_db.statement(QStringLiteral(
        "SELECT id FROM kb_articles a WHERE NOT EXISTS (SELECT 1 FROM kb_passages p WHERE p.article_id = a.id)"));
    if (!m_db.exec(q, {}))
        return m_db.lastFailure();
    while (q.next())
        ids << q.value(0).toLongLong();
    q.finish();
    for (const qint64 id : ids)
        if (const Status s = reindex(id); !s)
            return s.error();
    return int(ids.size());
}

Result<QList<KbPassageHit>> KbPassageIndex::search(const QString &companyId, const QString &question, int limit)
{
    const QStringList query = spelledAsWritten(companyId, SearchTerms::ofQuery(question));
    QList<KbPassageHit> hits;
    if (query.isEmpty() || limit <= 0)
        return hits;
    QSqlQuery &stats
        = m_db.statement(QStringLiteral("SELECT COUNT(*), AVG(length) FROM kb_passages WHERE company_id = ?"));
    if (!m_db.exec(stats, {companyId}) || !stats.next())
        return m_db.lastFailure();
    const Bm25::Collection all{stats.value(0).toLongLong(), stats.value(1).toDouble()};
    stats.finish();

    QStringList quoted;
    for (const QString &t : query)
        quoted << QLatin1Char('"') + t + QLatin1Char('"');
    const QString match = m_db.postgres() ? query.join(QStringLiteral(" | ")) : quoted.join(QStringLiteral(" OR "));
    QSqlQuery &q = m_db.statement(candidatesStatement(m_db.postgres()));
    if (!m_db.exec(q, {match, companyId, kMaxCandidates}))
        return m_db.lastFailure();
    QList<Bm25::Fields> fields;
    while (q.next()) {
        hits.append({q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(), q.value(3).toString(),
            q.value(4).toString(), q.value(5).toString(), 0, 0});
        fields.append({terms(q.value(6)), terms(q.value(7)), terms(q.value(8))});
    }
    q.finish();
    const QList<Bm25::Scored> scores = Bm25::score(query, fields, all);
    for (qsizetype i = 0; i < hits.size(); ++i) {
        hits[i].score = scores.at(i).score;
        hits[i].coverage = scores.at(i).coverage;
    }
    // Best first; among equals the article's earlier passage (its order in the index).
    std::stable_sort(
        hits.begin(), hits.end(), [](const KbPassageHit &a, const KbPassageHit &b) { return a.score > b.score; });
    if (hits.size() > limit)
        hits.resize(limit);
    return hits;
}

const QHash<QString, int> &KbPassageIndex::vocabulary(const QString &companyId)
{
    if (const auto known = m_vocabulary.constFind(companyId); known != m_vocabulary.cend())
        return *known;
    if (m_vocabulary.size() >= kVocabularies)
        m_vocabulary.clear(); // simple bound; refills with the companies asked now
    QHash<QString, int> &terms = m_vocabulary[companyId];
    QSqlQuery &q = m_db.statement(
        QStringLiteral("SELECT title_terms, heading_terms, text_terms FROM kb_passages WHERE company_id = ?"));
    if (!m_db.exec(q, {companyId}))
        return terms;
    while (q.next()) {
        const QString all = q.value(0).toString() + QLatin1Char(' ') + q.value(1).toString() + QLatin1Char(' ')
            + q.value(2).toString();
        const QStringList words = all.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        for (const QString &t : QSet<QString>(words.cbegin(), words.cend()))
            ++terms[t];
    }
    q.finish();
    return terms;
}

QStringList KbPassageIndex::spelledAsWritten(const QString &companyId, QStringList terms)
{
    const QHash<QString, int> &known = vocabulary(companyId);
    if (known.isEmpty())
        return terms;
    QStringList out;
    for (const QString &t : terms)
        if (const QString written = nlu::TermSpelling::nearest(t, known); !out.contains(written))
            out << written;
    return out;
}

} // namespace tierdesk
