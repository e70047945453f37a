// The companies table's config text (storage::encodeConfig/decodeConfig): the rows of
// existing databases read back, and a config is written as before.
#include "core/store/ConfigCodec.h"
#include "core/store/Store.h"
#include "tests/support/TestStore.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tierdesk;
using namespace tierdesk::storage;

namespace {

// A company's config as the version before the typed config wrote it (tierdesk company create).
const QByteArray kStoredDefaults
    = R"({"desk":{"queues":[{"categories":["SHIPPING","REFUND","BILLING","CANCELLATION"],"email":"","name":"orders"},{"categories":["COMPLAINT","PRODUCT_QUALITY"],"email":"","name":"complaints"},{"categories":[],"email":"","name":"inquiries"}],"sla":{"high":{"firstResponseMinutes":15,"resolutionMinutes":240},"low":{"firstResponseMinutes":240,"resolutionMinutes":4320},"normal":{"firstResponseMinutes":60,"resolutionMinutes":1440},"urgent":{"firstResponseMinutes":5,"resolutionMinutes":60}},"warningAt":0.75},"enabled":true,"escalationRules":{"complexIssueAfterTurns":2,"repeatContactWindowHours":72},"irateProtocol":{"autoEscalate":{"afterAttempts":2,"enabled":true,"targetTier":"AI_MANAGER"},"detectionThreshold":0.7,"enabled":true,"triggerKeywords":["angry","furious","unacceptable"]},"language":"en","tiers":{"aiManager":{"capabilities":{"canApplyCredits":true,"canModifySubscription":true,"canProcessRefunds":true,"maxCreditAmount":50,"maxRefundAmount":100},"enabled":true,"responseGuidelines":{"maxResponseLength":800,"tone":"empathetic"}},"aiRep":{"capabilities":{"canApplyCredits":true,"canModifySubscription":false,"canProcessRefunds":false,"maxCreditAmount":10,"maxRefundAmount":0},"enabled":true,"responseGuidelines":{"maxResponseLength":600,"tone":"friendly"}},"humanAgent":{"capabilities":{"canApplyCredits":true,"canModifySubscription":true,"canProcessRefunds":true,"maxCreditAmount":100,"maxRefundAmount":500},"enabled":true,"escalationPhone":"","notifyOnEscalation":true}}})";

// The "ai" section every row has since language models came: the defaults, the local responder.
const QByteArray kAiDefaults
    = R"("ai":{"historyMessages":12,"maskPii":true,"models":{"aiManager":"","aiRep":"","assist":""},"provider":"local","temperature":0.2},)";

// A row written before "ai" existed, as it is written now.
QByteArray withAi(const QByteArray &row)
{
    return QByteArray(row).insert(1, kAiDefaults);
}

} // namespace

class TestConfigCodec : public QObject {
    Q_OBJECT

private slots:
    void defaultsAreWrittenAsBefore()
    {
        QCOMPARE(encodeConfig(CsConfig::defaults()), withAi(kStoredDefaults));
        QCOMPARE(encodeConfig(decodeConfig(kStoredDefaults)), withAi(kStoredDefaults));
    }

    void aChangedRowReadsBackIntoEveryPart()
    {
        QByteArray row = kStoredDefaults;
        row.replace(R"("maxCreditAmount":10,)", R"("maxCreditAmount":12.5,)"); // the AI rep's
        row.replace(R"("language":"en")", R"("language":"de")");
        row.replace(R"("escalationPhone":"")", R"("escalationPhone":"+4930123")");
        row.replace(R"("triggerKeywords":["angry","furious","unacceptable"])", R"("triggerKeywords":["livid"])");
        row.replace(R"("targetTier":"AI_MANAGER")", R"("targetTier":"HUMAN_AGENT")");
        row.replace(R"("complexIssueAfterTurns":2)", R"("complexIssueAfterTurns":4)");
        row.replace(R"({"categories":[],"email":"","name":"inquiries"})",
            R"({"categories":["TECHNICAL"],"email":"t@example.com","name":"tech"})");
        row.replace(R"("warningAt":0.75)", R"("warningAt":0.5)");
        const CsConfig c = decodeConfig(row);
        QCOMPARE(c.tier(Tier::AiRep).maxCreditAmount, 12.5);
        QCOMPARE(c.language, Language::De);
        QCOMPARE(c.escalationPhone, QStringLiteral("+4930123"));
        QCOMPARE(c.irate.triggerKeywords, QStringList{QStringLiteral("livid")});
        QVERIFY(c.irate.targetTier == Tier::HumanAgent);
        QCOMPARE(c.escalationRules.complexIssueAfterTurns, 4);
        QCOMPARE(c.desk.queueFor(IssueCategory::Technical), QStringLiteral("tech"));
        QCOMPARE(c.desk.queues.last().email, QStringLiteral("t@example.com"));
        QCOMPARE(c.desk.warningAt, 0.5);
        QCOMPARE(encodeConfig(c), withAi(row));
    }

    // Every connector purpose (cancel too) and the voice section survive a write and a read.
    void connectorsAndVoiceReadBack()
    {
        CsConfig c = CsConfig::defaults();
        c.connectors.cancel = QStringLiteral("shop-cancel");
        c.connectors.order = QStringLiteral("shop");
        c.voice.numbers = QStringList{QStringLiteral("+15550100")};
        c.voice.voice = QStringLiteral("rms");
        c.voice.recordCalls = false;
        const CsConfig back = decodeConfig(encodeConfig(c));
        QCOMPARE(back.connectors.cancel, QStringLiteral("shop-cancel"));
        QCOMPARE(back.connectors.order, QStringLiteral("shop"));
        QCOMPARE(back.voice.numbers, c.voice.numbers);
        QCOMPARE(back.voice.voice, QStringLiteral("rms"));
        QCOMPARE(back.voice.recordCalls, false);
        QVERIFY(back.voice.sip.open());
        QVERIFY(!encodeConfig(c).contains("\"sip\"")); // nothing asked of callers: nothing written
    }

    // Who may call: the sources, the digest user and algorithms, and the password only as sealed bytes.
    void sipAccessReadsBack()
    {
        CsConfig c = CsConfig::defaults();
        c.voice.sip.allowedSources = {QStringLiteral("54.172.60.0/30"), QStringLiteral("2001:db8::1")};
        c.voice.sip.digestUsername = QStringLiteral("trunk");
        c.voice.sip.digestAlgorithms = {QStringLiteral("MD5")};
        c.voice.sip.sealedDigestPassword = QByteArray("\x01sealed\xff", 8);
        c.voice.sip.newDigestPassword = QStringLiteral("plain-text-never-stored");
        const QByteArray row = encodeConfig(c);
        QVERIFY(!row.contains("plain-text-never-stored"));
        const CsConfig back = decodeConfig(row);
        QCOMPARE(back.voice.sip.allowedSources, c.voice.sip.allowedSources);
        QCOMPARE(back.voice.sip.digestUsername, QStringLiteral("trunk"));
        QCOMPARE(back.voice.sip.digestAlgorithms, QStringList{QStringLiteral("MD5")});
        QCOMPARE(back.voice.sip.sealedDigestPassword, c.voice.sip.sealedDigestPassword);
        QVERIFY(back.voice.sip.newDigestPassword.isEmpty());
    }

    void aRowFromBeforeAKeyExistedKeepsItsDefault()
    {
        // Rows written before "desk", "language" and the human tier's capabilities existed.
        const CsConfig c
            = decodeConfig(R"({"enabled":false,"tiers":{"aiManager":{"capabilities":{"maxRefundAmount":250}}}})");
        QVERIFY(!c.enabled);
        QCOMPARE(c.tier(Tier::AiManager).maxRefundAmount, 250.0);
        QCOMPARE(c.tier(Tier::AiManager).maxCreditAmount, 50.0);
        QCOMPARE(c.tier(Tier::HumanAgent).maxRefundAmount, 500.0);
        QCOMPARE(c.language, Language::En);
        QCOMPARE(c.desk.queueNames(), CsConfig::defaults().desk.queueNames());
        QCOMPARE(encodeConfig(decodeConfig("not json")), withAi(kStoredDefaults));
    }

    void aStoredCompanyKeepsItsConfig()
    {
        QTemporaryDir dir;
        auto opened = test::openTestStore(dir.filePath(QStringLiteral("t.db")));
        QVERIFY(opened.ok());
        Store &store = **opened;
        CsConfig config;
        config.tier(Tier::AiManager).tone = QStringLiteral("formal");
        config.desk.sla[int(Priority::Low)] = {300, 5000};
        QVERIFY(store.companies().insert({QStringLiteral("co"), QStringLiteral("Co"), 1000, CsConfig::defaults()}));
        QVERIFY(store.companies().updateConfig(QStringLiteral("co"), config));
        const auto found = store.companies().find(QStringLiteral("co"));
        QVERIFY(found);
        QCOMPARE(found->config.tier(Tier::AiManager).tone, QStringLiteral("formal"));
        QCOMPARE(found->config.desk.target(Priority::Low).resolutionMinutes, 5000);
        QCOMPARE(encodeConfig(found->config), encodeConfig(config));
    }

    void businessHoursAreKeptWhenSet()
    {
        CsConfig config;
        BusinessHours hours;
        hours.timeZone = QTimeZone("Europe/Berlin");
        hours.weekly[0] = {{9 * 60, 12 * 60}, {13 * 60, 17 * 60}};
        hours.weekly[5] = {{20 * 60, 24 * 60}};
        hours.holidays = {QDate(2026, 12, 25), QDate(2026, 12, 26)};
        config.desk.businessHours = hours;
        const QByteArray row = encodeConfig(config);
        QVERIFY2(row.contains(R"("businessHours":{"holidays":["2026-12-25","2026-12-26"],"timeZone":"Europe/Berlin",)"
                              R"("weekly":{"fri":[],"mon":[["09:00","12:00"],["13:00","17:00"]],)"),
            row.constData());
        const CsConfig read = decodeConfig(row);
        QVERIFY(read.desk.businessHours);
        QCOMPARE(read.desk.businessHours->timeZone.id(), QByteArray("Europe/Berlin"));
        QCOMPARE(read.desk.businessHours->weekly[0].size(), 2);
        QCOMPARE(read.desk.businessHours->weekly[5].first().to, 24 * 60);
        QCOMPARE(read.desk.businessHours->holidays, hours.holidays);
        QCOMPARE(encodeConfig(read), row);
        // Without them the row is written as before (defaultsAreWrittenAsBefore) and reads as always open.
        QVERIFY(!decodeConfig(kStoredDefaults).desk.businessHours);
    }

    void automaticAssignmentIsKept()
    {
        CsConfig config = CsConfig::defaults();
        config.desk.assignment = Assignment::Automatic;
        const QByteArray row = encodeConfig(config);
        QVERIFY(row.contains(R"("assignment":"automatic")"));
        QVERIFY(decodeConfig(row).desk.assignment == Assignment::Automatic);
        QVERIFY(decodeConfig(kStoredDefaults).desk.assignment == Assignment::Manual); // manual is the row as before
    }
};

QTEST_GUILESS_MAIN(TestConfigCodec)
#include "tst_configcodec.moc"
