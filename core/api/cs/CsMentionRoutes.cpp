// /api/cs/mentions: the colleagues' notes that named the caller (@name), newest first.
#include "core/api/cs/CsApi.h"
#include "core/api/cs/CsErrors.h"
#include "core/api/cs/CsJson.h"

#include <QJsonArray>

namespace tierdesk::api {

void CsApi::listMentions(Call &c)
{
    if (!deskReady(c))
        return;
    const QString unread = queryParam(c.req, "unread");
    if (!unread.isEmpty() && unread != QLatin1String("true") && unread != QLatin1String("false"))
        return fail(c, cs::invalid(QStringLiteral("unread"), QStringLiteral("unread must be true or false")));
    int limit = 50;
    if (const QString v = queryParam(c.req, "limit"); !v.isEmpty()) {
        bool ok = false;
        limit = v.toInt(&ok);
        if (!ok || limit < 1 || limit > Mention::kMaxListed)
            return fail(
                c, cs::invalid(QStringLiteral("limit"), QStringLiteral("limit must be a whole number from 1 to 100")));
    }
    QJsonArray list;
    for (const Mention &m : m_desk->mentions(c.who.company, c.actor, unread == QLatin1String("true"), limit))
        list.append(json::mention(m));
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("mentions"), list}}));
}

void CsApi::readMention(Call &c)
{
    if (!deskReady(c))
        return;
    const auto read = m_desk->readMention(c.who.company, c.req.pathParams.value(QStringLiteral("id")), c.actor);
    if (!read)
        return fail(c, read.error());
    reply(c, http::HttpResponse::json(200, json::mention(*read)));
}

} // namespace tierdesk::api
