// Runs every conversation of tests/scenarios/*.json (format: tests/scenarios/README.md)
// against a real engine over a real SQLite store seeded with the demo data; and again with
// the demo store's orders served by a company's own order API (an `http` connector).
#include "EngineFixture.h"
#include "ShopDraft.h"
#include "core/common/GatedRegex.h"
#include "core/engine/dialogue/Requests.h"
#include "tests/support/ConnectorServer.h"
#include "tests/support/ScriptedModelServer.h"
#include "tests/support/TestPaths.h"

#include <QDir>

using namespace tierdesk;
using namespace tierdesk::test;
using tierdesk::test::ReceivedRequest;
using tierdesk::test::ScriptedModelServer;

namespace {

struct Loaded {
    QJsonObject scenario;
    QString file;
};

QString scenarioDir()
{
    return sourceDir() + QStringLiteral("/tests/scenarios");
}

// The CS config patch of a scenario, merged deeply into the company's config as PUT /config does.
bool applyConfig(EngineFixture &f, const QJsonObject &config)
{
    return config.isEmpty() || f.configure(config);
}

double ledgerSum(EngineFixture &f, const QString &kind)
{
    return f
        .scalar(QStringLiteral("SELECT COALESCE(SUM(amount), 0) FROM ledger WHERE company_id = ? AND kind = ?"),
            {f.companyId, kind})
        .toDouble();
}

QString show(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact));
}

// A replyContains entry: a string, or an array of alternatives (any one will do).
bool replyHas(const QString &reply, const QJsonValue &wanted)
{
    if (wanted.isArray()) {
        for (const QJsonValue &alt : wanted.toArray())
            if (reply.contains(alt.toString(), Qt::CaseInsensitive))
                return true;
        return false;
    }
    return reply.contains(wanted.toString(), Qt::CaseInsensitive);
}

struct TurnResult {
    MessageOutcome outcome;
    double refunded = 0;
    double credited = 0;
    QString subscription;
};

// Every expectation of one turn that does not hold, one line each. Without `words`, only
// what the engine decided and did (tier, escalation, actions, money, subscription).
QStringList checkTurn(const QJsonObject &expect, const TurnResult &r, bool words)
{
    QStringList failures;
    const MessageOutcome &o = r.outcome;
    const QString reply = o.aiResponse ? o.aiResponse->content : QString();
    const QStringList actions = actionsOf(o);
    if (expect.contains(QLatin1String("tier"))
        && toString(o.session.currentTier) != expect.value(QLatin1String("tier")).toString())
        failures << QStringLiteral("tier %1, expected %2")
                        .arg(toString(o.session.currentTier), expect.value(QLatin1String("tier")).toString());
    if (expect.contains(QLatin1String("escalationReason"))) {
        const QJsonValue want = expect.value(QLatin1String("escalationReason"));
        const QString got = o.escalation ? toString(o.escalation->reason) : QString();
        if (got != (want.isNull() ? QString() : want.toString()))
            failures << QStringLiteral("escalation %1, expected %2")
                            .arg(got.isEmpty() ? QStringLiteral("none") : got,
                                want.isNull() ? QStringLiteral("none") : want.toString());
    }
    for (const QJsonValue &a : expect.value(QLatin1String("actions")).toArray())
        if (!actions.contains(a.toString()))
            failures
                << QStringLiteral("action %1 not taken (taken: %2)").arg(a.toString(), actions.join(QLatin1Char(',')));
    for (const QJsonValue &a : expect.value(QLatin1String("notActions")).toArray())
        if (actions.contains(a.toString()))
            failures << QStringLiteral("action %1 taken").arg(a.toString());
    const double wantRefund = expect.value(QLatin1String("refunded")).toDouble(0);
    const double wantCredit = expect.value(QLatin1String("credited")).toDouble(0);
    if (qAbs(r.refunded - wantRefund) > 0.005)
        failures << QStringLiteral("refunded $%1, expected $%2").arg(r.refunded).arg(wantRefund);
    if (qAbs(r.credited - wantCredit) > 0.005)
        failures << QStringLiteral("credited $%1, expected $%2").arg(r.credited).arg(wantCredit);
    if (!words)
        return failures;
    for (const QJsonValue &w : expect.value(QLatin1String("replyContains")).toArray())
        if (!replyHas(reply, w))
            failures << QStringLiteral("reply lacks %1").arg(show(w));
    for (const QJsonValue &w : expect.value(QLatin1String("replyNotContains")).toArray())
        if (replyHas(reply, w))
            failures << QStringLiteral("reply has %1").arg(show(w));
    if (expect.contains(QLatin1String("subscription"))
        && r.subscription != expect.value(QLatin1String("subscription")).toString())
        failures << QStringLiteral("subscription %1, expected %2")
                        .arg(r.subscription, expect.value(QLatin1String("subscription")).toString());
    if (expect.contains(QLatin1String("noReply"))
        && expect.value(QLatin1String("noReply")).toBool() == o.aiResponse.has_value())
        failures << (o.aiResponse ? QStringLiteral("the AI replied, expected silence") : QStringLiteral("no AI reply"));
    // The local responder words only what the engine did: the ReplyGuard never has to step in.
    if (o.aiResponse && o.aiResponse->meta.ai && !o.aiResponse->meta.ai->guardNotes.isEmpty())
        failures << QStringLiteral("the ReplyGuard held back: %1")
                        .arg(show(QJsonArray::fromStringList(o.aiResponse->meta.ai->guardNotes)));
    return failures;
}

ScriptedModelServer::Answer sensibleAnswer(const ScriptedModelServer &server, const ReceivedRequest &request);

} // namespace

class TestScenarios : public QObject {
    Q_OBJECT

private slots:
    // Every gated expression also runs where its stems close the gate: the
    // conversations below prove the stems never hide a match (GatedRegex).
    void initTestCase()
    {
        GatedRegex::setVerifying(true);
        m_model = std::make_unique<ScriptedModelServer>(ProviderKind::OpenAi);
        QVERIFY(m_model->isListening());
        ScriptedModelServer *server = m_model.get();
        m_model->setScript([server](const ReceivedRequest &r) { return sensibleAnswer(*server, r); });
        // The demo store's orders at a shop's API, dated from the fixture's clock as the seeder dates them.
        m_shop = std::make_unique<ConnectorServer>(QStringLiteral("orders"),
            QStringList{QStringLiteral("--demo"), sourceDir() + QStringLiteral("/resources/demo/demo.json"),
                QStringLiteral("--now"), QString::number(FakeClock().nowMs())});
        QVERIFY2(m_shop->isRunning(), qPrintable(m_shop->error()));
    }
    void formatIsKnown();
    void scenario_data();
    void scenario();
    // The same conversations, every reply worded by a scripted model that answers sensibly:
    // the model never changes a decision (money, escalation, tier, subscription).
    void withAModel_data() { scenario_data(); }
    void withAModel();
    // The same conversations with the orders read from the shop through a connector (`order`,
    // `orders` and `cancel` name it): every money, escalation and tier outcome holds.
    void withAShop_data() { scenario_data(); }
    void withAShop();
    void gatesHidNoMatch();

private:
    static QList<Loaded> loadAll(QStringList *errors);
    std::unique_ptr<ScriptedModelServer> m_model;
    std::unique_ptr<ConnectorServer> m_shop;
};

QList<Loaded> TestScenarios::loadAll(QStringList *errors)
{
    QList<Loaded> out;
    const QDir dir(scenarioDir());
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        QJsonParseError error{};
        const QJsonDocument doc
            = file.open(QIODevice::ReadOnly) ? QJsonDocument::fromJson(file.readAll(), &error) : QJsonDocument();
        if (!doc.isObject() || !doc.object().value(QLatin1String("scenarios")).isArray()) {
            *errors << QStringLiteral("%1: not a {\"scenarios\": [...]} file (%2)").arg(name, error.errorString());
            continue;
        }
        for (const QJsonValue &v : doc.object().value(QLatin1String("scenarios")).toArray())
            out.append({v.toObject(), name});
    }
    return out;
}

void TestScenarios::formatIsKnown()
{
    QStringList errors;
    const QList<Loaded> all = loadAll(&errors);
    QVERIFY2(!all.isEmpty(), qPrintable(scenarioDir()));
    QSet<QString> names;
    static const QStringList turnKeys{QStringLiteral("say"), QStringLiteral("expect")};
    static const QStringList expectKeys{QStringLiteral("tier"), QStringLiteral("escalationReason"),
        QStringLiteral("actions"), QStringLiteral("notActions"), QStringLiteral("refunded"), QStringLiteral("credited"),
        QStringLiteral("replyContains"), QStringLiteral("replyNotContains"), QStringLiteral("subscription"),
        QStringLiteral("noReply")};
    for (const Loaded &l : all) {
        const QString name = l.scenario.value(QLatin1String("name")).toString();
        if (name.isEmpty() || names.contains(name))
            errors << QStringLiteral("%1: missing or repeated name \"%2\"").arg(l.file, name);
        names.insert(name);
        if (l.scenario.value(QLatin1String("customer")).toString().isEmpty()
            || l.scenario.value(QLatin1String("turns")).toArray().isEmpty())
            errors << QStringLiteral("%1: %2 needs a customer and turns").arg(l.file, name);
        for (const QJsonValue &t : l.scenario.value(QLatin1String("turns")).toArray()) {
            for (const QString &key : t.toObject().keys())
                if (!turnKeys.contains(key))
                    errors << QStringLiteral("%1: %2: unknown turn key %3").arg(l.file, name, key);
            for (const QString &key : t.toObject().value(QLatin1String("expect")).toObject().keys())
                if (!expectKeys.contains(key))
                    errors << QStringLiteral("%1: %2: unknown expectation %3").arg(l.file, name, key);
        }
    }
    QVERIFY2(errors.isEmpty(), qPrintable(errors.join(QLatin1Char('\n'))));
}

void TestScenarios::scenario_data()
{
    QTest::addColumn<QJsonObject>("scenario");
    QStringList errors;
    for (const Loaded &l : loadAll(&errors))
        QTest::newRow(qPrintable(l.scenario.value(QLatin1String("name")).toString())) << l.scenario;
}

namespace {

// Plays one scenario on `f`; the failures of every turn, one line each.
QStringList playScenario(EngineFixture &f, const QJsonObject &scenario, bool words)
{
    QStringList failures;
    const QString customer = QStringLiteral("cust_") + scenario.value(QLatin1String("customer")).toString();
    for (const QJsonValue &prior : scenario.value(QLatin1String("priorSessions")).toArray()) {
        auto s = f.open(customer);
        if (!s)
            return {QStringLiteral("prior session not opened")};
        for (const QJsonValue &text : prior.toArray()) {
            f.clock.advanceSecs(30);
            if (!f.say(s->id, text.toString()))
                return {QStringLiteral("prior message refused")};
        }
        f.clock.advanceSecs(60);
        if (!f.engine->resolve(f.companyId, s->id, Resolution{}, Actor{}))
            return {QStringLiteral("prior session not resolved")};
        f.clock.advanceSecs(3600);
    }
    auto session = f.open(customer);
    if (!session)
        return {QStringLiteral("session not opened")};
    const QJsonArray turns = scenario.value(QLatin1String("turns")).toArray();
    for (int i = 0; i < turns.size(); ++i) {
        const QJsonObject turn = turns.at(i).toObject();
        const QString say = turn.value(QLatin1String("say")).toString();
        f.clock.advanceSecs(30);
        const double refundedBefore = ledgerSum(f, QStringLiteral("refund"));
        const double creditedBefore = ledgerSum(f, QStringLiteral("credit"));
        auto posted = f.say(session->id, say);
        if (!posted) {
            failures << QStringLiteral("turn %1 \"%2\": rejected: %3").arg(i).arg(say, posted.error().message);
            break;
        }
        TurnResult r;
        r.outcome = posted.value();
        f.store->batch().flush();
        r.refunded = ledgerSum(f, QStringLiteral("refund")) - refundedBefore;
        r.credited = ledgerSum(f, QStringLiteral("credit")) - creditedBefore;
        if (auto c = f.store->customers().find(f.companyId, customer))
            r.subscription = c->subscription ? c->subscription->status : QString();
        const QString reply = r.outcome.aiResponse ? r.outcome.aiResponse->content : QStringLiteral("(no reply)");
        if (qEnvironmentVariableIsSet("TIERDESK_SCENARIO_TRACE")) // every turn, for whoever reads a conversation
            qInfo("turn %d \"%s\" [%s %s]\n      reply: %s", i, qPrintable(say),
                qPrintable(toString(r.outcome.session.currentTier)),
                qPrintable(
                    r.outcome.aiResponse ? r.outcome.aiResponse->meta.ai.value_or(AiReplyMeta{}).intent : QString()),
                qPrintable(reply));
        for (const QString &problem : checkTurn(turn.value(QLatin1String("expect")).toObject(), r, words))
            failures << QStringLiteral("turn %1 \"%2\": %3\n      reply: %4").arg(i).arg(say, problem, reply);
    }
    return failures;
}

// A pending scenario is expected to fail; one that passes must lose its "pending" field.
void report(const QJsonObject &scenario, const QStringList &failures)
{
    const QString report = QStringLiteral("%1: %2").arg(
        QString::fromUtf8(QTest::currentDataTag()), failures.join(QStringLiteral("\n    ")));
    const QString pending = scenario.value(QLatin1String("pending")).toString();
    if (!pending.isEmpty()) {
        QEXPECT_FAIL("",
            qPrintable(QStringLiteral("pending: ") + pending + QStringLiteral(" (remove pending if it passes)")),
            Continue);
        if (failures.isEmpty())
            qWarning("%s passes: remove its \"pending\" field", QTest::currentDataTag());
        else
            qInfo("%s", qPrintable(report)); // what still fails, for whoever takes it up
    }
    QVERIFY2(failures.isEmpty(), qPrintable(report));
}

// A model that answers sensibly from the facts it is given: it asks the confirmation
// it is told to ask, states the refusal it is told, or thanks the customer.
ScriptedModelServer::Answer sensibleAnswer(const ScriptedModelServer &server, const ReceivedRequest &request)
{
    const QString facts = server.systemPrompt(request);
    for (const char *label : {"- Awaiting the customer's confirmation (ask, do not claim): ", "- Not done, and why: ",
             "- Ask the customer for: "}) {
        const qsizetype at = facts.indexOf(QLatin1String(label));
        if (at >= 0) {
            const qsizetype from = at + qstrlen(label);
            return server.reply(facts.mid(from, facts.indexOf(QLatin1Char('\n'), from) - from));
        }
    }
    return server.reply(QStringLiteral("Thanks for your message, I am looking at it with you."));
}

} // namespace

void TestScenarios::scenario()
{
    QFETCH(QJsonObject, scenario);
    EngineFixture f;
    QVERIFY(f.setUp());
    QVERIFY2(applyConfig(f, scenario.value(QLatin1String("config")).toObject()), "config rejected");
    report(scenario, playScenario(f, scenario, true));
}

void TestScenarios::withAModel()
{
    QFETCH(QJsonObject, scenario);
    EngineFixture f;
    QVERIFY(f.setUp());
    QVERIFY2(applyConfig(f, scenario.value(QLatin1String("config")).toObject()), "config rejected");
    AiProviderDraft draft;
    draft.name = QStringLiteral("scripted");
    draft.kind = QStringLiteral("openai");
    draft.baseUrl = m_model->baseUrl().toString();
    QVERIFY(f.engine->aiProviders().add(f.companyId, draft, Actor{}).ok());
    QVERIFY2(f.configure({{QStringLiteral("ai"),
                 QJsonObject{{QStringLiteral("provider"), QStringLiteral("scripted")},
                     {QStringLiteral("models"),
                         QJsonObject{{QStringLiteral("aiRep"), QStringLiteral("small")},
                             {QStringLiteral("aiManager"), QStringLiteral("large")}}}}}}),
        "ai config rejected");
    const int asked = m_model->count();
    // The model words every reply; the engine's decisions are the local responder's run's.
    report(scenario, playScenario(f, scenario, false));
    QVERIFY(m_model->count() > asked || scenario.value(QLatin1String("turns")).toArray().isEmpty());
}

void TestScenarios::withAShop()
{
    QFETCH(QJsonObject, scenario);
    EngineFixture f;
    QVERIFY(f.setUp());
    bool created = false;
    QVERIFY2(m_shop->reset(), "the shop did not reset"); // an earlier scenario may have cancelled an order
    QVERIFY(f.engine->connectors().put(f.companyId, shopConnector(m_shop->url()), Actor{}, &created).ok());
    QVERIFY2(f.configure(R"({"connectors": {"order": "shop", "orders": "shop", "cancel": "shop"}})"),
        "connectors config rejected");
    QVERIFY2(applyConfig(f, scenario.value(QLatin1String("config")).toObject()), "config rejected");
    const QStringList failures = playScenario(f, scenario, false);
    if (!failures.isEmpty()) // why the shop's calls failed, when they did
        if (const auto calls = f.engine->connectors().calls(f.companyId, QStringLiteral("shop"), 5); calls.ok())
            for (const ConnectorCall &c : calls.value())
                if (!c.ok)
                    qInfo("shop call failed: %s", qPrintable(c.error));
    report(scenario, failures);
}

void TestScenarios::gatesHidNoMatch()
{
    const QStringList hidden = GatedRegex::hiddenMatches();
    QVERIFY2(hidden.isEmpty(), qPrintable(hidden.join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
