// /api/cs/canned-responses: replies agents insert by shortcut, with placeholders
// filled per session. Read: agent and above; write: supervisor and above.
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"
#include "core/common/Time.h"

namespace tierdesk::api {
namespace {

QJsonObject cannedJson(const CannedResponse &r)
{
    return {{QStringLiteral("id"), r.id}, {QStringLiteral("shortcut"), r.shortcut}, {QStringLiteral("title"), r.title},
        {QStringLiteral("content"), r.content}, {QStringLiteral("createdAt"), timefmt::iso(r.createdAt)},
        {QStringLiteral("updatedAt"), timefmt::iso(r.updatedAt)}};
}

} // namespace

void CsApi::listCanned(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    const auto all = m_people.canned->list(*company);
    if (!all)
        return fail(c, all.error());
    QJsonArray list;
    for (const CannedResponse &r : *all)
        list.append(cannedJson(r));
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("cannedResponses"), list}}));
}

void CsApi::createCanned(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    // The company as ?companyId= (like the list) or in the body.
    QString named = queryParam(c.req, "companyId");
    if (named.isEmpty())
        named = body->value(QLatin1String("companyId")).toString();
    const auto company = companyParam(c, named);
    if (!company)
        return;
    const auto created = m_people.canned->create(*company, *body, c.actor);
    if (!created)
        return fail(c, created.error());
    reply(c, http::HttpResponse::json(201, cannedJson(*created)));
}

void CsApi::getCanned(Call &c)
{
    const auto found = m_people.canned->get(c.who.company, c.req.pathParams.value(QStringLiteral("id")));
    if (!found)
        return fail(c, found.error());
    reply(c, http::HttpResponse::json(200, cannedJson(*found)));
}

void CsApi::updateCanned(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto updated
        = m_people.canned->update(c.who.company, c.req.pathParams.value(QStringLiteral("id")), *body, c.actor);
    if (!updated)
        return fail(c, updated.error());
    reply(c, http::HttpResponse::json(200, cannedJson(*updated)));
}

void CsApi::deleteCanned(Call &c)
{
    const auto removed = m_people.canned->remove(c.who.company, c.req.pathParams.value(QStringLiteral("id")), c.actor);
    if (!removed)
        return fail(c, removed.error());
    reply(c, http::HttpResponse::noContent());
}

void CsApi::renderCanned(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const QJsonValue session = body->value(QLatin1String("sessionId"));
    if (!session.isString() || session.toString().isEmpty())
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("sessionId is required"),
                {{QStringLiteral("field"), QStringLiteral("sessionId")}}));
    const auto rendered = m_people.canned->render(
        c.who.company, c.req.pathParams.value(QStringLiteral("id")), session.toString(), c.actor);
    if (!rendered)
        return fail(c, rendered.error());
    reply(c,
        http::HttpResponse::json(200,
            QJsonObject{{QStringLiteral("content"), rendered->content},
                {QStringLiteral("missing"), QJsonArray::fromStringList(rendered->missing)}}));
}

} // namespace tierdesk::api
