#include "core/api/cs/CsKbSourceJson.h"

#include "core/common/Time.h"
#include "core/common/Validation.h"

#include <QJsonArray>

#include <cmath>

namespace tierdesk::api::cs {
namespace {

Result<QStringList> paths(const QJsonObject &body, const char *key)
{
    const QJsonValue v = body.value(QLatin1String(key));
    QStringList out;
    if (v.isUndefined() || v.isNull())
        return out;
    if (!v.isArray())
        return invalidField(QLatin1String(key), QStringLiteral("%1 must be an array of paths").arg(QLatin1String(key)));
    for (const QJsonValue &p : v.toArray()) {
        if (!p.isString())
            return invalidField(
                QLatin1String(key), QStringLiteral("%1 must be an array of paths").arg(QLatin1String(key)));
        out << p.toString();
    }
    return out;
}

Result<int> wholeNumber(const QJsonObject &body, const char *key, int fallback)
{
    const QJsonValue v = body.value(QLatin1String(key));
    if (v.isUndefined() || v.isNull())
        return fallback;
    const double d = v.toDouble(-1e18);
    if (!v.isDouble() || d < -1e9 || d > 1e9 || d != std::floor(d)) // range first: no cast of a huge double
        return invalidField(QLatin1String(key), QStringLiteral("%1 must be a whole number").arg(QLatin1String(key)));
    return int(d);
}

Status readAuth(const QJsonValue &v, KbSource &s)
{
    if (v.isUndefined() || v.isNull())
        return Ok{};
    const QJsonObject auth = v.toObject();
    const auto type = parseConnectorAuthType(auth.value(QLatin1String("type")).toString());
    if (!v.isObject() || !type)
        return invalidField(
            QStringLiteral("auth.type"), QStringLiteral("auth must be {\"type\": \"basic\" or \"bearer\", ...}"));
    s.auth.type = *type;
    s.auth.username = auth.value(QLatin1String("username")).toString();
    for (const char *secret : {"token", "password"})
        if (auth.value(QLatin1String(secret)).isString())
            s.auth.secret = auth.value(QLatin1String(secret)).toString().toUtf8();
    return Ok{};
}

} // namespace

Result<KbSource> kbSourceDraft(const QJsonObject &body)
{
    KbSource s;
    const auto kind = parseKbSourceKind(body.value(QLatin1String("kind")).toString());
    if (!kind)
        return invalidField(QStringLiteral("kind"), QStringLiteral("kind must be website or zendesk"));
    s.kind = *kind;
    if (!body.value(QLatin1String("url")).isString())
        return invalidField(QStringLiteral("url"), QStringLiteral("url must be an http(s) address"));
    s.url = body.value(QLatin1String("url")).toString().trimmed();
    const Result<QStringList> include = paths(body, "include");
    if (!include)
        return include.error();
    const Result<QStringList> exclude = paths(body, "exclude");
    if (!exclude)
        return exclude.error();
    const Result<int> maxPages = wholeNumber(body, "maxPages", KbSourceSettings::kDefaultMaxPages);
    if (!maxPages)
        return maxPages.error();
    const Result<int> syncHours = wholeNumber(body, "syncHours", KbSourceSettings::kDefaultSyncHours);
    if (!syncHours)
        return syncHours.error();
    s.settings.include = *include;
    s.settings.exclude = *exclude;
    s.settings.maxPages = *maxPages;
    s.settings.syncHours = *syncHours;
    const QJsonValue locale = body.value(QLatin1String("locale"));
    if (!locale.isUndefined() && !locale.isString())
        return invalidField(
            QStringLiteral("locale"), QStringLiteral("locale must be a Help Center locale such as en-us"));
    if (locale.isString())
        s.settings.locale = locale.toString().toLower();
    if (const Status auth = readAuth(body.value(QLatin1String("auth")), s); !auth)
        return auth.error();
    return s;
}

QJsonObject kbSourceJson(const KbSource &s)
{
    QJsonArray failed;
    for (const KbSyncFailure &f : s.state.failed)
        failed.append(QJsonObject{{QStringLiteral("url"), f.url}, {QStringLiteral("error"), f.error}});
    QJsonObject o{{QStringLiteral("id"), s.id}, {QStringLiteral("kind"), toString(s.kind)},
        {QStringLiteral("url"), s.url}, {QStringLiteral("include"), QJsonArray::fromStringList(s.settings.include)},
        {QStringLiteral("exclude"), QJsonArray::fromStringList(s.settings.exclude)},
        {QStringLiteral("maxPages"), s.settings.maxPages}, {QStringLiteral("syncHours"), s.settings.syncHours},
        {QStringLiteral("status"), toString(s.status)},
        {QStringLiteral("progress"),
            QJsonObject{{QStringLiteral("found"), s.state.found}, {QStringLiteral("fetched"), s.state.fetched}}},
        {QStringLiteral("imported"), s.state.imported}, {QStringLiteral("updated"), s.state.updated},
        {QStringLiteral("removed"), s.state.removed}, {QStringLiteral("failed"), failed},
        {QStringLiteral("lastSyncAt"), s.lastSyncAt ? QJsonValue(timefmt::iso(s.lastSyncAt)) : QJsonValue()},
        {QStringLiteral("nextSyncAt"), s.nextSyncAt ? QJsonValue(timefmt::iso(s.nextSyncAt)) : QJsonValue()},
        {QStringLiteral("lastError"), s.state.lastError.isEmpty() ? QJsonValue() : QJsonValue(s.state.lastError)},
        {QStringLiteral("createdAt"), timefmt::iso(s.createdAt)}};
    if (s.kind == KbSourceKind::Zendesk) {
        o.insert(QStringLiteral("locale"), s.settings.locale);
        QJsonObject auth{{QStringLiteral("type"), toString(s.auth.type)}};
        if (!s.auth.username.isEmpty())
            auth.insert(QStringLiteral("username"), s.auth.username);
        o.insert(QStringLiteral("auth"), auth);
    }
    return o;
}

QJsonObject kbArticleSourceJson(const KbArticleSource &source)
{
    QJsonObject o{{QStringLiteral("kind"), source.kind}, {QStringLiteral("url"), source.url}};
    if (source.sourceId > 0)
        o.insert(QStringLiteral("id"), source.sourceId);
    return o;
}

} // namespace tierdesk::api::cs
