// /api/cs/sessions/:id/satisfaction: the customer's rating of a resolved session.
#include "core/api/common/RatingBody.h"
#include "core/api/cs/CsApi.h"
#include "core/api/cs/CsErrors.h"
#include "core/api/cs/CsJson.h"

namespace tierdesk::api {

void CsApi::rateSession(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto input = ratingInput(*body);
    if (!input)
        return fail(c, input.error());
    const auto rated
        = m_engine.ratings().rate(c.who.company, c.req.pathParams.value(QStringLiteral("id")), *input, c.actor);
    if (!rated)
        return fail(c, rated.error());
    reply(c, http::HttpResponse::json(201, json::rating(*rated)));
}

} // namespace tierdesk::api
