#include "core/api/platform/PlatformTimes.h"

#include "core/api/platform/PlatformErrors.h"
#include "core/common/Time.h"

namespace tierdesk::api::platformtime {

std::optional<qint64> parse(const QString &text, bool endOfDay)
{
    if (text.isEmpty() || text.size() > 64)
        return std::nullopt;
    const QDateTime t = timefmt::parseIso(text);
    if (!t.isValid())
        return std::nullopt;
    const bool dateOnly = !text.contains(QLatin1Char('T')) && !text.contains(QLatin1Char(' '));
    return t.toMSecsSinceEpoch() + (dateOnly && endOfDay ? 86399000 : 0);
}

bool queryTime(const PlatformCallPtr &c, const char *name, bool endOfDay, std::optional<qint64> *out)
{
    *out = std::nullopt;
    const QString key = QLatin1String(name);
    if (!c->req.query.hasQueryItem(key))
        return true;
    *out = parse(c->req.query.queryItemValue(key, QUrl::FullyDecoded), endOfDay);
    if (!*out)
        platformcall::fail(c, platform::badRequest(QStringLiteral("%1 must be an ISO 8601 date or time").arg(key)));
    return out->has_value();
}

bool queryInt(const PlatformCallPtr &c, const char *name, int min, int max, int fallback, int *out)
{
    const QString key = QLatin1String(name);
    *out = fallback;
    if (!c->req.query.hasQueryItem(key))
        return true;
    bool ok = false;
    const qlonglong v = c->req.query.queryItemValue(key, QUrl::FullyDecoded).toLongLong(&ok);
    if (!ok || v < min || v > max) {
        platformcall::fail(c,
            platform::badRequest(QStringLiteral("%1 must be a whole number from %2 to %3").arg(key).arg(min).arg(max)));
        return false;
    }
    *out = static_cast<int>(v);
    return true;
}

} // namespace tierdesk::api::platformtime
