// /api/cs/kb/gaps: what customers asked that the company's knowledge did not answer, grouped;
// a group drafted as an article or dismissed. Supervisor and above; a company sees its own.
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"
#include "core/common/Time.h"
#include "core/engine/knowledge/KnowledgeGaps.h"

#include <QPointer>

#include <limits>

namespace tierdesk::api {
namespace {

QJsonObject gapJson(const KnowledgeGap &g)
{
    return {{QStringLiteral("id"), g.id}, {QStringLiteral("label"), g.label},
        {QStringLiteral("questions"), g.questions}, {QStringLiteral("sessions"), g.sessions},
        {QStringLiteral("lastSeenAt"), timefmt::iso(g.lastSeenAt)},
        {QStringLiteral("examples"), QJsonArray::fromStringList(g.examples)},
        {QStringLiteral("escalated"), g.escalated}, {QStringLiteral("resolvedByPeople"), g.resolvedByPeople}};
}

QJsonObject draftJson(const GapDraft &d)
{
    QJsonObject o{{QStringLiteral("gapId"), d.gapId}, {QStringLiteral("title"), d.title},
        {QStringLiteral("category"), d.category}, {QStringLiteral("content"), d.content},
        {QStringLiteral("keywords"), QJsonArray::fromStringList(d.keywords)},
        {QStringLiteral("questions"), QJsonArray::fromStringList(d.questions)},
        {QStringLiteral("replies"), QJsonArray::fromStringList(d.replies)}, {QStringLiteral("wordedBy"), d.wordedBy},
        {QStringLiteral("guardNotes"), QJsonArray::fromStringList(d.guardNotes)}};
    if (!d.model.isEmpty())
        o.insert(QStringLiteral("model"), d.model);
    if (!d.modelError.isEmpty())
        o.insert(QStringLiteral("modelError"), d.modelError);
    return o;
}

} // namespace

// ?from= and ?to= (ISO 8601; a bare `to` date ends with its day), each optional: all time.
bool CsApi::gapRange(Call &c, qint64 *fromMs, qint64 *toMs)
{
    *fromMs = std::numeric_limits<qint64>::min();
    *toMs = std::numeric_limits<qint64>::max();
    for (const char *name : {"from", "to"}) {
        const QString text = queryParam(c.req, name);
        if (text.isEmpty())
            continue;
        const QDateTime t = timefmt::parseIso(text);
        if (!t.isValid()) {
            fail(c,
                cs::error(ErrorKind::InvalidArgument,
                    QStringLiteral("%1 must be an ISO 8601 date").arg(QLatin1String(name)),
                    {{QStringLiteral("field"), QLatin1String(name)}}));
            return false;
        }
        const bool end = qstrcmp(name, "to") == 0;
        (end ? *toMs : *fromMs) = t.toMSecsSinceEpoch() + (end && text.size() == 10 ? 86400000 - 1 : 0);
    }
    return true;
}

void CsApi::listKbGaps(Call &c)
{
    // Each list groups every open question again: held to the analytics' rate.
    if (!rateLimit(c, QStringLiteral("kb_gaps"), c.who.credentialKey(), m_limits.analytics))
        return;
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    qint64 from = 0;
    qint64 to = 0;
    if (!company || !gapRange(c, &from, &to))
        return;
    const auto gaps = m_engine.gaps().list(*company, from, to);
    if (!gaps)
        return fail(c, gaps.error());
    QJsonArray out;
    for (const KnowledgeGap &g : *gaps)
        out.append(gapJson(g));
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("gaps"), out}}));
}

void CsApi::draftKbGap(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    // With the company's model the answer comes later, from a worker: the call is kept.
    auto later = defer(c);
    QPointer<CsApi> self(this);
    m_engine.gaps().draft(
        *company, c.req.pathParams.value(QStringLiteral("id")).left(64), this, [self, later](Result<GapDraft> draft) {
            if (!self)
                return;
            Call call = later->call();
            if (!draft)
                return self->fail(call, draft.error());
            self->reply(call, http::HttpResponse::json(200, draftJson(*draft)));
        });
}

void CsApi::dismissKbGap(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    const QString id = c.req.pathParams.value(QStringLiteral("id")).left(64);
    if (const Status dismissed = m_engine.gaps().dismiss(*company, id, c.actor); !dismissed)
        return fail(c, dismissed.error());
    reply(
        c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("dismissed"), true}}));
}

} // namespace tierdesk::api
