#include "core/domain/CsConfig.h"

#include "core/domain/DeskConfig.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk {
namespace {

QJsonObject seedJson()
{
    static const QJsonObject json = QJsonDocument::fromJson(R"({
      "enabled": true,
      "tiers": {
        "aiRep": {
          "enabled": true,
          "capabilities": {"canProcessRefunds": false, "maxRefundAmount": 0, "canModifySubscription": false,
                           "canApplyCredits": true, "maxCreditAmount": 10},
          "responseGuidelines": {"tone": "friendly", "maxResponseLength": 600}
        },
        "aiManager": {
          "enabled": true,
          "capabilities": {"canProcessRefunds": true, "maxRefundAmount": 100, "canModifySubscription": true,
                           "canApplyCredits": true, "maxCreditAmount": 50},
          "responseGuidelines": {"tone": "empathetic", "maxResponseLength": 800}
        },
        "humanAgent": {"enabled": true, "escalationPhone": "", "notifyOnEscalation": true}
      },
      "irateProtocol": {
        "enabled": true,
        "detectionThreshold": 0.7,
        "triggerKeywords": ["angry", "furious", "unacceptable"],
        "autoEscalate": {"enabled": true, "afterAttempts": 2, "targetTier": "AI_MANAGER"}
      },
      "escalationRules": {"repeatContactWindowHours": 72, "complexIssueAfterTurns": 2}
    })")
                                        .object();
    return json;
}

// The seed's keys plus Tierdesk's own: "desk" (queues and SLA targets),
// tiers.humanAgent.capabilities (a person's refunds and credits) and "language"
// (the language of the replies customers get).
QJsonObject defaultJson()
{
    static const QJsonObject json = [] {
        QJsonObject j = seedJson();
        j.insert(QStringLiteral("desk"), defaultDeskJson());
        j.insert(QStringLiteral("language"), QStringLiteral("en"));
        // What a person may refund or credit from the console (docs/api.md, "The agent desk").
        QJsonObject tiers = j.value(QLatin1String("tiers")).toObject();
        QJsonObject human = tiers.value(QLatin1String("humanAgent")).toObject();
        human.insert(QStringLiteral("capabilities"),
            QJsonObject{{QStringLiteral("canProcessRefunds"), true}, {QStringLiteral("maxRefundAmount"), 500},
                {QStringLiteral("canModifySubscription"), true}, {QStringLiteral("canApplyCredits"), true},
                {QStringLiteral("maxCreditAmount"), 100}});
        tiers.insert(QStringLiteral("humanAgent"), human);
        j.insert(QStringLiteral("tiers"), tiers);
        return j;
    }();
    return json;
}

QJsonObject humanAgent(const QJsonObject &config)
{
    return config.value(QLatin1String("tiers")).toObject().value(QLatin1String("humanAgent")).toObject();
}

const QStringList kTones{
    QStringLiteral("friendly"), QStringLiteral("formal"), QStringLiteral("empathetic"), QStringLiteral("concise")};

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
QString checkShape(const QJsonObject &value, const QJsonObject &schema, const QString &path)
{
    for (auto it = value.begin(); it != value.end(); ++it) {
        const QString here = path.isEmpty() ? it.key() : path + QLatin1Char('.') + it.key();
        if (!schema.contains(it.key()))
            return here + QStringLiteral(": unknown key");
        const QJsonValue expected = schema.value(it.key());
        if (expected.type() != it->type())
            return here + QStringLiteral(": wrong type");
        if (it->isObject()) {
            const QString inner = checkShape(it->toObject(), expected.toObject(), here);
            if (!inner.isEmpty())
                return inner;
        }
    }
    return {};
}

QString checkAmount(const QJsonObject &caps, const char *key, const QString &path)
{
    const double v = caps.value(QLatin1String(key)).toDouble();
    if (v < 0 || v > 1e9)
        return path + QLatin1Char('.') + QLatin1String(key) + QStringLiteral(": must be between 0 and 1000000000");
    return {};
}

} // namespace

QString validateCsConfig(const QJsonObject &config)
{
    const QString shape = checkShape(config, defaultJson(), {});
    if (!shape.isEmpty())
        return shape;
    const QJsonObject tiers = config.value(QLatin1String("tiers")).toObject();
    for (const char *tierKey : {"aiRep", "aiManager"}) {
        const QString path = QStringLiteral("tiers.") + QLatin1String(tierKey);
        const QJsonObject tier = tiers.value(QLatin1String(tierKey)).toObject();
        const QJsonObject caps = tier.value(QLatin1String("capabilities")).toObject();
        for (const char *amount : {"maxRefundAmount", "maxCreditAmount"}) {
            const QString err = checkAmount(caps, amount, path + QStringLiteral(".capabilities"));
            if (!err.isEmpty())
                return err;
        }
        const QJsonObject guide = tier.value(QLatin1String("responseGuidelines")).toObject();
        if (!kTones.contains(guide.value(QLatin1String("tone")).toString()))
            return path + QStringLiteral(".responseGuidelines.tone: one of ") + kTones.join(QStringLiteral(", "));
        const double len = guide.value(QLatin1String("maxResponseLength")).toDouble();
        if (len < 40 || len > 4000 || len != static_cast<int>(len))
            return path + QStringLiteral(".responseGuidelines.maxResponseLength: a whole number from 40 to 4000");
    }
    const QJsonObject humanCaps
        = tiers.value(QLatin1String("humanAgent")).toObject().value(QLatin1String("capabilities")).toObject();
    for (const char *amount : {"maxRefundAmount", "maxCreditAmount"}) {
        const QString err = checkAmount(humanCaps, amount, QStringLiteral("tiers.humanAgent.capabilities"));
        if (!err.isEmpty())
            return err;
    }
    const QString phone
        = tiers.value(QLatin1String("humanAgent")).toObject().value(QLatin1String("escalationPhone")).toString();
    if (phone.size() > 32)
        return QStringLiteral("tiers.humanAgent.escalationPhone: at most 32 characters");
    const QJsonObject irate = config.value(QLatin1String("irateProtocol")).toObject();
    const double threshold = irate.value(QLatin1String("detectionThreshold")).toDouble();
    if (threshold < 0 || threshold > 1)
        return QStringLiteral("irateProtocol.detectionThreshold: must be between 0 and 1");
    const QJsonArray keywords = irate.value(QLatin1String("triggerKeywords")).toArray();
    if (keywords.size() > 100)
        return QStringLiteral("irateProtocol.triggerKeywords: at most 100 keywords");
    for (const QJsonValue &k : keywords)
        if (!k.isString() || k.toString().trimmed().isEmpty() || k.toString().size() > 64)
            return QStringLiteral("irateProtocol.triggerKeywords: non-empty strings of at most 64 characters");
    const QJsonObject autoEsc = irate.value(QLatin1String("autoEscalate")).toObject();
    const double attempts = autoEsc.value(QLatin1String("afterAttempts")).toDouble();
    if (attempts < 1 || attempts > 20 || attempts != static_cast<int>(attempts))
        return QStringLiteral("irateProtocol.autoEscalate.afterAttempts: a whole number from 1 to 20");
    const auto target = parse<Tier>(autoEsc.value(QLatin1String("targetTier")).toString());
    if (!target || *target == Tier::AiRep)
        return QStringLiteral("irateProtocol.autoEscalate.targetTier: AI_MANAGER or HUMAN_AGENT");
    if (!languageFromCode(config.value(QLatin1String("language")).toString(QStringLiteral("en"))))
        return QStringLiteral("language: en or de");
    const QJsonObject rules = config.value(QLatin1String("escalationRules")).toObject();
    const double window = rules.value(QLatin1String("repeatContactWindowHours")).toDouble();
    if (window < 0 || window > 24 * 365 || window != static_cast<int>(window))
        return QStringLiteral("escalationRules.repeatContactWindowHours: a whole number from 0 to 8760");
    const double turns = rules.value(QLatin1String("complexIssueAfterTurns")).toDouble();
    if (turns < 1 || turns > 10 || turns != static_cast<int>(turns))
        return QStringLiteral("escalationRules.complexIssueAfterTurns: a whole number from 1 to 10");
    return validateDeskConfig(config.value(QLatin1String("desk")).toObject());
}

CsConfig::CsConfig() : CsConfig(defaultJson()) { }

CsConfig::CsConfig(QJsonObject json) : m_json(std::move(json))
{
    parseViews();
}

void CsConfig::parseViews()
{
    for (Tier t : {Tier::AiRep, Tier::AiManager, Tier::HumanAgent})
        m_tiers[static_cast<int>(t)] = parseTier(t);
    m_irate = parseIrate();
    m_desk = DeskConfig::parse(m_json.value(QLatin1String("desk")).toObject());
    m_language = languageFromCode(m_json.value(QLatin1String("language")).toString()).value_or(Language::En);
}

CsConfig CsConfig::defaults()
{
    return CsConfig(defaultJson());
}

Result<CsConfig> CsConfig::fromJson(const QJsonObject &stored)
{
    return defaults().merged(stored);
}

Result<CsConfig> CsConfig::merged(const QJsonObject &patch) const
{
    QJsonObject clean = patch;
    clean.remove(QStringLiteral("companyId"));
    const QString shapeError = checkShape(clean, defaultJson(), {});
    if (!shapeError.isEmpty())
        return makeError(ErrorKind::InvalidArgument, shapeError);
    const QJsonObject result = deepMerge(m_json, clean);
    const QString error = validateCsConfig(result);
    if (!error.isEmpty())
        return makeError(ErrorKind::InvalidArgument, error);
    return CsConfig(result);
}

bool CsConfig::enabled() const
{
    return m_json.value(QLatin1String("enabled")).toBool(true);
}

TierCapabilities CsConfig::parseTier(Tier t) const
{
    TierCapabilities out;
    const QJsonObject tiers = m_json.value(QLatin1String("tiers")).toObject();
    // The human tier's capabilities limit what a person may do from the console
    // (POST /sessions/:id/actions); the AI never acts at that tier.
    const char *key = t == Tier::AiRep ? "aiRep" : t == Tier::AiManager ? "aiManager" : "humanAgent";
    const QJsonObject tier = tiers.value(QLatin1String(key)).toObject();
    const QJsonObject caps = tier.value(QLatin1String("capabilities")).toObject();
    const QJsonObject guide = tier.value(QLatin1String("responseGuidelines")).toObject();
    out.enabled = tier.value(QLatin1String("enabled")).toBool(true);
    out.canProcessRefunds = caps.value(QLatin1String("canProcessRefunds")).toBool();
    out.maxRefundAmount = caps.value(QLatin1String("maxRefundAmount")).toDouble();
    out.canModifySubscription = caps.value(QLatin1String("canModifySubscription")).toBool();
    out.canApplyCredits = caps.value(QLatin1String("canApplyCredits")).toBool();
    out.maxCreditAmount = caps.value(QLatin1String("maxCreditAmount")).toDouble();
    out.tone = guide.value(QLatin1String("tone")).toString(out.tone);
    out.maxResponseLength = guide.value(QLatin1String("maxResponseLength")).toInt(out.maxResponseLength);
    return out;
}

IrateProtocol CsConfig::parseIrate() const
{
    const QJsonObject irate = m_json.value(QLatin1String("irateProtocol")).toObject();
    const QJsonObject autoEsc = irate.value(QLatin1String("autoEscalate")).toObject();
    IrateProtocol out;
    out.enabled = irate.value(QLatin1String("enabled")).toBool(true);
    out.detectionThreshold = irate.value(QLatin1String("detectionThreshold")).toDouble(0.7);
    for (const QJsonValue &k : irate.value(QLatin1String("triggerKeywords")).toArray())
        out.triggerKeywords << k.toString();
    out.autoEscalate = autoEsc.value(QLatin1String("enabled")).toBool(true);
    out.afterAttempts = autoEsc.value(QLatin1String("afterAttempts")).toInt(2);
    out.targetTier = parse<Tier>(autoEsc.value(QLatin1String("targetTier")).toString()).value_or(Tier::AiManager);
    return out;
}

int CsConfig::repeatContactWindowHours() const
{
    return m_json.value(QLatin1String("escalationRules"))
        .toObject()
        .value(QLatin1String("repeatContactWindowHours"))
        .toInt(72);
}

int CsConfig::complexIssueAfterTurns() const
{
    return m_json.value(QLatin1String("escalationRules"))
        .toObject()
        .value(QLatin1String("complexIssueAfterTurns"))
        .toInt(2);
}

bool CsConfig::notifyOnEscalation() const
{
    return humanAgent(m_json).value(QLatin1String("notifyOnEscalation")).toBool(true);
}

QString CsConfig::escalationPhone() const
{
    return humanAgent(m_json).value(QLatin1String("escalationPhone")).toString();
}

} // namespace tierdesk
