#include "core/domain/DeskConfig.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace tierdesk {
namespace {

const char *const kPriorityNames[] = {"urgent", "high", "normal", "low"};
constexpr int kMaxQueues = 20;
constexpr int kMaxSlaMinutes = 60 * 24 * 60; // 60 days

QString checkQueues(const QJsonArray &queues)
{
    if (queues.isEmpty() || queues.size() > kMaxQueues)
        return QStringLiteral("desk.queues: 1 to %1 queues").arg(kMaxQueues);
    static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,31}$"));
    QSet<QString> names;
    QSet<QString> categories;
    for (int i = 0; i < queues.size(); ++i) {
        const QString path = QStringLiteral("desk.queues[%1]").arg(i);
        if (!queues.at(i).isObject())
            return path + QStringLiteral(": must be an object {name, categories, email}");
        const QJsonObject q = queues.at(i).toObject();
        for (auto it = q.begin(); it != q.end(); ++it)
            if (it.key() != QLatin1String("name") && it.key() != QLatin1String("categories")
                && it.key() != QLatin1String("email"))
                return path + QLatin1Char('.') + it.key() + QStringLiteral(": unknown key");
        const QString name = q.value(QLatin1String("name")).toString();
        if (!namePattern.match(name).hasMatch())
            return path + QStringLiteral(".name: 1 to 32 lower-case letters, digits, _ or -");
        if (names.contains(name))
            return path + QStringLiteral(".name: used twice");
        names.insert(name);
        const QJsonValue cats = q.value(QLatin1String("categories"));
        if (!cats.isUndefined() && !cats.isArray())
            return path + QStringLiteral(".categories: must be an array of issue categories");
        for (const QJsonValue &c : cats.toArray()) {
            if (!parse<IssueCategory>(c.toString()))
                return path + QStringLiteral(".categories: unknown issue category");
            if (categories.contains(c.toString()))
                return path + QStringLiteral(".categories: ") + c.toString() + QStringLiteral(" is in two queues");
            categories.insert(c.toString());
        }
        const QJsonValue email = q.value(QLatin1String("email"));
        if (!email.isUndefined()
            && (!email.isString() || email.toString().size() > 254
                || (!email.toString().isEmpty() && !email.toString().contains(QLatin1Char('@')))))
            return path + QStringLiteral(".email: an e-mail address of at most 254 characters, or empty");
    }
    return {};
}

QString checkSla(const QJsonObject &sla)
{
    for (const char *p : kPriorityNames) {
        const QString path = QStringLiteral("desk.sla.") + QLatin1String(p);
        const QJsonObject t = sla.value(QLatin1String(p)).toObject();
        double minutes[2] = {0, 0};
        int i = 0;
        for (const char *key : {"firstResponseMinutes", "resolutionMinutes"}) {
            const double v = t.value(QLatin1String(key)).toDouble();
            if (v < 1 || v > kMaxSlaMinutes || v != static_cast<int>(v))
                return path + QLatin1Char('.') + QLatin1String(key)
                    + QStringLiteral(": a whole number from 1 to %1").arg(kMaxSlaMinutes);
            minutes[i++] = v;
        }
        if (minutes[0] > minutes[1])
            return path + QStringLiteral(": firstResponseMinutes must not exceed resolutionMinutes");
    }
    return {};
}

} // namespace

QString toString(Priority p)
{
    return QLatin1String(kPriorityNames[static_cast<int>(p)]);
}

std::optional<Priority> parsePriority(const QString &name)
{
    for (int i = 0; i < 4; ++i)
        if (name == QLatin1String(kPriorityNames[i]))
            return static_cast<Priority>(i);
    return std::nullopt;
}

QStringList priorityNames()
{
    QStringList out;
    for (const char *p : kPriorityNames)
        out << QLatin1String(p);
    return out;
}

QJsonObject defaultDeskJson()
{
    static const QJsonObject json = QJsonDocument::fromJson(R"({
      "queues": [
        {"name": "orders", "categories": ["SHIPPING", "REFUND", "BILLING", "CANCELLATION"], "email": ""},
        {"name": "complaints", "categories": ["COMPLAINT", "PRODUCT_QUALITY"], "email": ""},
        {"name": "inquiries", "categories": [], "email": ""}
      ],
      "sla": {
        "urgent": {"firstResponseMinutes": 5, "resolutionMinutes": 60},
        "high": {"firstResponseMinutes": 15, "resolutionMinutes": 240},
        "normal": {"firstResponseMinutes": 60, "resolutionMinutes": 1440},
        "low": {"firstResponseMinutes": 240, "resolutionMinutes": 4320}
      },
      "warningAt": 0.75
    })")
                                        .object();
    return json;
}

QString validateDeskConfig(const QJsonObject &desk)
{
    if (const QString q = checkQueues(desk.value(QLatin1String("queues")).toArray()); !q.isEmpty())
        return q;
    if (const QString s = checkSla(desk.value(QLatin1String("sla")).toObject()); !s.isEmpty())
        return s;
    const double warningAt = desk.value(QLatin1String("warningAt")).toDouble();
    if (warningAt < 0.1 || warningAt > 0.99)
        return QStringLiteral("desk.warningAt: a fraction from 0.1 to 0.99");
    return {};
}

DeskConfig DeskConfig::parse(const QJsonObject &desk)
{
    DeskConfig out;
    for (const QJsonValue &v : desk.value(QLatin1String("queues")).toArray()) {
        const QJsonObject o = v.toObject();
        DeskQueue q{o.value(QLatin1String("name")).toString(), {}, o.value(QLatin1String("email")).toString()};
        for (const QJsonValue &c : o.value(QLatin1String("categories")).toArray())
            if (const auto cat = tierdesk::parse<IssueCategory>(c.toString()))
                q.categories << *cat;
        out.queues << q;
    }
    const QJsonObject sla = desk.value(QLatin1String("sla")).toObject();
    for (int i = 0; i < 4; ++i) {
        const QJsonObject t = sla.value(QLatin1String(kPriorityNames[i])).toObject();
        out.sla[i].firstResponseMinutes
            = t.value(QLatin1String("firstResponseMinutes")).toInt(out.sla[i].firstResponseMinutes);
        out.sla[i].resolutionMinutes = t.value(QLatin1String("resolutionMinutes")).toInt(out.sla[i].resolutionMinutes);
    }
    out.warningAt = desk.value(QLatin1String("warningAt")).toDouble(0.75);
    return out;
}

QString DeskConfig::queueFor(std::optional<IssueCategory> category) const
{
    if (queues.isEmpty())
        return QStringLiteral("inquiries");
    if (category)
        for (const DeskQueue &q : queues)
            if (q.categories.contains(*category))
                return q.name;
    for (const DeskQueue &q : queues)
        if (q.categories.isEmpty())
            return q.name;
    return queues.first().name;
}

bool DeskConfig::hasQueue(const QString &name) const
{
    return std::any_of(queues.cbegin(), queues.cend(), [&](const DeskQueue &q) { return q.name == name; });
}

QStringList DeskConfig::queueNames() const
{
    QStringList out;
    for (const DeskQueue &q : queues)
        out << q.name;
    return out;
}

} // namespace tierdesk
