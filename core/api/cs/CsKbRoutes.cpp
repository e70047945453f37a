// /api/cs/kb: the knowledge base the AI tiers answer from. Read: agent and above;
// write: admin. A company sees its own articles only.
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"
#include "core/api/cs/CsKbSourceJson.h"
#include "core/common/Time.h"
#include "core/engine/admin/KnowledgeBase.h"

namespace tierdesk::api {
namespace {

constexpr int kMaxPage = 100;
constexpr int kMaxOffset = 10000;
constexpr int kMaxPassages = 20;
constexpr int kMaxQuery = 500;

QJsonObject articleJson(const KbArticle &a, bool full)
{
    QJsonArray keywords;
    for (const QString &k : a.keywords.split(QLatin1Char(','), Qt::SkipEmptyParts))
        keywords.append(k.trimmed());
    QJsonObject o{{QStringLiteral("id"), a.id}, {QStringLiteral("slug"), a.slug}, {QStringLiteral("title"), a.title},
        {QStringLiteral("category"), a.category}, {QStringLiteral("keywords"), keywords},
        {QStringLiteral("views"), a.views}, {QStringLiteral("updatedAt"), timefmt::iso(a.updatedAt)}};
    if (!a.source.kind.isEmpty()) { // imported: from which source or file, and whether a person edited it since
        o.insert(QStringLiteral("source"), cs::kbArticleSourceJson(a.source));
        o.insert(QStringLiteral("edited"), a.source.edited);
    }
    if (full) {
        o.insert(QStringLiteral("content"), a.body);
        o.insert(QStringLiteral("steps"), QJsonArray::fromStringList(a.steps));
        o.insert(QStringLiteral("relatedArticles"), QJsonArray::fromStringList(a.related));
    } else {
        o.insert(QStringLiteral("excerpt"), a.body.simplified().left(200));
    }
    return o;
}

// ?name= as a whole number in [low, high]; answers 400 itself when it is not.
std::optional<int> boundedParam(
    const QString &text, const char *name, int fallback, int low, int high, QString *problem)
{
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int v = text.toInt(&ok);
    if (ok && v >= low && v <= high)
        return v;
    *problem = QStringLiteral("%1 must be a whole number from %2 to %3").arg(QLatin1String(name)).arg(low).arg(high);
    return std::nullopt;
}

} // namespace

void CsApi::listKb(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    QString problem;
    const auto limit = boundedParam(queryParam(c.req, "limit"), "limit", 20, 1, kMaxPage, &problem);
    const auto offset = boundedParam(queryParam(c.req, "offset"), "offset", 0, 0, kMaxOffset, &problem);
    if (!limit || !offset)
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, problem,
                {{QStringLiteral("field"), limit ? QStringLiteral("offset") : QStringLiteral("limit")}}));
    const QString query = queryParam(c.req, "q").trimmed();
    const QString category = queryParam(c.req, "category");
    QJsonArray articles;
    int total = 0;
    if (!query.isEmpty()) { // ranked as the AI tiers rank them
        const auto hits = m_engine.knowledge().search(*company, query, *offset + *limit);
        if (!hits)
            return fail(c, hits.error());
        for (const KbHit &h : *hits) {
            if (!category.isEmpty() && h.article.category != category)
                continue;
            if (total++ >= *offset && articles.size() < *limit) {
                QJsonObject o = articleJson(h.article, false);
                o.insert(QStringLiteral("relevance"), qRound(-h.score * 1000) / 1000.0);
                articles.append(o);
            }
        }
    } else {
        const auto page = m_engine.knowledge().list(*company, category, *limit, *offset, &total);
        if (!page)
            return fail(c, page.error());
        for (const KbArticle &a : *page)
            articles.append(articleJson(a, false));
    }
    reply(c,
        http::HttpResponse::json(200,
            QJsonObject{{QStringLiteral("articles"), articles}, {QStringLiteral("total"), total},
                {QStringLiteral("limit"), *limit}, {QStringLiteral("offset"), *offset}}));
}

// What the AI reads for a question: the company's best passages, so an admin sees why it answered
// as it did.
void CsApi::searchKb(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    QString problem;
    const auto limit = boundedParam(queryParam(c.req, "limit"), "limit", 5, 1, kMaxPassages, &problem);
    if (!limit)
        return fail(
            c, cs::error(ErrorKind::InvalidArgument, problem, {{QStringLiteral("field"), QStringLiteral("limit")}}));
    const QString query = queryParam(c.req, "q").trimmed();
    if (query.isEmpty() || query.size() > kMaxQuery)
        return fail(c,
            cs::error(ErrorKind::InvalidArgument,
                QStringLiteral("q must be the question, 1 to %1 characters").arg(kMaxQuery),
                {{QStringLiteral("field"), QStringLiteral("q")}}));
    const auto hits = m_engine.knowledge().passages(*company, query, *limit);
    if (!hits)
        return fail(c, hits.error());
    QJsonArray passages;
    for (const KbPassageHit &h : *hits)
        passages.append(QJsonObject{{QStringLiteral("articleId"), h.articleId}, {QStringLiteral("title"), h.title},
            {QStringLiteral("heading"), h.heading}, {QStringLiteral("url"), h.url}, {QStringLiteral("text"), h.text},
            {QStringLiteral("score"), qRound(h.score * 1000) / 1000.0}});
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("passages"), passages}}));
}

std::optional<qint64> CsApi::kbId(Call &c)
{
    bool ok = false;
    const qint64 id = c.req.pathParams.value(QStringLiteral("id")).toLongLong(&ok);
    if (ok && id > 0)
        return id;
    fail(c,
        cs::error(ErrorKind::NotFound, QStringLiteral("Article not found"),
            {{QStringLiteral("id"), c.req.pathParams.value(QStringLiteral("id")).left(64)}}));
    return std::nullopt;
}

void CsApi::getKb(Call &c)
{
    const auto id = kbId(c);
    if (!id)
        return;
    const auto found = m_engine.knowledge().read(c.who.company, *id);
    if (!found)
        return fail(c, found.error());
    reply(c, http::HttpResponse::json(200, articleJson(*found, true)));
}

void CsApi::createKb(Call &c)
{
    const auto body = companyBody(c);
    if (!body)
        return;
    const auto created = m_engine.knowledge().create(c.who.company, *body, c.actor);
    if (!created)
        return fail(c, created.error());
    reply(c, http::HttpResponse::json(201, articleJson(*created, true)));
}

void CsApi::updateKb(Call &c)
{
    const auto id = kbId(c);
    if (!id)
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto updated = m_engine.knowledge().update(c.who.company, *id, *body, c.actor);
    if (!updated)
        return fail(c, updated.error());
    reply(c, http::HttpResponse::json(200, articleJson(*updated, true)));
}

void CsApi::deleteKb(Call &c)
{
    const auto id = kbId(c);
    if (!id)
        return;
    const auto removed = m_engine.knowledge().remove(c.who.company, *id, c.actor);
    if (!removed)
        return fail(c, removed.error());
    reply(c, http::HttpResponse::noContent());
}

} // namespace tierdesk::api
