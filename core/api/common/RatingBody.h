#pragma once

#include "core/engine/pipeline/SessionRatings.h"

#include <QJsonObject>

namespace tierdesk::api {

// A rating's body as every family takes it: {"rating": 1..5, "comment"?: string}. A rating
// that is not a whole number is passed on as 0, so the engine's one rule refuses it
// (InvalidArgument, details.field "rating"); a comment that is not a string is refused here.
Result<SessionRatings::Input> ratingInput(const QJsonObject &body);

} // namespace tierdesk::api
