#include "core/engine/customers/CustomerFields.h"

#include "core/common/Validation.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

#include <cmath>

namespace tierdesk {
namespace {

const QStringList kSubscriptionStatuses{
    QStringLiteral("active"), QStringLiteral("paused"), QStringLiteral("cancelled")};

// A non-negative amount of money, at most kMaxMoney.
Status readMoney(const QJsonObject &fields, const char *name, double *into)
{
    const QJsonValue v = fields.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return Ok{};
    const QString field = QLatin1String(name);
    if (!v.isDouble() || !std::isfinite(v.toDouble()))
        return invalidField(field, field + QStringLiteral(" must be a number"));
    if (v.toDouble() < 0 || v.toDouble() > CustomerFields::kMaxMoney)
        return invalidField(field, field + QStringLiteral(" must be between 0 and %1").arg(CustomerFields::kMaxMoney));
    *into = v.toDouble();
    return Ok{};
}

// A one-line string field, or absent (null counts as absent).
Status readString(const QJsonObject &fields, const char *name, int maxChars, QString *into)
{
    const QJsonValue v = fields.value(QLatin1String(name));
    if (v.isUndefined() || v.isNull())
        return Ok{};
    const QString field = QLatin1String(name);
    if (!v.isString())
        return invalidField(field, field + QStringLiteral(" must be a string"));
    if (const Status ok = checkText(field, v.toString().trimmed(), maxChars, TextLines::One); !ok)
        return ok;
    *into = v.toString().trimmed();
    return Ok{};
}

// A CSV cell as JSON: true/false, numbers where the column is a number, else the text.
QJsonValue typedCell(const QString &column, const QString &cell)
{
    const QString t = cell.trimmed();
    if (column == QLatin1String("isVIP")) {
        if (t.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0 || t == QLatin1String("1")
            || t.compare(QLatin1String("yes"), Qt::CaseInsensitive) == 0)
            return true;
        if (t.isEmpty() || t.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0 || t == QLatin1String("0")
            || t.compare(QLatin1String("no"), Qt::CaseInsensitive) == 0)
            return false;
        return t; // refused by fromJson as not a boolean
    }
    if (column == QLatin1String("lifetimeValue")) {
        bool ok = false;
        const double d = t.toDouble(&ok);
        return t.isEmpty() ? QJsonValue() : ok ? QJsonValue(d) : QJsonValue(t);
    }
    return t.isEmpty() && column != QLatin1String("name") ? QJsonValue() : QJsonValue(t);
}

} // namespace

const QStringList &CustomerFields::csvColumns()
{
    static const QStringList columns{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("email"),
        QStringLiteral("phone"), QStringLiteral("tier"), QStringLiteral("isVIP"), QStringLiteral("lifetimeValue")};
    return columns;
}

Status CustomerFields::checkId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}$"));
    if (!pattern.match(id).hasMatch())
        return invalidField(QStringLiteral("id"), QStringLiteral("id must be 1 to 128 letters, digits or ._:@-"));
    return Ok{};
}

QString CustomerFields::normalizedPhone(const QString &phone)
{
    QString out;
    for (const QChar c : phone) {
        if (c.isDigit() || (c == QLatin1Char('+') && out.isEmpty()))
            out.append(c);
        else if (!QStringLiteral(" -.()/").contains(c))
            return {};
    }
    static const QRegularExpression e164(QStringLiteral("^\\+?[1-9][0-9]{6,14}$"));
    return e164.match(out).hasMatch() ? out : QString();
}

bool CustomerFields::plausibleEmail(const QString &email)
{
    static const QRegularExpression address(QStringLiteral("^[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+$"));
    return email.size() <= kMaxEmailChars && address.match(email).hasMatch();
}

Result<Customer> CustomerFields::fromJson(const QString &companyId, const QString &id, const QJsonObject &fields)
{
    if (!id.isEmpty())
        if (const Status ok = checkId(id); !ok)
            return ok.error();
    Customer c;
    c.companyId = companyId;
    c.id = id;
    const QJsonValue name = fields.value(QLatin1String("name"));
    if (!name.isString() || name.toString().trimmed().isEmpty())
        return invalidField(QStringLiteral("name"), QStringLiteral("name is required"));
    if (const Status ok = readString(fields, "name", kMaxNameChars, &c.name); !ok)
        return ok.error();
    if (const Status ok = readOptional(fields, c); !ok)
        return ok.error();
    return c;
}

Status CustomerFields::readOptional(const QJsonObject &fields, Customer &c)
{
    if (const Status ok = readString(fields, "email", kMaxEmailChars, &c.email); !ok)
        return ok;
    c.email = c.email.toLower();
    if (!c.email.isEmpty() && !plausibleEmail(c.email))
        return invalidField(QStringLiteral("email"), QStringLiteral("email is not an e-mail address"));
    QString phone;
    if (const Status ok = readString(fields, "phone", 32, &phone); !ok)
        return ok;
    c.phone = normalizedPhone(phone);
    if (!phone.isEmpty() && c.phone.isEmpty())
        return invalidField(QStringLiteral("phone"), QStringLiteral("phone must be a number of 7 to 15 digits"));
    if (const Status ok = readString(fields, "tier", kMaxTierChars, &c.tier); !ok)
        return ok;
    if (c.tier.isEmpty())
        c.tier = QStringLiteral("STANDARD");
    c.tier = c.tier.toUpper();
    if (const Status ok = readMoney(fields, "lifetimeValue", &c.lifetimeValue); !ok)
        return ok;
    const QJsonValue vip = fields.value(QLatin1String("isVIP"));
    if (!vip.isUndefined() && !vip.isNull() && !vip.isBool())
        return invalidField(QStringLiteral("isVIP"), QStringLiteral("isVIP must be true or false"));
    c.isVIP = vip.toBool(false);
    if (const Status ok = readSubscription(fields.value(QLatin1String("subscription")), c); !ok)
        return ok;
    return readAttributes(fields.value(QLatin1String("attributes")), c);
}

Status CustomerFields::readSubscription(const QJsonValue &value, Customer &c)
{
    if (value.isUndefined() || value.isNull())
        return Ok{};
    const QString field = QStringLiteral("subscription");
    if (!value.isObject())
        return invalidField(field, QStringLiteral("subscription must be an object {plan, status, monthlyPrice}"));
    const QJsonObject o = value.toObject();
    Subscription s;
    if (const Status ok = readString(o, "plan", 64, &s.plan); !ok || s.plan.isEmpty())
        return invalidField(field, QStringLiteral("subscription.plan must be a name of at most 64 characters"));
    s.status = o.value(QLatin1String("status")).toString(QStringLiteral("active"));
    if (!kSubscriptionStatuses.contains(s.status))
        return invalidField(field, QStringLiteral("subscription.status must be one of active, paused, cancelled"),
            kSubscriptionStatuses);
    if (const Status ok = readMoney(o, "monthlyPrice", &s.monthlyPrice); !ok)
        return invalidField(field, QStringLiteral("subscription.monthlyPrice must be a non-negative number"));
    c.subscription = s;
    return Ok{};
}

Status CustomerFields::readAttributes(const QJsonValue &value, Customer &c)
{
    if (value.isUndefined() || value.isNull())
        return Ok{};
    const QString field = QStringLiteral("attributes");
    if (!value.isObject())
        return invalidField(field, QStringLiteral("attributes must be an object"));
    const QJsonObject o = value.toObject();
    if (o.size() > kMaxAttributes)
        return invalidField(field, QStringLiteral("attributes may hold at most %1 keys").arg(kMaxAttributes));
    if (QJsonDocument(o).toJson(QJsonDocument::Compact).size() > kMaxAttributesBytes)
        return invalidField(field, QStringLiteral("attributes may take at most %1 bytes").arg(kMaxAttributesBytes));
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (it.key().isEmpty() || it.key().size() > kMaxAttributeKeyChars || hasControlCharacters(it.key()))
            return invalidField(field,
                QStringLiteral("an attribute's key must be 1 to %1 characters of one line").arg(kMaxAttributeKeyChars));
        const QJsonValue v = it.value();
        if (!v.isString() && !v.isDouble() && !v.isBool())
            return invalidField(
                field, QStringLiteral("attribute %1 must be a string, a number or a boolean").arg(it.key().left(64)));
        if (v.isString() && textFault(v.toString(), TextLines::One))
            return invalidField(field, QStringLiteral("attribute %1 contains control characters").arg(it.key()));
    }
    c.attributes = o.toVariantMap();
    return Ok{};
}

QJsonObject CustomerFields::csvFields(const QStringList &header, const QStringList &cells)
{
    QJsonObject fields;
    QJsonObject attributes;
    for (int i = 0; i < header.size(); ++i) {
        const QString cell = i < cells.size() ? cells.at(i) : QString();
        if (csvColumns().contains(header.at(i))) {
            const QJsonValue typed = typedCell(header.at(i), cell);
            if (!typed.isNull())
                fields.insert(header.at(i), typed);
        } else if (!cell.trimmed().isEmpty()) {
            attributes.insert(header.at(i), cell.trimmed());
        }
    }
    if (!attributes.isEmpty())
        fields.insert(QStringLiteral("attributes"), attributes);
    return fields;
}

QStringList CustomerFields::givenFields(const QJsonObject &fields)
{
    QStringList given;
    for (const QString &key : fields.keys())
        if (!fields.value(key).isNull())
            given.append(key);
    return given;
}

Customer CustomerFields::merged(const Customer &stored, const Customer &row, const QStringList &given)
{
    Customer out = stored;
    out.name = row.name;
    if (given.contains(QLatin1String("email")))
        out.email = row.email;
    if (given.contains(QLatin1String("phone")))
        out.phone = row.phone;
    if (given.contains(QLatin1String("tier")))
        out.tier = row.tier;
    if (given.contains(QLatin1String("lifetimeValue")))
        out.lifetimeValue = row.lifetimeValue;
    if (given.contains(QLatin1String("isVIP")))
        out.isVIP = row.isVIP;
    if (given.contains(QLatin1String("subscription")))
        out.subscription = row.subscription;
    for (auto it = row.attributes.begin(); it != row.attributes.end(); ++it)
        out.attributes.insert(it.key(), it.value());
    return out;
}

bool CustomerFields::sameFields(const Customer &a, const Customer &b)
{
    return a.name == b.name && a.email == b.email && a.phone == b.phone && a.tier == b.tier
        && a.lifetimeValue == b.lifetimeValue && a.isVIP == b.isVIP && a.subscription == b.subscription
        && QJsonObject::fromVariantMap(a.attributes) == QJsonObject::fromVariantMap(b.attributes);
}

} // namespace tierdesk
