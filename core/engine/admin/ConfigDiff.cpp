#include "core/engine/admin/ConfigDiff.h"

#include <QSet>

namespace tierdesk {
namespace {

void diff(const QJsonObject &before, const QJsonObject &after, const QString &path, QJsonArray &out)
{
    QStringList keys = before.keys();
    for (const QString &k : after.keys())
        if (!before.contains(k))
            keys << k;
    keys.sort();
    for (const QString &key : keys) {
        const QString here = path.isEmpty() ? key : path + QLatin1Char('.') + key;
        const QJsonValue b = before.value(key);
        const QJsonValue a = after.value(key);
        if (b.isObject() && a.isObject())
            diff(b.toObject(), a.toObject(), here, out);
        else if (b != a)
            out.append(QJsonObject{{QStringLiteral("path"), here},
                {QStringLiteral("before"), b.isUndefined() ? QJsonValue() : b},
                {QStringLiteral("after"), a.isUndefined() ? QJsonValue() : a}});
    }
}

} // namespace

QJsonArray configChanges(const QJsonObject &before, const QJsonObject &after)
{
    QJsonArray out;
    diff(before, after, {}, out);
    return out;
}

} // namespace tierdesk
