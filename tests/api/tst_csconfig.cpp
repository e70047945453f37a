#include "core/api/cs/CsConfigJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace tierdesk;
using namespace tierdesk::api::cs;

namespace {

QJsonObject obj(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("bad test JSON: %s", json);
    return doc.object();
}

QJsonValue at(const QJsonObject &root, const QString &path)
{
    QJsonValue v = root;
    for (const QString &key : path.split(QLatin1Char('.')))
        v = v.toObject().value(key);
    return v;
}

// validateConfig's answer as the console shows it: empty when valid, else "path: reason".
QString problem(const QJsonObject &config)
{
    const Status checked = validateConfig(config);
    return checked ? QString() : checked.error().message;
}

} // namespace

class TestCsConfig : public QObject {
    Q_OBJECT

private slots:
    void defaultsHaveTheSeedShape();
    void typedViewsOfDefaults();
    void humanTierCapsComeFromTheConfig();
    void deepMergeKeepsTheRest();
    void mergeReplacesArraysAndIgnoresCompanyId();
    void validPatches_data();
    void validPatches();
    void invalidPatches_data();
    void invalidPatches();
    void errorLeavesConfigUnchanged();
    void fromJsonFillsMissingKeysFromDefaults();
    void validateReportsFirstProblem();
    void languageIsEnglishOrGerman();
    void wholeNumberSettings_data();
    void wholeNumberSettings();
    void typedConfigWritesBackTheJsonItWasReadFrom();
};

void TestCsConfig::defaultsHaveTheSeedShape()
{
    const QJsonObject json = configJson(CsConfig::defaults());
    QCOMPARE(at(json, QStringLiteral("enabled")).toBool(false), true);
    // The seed's "Get CS Config" response, key by key.
    const QStringList boolTrue{QStringLiteral("tiers.aiRep.enabled"),
        QStringLiteral("tiers.aiRep.capabilities.canApplyCredits"), QStringLiteral("tiers.aiManager.enabled"),
        QStringLiteral("tiers.aiManager.capabilities.canProcessRefunds"),
        QStringLiteral("tiers.aiManager.capabilities.canModifySubscription"),
        QStringLiteral("tiers.aiManager.capabilities.canApplyCredits"), QStringLiteral("tiers.humanAgent.enabled"),
        QStringLiteral("tiers.humanAgent.notifyOnEscalation"), QStringLiteral("irateProtocol.enabled"),
        QStringLiteral("irateProtocol.autoEscalate.enabled")};
    for (const QString &p : boolTrue) {
        QVERIFY2(at(json, p).isBool(), qPrintable(p));
        QVERIFY2(at(json, p).toBool(), qPrintable(p));
    }
    const QStringList boolFalse{QStringLiteral("tiers.aiRep.capabilities.canProcessRefunds"),
        QStringLiteral("tiers.aiRep.capabilities.canModifySubscription")};
    for (const QString &p : boolFalse) {
        QVERIFY2(at(json, p).isBool(), qPrintable(p));
        QVERIFY2(!at(json, p).toBool(), qPrintable(p));
    }
    QCOMPARE(at(json, QStringLiteral("tiers.aiRep.capabilities.maxRefundAmount")).toDouble(-1), 0.0);
    QCOMPARE(at(json, QStringLiteral("tiers.aiRep.capabilities.maxCreditAmount")).toDouble(), 10.0);
    QCOMPARE(at(json, QStringLiteral("tiers.aiManager.capabilities.maxRefundAmount")).toDouble(), 100.0);
    QCOMPARE(at(json, QStringLiteral("tiers.aiManager.capabilities.maxCreditAmount")).toDouble(), 50.0);
    QCOMPARE(at(json, QStringLiteral("tiers.aiRep.responseGuidelines.tone")).toString(), QStringLiteral("friendly"));
    QVERIFY(at(json, QStringLiteral("tiers.aiRep.responseGuidelines.maxResponseLength")).isDouble());
    QVERIFY(at(json, QStringLiteral("tiers.humanAgent.escalationPhone")).isString());
    QCOMPARE(at(json, QStringLiteral("irateProtocol.detectionThreshold")).toDouble(), 0.7);
    QCOMPARE(at(json, QStringLiteral("irateProtocol.triggerKeywords")).toArray(),
        QJsonArray({QStringLiteral("angry"), QStringLiteral("furious"), QStringLiteral("unacceptable")}));
    QCOMPARE(at(json, QStringLiteral("irateProtocol.autoEscalate.afterAttempts")).toInt(), 2);
    QCOMPARE(
        at(json, QStringLiteral("irateProtocol.autoEscalate.targetTier")).toString(), QStringLiteral("AI_MANAGER"));
    // The defaults themselves pass validation.
    QCOMPARE(problem(json), QString());
}

void TestCsConfig::typedViewsOfDefaults()
{
    const CsConfig c = CsConfig::defaults();
    QVERIFY(c.enabled);
    const TierCapabilities rep = c.tier(Tier::AiRep);
    QVERIFY(rep.enabled);
    QVERIFY(!rep.canProcessRefunds);
    QCOMPARE(rep.maxRefundAmount, 0.0);
    QVERIFY(!rep.canModifySubscription);
    QVERIFY(rep.canApplyCredits);
    QCOMPARE(rep.maxCreditAmount, 10.0);
    QCOMPARE(rep.tone, QStringLiteral("friendly"));
    const TierCapabilities mgr = c.tier(Tier::AiManager);
    QVERIFY(mgr.canProcessRefunds);
    QCOMPARE(mgr.maxRefundAmount, 100.0);
    QVERIFY(mgr.canModifySubscription);
    QCOMPARE(mgr.maxCreditAmount, 50.0);
    const IrateProtocol irate = c.irate;
    QVERIFY(irate.enabled);
    QVERIFY(irate.autoEscalate);
    QCOMPARE(irate.afterAttempts, 2);
    QCOMPARE(irate.detectionThreshold, 0.7);
    QVERIFY(irate.targetTier == Tier::AiManager);
    QCOMPARE(irate.triggerKeywords,
        QStringList({QStringLiteral("angry"), QStringLiteral("furious"), QStringLiteral("unacceptable")}));
    QVERIFY(c.escalationRules.repeatContactWindowHours > 0);
    QVERIFY(c.escalationRules.complexIssueAfterTurns >= 1);
}

void TestCsConfig::humanTierCapsComeFromTheConfig()
{
    // A person's refunds and credits from the console are capped like the AI tiers'.
    const TierCapabilities human = CsConfig::defaults().tier(Tier::HumanAgent);
    QVERIFY(human.enabled);
    QVERIFY(human.canProcessRefunds && human.canApplyCredits && human.canModifySubscription);
    QCOMPARE(human.maxRefundAmount, 500.0);
    QCOMPARE(human.maxCreditAmount, 100.0);
    auto lower = mergeConfig(CsConfig::defaults(),
        obj(R"({"tiers":{"humanAgent":{"capabilities":{"maxRefundAmount":150,"canApplyCredits":false}}}})"));
    QVERIFY(lower.ok());
    QCOMPARE(lower->tier(Tier::HumanAgent).maxRefundAmount, 150.0);
    QVERIFY(!lower->tier(Tier::HumanAgent).canApplyCredits);
    QCOMPARE(lower->tier(Tier::HumanAgent).maxCreditAmount, 100.0);
    QVERIFY(
        !mergeConfig(CsConfig::defaults(), obj(R"({"tiers":{"humanAgent":{"capabilities":{"maxCreditAmount":-5}}}})"))
             .ok());
    auto off = mergeConfig(CsConfig::defaults(), obj(R"({"tiers":{"humanAgent":{"enabled":false}}})"));
    QVERIFY(off.ok());
    QVERIFY(!off->tier(Tier::HumanAgent).enabled);
}

void TestCsConfig::deepMergeKeepsTheRest()
{
    const CsConfig base = CsConfig::defaults();
    auto merged = mergeConfig(base, obj(R"({"tiers":{"aiRep":{"capabilities":{"maxCreditAmount":15}}}})"));
    QVERIFY2(merged.ok(), merged.ok() ? "" : qPrintable(merged.error().message));
    QCOMPARE(merged->tier(Tier::AiRep).maxCreditAmount, 15.0);
    // Everything else is as before, including the siblings inside the same object.
    QJsonObject expected = configJson(base);
    QJsonObject tiers = expected.value(QLatin1String("tiers")).toObject();
    QJsonObject rep = tiers.value(QLatin1String("aiRep")).toObject();
    QJsonObject caps = rep.value(QLatin1String("capabilities")).toObject();
    caps.insert(QStringLiteral("maxCreditAmount"), 15);
    rep.insert(QStringLiteral("capabilities"), caps);
    tiers.insert(QStringLiteral("aiRep"), rep);
    expected.insert(QStringLiteral("tiers"), tiers);
    QCOMPARE(configJson(*merged), expected);
    QVERIFY(merged->tier(Tier::AiRep).canApplyCredits);
    QCOMPARE(merged->tier(Tier::AiManager).maxRefundAmount, 100.0);
    QCOMPARE(merged->irate.afterAttempts, 2);

    // A second merge builds on the first.
    auto again = mergeConfig(*merged, obj(R"({"irateProtocol":{"autoEscalate":{"afterAttempts":3}}})"));
    QVERIFY(again.ok());
    QCOMPARE(again->tier(Tier::AiRep).maxCreditAmount, 15.0);
    QCOMPARE(again->irate.afterAttempts, 3);
    QVERIFY(again->irate.targetTier == Tier::AiManager);
    QVERIFY(again->irate.autoEscalate);
}

void TestCsConfig::mergeReplacesArraysAndIgnoresCompanyId()
{
    auto merged = mergeConfig(CsConfig::defaults(),
        obj(R"({"companyId":"c-1","enabled":true,"irateProtocol":{"triggerKeywords":["outrageous"]}})"));
    QVERIFY(merged.ok());
    QCOMPARE(merged->irate.triggerKeywords, QStringList{QStringLiteral("outrageous")});
    QVERIFY(!configJson(*merged).contains(QLatin1String("companyId")));
    auto empty = mergeConfig(CsConfig::defaults(), {});
    QVERIFY(empty.ok());
    QCOMPARE(configJson(*empty), configJson(CsConfig::defaults()));
}

void TestCsConfig::validPatches_data()
{
    QTest::addColumn<QJsonObject>("patch");
    QTest::newRow("disable company") << obj(R"({"enabled":false})");
    QTest::newRow("zero amounts") << obj(
        R"({"tiers":{"aiManager":{"capabilities":{"maxRefundAmount":0,"maxCreditAmount":0}}}})");
    QTest::newRow("threshold 0") << obj(R"({"irateProtocol":{"detectionThreshold":0}})");
    QTest::newRow("threshold 1") << obj(R"({"irateProtocol":{"detectionThreshold":1}})");
    QTest::newRow("afterAttempts 1") << obj(R"({"irateProtocol":{"autoEscalate":{"afterAttempts":1}}})");
    QTest::newRow("target human") << obj(R"({"irateProtocol":{"autoEscalate":{"targetTier":"HUMAN_AGENT"}}})");
    QTest::newRow("tone formal") << obj(R"({"tiers":{"aiRep":{"responseGuidelines":{"tone":"formal"}}}})");
    QTest::newRow("phone") << obj(R"({"tiers":{"humanAgent":{"escalationPhone":"+14155559999"}}})");
    QTest::newRow("no keywords") << obj(R"({"irateProtocol":{"triggerKeywords":[]}})");
    QTest::newRow("company profile") << obj(
        R"({"company":{"website":"https://acme.example","supportEmail":"help@acme.example",)"
        R"("supportPhone":"+1 (503) 555-0142","timeZone":"Europe/Berlin","currency":"EUR"}})");
    QTest::newRow("policies") << obj(
        R"({"policies":{"returnWindowDays":14,"returnWindowDaysByTier":{"GOLD":60},"cancellableStatuses":["pending"],)"
        R"("selfService":{"orders":"https://acme.example/orders"},"membershipName":"Ride Club",)"
        R"("plans":[{"id":"plus","name":"Plus","price":9.99,"interval":"year","returnWindowDays":90}]}})");
    QTest::newRow("the AI's voice") << obj(
        R"({"ai":{"persona":"Ava","greeting":"Hi, I'm Ava.","guidance":"Call customers riders."}})");
}

void TestCsConfig::validPatches()
{
    QFETCH(QJsonObject, patch);
    auto merged = mergeConfig(CsConfig::defaults(), patch);
    QVERIFY2(merged.ok(), merged.ok() ? "" : qPrintable(merged.error().message));
}

void TestCsConfig::invalidPatches_data()
{
    QTest::addColumn<QJsonObject>("patch");
    QTest::addColumn<QString>("path"); // the error message names this path

    QTest::newRow("negative credit") << obj(R"({"tiers":{"aiRep":{"capabilities":{"maxCreditAmount":-1}}}})")
                                     << QStringLiteral("tiers.aiRep.capabilities.maxCreditAmount");
    QTest::newRow("negative refund") << obj(R"({"tiers":{"aiManager":{"capabilities":{"maxRefundAmount":-0.01}}}})")
                                     << QStringLiteral("tiers.aiManager.capabilities.maxRefundAmount");
    QTest::newRow("huge refund") << obj(R"({"tiers":{"aiManager":{"capabilities":{"maxRefundAmount":1e12}}}})")
                                 << QStringLiteral("tiers.aiManager.capabilities.maxRefundAmount");
    QTest::newRow("unknown top key") << obj(R"({"colour":"red"})") << QStringLiteral("colour");
    QTest::newRow("unknown nested key") << obj(R"({"tiers":{"aiRep":{"capabilities":{"canFly":true}}}})")
                                        << QStringLiteral("tiers.aiRep.capabilities.canFly");
    QTest::newRow("unknown tier") << obj(R"({"tiers":{"superAgent":{"enabled":true}}})")
                                  << QStringLiteral("tiers.superAgent");
    QTest::newRow("threshold above 1") << obj(R"({"irateProtocol":{"detectionThreshold":1.5}})")
                                       << QStringLiteral("irateProtocol.detectionThreshold");
    QTest::newRow("threshold below 0") << obj(R"({"irateProtocol":{"detectionThreshold":-0.1}})")
                                       << QStringLiteral("irateProtocol.detectionThreshold");
    QTest::newRow("string for number") << obj(R"({"tiers":{"aiRep":{"capabilities":{"maxCreditAmount":"15"}}}})")
                                       << QStringLiteral("tiers.aiRep.capabilities.maxCreditAmount");
    QTest::newRow("number for bool") << obj(R"({"enabled":1})") << QStringLiteral("enabled");
    QTest::newRow("string for bool") << obj(R"({"tiers":{"aiManager":{"enabled":"yes"}}})")
                                     << QStringLiteral("tiers.aiManager.enabled");
    QTest::newRow("object for array") << obj(R"({"irateProtocol":{"triggerKeywords":{"a":1}}})")
                                      << QStringLiteral("irateProtocol.triggerKeywords");
    QTest::newRow("number for object") << obj(R"({"tiers":3})") << QStringLiteral("tiers");
    QTest::newRow("null value") << obj(R"({"irateProtocol":{"enabled":null}})")
                                << QStringLiteral("irateProtocol.enabled");
    QTest::newRow("non-string keyword") << obj(R"({"irateProtocol":{"triggerKeywords":["ok",3]}})")
                                        << QStringLiteral("irateProtocol.triggerKeywords");
    QTest::newRow("blank keyword") << obj(R"({"irateProtocol":{"triggerKeywords":["  "]}})")
                                   << QStringLiteral("irateProtocol.triggerKeywords");
    QTest::newRow("afterAttempts 0") << obj(R"({"irateProtocol":{"autoEscalate":{"afterAttempts":0}}})")
                                     << QStringLiteral("irateProtocol.autoEscalate.afterAttempts");
    QTest::newRow("afterAttempts 1.5") << obj(R"({"irateProtocol":{"autoEscalate":{"afterAttempts":1.5}}})")
                                       << QStringLiteral("irateProtocol.autoEscalate.afterAttempts");
    QTest::newRow("target AI_REP") << obj(R"({"irateProtocol":{"autoEscalate":{"targetTier":"AI_REP"}}})")
                                   << QStringLiteral("irateProtocol.autoEscalate.targetTier");
    QTest::newRow("target unknown") << obj(R"({"irateProtocol":{"autoEscalate":{"targetTier":"CEO"}}})")
                                    << QStringLiteral("irateProtocol.autoEscalate.targetTier");
    QTest::newRow("bad tone") << obj(R"({"tiers":{"aiRep":{"responseGuidelines":{"tone":"sarcastic"}}}})")
                              << QStringLiteral("tiers.aiRep.responseGuidelines.tone");
    QTest::newRow("tiny response length")
        << obj(R"({"tiers":{"aiRep":{"responseGuidelines":{"maxResponseLength":5}}}})")
        << QStringLiteral("tiers.aiRep.responseGuidelines.maxResponseLength");
    QTest::newRow("complexIssueAfterTurns 0") << obj(R"({"escalationRules":{"complexIssueAfterTurns":0}})")
                                              << QStringLiteral("escalationRules.complexIssueAfterTurns");
    QTest::newRow("negative window") << obj(R"({"escalationRules":{"repeatContactWindowHours":-1}})")
                                     << QStringLiteral("escalationRules.repeatContactWindowHours");
    QTest::newRow("website not http") << obj(R"({"company":{"website":"ftp://acme.example"}})")
                                      << QStringLiteral("company.website");
    QTest::newRow("bad e-mail") << obj(R"({"company":{"supportEmail":"help at acme"}})")
                                << QStringLiteral("company.supportEmail");
    QTest::newRow("bad phone") << obj(R"({"company":{"supportPhone":"call us"}})")
                               << QStringLiteral("company.supportPhone");
    QTest::newRow("unknown zone") << obj(R"({"company":{"timeZone":"Mars/Olympus"}})")
                                  << QStringLiteral("company.timeZone");
    QTest::newRow("unknown currency") << obj(R"({"company":{"currency":"XYZ"}})") << QStringLiteral("company.currency");
    QTest::newRow("lower-case currency") << obj(R"({"company":{"currency":"eur"}})")
                                         << QStringLiteral("company.currency");
    QTest::newRow("window too long") << obj(R"({"policies":{"returnWindowDays":4000}})")
                                     << QStringLiteral("policies.returnWindowDays");
    QTest::newRow("tier window not whole") << obj(R"({"policies":{"returnWindowDaysByTier":{"GOLD":1.5}}})")
                                           << QStringLiteral("policies.returnWindowDaysByTier.GOLD");
    QTest::newRow("bad status") << obj(R"({"policies":{"cancellableStatuses":["Pending!"]}})")
                                << QStringLiteral("policies.cancellableStatuses");
    QTest::newRow("self-service not a link") << obj(R"({"policies":{"selfService":{"returns":"javascript:void"}}})")
                                             << QStringLiteral("policies.selfService.returns");
    QTest::newRow("plan without name") << obj(R"({"policies":{"plans":[{"id":"a","price":1,"interval":"month"}]}})")
                                       << QStringLiteral("policies.plans[0].name");
    QTest::newRow("plan twice") << obj(R"({"policies":{"plans":[{"id":"a","name":"A","price":1},)"
                                       R"({"id":"a","name":"B","price":2}]}})")
                                << QStringLiteral("policies.plans[1].id");
    QTest::newRow("plan unknown key") << obj(R"({"policies":{"plans":[{"id":"a","name":"A","price":1,"colour":1}]}})")
                                      << QStringLiteral("policies.plans[0].colour");
    QTest::newRow("plan weekly") << obj(R"({"policies":{"plans":[{"id":"a","name":"A","price":1,"interval":"week"}]}})")
                                 << QStringLiteral("policies.plans[0].interval");
    QTest::newRow("persona on two lines") << obj(R"({"ai":{"persona":"Ava\nBot"}})") << QStringLiteral("ai.persona");
    QTest::newRow("guidance too long") << QJsonObject{{QStringLiteral("ai"),
        QJsonObject{{QStringLiteral("guidance"), QString(4001, QLatin1Char('x'))}}}}
                                       << QStringLiteral("ai.guidance");
    QTest::newRow("unknown company key") << obj(R"({"company":{"fax":"1"}})") << QStringLiteral("company.fax");
}

void TestCsConfig::invalidPatches()
{
    QFETCH(QJsonObject, patch);
    QFETCH(QString, path);
    auto merged = mergeConfig(CsConfig::defaults(), patch);
    QVERIFY(!merged.ok());
    QVERIFY(merged.error().kind == ErrorKind::InvalidArgument);
    QVERIFY2(merged.error().message.startsWith(path), qPrintable(merged.error().message));
    QCOMPARE(merged.error().field, path); // the dotted path, for a form to point at
    QVERIFY(merged.error().details.isEmpty()); // the answer's body is the message alone, as before
}

void TestCsConfig::errorLeavesConfigUnchanged()
{
    auto custom
        = mergeConfig(CsConfig::defaults(), obj(R"({"tiers":{"aiRep":{"capabilities":{"maxCreditAmount":20}}}})"));
    QVERIFY(custom.ok());
    const CsConfig before = custom.value();
    const QJsonObject beforeJson = configJson(before);
    // One good key and one bad key in the same patch: nothing of it applies.
    auto bad = mergeConfig(before, obj(R"({"tiers":{"aiRep":{"capabilities":{"maxCreditAmount":30}}},
                                    "irateProtocol":{"detectionThreshold":2}})"));
    QVERIFY(!bad.ok());
    QCOMPARE(configJson(before), beforeJson);
    QCOMPARE(before.tier(Tier::AiRep).maxCreditAmount, 20.0);
    auto unknown
        = mergeConfig(before, obj(R"({"tiers":{"aiRep":{"capabilities":{"maxCreditAmount":30}},"superAgent":{}}})"));
    QVERIFY(!unknown.ok());
    QCOMPARE(configJson(before), beforeJson);
}

void TestCsConfig::fromJsonFillsMissingKeysFromDefaults()
{
    auto stored = configFromJson(obj(R"({"tiers":{"aiManager":{"capabilities":{"maxRefundAmount":250}}}})"));
    QVERIFY(stored.ok());
    QCOMPARE(stored->tier(Tier::AiManager).maxRefundAmount, 250.0);
    QCOMPARE(stored->tier(Tier::AiRep).maxCreditAmount, 10.0);
    QVERIFY(stored->enabled);
    QVERIFY(!configFromJson(obj(R"({"tiers":{"aiManager":{"capabilities":{"maxRefundAmount":-5}}}})")).ok());
}

void TestCsConfig::validateReportsFirstProblem()
{
    QJsonObject json = configJson(CsConfig::defaults());
    QCOMPARE(problem(json), QString());
    json.insert(QStringLiteral("extra"), true);
    QCOMPARE(problem(json), QStringLiteral("extra: unknown key"));
}

void TestCsConfig::wholeNumberSettings_data()
{
    QTest::addColumn<QJsonObject>("patch");
    QTest::newRow("maxResponseLength") << obj(
        R"({"tiers":{"aiRep":{"responseGuidelines":{"maxResponseLength":60.5}}}})");
    QTest::newRow("repeatContactWindowHours") << obj(R"({"escalationRules":{"repeatContactWindowHours":0.5}})");
    QTest::newRow("complexIssueAfterTurns") << obj(R"({"escalationRules":{"complexIssueAfterTurns":4.5}})");
}

void TestCsConfig::wholeNumberSettings()
{
    // A fractional value for a whole-number setting is refused, never silently
    // replaced by a default.
    QFETCH(QJsonObject, patch);
    auto merged = mergeConfig(CsConfig::defaults(), patch);
    QVERIFY2(!merged.ok(), "a fractional value for a whole-number setting must be refused");
    QVERIFY2(merged.error().message.contains(QLatin1String("whole number")), qPrintable(merged.error().message));
}

void TestCsConfig::languageIsEnglishOrGerman()
{
    const CsConfig defaults = CsConfig::defaults();
    QCOMPARE(defaults.language, Language::En);
    QCOMPARE(configJson(defaults).value(QLatin1String("language")).toString(), QStringLiteral("en"));
    const auto german = mergeConfig(defaults, QJsonObject{{QStringLiteral("language"), QStringLiteral("de")}});
    QVERIFY(german.ok());
    QCOMPARE(german->language, Language::De);
    // A stored config from before the key existed answers in English.
    QCOMPARE(configFromJson(QJsonObject{{QStringLiteral("enabled"), true}})->language, Language::En);
    for (const QJsonValue &bad : {QJsonValue(QStringLiteral("fr")), QJsonValue(QStringLiteral("")), QJsonValue(7)}) {
        const auto r = mergeConfig(*german, QJsonObject{{QStringLiteral("language"), bad}});
        QVERIFY(!r.ok());
        QVERIFY2(r.error().message.startsWith(QLatin1String("language:")), qPrintable(r.error().message));
    }
}

void TestCsConfig::typedConfigWritesBackTheJsonItWasReadFrom()
{
    // Every key of the wire shape has a typed member: a config changed everywhere reads
    // into CsConfig and writes back the same JSON.
    const QJsonObject patch = obj(R"({"enabled":false,"language":"de",
        "tiers":{"aiRep":{"enabled":false,"capabilities":{"canProcessRefunds":true,"maxRefundAmount":12.5,
                   "canModifySubscription":true,"canApplyCredits":false,"maxCreditAmount":3},
                 "responseGuidelines":{"tone":"concise","maxResponseLength":300}},
                 "aiManager":{"responseGuidelines":{"tone":"formal","maxResponseLength":1200}},
                 "humanAgent":{"enabled":false,"escalationPhone":"+4930123","notifyOnEscalation":false,
                   "capabilities":{"maxRefundAmount":900,"canModifySubscription":false}}},
        "irateProtocol":{"enabled":false,"detectionThreshold":0.55,"triggerKeywords":["livid","fuming"],
                 "autoEscalate":{"enabled":false,"afterAttempts":4,"targetTier":"HUMAN_AGENT"}},
        "escalationRules":{"repeatContactWindowHours":0,"complexIssueAfterTurns":5},
        "desk":{"queues":[{"name":"money","categories":["REFUND","BILLING"],"email":"m@example.com"},
                          {"name":"rest","categories":[],"email":""}],
                "sla":{"low":{"firstResponseMinutes":300,"resolutionMinutes":5000}},"warningAt":0.6}})");
    const auto merged = mergeConfig(CsConfig::defaults(), patch);
    QVERIFY2(merged.ok(), merged.ok() ? "" : qPrintable(merged.error().message));
    const QJsonObject json = configJson(*merged);
    QCOMPARE(configJson(readConfig(json)), json);
    QVERIFY(json != configJson(CsConfig::defaults()));
    QCOMPARE(merged->escalationPhone, QStringLiteral("+4930123"));
    QVERIFY(!merged->notifyOnEscalation);
    QCOMPARE(merged->desk.target(Priority::Low).resolutionMinutes, 5000);
    QVERIFY(merged->irate.targetTier == Tier::HumanAgent);
    QCOMPARE(merged->tier(Tier::AiRep).maxRefundAmount, 12.5);
    // The patch's keys, one by one, are what the typed config writes.
    QCOMPARE(configChanges(json, configJson(*mergeConfig(*merged, patch))), QJsonArray());
}

QTEST_GUILESS_MAIN(TestCsConfig)
#include "tst_csconfig.moc"
