#include "core/api/common/RatingBody.h"

#include "core/common/Validation.h"

#include <cmath>

namespace tierdesk::api {

Result<SessionRatings::Input> ratingInput(const QJsonObject &body)
{
    SessionRatings::Input input;
    const QJsonValue rating = body.value(QLatin1String("rating"));
    const double value = rating.toDouble(0);
    if (rating.isDouble() && value == std::floor(value) && std::abs(value) <= 1000)
        input.rating = int(value);
    const QJsonValue comment = body.value(QLatin1String("comment"));
    if (!comment.isUndefined() && !comment.isNull()) {
        if (!comment.isString())
            return invalidField(QStringLiteral("comment"), QStringLiteral("comment must be a string"));
        input.comment = comment.toString();
    }
    return input;
}

} // namespace tierdesk::api
