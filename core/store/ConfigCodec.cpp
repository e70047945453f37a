// The CS config's storage codec: the same JSON shape as seed 001's "Get CS Config" (without
// companyId), so the rows of every existing database read back as they were written. Kept
// apart from api/cs's wire codec on purpose: the store may change how it keeps a config
// (columns, another database) without touching what clients see, and the reverse.
#include "core/store/ConfigCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace tierdesk::storage {
namespace {

QJsonObject deskJson(const DeskConfig &d);

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

// Kept as the wire shows it: {"timeZone", "weekly": {"mon": [["09:00","17:00"]], ...}, "holidays"}.
QJsonObject storedHoursJson(const BusinessHours &hours)
{
    QJsonObject weekly;
    for (size_t day = 0; day < hours.weekly.size(); ++day) {
        QJsonArray intervals;
        for (const OpenInterval &i : hours.weekly[day])
            intervals.append(QJsonArray{BusinessHours::clockText(i.from), BusinessHours::clockText(i.to)});
        weekly.insert(QLatin1String(BusinessHours::dayKeys()[day]), intervals);
    }
    QJsonArray holidays;
    for (const QDate &day : hours.holidays)
        holidays.append(day.toString(Qt::ISODate));
    return {{QStringLiteral("timeZone"), QString::fromUtf8(hours.timeZone.id())}, {QStringLiteral("weekly"), weekly},
        {QStringLiteral("holidays"), holidays}};
}

// A row's hours as they were checked when written; parts that do not read are left out.
BusinessHours readStoredHours(const QJsonObject &json)
{
    BusinessHours hours;
    hours.timeZone = QTimeZone(json.value(QLatin1String("timeZone")).toString().toUtf8());
    const QJsonObject weekly = object(json, "weekly");
    for (size_t day = 0; day < hours.weekly.size(); ++day) {
        for (const QJsonValue &v : weekly.value(QLatin1String(BusinessHours::dayKeys()[day])).toArray()) {
            const QJsonArray pair = v.toArray();
            const auto from = BusinessHours::parseClock(pair.at(0).toString(), false);
            const auto to = BusinessHours::parseClock(pair.at(1).toString(), true);
            if (from && to && *from < *to)
                hours.weekly[day].append({*from, *to});
        }
        std::sort(hours.weekly[day].begin(), hours.weekly[day].end(),
            [](const OpenInterval &a, const OpenInterval &b) { return a.from < b.from; });
    }
    for (const QJsonValue &v : json.value(QLatin1String("holidays")).toArray())
        if (const QDate day = QDate::fromString(v.toString(), Qt::ISODate); day.isValid())
            hours.holidays.append(day);
    std::sort(hours.holidays.begin(), hours.holidays.end());
    hours.holidays.erase(std::unique(hours.holidays.begin(), hours.holidays.end()), hours.holidays.end());
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
    if (const QJsonValue hours = json.value(QLatin1String("businessHours")); hours.isObject())
        d.businessHours = readStoredHours(hours.toObject());
}

QJsonObject aiJson(const AiSettings &ai)
{
    return {{QStringLiteral("provider"), ai.provider},
        {QStringLiteral("models"),
            QJsonObject{{QStringLiteral("aiRep"), ai.aiRepModel}, {QStringLiteral("aiManager"), ai.aiManagerModel},
                {QStringLiteral("assist"), ai.assistModel}}},
        {QStringLiteral("historyMessages"), ai.historyMessages}, {QStringLiteral("maskPii"), ai.maskPii},
        {QStringLiteral("temperature"), ai.temperature}};
}

// The AI's voice, beside the "ai" section's other keys only when set: a row of the default
// reads and writes as before.
void addVoice(const AiSettings &ai, QJsonObject &json)
{
    for (const auto &[key, value] :
        {std::pair{"persona", &ai.persona}, std::pair{"greeting", &ai.greeting}, std::pair{"guidance", &ai.guidance}})
        if (!value->isEmpty())
            json.insert(QLatin1String(key), *value);
}

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
    ai.persona = json.value(QLatin1String("persona")).toString();
    ai.greeting = json.value(QLatin1String("greeting")).toString();
    ai.guidance = json.value(QLatin1String("guidance")).toString();
}

QJsonObject companyJson(const CompanyProfile &p)
{
    return {{QStringLiteral("website"), p.website}, {QStringLiteral("supportEmail"), p.supportEmail},
        {QStringLiteral("supportPhone"), p.supportPhone}, {QStringLiteral("timeZone"), p.timeZone},
        {QStringLiteral("currency"), p.currency}};
}

void readCompany(const QJsonObject &json, CompanyProfile &p)
{
    p.website = json.value(QLatin1String("website")).toString();
    p.supportEmail = json.value(QLatin1String("supportEmail")).toString();
    p.supportPhone = json.value(QLatin1String("supportPhone")).toString();
    p.timeZone = json.value(QLatin1String("timeZone")).toString(p.timeZone);
    p.currency = json.value(QLatin1String("currency")).toString(p.currency);
}

QJsonObject policiesJson(const CompanyPolicies &p)
{
    QJsonObject byTier;
    for (auto it = p.returnWindowDaysByTier.cbegin(); it != p.returnWindowDaysByTier.cend(); ++it)
        byTier.insert(it.key(), it.value());
    QJsonArray plans;
    for (const MembershipPlan &plan : p.plans)
        plans.append(QJsonObject{{QStringLiteral("id"), plan.id}, {QStringLiteral("name"), plan.name},
            {QStringLiteral("price"), plan.price}, {QStringLiteral("interval"), plan.interval},
            {QStringLiteral("returnWindowDays"), plan.returnWindowDays}});
    const SelfServiceLinks &links = p.selfService;
    return {{QStringLiteral("returnWindowDays"), p.returnWindowDays},
        {QStringLiteral("returnWindowDaysByTier"), byTier},
        {QStringLiteral("cancellableStatuses"), QJsonArray::fromStringList(p.cancellableStatuses)},
        {QStringLiteral("selfService"),
            QJsonObject{{QStringLiteral("orders"), links.orders}, {QStringLiteral("returns"), links.returns},
                {QStringLiteral("account"), links.account}, {QStringLiteral("subscription"), links.subscription}}},
        {QStringLiteral("membershipName"), p.membershipName}, {QStringLiteral("plans"), plans}};
}

void readPolicies(const QJsonObject &json, CompanyPolicies &p)
{
    p.returnWindowDays = json.value(QLatin1String("returnWindowDays")).toInt(p.returnWindowDays);
    const QJsonObject byTier = json.value(QLatin1String("returnWindowDaysByTier")).toObject();
    for (auto it = byTier.begin(); it != byTier.end(); ++it)
        p.returnWindowDaysByTier.insert(it.key(), it->toInt());
    if (json.contains(QLatin1String("cancellableStatuses"))) {
        p.cancellableStatuses.clear();
        for (const QJsonValue &s : json.value(QLatin1String("cancellableStatuses")).toArray())
            p.cancellableStatuses << s.toString();
    }
    const QJsonObject links = json.value(QLatin1String("selfService")).toObject();
    p.selfService = {links.value(QLatin1String("orders")).toString(), links.value(QLatin1String("returns")).toString(),
        links.value(QLatin1String("account")).toString(), links.value(QLatin1String("subscription")).toString()};
    p.membershipName = json.value(QLatin1String("membershipName")).toString();
    for (const QJsonValue &v : json.value(QLatin1String("plans")).toArray()) {
        const QJsonObject o = v.toObject();
        p.plans.append({o.value(QLatin1String("id")).toString(), o.value(QLatin1String("name")).toString(),
            o.value(QLatin1String("price")).toDouble(), o.value(QLatin1String("interval")).toString(),
            o.value(QLatin1String("returnWindowDays")).toInt()});
    }
}

QJsonObject connectorsJson(const ConnectorSettings &c)
{
    QJsonObject out{{QStringLiteral("orderNumberPattern"), c.orderNumberPattern}};
    for (const auto &[purpose, member] : ConnectorSettings::named())
        out.insert(QLatin1String(purpose), c.*member);
    return out;
}

void readConnectors(const QJsonObject &json, ConnectorSettings &c)
{
    for (const auto &[purpose, member] : ConnectorSettings::named())
        c.*member = json.value(QLatin1String(purpose)).toString(c.*member);
    c.orderNumberPattern = json.value(QLatin1String("orderNumberPattern")).toString(c.orderNumberPattern);
}

// Who may call, only when something is asked of callers: a row of the default reads as before. The
// digest password stays sealed (base64 of the sealer's bytes).
void addSipAccess(const SipAccess &sip, QJsonObject &voice)
{
    if (sip.open())
        return;
    QJsonObject json{{QStringLiteral("allowedSources"), QJsonArray::fromStringList(sip.allowedSources)}};
    if (sip.hasDigest())
        json.insert(QStringLiteral("digest"),
            QJsonObject{{QStringLiteral("username"), sip.digestUsername},
                {QStringLiteral("algorithms"), QJsonArray::fromStringList(sip.digestAlgorithms)},
                {QStringLiteral("sealedPassword"), QString::fromLatin1(sip.sealedDigestPassword.toBase64())}});
    voice.insert(QStringLiteral("sip"), json);
}

void readSipAccess(const QJsonObject &json, SipAccess &sip)
{
    for (const QJsonValue &source : json.value(QLatin1String("allowedSources")).toArray())
        sip.allowedSources << source.toString();
    const QJsonObject digest = json.value(QLatin1String("digest")).toObject();
    sip.digestUsername = digest.value(QLatin1String("username")).toString();
    if (digest.contains(QLatin1String("algorithms"))) {
        sip.digestAlgorithms.clear();
        for (const QJsonValue &algorithm : digest.value(QLatin1String("algorithms")).toArray())
            sip.digestAlgorithms << algorithm.toString();
    }
    sip.sealedDigestPassword
        = QByteArray::fromBase64(digest.value(QLatin1String("sealedPassword")).toString().toLatin1());
}

QJsonObject voiceJson(const VoiceSettings &v)
{
    QJsonObject json{{QStringLiteral("numbers"), QJsonArray::fromStringList(v.numbers)},
        {QStringLiteral("voice"), v.voice}, {QStringLiteral("recordCalls"), v.recordCalls}};
    addSipAccess(v.sip, json);
    return json;
}

void readVoice(const QJsonObject &json, VoiceSettings &v)
{
    if (json.contains(QLatin1String("numbers"))) {
        v.numbers.clear();
        for (const QJsonValue &n : json.value(QLatin1String("numbers")).toArray())
            v.numbers << n.toString();
    }
    v.voice = json.value(QLatin1String("voice")).toString(v.voice);
    v.recordCalls = json.value(QLatin1String("recordCalls")).toBool(v.recordCalls);
    readSipAccess(json.value(QLatin1String("sip")).toObject(), v.sip);
}

QJsonObject configJson(const CsConfig &c)
{
    QJsonObject out{{QStringLiteral("enabled"), c.enabled}, {QStringLiteral("tiers"), tiersJson(c)},
        {QStringLiteral("irateProtocol"), irateJson(c.irate)},
        {QStringLiteral("escalationRules"),
            QJsonObject{{QStringLiteral("repeatContactWindowHours"), c.escalationRules.repeatContactWindowHours},
                {QStringLiteral("complexIssueAfterTurns"), c.escalationRules.complexIssueAfterTurns}}},
        {QStringLiteral("desk"), deskJson(c.desk)}, {QStringLiteral("language"), languageCode(c.language)},
        {QStringLiteral("ai"), aiJson(c.ai)}};
    QJsonObject ai = aiJson(c.ai);
    addVoice(c.ai, ai);
    out.insert(QStringLiteral("ai"), ai);
    if (!c.connectors.allBuiltin()) // a row of the default reads and writes as before
        out.insert(QStringLiteral("connectors"), connectorsJson(c.connectors));
    if (!c.voice.numbers.isEmpty() || c.voice.voice != VoiceSettings{}.voice || !c.voice.recordCalls
        || !c.voice.sip.open())
        out.insert(QStringLiteral("voice"), voiceJson(c.voice)); // a row of the default reads as before
    if (companyJson(c.company) != companyJson(CompanyProfile{})) // a row of the default reads as before
        out.insert(QStringLiteral("company"), companyJson(c.company));
    if (policiesJson(c.policies) != policiesJson(CompanyPolicies{}))
        out.insert(QStringLiteral("policies"), policiesJson(c.policies));
    const RatingSurveys on = c.ratings;
    if (!on.email || !on.sms || !on.whatsapp || !on.voice || !on.chat) // every survey on: a row reads as before
        out.insert(QStringLiteral("ratings"),
            QJsonObject{{QStringLiteral("email"), on.email}, {QStringLiteral("sms"), on.sms},
                {QStringLiteral("whatsapp"), on.whatsapp}, {QStringLiteral("voice"), on.voice},
                {QStringLiteral("chat"), on.chat}});
    if (c.auth.requireMfa) // off: a row reads as before
        out.insert(QStringLiteral("auth"), QJsonObject{{QStringLiteral("requireMfa"), true}});
    return out;
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
    QJsonObject desk{
        {QStringLiteral("queues"), queues}, {QStringLiteral("sla"), sla}, {QStringLiteral("warningAt"), d.warningAt}};
    if (d.assignment != Assignment::Manual) // a row of the default reads and writes as before
        desk.insert(QStringLiteral("assignment"), toString(d.assignment));
    if (d.businessHours) // absent: always open, and a row without hours reads as before
        desk.insert(QStringLiteral("businessHours"), storedHoursJson(*d.businessHours));
    return desk;
}

CsConfig readConfig(const QJsonObject &json)
{
    CsConfig c;
    c.enabled = json.value(QLatin1String("enabled")).toBool(c.enabled);
    readTiers(object(json, "tiers"), c);
    readIrate(object(json, "irateProtocol"), c.irate);
    const QJsonObject rules = object(json, "escalationRules");
    EscalationRules &r = c.escalationRules;
    r.repeatContactWindowHours
        = rules.value(QLatin1String("repeatContactWindowHours")).toInt(r.repeatContactWindowHours);
    r.complexIssueAfterTurns = rules.value(QLatin1String("complexIssueAfterTurns")).toInt(r.complexIssueAfterTurns);
    readDesk(object(json, "desk"), c.desk);
    c.language = languageFromCode(json.value(QLatin1String("language")).toString()).value_or(c.language);
    readAi(object(json, "ai"), c.ai);
    readConnectors(object(json, "connectors"), c.connectors);
    readVoice(object(json, "voice"), c.voice);
    readCompany(object(json, "company"), c.company);
    readPolicies(object(json, "policies"), c.policies);
    const QJsonObject ratings = object(json, "ratings");
    for (auto [key, on] : {std::pair{"email", &RatingSurveys::email}, std::pair{"sms", &RatingSurveys::sms},
             std::pair{"whatsapp", &RatingSurveys::whatsapp}, std::pair{"voice", &RatingSurveys::voice},
             std::pair{"chat", &RatingSurveys::chat}})
        c.ratings.*on = ratings.value(QLatin1String(key)).toBool(c.ratings.*on);
    c.auth.requireMfa = object(json, "auth").value(QLatin1String("requireMfa")).toBool(c.auth.requireMfa);
    return c;
}

} // namespace

QByteArray encodeConfig(const CsConfig &config)
{
    return QJsonDocument(configJson(config)).toJson(QJsonDocument::Compact);
}

CsConfig decodeConfig(const QByteArray &text)
{
    const QJsonDocument doc = QJsonDocument::fromJson(text);
    return doc.isObject() ? readConfig(doc.object()) : CsConfig{};
}

} // namespace tierdesk::storage
