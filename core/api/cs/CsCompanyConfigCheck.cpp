// The checks of the config's "company" and "policies" sections and of the AI's voice: every
// refusal names the dotted path of the first problem, as "path: reason".
#include "core/api/cs/CsConfigJson.h"

#include <QLocale>
#include <QRegularExpression>
#include <QTimeZone>
#include <QUrl>

namespace tierdesk::api::cs {
namespace {

Status badField(const QString &path, const QString &reason)
{
    return Error{ErrorKind::InvalidArgument, path + QStringLiteral(": ") + reason, {}, ErrorDetail::None, path};
}

bool wholeNumberIn(const QJsonValue &v, int low, int high)
{
    const double d = v.toDouble(-1);
    return v.isDouble() && d >= low && d <= high && d == static_cast<int>(d);
}

bool isLink(const QString &text)
{
    const QUrl url(text, QUrl::StrictMode);
    return text.isEmpty()
        || (url.isValid() && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"))
            && !url.host().isEmpty() && text.size() <= 500);
}

Status checkLink(const QJsonObject &o, const char *key, const QString &path)
{
    if (!isLink(o.value(QLatin1String(key)).toString()))
        return badField(path, QStringLiteral("an http(s) address of at most 500 characters, or empty"));
    return Ok{};
}

// A code some locale pays in ("EUR", "JPY"): what Qt can write an amount of.
bool knownCurrency(const QString &code)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Z]{3}$"));
    if (!shape.match(code).hasMatch())
        return false;
    const QList<QLocale> all
        = QLocale::matchingLocales(QLocale::AnyLanguage, QLocale::AnyScript, QLocale::AnyTerritory);
    return std::any_of(all.cbegin(), all.cend(),
        [&code](const QLocale &l) { return l.currencySymbol(QLocale::CurrencyIsoCode) == code; });
}

Status checkPlan(const QJsonValue &value, const QString &path, QStringList &ids)
{
    static const QRegularExpression idPattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$"));
    if (!value.isObject())
        return badField(path, QStringLiteral("an object {id, name, price, interval}"));
    const QJsonObject plan = value.toObject();
    for (auto it = plan.begin(); it != plan.end(); ++it)
        if (!QStringList{QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("price"),
                QStringLiteral("interval"), QStringLiteral("returnWindowDays")}
                 .contains(it.key()))
            return badField(path + QLatin1Char('.') + it.key(), QStringLiteral("unknown key"));
    const QString id = plan.value(QLatin1String("id")).toString();
    if (!idPattern.match(id).hasMatch())
        return badField(path + QStringLiteral(".id"), QStringLiteral("letters, digits, _ . - (at most 40)"));
    if (ids.contains(id))
        return badField(path + QStringLiteral(".id"), id + QStringLiteral(" is named twice"));
    ids << id;
    const QString name = plan.value(QLatin1String("name")).toString();
    if (name.trimmed().isEmpty() || name.size() > 60)
        return badField(path + QStringLiteral(".name"), QStringLiteral("a name of 1 to 60 characters"));
    const double price = plan.value(QLatin1String("price")).toDouble(-1);
    if (!plan.value(QLatin1String("price")).isDouble() || price < 0 || price > 1e6)
        return badField(path + QStringLiteral(".price"), QStringLiteral("a number from 0 to 1000000"));
    const QString interval = plan.value(QLatin1String("interval")).toString(QStringLiteral("month"));
    if (interval != QLatin1String("month") && interval != QLatin1String("year"))
        return badField(path + QStringLiteral(".interval"), QStringLiteral("month or year"));
    if (plan.contains(QLatin1String("returnWindowDays"))
        && !wholeNumberIn(plan.value(QLatin1String("returnWindowDays")), 0, CompanyPolicies::kMaxWindowDays))
        return badField(path + QStringLiteral(".returnWindowDays"), QStringLiteral("a whole number from 0 to 3650"));
    return Ok{};
}

Status checkWindows(const QJsonObject &policies)
{
    if (!wholeNumberIn(policies.value(QLatin1String("returnWindowDays")), 0, CompanyPolicies::kMaxWindowDays))
        return badField(QStringLiteral("policies.returnWindowDays"), QStringLiteral("a whole number from 0 to 3650"));
    static const QRegularExpression tierName(QStringLiteral("^[A-Za-z0-9_-]{1,40}$"));
    const QJsonObject byTier = policies.value(QLatin1String("returnWindowDaysByTier")).toObject();
    for (auto it = byTier.begin(); it != byTier.end(); ++it) {
        const QString path = QStringLiteral("policies.returnWindowDaysByTier.") + it.key();
        if (!tierName.match(it.key()).hasMatch())
            return badField(path, QStringLiteral("a customer tier's name (letters, digits, _ -)"));
        if (!wholeNumberIn(it.value(), 0, CompanyPolicies::kMaxWindowDays))
            return badField(path, QStringLiteral("a whole number from 0 to 3650"));
    }
    return Ok{};
}

} // namespace

Status validateCompany(const QJsonObject &company)
{
    static const QRegularExpression email(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    static const QRegularExpression phone(QStringLiteral("^\\+?[0-9][0-9 ()./-]{3,30}$"));
    if (Status link = checkLink(company, "website", QStringLiteral("company.website")); !link)
        return link;
    const QString mail = company.value(QLatin1String("supportEmail")).toString().trimmed();
    if (!mail.isEmpty() && (mail.size() > CompanyProfile::kMaxText || !email.match(mail).hasMatch()))
        return badField(QStringLiteral("company.supportEmail"), QStringLiteral("an e-mail address, or empty"));
    const QString number = company.value(QLatin1String("supportPhone")).toString().trimmed();
    if (!number.isEmpty() && !phone.match(number).hasMatch())
        return badField(QStringLiteral("company.supportPhone"),
            QStringLiteral("a phone number of digits, spaces and ()-./, + first for an international one"));
    const QString zone = company.value(QLatin1String("timeZone")).toString();
    if (zone.isEmpty() || zone.size() > 64 || !QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
        return badField(QStringLiteral("company.timeZone"),
            QStringLiteral("a time zone of the IANA database, such as Europe/Berlin"));
    if (!knownCurrency(company.value(QLatin1String("currency")).toString()))
        return badField(QStringLiteral("company.currency"), QStringLiteral("an ISO 4217 currency code, such as EUR"));
    return Ok{};
}

Status validatePolicies(const QJsonObject &policies)
{
    if (Status windows = checkWindows(policies); !windows)
        return windows;
    static const QRegularExpression status(QStringLiteral("^[a-z_]{1,32}$"));
    for (const QJsonValue &s : policies.value(QLatin1String("cancellableStatuses")).toArray())
        if (!status.match(s.toString()).hasMatch())
            return badField(QStringLiteral("policies.cancellableStatuses"),
                QStringLiteral("order statuses in lower case, such as pending and processing"));
    const QJsonObject links = policies.value(QLatin1String("selfService")).toObject();
    for (const char *key : {"orders", "returns", "account", "subscription"})
        if (Status link = checkLink(links, key, QStringLiteral("policies.selfService.") + QLatin1String(key)); !link)
            return link;
    if (policies.value(QLatin1String("membershipName")).toString().size() > 60)
        return badField(QStringLiteral("policies.membershipName"), QStringLiteral("at most 60 characters"));
    const QJsonArray plans = policies.value(QLatin1String("plans")).toArray();
    if (plans.size() > CompanyPolicies::kMaxPlans)
        return badField(QStringLiteral("policies.plans"), QStringLiteral("at most 20 plans"));
    QStringList ids;
    for (qsizetype i = 0; i < plans.size(); ++i)
        if (Status plan = checkPlan(plans.at(i), QStringLiteral("policies.plans[%1]").arg(i), ids); !plan)
            return plan;
    return Ok{};
}

Status validateAiVoice(const QJsonObject &ai)
{
    const struct {
        const char *key;
        int max;
    } texts[]{{"persona", AiSettings::kMaxPersona}, {"greeting", AiSettings::kMaxGreeting},
        {"guidance", AiSettings::kMaxGuidance}};
    for (const auto &t : texts) {
        const QString text = ai.value(QLatin1String(t.key)).toString();
        if (text.trimmed().size() > t.max)
            return badField(
                QStringLiteral("ai.") + QLatin1String(t.key), QStringLiteral("at most %1 characters").arg(t.max));
        if (qstrcmp(t.key, "persona") == 0 && text.contains(QLatin1Char('\n')))
            return badField(QStringLiteral("ai.persona"), QStringLiteral("a name on one line"));
    }
    return Ok{};
}

} // namespace tierdesk::api::cs
