// The CS config's wire shape (seed 001 "Get CS Config" plus Tierdesk's keys "desk",
// "language" and tiers.humanAgent.capabilities): written from and read into CsConfig.
#include "core/api/cs/CsConfigJson.h"

#include <algorithm>

namespace tierdesk::api::cs {
namespace {

const char *const kTierKeys[] = {"aiRep", "aiManager", "humanAgent"}; // by Tier

QJsonObject capabilitiesJson(const TierCapabilities &t)
{
    return {{QStringLiteral("canProcessRefunds"), t.canProcessRefunds},
        {QStringLiteral("maxRefundAmount"), t.maxRefundAmount},
        {QStringLiteral("canModifySubscription"), t.canModifySubscription},
        {QStringLiteral("canApplyCredits"), t.canApplyCredits}, {QStringLiteral("maxCreditAmount"), t.maxCreditAmount}};
}

QJsonObject tiersJson(const CsConfig &c)
{
    QJsonObject tiers;
    for (Tier t : {Tier::AiRep, Tier::AiManager}) {
        const TierCapabilities &tier = c.tier(t);
        tiers.insert(QLatin1String(kTierKeys[int(t)]),
            QJsonObject{{QStringLiteral("enabled"), tier.enabled},
                {QStringLiteral("capabilities"), capabilitiesJson(tier)},
                {QStringLiteral("responseGuidelines"),
                    QJsonObject{{QStringLiteral("tone"), tier.tone},
                        {QStringLiteral("maxResponseLength"), tier.maxResponseLength}}}});
    }
    const TierCapabilities &human = c.tier(Tier::HumanAgent);
    tiers.insert(QStringLiteral("humanAgent"),
        QJsonObject{{QStringLiteral("enabled"), human.enabled}, {QStringLiteral("escalationPhone"), c.escalationPhone},
            {QStringLiteral("notifyOnEscalation"), c.notifyOnEscalation},
            {QStringLiteral("capabilities"), capabilitiesJson(human)}});
    return tiers;
}

QJsonObject irateJson(const IrateProtocol &p)
{
    return {{QStringLiteral("enabled"), p.enabled}, {QStringLiteral("detectionThreshold"), p.detectionThreshold},
        {QStringLiteral("triggerKeywords"), QJsonArray::fromStringList(p.triggerKeywords)},
        {QStringLiteral("autoEscalate"),
            QJsonObject{{QStringLiteral("enabled"), p.autoEscalate}, {QStringLiteral("afterAttempts"), p.afterAttempts},
                {QStringLiteral("targetTier"), toString(p.targetTier)}}}};
}

QJsonObject object(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

void readCapabilities(const QJsonObject &caps, TierCapabilities &t)
{
    t.canProcessRefunds = caps.value(QLatin1String("canProcessRefunds")).toBool(t.canProcessRefunds);
    t.maxRefundAmount = caps.value(QLatin1String("maxRefundAmount")).toDouble(t.maxRefundAmount);
    t.canModifySubscription = caps.value(QLatin1String("canModifySubscription")).toBool(t.canModifySubscription);
    t.canApplyCredits = caps.value(QLatin1String("canApplyCredits")).toBool(t.canApplyCredits);
    t.maxCreditAmount = caps.value(QLatin1String("maxCreditAmount")).toDouble(t.maxCreditAmount);
}

void readTiers(const QJsonObject &tiers, CsConfig &c)
{
    for (Tier t : {Tier::AiRep, Tier::AiManager, Tier::HumanAgent}) {
        const QJsonObject json = object(tiers, kTierKeys[int(t)]);
        TierCapabilities &tier = c.tier(t);
        tier.enabled = json.value(QLatin1String("enabled")).toBool(tier.enabled);
        readCapabilities(object(json, "capabilities"), tier);
        const QJsonObject guide = object(json, "responseGuidelines");
        tier.tone = guide.value(QLatin1String("tone")).toString(tier.tone);
        tier.maxResponseLength = guide.value(QLatin1String("maxResponseLength")).toInt(tier.maxResponseLength);
    }
    const QJsonObject human = object(tiers, "humanAgent");
    c.escalationPhone = human.value(QLatin1String("escalationPhone")).toString(c.escalationPhone);
    c.notifyOnEscalation = human.value(QLatin1String("notifyOnEscalation")).toBool(c.notifyOnEscalation);
}

void readIrate(const QJsonObject &json, IrateProtocol &p)
{
    p.enabled = json.value(QLatin1String("enabled")).toBool(p.enabled);
    p.detectionThreshold = json.value(QLatin1String("detectionThreshold")).toDouble(p.detectionThreshold);
    if (json.contains(QLatin1String("triggerKeywords"))) {
        p.triggerKeywords.clear();
        for (const QJsonValue &k : json.value(QLatin1String("triggerKeywords")).toArray())
            p.triggerKeywords << k.toString();
    }
    const QJsonObject autoEsc = object(json, "autoEscalate");
    p.autoEscalate = autoEsc.value(QLatin1String("enabled")).toBool(p.autoEscalate);
    p.afterAttempts = autoEsc.value(QLatin1String("afterAttempts")).toInt(p.afterAttempts);
    p.targetTier = parse<Tier>(autoEsc.value(QLatin1String("targetTier")).toString()).value_or(p.targetTier);
}

QJsonObject weeklyJson(const BusinessHours &hours)
{
    QJsonObject weekly;
    for (size_t day = 0; day < hours.weekly.size(); ++day) {
        QJsonArray intervals;
        for (const OpenInterval &i : hours.weekly[day])
            intervals.append(QJsonArray{BusinessHours::clockText(i.from), BusinessHours::clockText(i.to)});
        weekly.insert(QLatin1String(BusinessHours::dayKeys()[day]), intervals);
    }
    return weekly;
}

QJsonValue businessHoursJson(const std::optional<BusinessHours> &hours)
{
    if (!hours)
        return QJsonValue::Null;
    QJsonArray holidays;
    for (const QDate &day : hours->holidays)
        holidays.append(day.toString(Qt::ISODate));
    return QJsonObject{{QStringLiteral("timeZone"), QString::fromUtf8(hours->timeZone.id())},
        {QStringLiteral("weekly"), weeklyJson(*hours)}, {QStringLiteral("holidays"), holidays}};
}

// A checked "businessHours": null (none) or an object.
std::optional<BusinessHours> readBusinessHours(const QJsonValue &json)
{
    if (!json.isObject())
        return std::nullopt;
    const QJsonObject o = json.toObject();
    BusinessHours hours;
    hours.timeZone = QTimeZone(o.value(QLatin1String("timeZone")).toString().toUtf8());
    const QJsonObject weekly = object(o, "weekly");
    for (size_t day = 0; day < hours.weekly.size(); ++day) {
        for (const QJsonValue &v : weekly.value(QLatin1String(BusinessHours::dayKeys()[day])).toArray()) {
            const QJsonArray pair = v.toArray();
            hours.weekly[day].append({BusinessHours::parseClock(pair.at(0).toString(), false).value_or(0),
                BusinessHours::parseClock(pair.at(1).toString(), true).value_or(0)});
        }
        std::sort(hours.weekly[day].begin(), hours.weekly[day].end(),
            [](const OpenInterval &a, const OpenInterval &b) { return a.from < b.from; });
    }
    for (const QJsonValue &v : o.value(QLatin1String("holidays")).toArray())
        hours.holidays.append(QDate::fromString(v.toString(), Qt::ISODate));
    std::sort(hours.holidays.begin(), hours.holidays.end());
    return hours;
}

void readDesk(const QJsonObject &json, DeskConfig &d)
{
    if (json.contains(QLatin1String("queues"))) {
        d.queues.clear();
        for (const QJsonValue &v : json.value(QLatin1String("queues")).toArray()) {
            const QJsonObject o = v.toObject();
            DeskQueue q{o.value(QLatin1String("name")).toString(), {}, o.value(QLatin1String("email")).toString()};
            for (const QJsonValue &cat : o.value(QLatin1String("categories")).toArray())
                if (const auto category = parse<IssueCategory>(cat.toString()))
                    q.categories << *category;
            d.queues << q;
        }
    }
    const QJsonObject sla = object(json, "sla");
    for (Priority p : {Priority::Urgent, Priority::High, Priority::Normal, Priority::Low}) {
        SlaTarget &t = d.sla[int(p)];
        const QJsonObject target = sla.value(toString(p)).toObject();
        t.firstResponseMinutes = target.value(QLatin1String("firstResponseMinutes")).toInt(t.firstResponseMinutes);
        t.resolutionMinutes = target.value(QLatin1String("resolutionMinutes")).toInt(t.resolutionMinutes);
    }
    d.warningAt = json.value(QLatin1String("warningAt")).toDouble(d.warningAt);
    d.assignment = parseAssignment(json.value(QLatin1String("assignment")).toString()).value_or(d.assignment);
    if (json.contains(QLatin1String("businessHours")))
        d.businessHours = readBusinessHours(json.value(QLatin1String("businessHours")));
}

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

QJsonObject connectorsJson(const ConnectorSettings &c)
{
    QJsonObject out{{QStringLiteral("orderNumberPattern"), c.orderNumberPattern}};
    for (const auto &[purpose, member] : ConnectorSettings::named())
        out.insert(QLatin1String(purpose), c.*member);
    return out;
}

QJsonObject aiJson(const AiSettings &ai)
{
    return {{QStringLiteral("provider"), ai.provider},
        {QStringLiteral("models"),
            QJsonObject{{QStringLiteral("aiRep"), ai.aiRepModel}, {QStringLiteral("aiManager"), ai.aiManagerModel},
                {QStringLiteral("assist"), ai.assistModel}}},
        {QStringLiteral("historyMessages"), ai.historyMessages}, {QStringLiteral("maskPii"), ai.maskPii},
        {QStringLiteral("temperature"), ai.temperature}, {QStringLiteral("persona"), ai.persona},
        {QStringLiteral("greeting"), ai.greeting}, {QStringLiteral("guidance"), ai.guidance}};
}

namespace {

void readAi(const QJsonObject &json, AiSettings &ai)
{
    ai.provider = json.value(QLatin1String("provider")).toString(ai.provider);
    const QJsonObject models = json.value(QLatin1String("models")).toObject();
    ai.aiRepModel = models.value(QLatin1String("aiRep")).toString(ai.aiRepModel);
    ai.aiManagerModel = models.value(QLatin1String("aiManager")).toString(ai.aiManagerModel);
    ai.assistModel = models.value(QLatin1String("assist")).toString(ai.assistModel);
    ai.historyMessages = json.value(QLatin1String("historyMessages")).toInt(ai.historyMessages);
    ai.maskPii = json.value(QLatin1String("maskPii")).toBool(ai.maskPii);
    ai.temperature = json.value(QLatin1String("temperature")).toDouble(ai.temperature);
    ai.persona = json.value(QLatin1String("persona")).toString(ai.persona).trimmed();
    ai.greeting = json.value(QLatin1String("greeting")).toString(ai.greeting).trimmed();
    ai.guidance = json.value(QLatin1String("guidance")).toString(ai.guidance).trimmed();
}

// voice.sip as checked: a digest's password is kept only as given (CompanyService seals it); one
// the change leaves out is the stored one (mergeConfig).
void readSipAccess(const QJsonObject &sip, SipAccess &access)
{
    for (const QJsonValue &source : sip.value(QLatin1String("allowedSources")).toArray())
        access.allowedSources << source.toString().trimmed();
    const QJsonObject digest = sip.value(QLatin1String("digest")).toObject();
    access.digestUsername = digest.value(QLatin1String("username")).toString();
    access.newDigestPassword = digest.value(QLatin1String("password")).toString();
    if (digest.contains(QLatin1String("algorithms"))) {
        access.digestAlgorithms.clear();
        for (const QJsonValue &algorithm : digest.value(QLatin1String("algorithms")).toArray())
            access.digestAlgorithms << algorithm.toString().toUpper();
    }
}

} // namespace

QJsonObject configJson(const CsConfig &c)
{
    return {{QStringLiteral("enabled"), c.enabled}, {QStringLiteral("tiers"), tiersJson(c)},
        {QStringLiteral("irateProtocol"), irateJson(c.irate)},
        {QStringLiteral("escalationRules"),
            QJsonObject{{QStringLiteral("repeatContactWindowHours"), c.escalationRules.repeatContactWindowHours},
                {QStringLiteral("complexIssueAfterTurns"), c.escalationRules.complexIssueAfterTurns}}},
        {QStringLiteral("desk"), deskJson(c.desk)}, {QStringLiteral("language"), languageCode(c.language)},
        {QStringLiteral("ai"), aiJson(c.ai)}, {QStringLiteral("connectors"), connectorsJson(c.connectors)},
        {QStringLiteral("voice"), voiceJson(c.voice)}, {QStringLiteral("company"), companyJson(c.company)},
        {QStringLiteral("policies"), policiesJson(c.policies)},
        {QStringLiteral("ratings"),
            QJsonObject{{QStringLiteral("email"), c.ratings.email}, {QStringLiteral("sms"), c.ratings.sms},
                {QStringLiteral("whatsapp"), c.ratings.whatsapp}, {QStringLiteral("voice"), c.ratings.voice},
                {QStringLiteral("chat"), c.ratings.chat}}},
        {QStringLiteral("auth"), QJsonObject{{QStringLiteral("requireMfa"), c.auth.requireMfa}}}};
}

QJsonObject voiceJson(const VoiceSettings &v)
{
    const SipAccess &sip = v.sip;
    const QJsonValue digest = sip.hasDigest()
        ? QJsonObject{{QStringLiteral("username"), sip.digestUsername},
            {QStringLiteral("algorithms"), QJsonArray::fromStringList(sip.digestAlgorithms)},
            {QStringLiteral("passwordSet"), !sip.sealedDigestPassword.isEmpty() || !sip.newDigestPassword.isEmpty()}}
        : QJsonValue(QJsonValue::Null);
    return {{QStringLiteral("numbers"), QJsonArray::fromStringList(v.numbers)}, {QStringLiteral("voice"), v.voice},
        {QStringLiteral("recordCalls"), v.recordCalls},
        {QStringLiteral("sip"),
            QJsonObject{{QStringLiteral("allowedSources"), QJsonArray::fromStringList(sip.allowedSources)},
                {QStringLiteral("digest"), digest}}}};
}

QJsonObject deskJson(const DeskConfig &d)
{
    QJsonArray queues;
    for (const DeskQueue &q : d.queues) {
        QJsonArray categories;
        for (IssueCategory c : q.categories)
            categories.append(toString(c));
        queues.append(QJsonObject{{QStringLiteral("name"), q.name}, {QStringLiteral("categories"), categories},
            {QStringLiteral("email"), q.email}});
    }
    QJsonObject sla;
    for (Priority p : {Priority::Urgent, Priority::High, Priority::Normal, Priority::Low})
        sla.insert(toString(p),
            QJsonObject{{QStringLiteral("firstResponseMinutes"), d.target(p).firstResponseMinutes},
                {QStringLiteral("resolutionMinutes"), d.target(p).resolutionMinutes}});
    return {{QStringLiteral("queues"), queues}, {QStringLiteral("sla"), sla},
        {QStringLiteral("warningAt"), d.warningAt}, {QStringLiteral("assignment"), toString(d.assignment)},
        {QStringLiteral("businessHours"), businessHoursJson(d.businessHours)}};
}

CsConfig readConfig(const QJsonObject &checked)
{
    CsConfig c;
    c.enabled = checked.value(QLatin1String("enabled")).toBool(c.enabled);
    readTiers(object(checked, "tiers"), c);
    readIrate(object(checked, "irateProtocol"), c.irate);
    const QJsonObject rules = object(checked, "escalationRules");
    EscalationRules &r = c.escalationRules;
    r.repeatContactWindowHours
        = rules.value(QLatin1String("repeatContactWindowHours")).toInt(r.repeatContactWindowHours);
    r.complexIssueAfterTurns = rules.value(QLatin1String("complexIssueAfterTurns")).toInt(r.complexIssueAfterTurns);
    readDesk(object(checked, "desk"), c.desk);
    c.language = languageFromCode(checked.value(QLatin1String("language")).toString()).value_or(c.language);
    readAi(object(checked, "ai"), c.ai);
    const QJsonObject connectors = object(checked, "connectors");
    for (const auto &[key, member] : ConnectorSettings::named())
        c.connectors.*member = connectors.value(QLatin1String(key)).toString(c.connectors.*member);
    c.connectors.orderNumberPattern
        = connectors.value(QLatin1String("orderNumberPattern")).toString(c.connectors.orderNumberPattern);
    const QJsonObject voice = object(checked, "voice");
    if (voice.contains(QLatin1String("numbers"))) {
        c.voice.numbers.clear();
        for (const QJsonValue &n : voice.value(QLatin1String("numbers")).toArray())
            c.voice.numbers << n.toString();
    }
    c.voice.voice = voice.value(QLatin1String("voice")).toString(c.voice.voice);
    c.voice.recordCalls = voice.value(QLatin1String("recordCalls")).toBool(c.voice.recordCalls);
    readSipAccess(object(voice, "sip"), c.voice.sip);
    readCompany(object(checked, "company"), c.company);
    readPolicies(object(checked, "policies"), c.policies);
    const QJsonObject ratings = object(checked, "ratings");
    for (auto [key, on] : {std::pair{"email", &RatingSurveys::email}, std::pair{"sms", &RatingSurveys::sms},
             std::pair{"whatsapp", &RatingSurveys::whatsapp}, std::pair{"voice", &RatingSurveys::voice},
             std::pair{"chat", &RatingSurveys::chat}})
        c.ratings.*on = ratings.value(QLatin1String(key)).toBool(c.ratings.*on);
    c.auth.requireMfa = object(checked, "auth").value(QLatin1String("requireMfa")).toBool(c.auth.requireMfa);
    return c;
}

QJsonArray configChanges(const QJsonObject &before, const QJsonObject &after)
{
    QJsonArray out;
    diff(before, after, {}, out);
    return out;
}

} // namespace tierdesk::api::cs
