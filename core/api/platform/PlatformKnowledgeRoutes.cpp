// /knowledge: the engine's knowledge base (the articles the AI tiers answer from), ranked
// by its bm25 search. Reading an article counts a view, stored with the article.
#include "core/api/platform/PlatformCall.h"
#include "core/api/platform/PlatformErrors.h"
#include "core/api/platform/PlatformRoutes.h"

#include "core/common/Time.h"
#include "core/engine/admin/KnowledgeBase.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace tierdesk::api {
namespace {

constexpr int kMaxLimit = 100;
constexpr int kMaxOffset = 10000;
constexpr int kMaxQueryChars = 500;
constexpr int kMaxRelatedLookup = 1000;

QString articleId(qint64 id)
{
    return QStringLiteral("kb-") + QString::number(id);
}

// "kb-12" or "12"; 0 when it is neither.
qint64 parseArticleId(const QString &text)
{
    static const QRegularExpression form(QStringLiteral("^(?:kb-)?([1-9][0-9]{0,17})$"));
    const QRegularExpressionMatch m = form.match(text);
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

// bm25 (lower is better, negative) as 0..1, higher is better: s / (1 + s) of s = -bm25.
double relevance(double bm25)
{
    const double s = qMax(0.0, -bm25);
    return qRound(s / (1.0 + s) * 100.0) / 100.0;
}

QJsonObject resultJson(const KbHit &h)
{
    const KbArticle &a = h.article;
    return {{QStringLiteral("id"), articleId(a.id)}, {QStringLiteral("title"), a.title},
        {QStringLiteral("content"), a.body}, {QStringLiteral("category"), a.category.toLower()},
        {QStringLiteral("relevance_score"), relevance(h.score)},
        {QStringLiteral("metadata"),
            QJsonObject{
                {QStringLiteral("last_updated"), timefmt::iso(a.updatedAt)}, {QStringLiteral("views"), a.views}}}};
}

// ?name= as a whole number in [low, high] (fallback when absent); answers 400 itself.
std::optional<int> boundedParam(const PlatformCallPtr &c, const char *name, int fallback, int low, int high)
{
    const QString text = c->req.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    if (text.isEmpty())
        return fallback;
    bool ok = false;
    const int v = text.toInt(&ok);
    if (ok && v >= low && v <= high)
        return v;
    platformcall::fail(c,
        platform::badRequest(
            QStringLiteral("%1 must be a whole number from %2 to %3").arg(QLatin1String(name)).arg(low).arg(high)));
    return std::nullopt;
}

void search(const PlatformCallPtr &c)
{
    using namespace platformcall;
    const QString query = c->req.query.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded).trimmed();
    if (query.isEmpty() || query.size() > kMaxQueryChars)
        return fail(
            c, platform::badRequest(QStringLiteral("query is required: 1 to %1 characters").arg(kMaxQueryChars)));
    const QString category = c->req.query.queryItemValue(QStringLiteral("category"), QUrl::FullyDecoded).trimmed();
    const auto limit = boundedParam(c, "limit", 10, 1, kMaxLimit);
    const auto offset = limit ? boundedParam(c, "offset", 0, 0, kMaxOffset) : std::nullopt;
    if (!offset)
        return;
    // Every hit up to the page's end is fetched so the total counts those of the category.
    const auto hits = c->engine().knowledge().search(c->company, query, *offset + *limit + kMaxLimit);
    if (!hits)
        return fail(c, hits.error());
    QJsonArray results;
    int total = 0;
    for (const KbHit &h : *hits) {
        if (!category.isEmpty() && h.article.category.compare(category, Qt::CaseInsensitive) != 0)
            continue;
        if (total++ >= *offset && results.size() < *limit)
            results.append(resultJson(h));
    }
    replyJson(c, 200,
        {{QStringLiteral("results"), results}, {QStringLiteral("total"), total},
            {QStringLiteral("page"), *offset / *limit + 1}, {QStringLiteral("limit"), *limit}});
}

// A step's title is its first clause; the description is the whole step.
QJsonArray stepsJson(const QStringList &steps)
{
    QJsonArray out;
    for (int i = 0; i < steps.size(); ++i) {
        const QString text = QString(steps.at(i)).remove(QStringLiteral("**")).trimmed();
        static const QRegularExpression clauseEnd(QStringLiteral("[.:;!?](\\s|$)"));
        const qsizetype end = text.indexOf(clauseEnd);
        const QString title = (end > 0 ? text.left(end) : text).left(120);
        out.append(QJsonObject{
            {QStringLiteral("step"), i + 1}, {QStringLiteral("title"), title}, {QStringLiteral("description"), text}});
    }
    return out;
}

// Related articles are kept by slug; seed 000 names them by id.
QJsonArray relatedIds(const PlatformCallPtr &c, const QStringList &slugs)
{
    QJsonArray out;
    if (slugs.isEmpty())
        return out;
    int total = 0;
    const auto all = c->engine().knowledge().list(c->company, QString(), kMaxRelatedLookup, 0, &total);
    if (!all)
        return out;
    for (const QString &slug : slugs)
        for (const KbArticle &a : *all)
            if (a.slug == slug)
                out.append(articleId(a.id));
    return out;
}

void article(const PlatformCallPtr &c)
{
    using namespace platformcall;
    const QString raw = c->req.pathParams.value(QStringLiteral("article_id"));
    const qint64 id = parseArticleId(raw);
    const auto found = id > 0 ? c->engine().knowledge().read(c->company, id)
                              : Result<KbArticle>(Error{ErrorKind::NotFound, QString(), {}});
    if (!found && found.error().kind == ErrorKind::NotFound)
        return fail(c, platform::error(ErrorKind::NotFound, QStringLiteral("Article not found: ") + raw.left(64)));
    if (!found)
        return fail(c, found.error());
    const KbArticle &a = *found;
    const QJsonObject metadata{{QStringLiteral("last_updated"), timefmt::iso(a.updatedAt)},
        {QStringLiteral("views"), a.views},
        {QStringLiteral("author"), a.companyId.isEmpty() ? QStringLiteral("support_team") : QStringLiteral("company")},
        {QStringLiteral("related_articles"), relatedIds(c, a.related)}};
    replyJson(c, 200,
        {{QStringLiteral("id"), articleId(a.id)}, {QStringLiteral("title"), a.title},
            {QStringLiteral("content"), a.body}, {QStringLiteral("category"), a.category.toLower()},
            {QStringLiteral("metadata"), metadata}, {QStringLiteral("steps"), stepsJson(a.steps)}});
}

} // namespace

void installKnowledgeRoutes(http::HttpServer &server, PlatformServices &services)
{
    http::Router &r = server.router();
    r.route("GET", QStringLiteral("/knowledge/search"), signedRoute(services, &search));
    r.route("GET", QStringLiteral("/knowledge/articles/:article_id"), signedRoute(services, &article));
}

} // namespace tierdesk::api
