// /api/cs/kb/sources and /api/cs/kb/files: a company's help center imported into its knowledge
// base and kept in sync, and files given to it (admin). DESIGN.md, "A company's own knowledge".
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"
#include "core/api/cs/CsKbSourceJson.h"
#include "core/api/http/MultipartForm.h"
#include "core/common/Time.h"
#include "core/engine/knowledge/KbSources.h"

#include <QJsonArray>

namespace tierdesk::api {
namespace {

QJsonObject articleSummary(const KbArticle &a)
{
    return {{QStringLiteral("id"), a.id}, {QStringLiteral("slug"), a.slug}, {QStringLiteral("title"), a.title},
        {QStringLiteral("category"), a.category}, {QStringLiteral("updatedAt"), timefmt::iso(a.updatedAt)},
        {QStringLiteral("source"), cs::kbArticleSourceJson(a.source)}};
}

} // namespace

bool CsApi::kbSourcesServed(Call &c)
{
    if (m_kbSources)
        return true;
    fail(c, cs::error(ErrorKind::Unavailable, QStringLiteral("Knowledge sources are not available on this server")));
    return false;
}

std::optional<qint64> CsApi::kbSourceId(Call &c)
{
    bool ok = false;
    const qint64 id = c.req.pathParams.value(QStringLiteral("id")).toLongLong(&ok);
    if (ok && id > 0)
        return id;
    fail(c,
        cs::error(ErrorKind::NotFound, QStringLiteral("Knowledge source not found"),
            {{QStringLiteral("id"), c.req.pathParams.value(QStringLiteral("id")).left(64)}}));
    return std::nullopt;
}

void CsApi::listKbSources(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company || !kbSourcesServed(c))
        return;
    const auto sources = m_kbSources->list(*company);
    if (!sources)
        return fail(c, sources.error());
    QJsonArray out;
    for (const KbSource &s : *sources)
        out.append(cs::kbSourceJson(s));
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("sources"), out}}));
}

void CsApi::createKbSource(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    QString companyId = queryParam(c.req, "companyId");
    if (companyId.isEmpty())
        companyId = body->value(QLatin1String("companyId")).toString();
    const auto company = companyParam(c, companyId);
    if (!company || !kbSourcesServed(c))
        return;
    const Result<KbSource> draft = cs::kbSourceDraft(*body);
    if (!draft)
        return fail(c, draft.error());
    const Result<KbSource> created = m_kbSources->create(*company, *draft, c.actor);
    if (!created)
        return fail(c, created.error());
    reply(c, http::HttpResponse::json(201, cs::kbSourceJson(*created)));
}

void CsApi::getKbSource(Call &c)
{
    const auto id = kbSourceId(c);
    if (!id || !kbSourcesServed(c))
        return;
    const Result<KbSource> source = m_kbSources->get(c.who.company, *id);
    if (!source)
        return fail(c, source.error());
    reply(c, http::HttpResponse::json(200, cs::kbSourceJson(*source)));
}

void CsApi::syncKbSource(Call &c)
{
    const auto id = kbSourceId(c);
    if (!id || !kbSourcesServed(c))
        return;
    const Result<KbSource> source = m_kbSources->syncNow(c.who.company, *id, c.actor);
    if (!source)
        return fail(c, source.error());
    reply(c, http::HttpResponse::json(202, cs::kbSourceJson(*source)));
}

void CsApi::deleteKbSource(Call &c)
{
    const auto id = kbSourceId(c);
    if (!id || !kbSourcesServed(c))
        return;
    if (const Status removed = m_kbSources->remove(c.who.company, *id, c.actor); !removed)
        return fail(c, removed.error());
    reply(c, http::HttpResponse::noContent());
}

void CsApi::uploadKbFiles(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company || !kbSourcesServed(c))
        return;
    const Result<http::MultipartForm> form = http::MultipartForm::parse(c.req.header("content-type"), c.req.body);
    if (!form)
        return fail(c,
            cs::error(
                ErrorKind::InvalidArgument, form.error().message, {{QStringLiteral("field"), QStringLiteral("file")}}));
    QList<KbFileImport::File> files;
    for (const http::MultipartForm::Part &part : form->parts)
        if (part.name == QLatin1String("file"))
            files.append({part.fileName.isEmpty() ? QStringLiteral("file") : part.fileName.left(200), part.contentType,
                part.data});
    const auto imported = m_kbSources->importFiles(*company, files, c.actor);
    if (!imported)
        return fail(c, imported.error());
    QJsonArray articles;
    for (const KbArticle &a : imported->articles)
        articles.append(articleSummary(a));
    QJsonArray failed;
    for (const KbSyncFailure &f : imported->failed)
        failed.append(QJsonObject{{QStringLiteral("file"), f.url}, {QStringLiteral("error"), f.error}});
    reply(c,
        http::HttpResponse::json(articles.isEmpty() ? 400 : 201,
            QJsonObject{{QStringLiteral("articles"), articles}, {QStringLiteral("failed"), failed}}));
}

} // namespace tierdesk::api
