// The checks of PUT /config (and of a config read back): the JSON shape of the defaults
// is the schema, then each setting's range. Every refusal names the dotted path of the
// first problem found, as "path: reason".
#include "core/api/cs/CsConfigJson.h"
#include "core/api/http/AddressRanges.h"

#include <QRegularExpression>
#include <QSet>
#include <QTimeZone>

#include <algorithm>

namespace tierdesk::api::cs {
namespace {

constexpr int kMaxQueues = 20;
constexpr int kMaxSlaMinutes = 60 * 24 * 60; // 60 days

const QStringList kTones{
    QStringLiteral("friendly"), QStringLiteral("formal"), QStringLiteral("empathetic"), QStringLiteral("concise")};

Status invalidAt(const QString &path, const QString &reason)
{
    return Error{ErrorKind::InvalidArgument, path + QStringLiteral(": ") + reason, {}, ErrorDetail::None, path};
}

const QJsonObject &schema()
{
    static const QJsonObject json = configJson(CsConfig{});
    return json;
}

QJsonObject deepMerge(QJsonObject base, const QJsonObject &patch)
{
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it->isObject() && base.value(it.key()).isObject())
            base.insert(it.key(), deepMerge(base.value(it.key()).toObject(), it->toObject()));
        else
            base.insert(it.key(), it.value());
    }
    return base;
}

// Every key must exist in the schema with the same JSON type.
Status checkShape(const QJsonObject &value, const QJsonObject &schema, const QString &path)
{
    for (auto it = value.begin(); it != value.end(); ++it) {
        const QString here = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
        if (!schema.contains(it.key()))
            return invalidAt(here, QStringLiteral("unknown key"));
        const QJsonValue expected = schema.value(it.key());
        if (expected.isNull())
            continue; // an optional section (null by default): its own check reads it
        if (expected.type() != it->type())
            return invalidAt(here, QStringLiteral("wrong type"));
        // An empty object in the schema is a map of any keys (its own check reads them).
        if (it->isObject() && !expected.toObject().isEmpty())
            if (Status inner = checkShape(it->toObject(), expected.toObject(), here); !inner)
                return inner;
    }
    return Ok{};
}

bool isWholeIn(double v, double low, double high)
{
    return v >= low && v <= high && v == static_cast<int>(v);
}

QJsonObject member(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

Status checkAmounts(const QJsonObject &caps, const QString &path)
{
    for (const char *key : {"maxRefundAmount", "maxCreditAmount"}) {
        const double v = caps.value(QLatin1String(key)).toDouble();
        if (v < 0 || v > 1e9)
            return invalidAt(
                path + QLatin1Char('.') + QLatin1String(key), QStringLiteral("must be between 0 and 1000000000"));
    }
    return Ok{};
}

Status checkTiers(const QJsonObject &tiers)
{
    for (const char *tierKey : {"aiRep", "aiManager"}) {
        const QString path = QStringLiteral("tiers.") + QLatin1String(tierKey);
        const QJsonObject tier = member(tiers, tierKey);
        if (Status amounts = checkAmounts(member(tier, "capabilities"), path + QStringLiteral(".capabilities"));
            !amounts)
            return amounts;
        const QJsonObject guide = member(tier, "responseGuidelines");
        if (!kTones.contains(guide.value(QLatin1String("tone")).toString()))
            return invalidAt(path + QStringLiteral(".responseGuidelines.tone"),
                QStringLiteral("one of ") + kTones.join(QStringLiteral(", ")));
        if (!isWholeIn(guide.value(QLatin1String("maxResponseLength")).toDouble(), 40, 4000))
            return invalidAt(path + QStringLiteral(".responseGuidelines.maxResponseLength"),
                QStringLiteral("a whole number from 40 to 4000"));
    }
    const QJsonObject human = member(tiers, "humanAgent");
    if (Status amounts = checkAmounts(member(human, "capabilities"), QStringLiteral("tiers.humanAgent.capabilities"));
        !amounts)
        return amounts;
    if (human.value(QLatin1String("escalationPhone")).toString().size() > 32)
        return invalidAt(QStringLiteral("tiers.humanAgent.escalationPhone"), QStringLiteral("at most 32 characters"));
    return Ok{};
}

Status checkIrate(const QJsonObject &irate)
{
    const double threshold = irate.value(QLatin1String("detectionThreshold")).toDouble();
    if (threshold < 0 || threshold > 1)
        return invalidAt(QStringLiteral("irateProtocol.detectionThreshold"), QStringLiteral("must be between 0 and 1"));
    const QJsonArray keywords = irate.value(QLatin1String("triggerKeywords")).toArray();
    const QString keywordsPath = QStringLiteral("irateProtocol.triggerKeywords");
    if (keywords.size() > 100)
        return invalidAt(keywordsPath, QStringLiteral("at most 100 keywords"));
    for (const QJsonValue &k : keywords)
        if (!k.isString() || k.toString().trimmed().isEmpty() || k.toString().size() > 64)
            return invalidAt(keywordsPath, QStringLiteral("non-empty strings of at most 64 characters"));
    const QJsonObject autoEsc = member(irate, "autoEscalate");
    if (!isWholeIn(autoEsc.value(QLatin1String("afterAttempts")).toDouble(), 1, 20))
        return invalidAt(
            QStringLiteral("irateProtocol.autoEscalate.afterAttempts"), QStringLiteral("a whole number from 1 to 20"));
    const auto target = parse<Tier>(autoEsc.value(QLatin1String("targetTier")).toString());
    if (!target || *target == Tier::AiRep)
        return invalidAt(
            QStringLiteral("irateProtocol.autoEscalate.targetTier"), QStringLiteral("AI_MANAGER or HUMAN_AGENT"));
    return Ok{};
}

// "ai": the provider by name ("local" or one registered: the engine checks it is), the
// models the tiers need with a provider, and the ranges of the rest.
Status checkAi(const QJsonObject &ai)
{
    static const QRegularExpression providerName(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,39}$"));
    if (!providerName.match(ai.value(QLatin1String("provider")).toString()).hasMatch())
        return invalidAt(QStringLiteral("ai.provider"), QStringLiteral("\"local\" or a registered provider's name"));
    const bool local = ai.value(QLatin1String("provider")).toString() == QLatin1String(AiSettings::kLocal);
    const QJsonObject models = member(ai, "models");
    for (const char *tier : {"aiRep", "aiManager", "assist"}) {
        const QString model = models.value(QLatin1String(tier)).toString();
        const QString path = QStringLiteral("ai.models.") + QLatin1String(tier);
        if (model.size() > 200 || model.contains(QLatin1Char('\n')))
            return invalidAt(path, QStringLiteral("a model's name of at most 200 characters"));
        if (!local && model.trimmed().isEmpty() && qstrcmp(tier, "assist") != 0)
            return invalidAt(
                path, QStringLiteral("the model that words this tier's replies (the provider's name for it)"));
    }
    if (!isWholeIn(ai.value(QLatin1String("historyMessages")).toDouble(), 0, AiSettings::kMaxHistoryMessages))
        return invalidAt(QStringLiteral("ai.historyMessages"), QStringLiteral("a whole number from 0 to 50"));
    const double temperature = ai.value(QLatin1String("temperature")).toDouble();
    if (temperature < 0 || temperature > 2)
        return invalidAt(QStringLiteral("ai.temperature"), QStringLiteral("a number from 0 to 2"));
    return Ok{};
}

// "connectors": "builtin" or a connector's name per purpose (the engine checks that it is the
// company's and serves the purpose), and the order number pattern a valid regular expression.
Status checkConnectors(const QJsonObject &connectors)
{
    static const QRegularExpression connectorName(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,39}$"));
    for (const auto &[purpose, member] : ConnectorSettings::named()) {
        if (!connectorName.match(connectors.value(QLatin1String(purpose)).toString()).hasMatch())
            return invalidAt(QStringLiteral("connectors.") + QLatin1String(purpose),
                QStringLiteral("\"builtin\" or the name of a connector serving it"));
    }
    const QString pattern = connectors.value(QLatin1String("orderNumberPattern")).toString();
    if (pattern.size() > ConnectorSettings::kMaxPatternChars)
        return invalidAt(QStringLiteral("connectors.orderNumberPattern"), QStringLiteral("at most 200 characters"));
    const QRegularExpression re(pattern);
    if (!re.isValid())
        return invalidAt(QStringLiteral("connectors.orderNumberPattern"),
            QStringLiteral("a regular expression (%1)").arg(re.errorString()));
    if (!pattern.isEmpty() && re.match(QString()).hasMatch())
        return invalidAt(
            QStringLiteral("connectors.orderNumberPattern"), QStringLiteral("a pattern that needs an order number"));
    return Ok{};
}

Status checkRules(const QJsonObject &rules)
{
    if (!isWholeIn(rules.value(QLatin1String("repeatContactWindowHours")).toDouble(), 0, 24 * 365))
        return invalidAt(QStringLiteral("escalationRules.repeatContactWindowHours"),
            QStringLiteral("a whole number from 0 to 8760"));
    if (!isWholeIn(rules.value(QLatin1String("complexIssueAfterTurns")).toDouble(), 1, 10))
        return invalidAt(
            QStringLiteral("escalationRules.complexIssueAfterTurns"), QStringLiteral("a whole number from 1 to 10"));
    return Ok{};
}

Status checkQueue(const QJsonValue &value, const QString &path, QSet<QString> &names, QSet<QString> &categories)
{
    static const QRegularExpression namePattern(QStringLiteral("^[a-z0-9][a-z0-9_-]{0,31}$"));
    if (!value.isObject())
        return invalidAt(path, QStringLiteral("must be an object {name, categories, email}"));
    const QJsonObject q = value.toObject();
    for (auto it = q.begin(); it != q.end(); ++it)
        if (it.key() != QLatin1String("name") && it.key() != QLatin1String("categories")
            && it.key() != QLatin1String("email"))
            return invalidAt(path + QLatin1Char('.') + it.key(), QStringLiteral("unknown key"));
    const QString name = q.value(QLatin1String("name")).toString();
    if (!namePattern.match(name).hasMatch())
        return invalidAt(path + QStringLiteral(".name"), QStringLiteral("1 to 32 lower-case letters, digits, _ or -"));
    if (names.contains(name))
        return invalidAt(path + QStringLiteral(".name"), QStringLiteral("used twice"));
    names.insert(name);
    const QJsonValue cats = q.value(QLatin1String("categories"));
    if (!cats.isUndefined() && !cats.isArray())
        return invalidAt(path + QStringLiteral(".categories"), QStringLiteral("must be an array of issue categories"));
    for (const QJsonValue &c : cats.toArray()) {
        if (!parse<IssueCategory>(c.toString()))
            return invalidAt(path + QStringLiteral(".categories"), QStringLiteral("unknown issue category"));
        if (categories.contains(c.toString()))
            return invalidAt(path + QStringLiteral(".categories"), c.toString() + QStringLiteral(" is in two queues"));
        categories.insert(c.toString());
    }
    const QJsonValue email = q.value(QLatin1String("email"));
    if (!email.isUndefined()
        && (!email.isString() || email.toString().size() > 254
            || (!email.toString().isEmpty() && !email.toString().contains(QLatin1Char('@')))))
        return invalidAt(
            path + QStringLiteral(".email"), QStringLiteral("an e-mail address of at most 254 characters, or empty"));
    return Ok{};
}

Status checkQueues(const QJsonArray &queues)
{
    if (queues.isEmpty() || queues.size() > kMaxQueues)
        return invalidAt(QStringLiteral("desk.queues"), QStringLiteral("1 to %1 queues").arg(kMaxQueues));
    QSet<QString> names;
    QSet<QString> categories;
    for (int i = 0; i < queues.size(); ++i)
        if (Status q = checkQueue(queues.at(i), QStringLiteral("desk.queues[%1]").arg(i), names, categories); !q)
            return q;
    return Ok{};
}

Status checkSla(const QJsonObject &sla)
{
    for (const QString &p : priorityNames()) {
        const QString path = QStringLiteral("desk.sla.") + p;
        const QJsonObject t = sla.value(p).toObject();
        for (const char *key : {"firstResponseMinutes", "resolutionMinutes"})
            if (!isWholeIn(t.value(QLatin1String(key)).toDouble(), 1, kMaxSlaMinutes))
                return invalidAt(path + QLatin1Char('.') + QLatin1String(key),
                    QStringLiteral("a whole number from 1 to %1").arg(kMaxSlaMinutes));
        if (t.value(QLatin1String("firstResponseMinutes")).toDouble()
            > t.value(QLatin1String("resolutionMinutes")).toDouble())
            return invalidAt(path, QStringLiteral("firstResponseMinutes must not exceed resolutionMinutes"));
    }
    return Ok{};
}

const QString kHoursPath = QStringLiteral("desk.businessHours");

// One day's intervals: [["HH:MM","HH:MM"], ...], each ending after it starts, none overlapping.
Status checkDayIntervals(const QJsonValue &value, const QString &path)
{
    if (!value.isArray())
        return invalidAt(path, QStringLiteral("an array of intervals [\"HH:MM\", \"HH:MM\"] ([] when closed)"));
    const QJsonArray intervals = value.toArray();
    if (intervals.size() > BusinessHours::kMaxIntervalsPerDay)
        return invalidAt(path, QStringLiteral("at most %1 intervals a day").arg(BusinessHours::kMaxIntervalsPerDay));
    QList<OpenInterval> day;
    for (int i = 0; i < intervals.size(); ++i) {
        const QString here = path + QStringLiteral("[%1]").arg(i);
        const QJsonArray pair = intervals.at(i).toArray();
        if (!intervals.at(i).isArray() || pair.size() != 2 || !pair.at(0).isString() || !pair.at(1).isString())
            return invalidAt(here, QStringLiteral("an interval [\"HH:MM\", \"HH:MM\"]"));
        const auto from = BusinessHours::parseClock(pair.at(0).toString(), false);
        const auto to = BusinessHours::parseClock(pair.at(1).toString(), true);
        if (!from || !to)
            return invalidAt(here, QStringLiteral("times are \"HH:MM\" from 00:00 to 23:59, and 24:00 as an end"));
        if (*to <= *from)
            return invalidAt(here, QStringLiteral("the end must be after the start"));
        day.append({*from, *to});
    }
    std::sort(day.begin(), day.end(), [](const OpenInterval &a, const OpenInterval &b) { return a.from < b.from; });
    for (int i = 1; i < day.size(); ++i)
        if (day.at(i).from < day.at(i - 1).to)
            return invalidAt(path,
                QStringLiteral("intervals overlap (%1-%2 and %3-%4)")
                    .arg(BusinessHours::clockText(day.at(i - 1).from), BusinessHours::clockText(day.at(i - 1).to),
                        BusinessHours::clockText(day.at(i).from), BusinessHours::clockText(day.at(i).to)));
    return Ok{};
}

Status checkWeekly(const QJsonValue &value)
{
    const QString path = kHoursPath + QStringLiteral(".weekly");
    if (!value.isObject())
        return invalidAt(path, QStringLiteral("an object of weekdays (mon .. sun) with their open intervals"));
    const QJsonObject weekly = value.toObject();
    QStringList keys;
    for (const char *key : BusinessHours::dayKeys())
        keys << QLatin1String(key);
    bool open = false;
    for (auto it = weekly.begin(); it != weekly.end(); ++it) {
        if (!keys.contains(it.key()))
            return invalidAt(path + QLatin1Char('.') + it.key(),
                QStringLiteral("unknown weekday (one of ") + keys.join(QStringLiteral(", ")) + QLatin1Char(')'));
        if (Status day = checkDayIntervals(it.value(), path + QLatin1Char('.') + it.key()); !day)
            return day;
        open = open || !it->toArray().isEmpty();
    }
    if (!open)
        return invalidAt(path, QStringLiteral("the week has no open time; leave businessHours null to be always open"));
    return Ok{};
}

Status checkHolidays(const QJsonValue &value)
{
    static const QRegularExpression datePattern(QStringLiteral("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"));
    const QString path = kHoursPath + QStringLiteral(".holidays");
    if (value.isUndefined())
        return Ok{};
    if (!value.isArray())
        return invalidAt(path, QStringLiteral("an array of dates \"YYYY-MM-DD\""));
    const QJsonArray holidays = value.toArray();
    if (holidays.size() > BusinessHours::kMaxHolidays)
        return invalidAt(path, QStringLiteral("at most %1 holidays").arg(BusinessHours::kMaxHolidays));
    QSet<QString> seen;
    for (int i = 0; i < holidays.size(); ++i) {
        const QString here = path + QStringLiteral("[%1]").arg(i);
        const QString text = holidays.at(i).toString();
        if (!datePattern.match(text).hasMatch() || !QDate::fromString(text, Qt::ISODate).isValid())
            return invalidAt(here, QStringLiteral("a date \"YYYY-MM-DD\""));
        if (seen.contains(text))
            return invalidAt(here, text + QStringLiteral(" is listed twice"));
        seen.insert(text);
    }
    return Ok{};
}

// "businessHours": null (always open) or {timeZone, weekly, holidays?}.
Status checkBusinessHours(const QJsonValue &value)
{
    if (value.isUndefined() || value.isNull())
        return Ok{};
    if (!value.isObject())
        return invalidAt(kHoursPath, QStringLiteral("null (always open) or an object {timeZone, weekly, holidays}"));
    const QJsonObject hours = value.toObject();
    for (auto it = hours.begin(); it != hours.end(); ++it)
        if (it.key() != QLatin1String("timeZone") && it.key() != QLatin1String("weekly")
            && it.key() != QLatin1String("holidays"))
            return invalidAt(kHoursPath + QLatin1Char('.') + it.key(), QStringLiteral("unknown key"));
    const QString zone = hours.value(QLatin1String("timeZone")).toString();
    if (zone.isEmpty() || zone.size() > 64 || !QTimeZone::isTimeZoneIdAvailable(zone.toUtf8()))
        return invalidAt(kHoursPath + QStringLiteral(".timeZone"),
            QStringLiteral("a time zone of the IANA database, such as Europe/Berlin"));
    if (Status weekly = checkWeekly(hours.value(QLatin1String("weekly"))); !weekly)
        return weekly;
    return checkHolidays(hours.value(QLatin1String("holidays")));
}

// voice.sip.digest: a user name of token characters, a password of 8 to 128 characters (left out:
// the stored one, checked by mergeConfig), algorithms from RFC 8760's SHA-256 and MD5.
Status checkDigest(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return Ok{};
    if (!value.isObject())
        return invalidAt(QStringLiteral("voice.sip.digest"), QStringLiteral("an object or null"));
    const QJsonObject digest = value.toObject();
    for (auto it = digest.begin(); it != digest.end(); ++it)
        if (!QStringList{QStringLiteral("username"), QStringLiteral("password"), QStringLiteral("algorithms"),
                QStringLiteral("passwordSet")}
                 .contains(it.key()))
            return invalidAt(QStringLiteral("voice.sip.digest.") + it.key(), QStringLiteral("unknown key"));
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9._~+-]{1,%1}$").arg(SipAccess::kMaxUsernameChars));
    if (!token.match(digest.value(QLatin1String("username")).toString()).hasMatch())
        return invalidAt(
            QStringLiteral("voice.sip.digest.username"), QStringLiteral("1 to 64 letters, digits or . _ ~ + -"));
    if (const QJsonValue password = digest.value(QLatin1String("password")); !password.isUndefined()) {
        const qsizetype length = password.toString().size();
        if (!password.isString() || length < SipAccess::kMinPasswordChars || length > SipAccess::kMaxPasswordChars)
            return invalidAt(QStringLiteral("voice.sip.digest.password"), QStringLiteral("8 to 128 characters"));
    }
    if (const QJsonValue algorithms = digest.value(QLatin1String("algorithms")); !algorithms.isUndefined()) {
        const Status notOne
            = invalidAt(QStringLiteral("voice.sip.digest.algorithms"), QStringLiteral("SHA-256 and/or MD5"));
        if (!algorithms.isArray() || algorithms.toArray().isEmpty())
            return notOne;
        QSet<QString> seen;
        for (const QJsonValue &a : algorithms.toArray()) {
            const QString name = a.toString().toUpper();
            if (!SipAccess::defaultAlgorithms().contains(name) || seen.contains(name))
                return notOne;
            seen.insert(name);
        }
    }
    return Ok{};
}

// voice.sip: up to 50 addresses or CIDR ranges, and the digest credentials.
Status checkSipAccess(const QJsonObject &sip)
{
    const QJsonArray sources = sip.value(QLatin1String("allowedSources")).toArray();
    if (sources.size() > SipAccess::kMaxSources)
        return invalidAt(QStringLiteral("voice.sip.allowedSources"), QStringLiteral("at most 50 sources"));
    for (const QJsonValue &source : sources) {
        const QString text = source.toString().trimmed();
        if (text.size() > SipAccess::kMaxSourceChars || !http::AddressRanges::rangeOf(text))
            return invalidAt(QStringLiteral("voice.sip.allowedSources"),
                QStringLiteral("each an IP address or a CIDR range (203.0.113.7, 54.172.60.0/30), not %1")
                    .arg(source.toString().left(SipAccess::kMaxSourceChars)));
    }
    return checkDigest(sip.value(QLatin1String("digest")));
}

// "voice": at most kMaxNumbers distinct numbers of digits (a leading +), and Flite's slt or rms.
Status checkVoice(const QJsonObject &voice)
{
    static const QRegularExpression number(QStringLiteral("^\\+?[0-9]{2,19}$"));
    const QJsonArray numbers = voice.value(QLatin1String("numbers")).toArray();
    if (numbers.size() > VoiceSettings::kMaxNumbers)
        return invalidAt(QStringLiteral("voice.numbers"), QStringLiteral("at most 20 numbers"));
    QSet<QString> seen;
    for (const QJsonValue &n : numbers) {
        if (!number.match(n.toString()).hasMatch())
            return invalidAt(QStringLiteral("voice.numbers"),
                QStringLiteral("each a phone number of 2 to 19 digits, + first for an international one (+15550100)"));
        if (seen.contains(n.toString()))
            return invalidAt(QStringLiteral("voice.numbers"), n.toString() + QStringLiteral(" is named twice"));
        seen.insert(n.toString());
    }
    const QString v = voice.value(QLatin1String("voice")).toString(QStringLiteral("slt"));
    if (v != QLatin1String("slt") && v != QLatin1String("rms"))
        return invalidAt(QStringLiteral("voice.voice"), QStringLiteral("slt or rms"));
    return checkSipAccess(voice.value(QLatin1String("sip")).toObject());
}

} // namespace

Status validateDesk(const QJsonObject &desk)
{
    if (Status q = checkQueues(desk.value(QLatin1String("queues")).toArray()); !q)
        return q;
    if (Status s = checkSla(member(desk, "sla")); !s)
        return s;
    const double warningAt = desk.value(QLatin1String("warningAt")).toDouble();
    if (warningAt < 0.1 || warningAt > 0.99)
        return invalidAt(QStringLiteral("desk.warningAt"), QStringLiteral("a fraction from 0.1 to 0.99"));
    if (!parseAssignment(desk.value(QLatin1String("assignment")).toString()))
        return invalidAt(QStringLiteral("desk.assignment"), QStringLiteral("manual or automatic"));
    return checkBusinessHours(desk.value(QLatin1String("businessHours")));
}

Status validateConfig(const QJsonObject &config)
{
    if (Status shape = checkShape(config, schema(), {}); !shape)
        return shape;
    if (Status tiers = checkTiers(member(config, "tiers")); !tiers)
        return tiers;
    if (Status irate = checkIrate(member(config, "irateProtocol")); !irate)
        return irate;
    if (!languageFromCode(config.value(QLatin1String("language")).toString(QStringLiteral("en"))))
        return invalidAt(QStringLiteral("language"), QStringLiteral("en or de"));
    if (Status rules = checkRules(member(config, "escalationRules")); !rules)
        return rules;
    if (Status ai = checkAi(member(config, "ai")); !ai)
        return ai;
    if (Status connectors = checkConnectors(member(config, "connectors")); !connectors)
        return connectors;
    if (Status voice = checkVoice(member(config, "voice")); !voice)
        return voice;
    if (Status aiVoice = validateAiVoice(member(config, "ai")); !aiVoice)
        return aiVoice;
    if (Status company = validateCompany(member(config, "company")); !company)
        return company;
    if (Status policies = validatePolicies(member(config, "policies")); !policies)
        return policies;
    return validateDesk(member(config, "desk"));
}

Result<CsConfig> mergeConfig(const CsConfig &base, const QJsonObject &patch)
{
    QJsonObject clean = patch;
    clean.remove(QStringLiteral("companyId"));
    if (Status shape = checkShape(clean, schema(), {}); !shape)
        return shape.error();
    QJsonObject merged = deepMerge(configJson(base), clean);
    // Business hours are one value: a PUT replaces them whole (a weekday it leaves out is closed).
    if (const QJsonValue hours = member(clean, "desk").value(QLatin1String("businessHours")); !hours.isUndefined()) {
        QJsonObject desk = member(merged, "desk");
        desk.insert(QStringLiteral("businessHours"), hours);
        merged.insert(QStringLiteral("desk"), desk);
    }
    // So are the return windows by tier: a tier the PUT leaves out has none of its own.
    if (const QJsonValue byTier = member(clean, "policies").value(QLatin1String("returnWindowDaysByTier"));
        !byTier.isUndefined()) {
        QJsonObject policies = member(merged, "policies");
        policies.insert(QStringLiteral("returnWindowDaysByTier"), byTier);
        merged.insert(QStringLiteral("policies"), policies);
    }
    if (Status valid = validateConfig(merged); !valid)
        return valid.error();
    CsConfig config = readConfig(merged);
    // The digest password is never shown: a change that leaves it out keeps the stored one.
    SipAccess &sip = config.voice.sip;
    if (sip.hasDigest() && sip.newDigestPassword.isEmpty()) {
        if (!base.voice.sip.hasDigest() || base.voice.sip.sealedDigestPassword.isEmpty())
            return invalidAt(QStringLiteral("voice.sip.digest.password"),
                QStringLiteral("required when digest credentials are first set"))
                .error();
        sip.sealedDigestPassword = base.voice.sip.sealedDigestPassword;
    }
    return config;
}

Result<CsConfig> configFromJson(const QJsonObject &json)
{
    return mergeConfig(CsConfig{}, json);
}

} // namespace tierdesk::api::cs
