// The `customer` connector purpose in a conversation, against a company's customer API on loopback
// (connector_servers.py, the demo's customers with the company's own figures): what the company
// says reaches Tierdesk's record before the turn decides; a failure, an unknown customer or an
// answer about someone else leaves the record alone; answers are kept a minute; an erased customer
// is never filled again; a company whose `customer` is builtin asks nothing.
#include "core/engine/customers/CustomerErasure.h"
#include "core/engine/customers/CustomerFacts.h"
#include "core/engine/customers/CustomerFields.h"
#include "core/engine/sources/CustomerSource.h"
#include "tests/engine/EngineFixture.h"
#include "tests/support/ConnectorServer.h"
#include "tests/support/ScriptedModelServer.h"

using namespace tierdesk;
using tierdesk::test::ConnectorServer;
using tierdesk::test::ReceivedRequest;
using tierdesk::test::ScriptedModelServer;

namespace {

// Negative, and nothing else that escalates: only a VIP goes to the AI Manager for it.
constexpr auto kFrustrated = "My rain jacket still hasn't arrived and I'm really frustrated";

QString replyOf(const Result<MessageOutcome> &o)
{
    return o && o->aiResponse ? o->aiResponse->content : QString();
}

QString escalationOf(const Result<MessageOutcome> &o)
{
    return o && o->escalation ? toString(o->escalation->reason) : QString();
}

// The company's customer API: GET {url}{path}, its answer's fields as JSON pointers.
ConnectorDraft crmConnector(const QString &url, int timeoutMs, const QString &path, bool withId = true)
{
    ConnectorDraft d;
    d.name = QStringLiteral("crm");
    d.kind = QStringLiteral("http");
    d.purposes = {QStringLiteral("customer")};
    d.url = url;
    d.timeoutMs = timeoutMs;
    ConnectorRequest r;
    r.path = path;
    d.requests.insert(QStringLiteral("customer"), r);
    FieldPointers f;
    const std::pair<const char *, const char *> fields[] = {{"name", "/name"}, {"email", "/email"}, {"tier", "/level"},
        {"isVIP", "/vip"}, {"lifetimeValue", "/lifetime_value"}};
    for (const auto &[field, pointer] : fields)
        f.fields.insert(QLatin1String(field), QLatin1String(pointer));
    if (withId)
        f.fields.insert(QStringLiteral("id"), QStringLiteral("/id"));
    d.fields.insert(QStringLiteral("customer"), f);
    return d;
}

} // namespace

class TestCustomerSource : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void companysFiguresDecide();
    void asynchronousTurnsUseThemToo();
    void modelIsToldTheCompanysFigures();
    void failureLeavesTheRecord_data();
    void failureLeavesTheRecord();
    void anotherCustomersAnswerIsIgnored();
    void badValuesAreDroppedAndNoted();
    void answersAreKeptAMinute();
    void erasedCustomerIsNotFilledAgain();
    void builtinAsksNothing();
    void readsFieldsAsThePutRulesDo();

private:
    bool useCrm(
        int timeoutMs = 2000, const QString &path = QStringLiteral("/customers/{customerId}"), bool withId = true);
    int requestsFor(const QString &path);
    std::optional<Customer> customer(const QString &id) { return m_fx->store->customers().find(m_fx->companyId, id); }
    // A record of `id` with figures the company's system does not have.
    bool storeOwnRecord(const QString &id);
    int syncs(const QString &id);
    QList<ConnectorCall> calls();
    Result<MessageOutcome> ask(const QString &customerId, const QString &text);

    std::unique_ptr<test::EngineFixture> m_fx;
    std::unique_ptr<ConnectorServer> m_crm;
};

void TestCustomerSource::init()
{
    m_fx = std::make_unique<test::EngineFixture>();
    QVERIFY(m_fx->setUp());
}

void TestCustomerSource::cleanup()
{
    m_fx.reset();
    m_crm.reset();
}

bool TestCustomerSource::useCrm(int timeoutMs, const QString &path, bool withId)
{
    m_crm = std::make_unique<ConnectorServer>(QStringLiteral("orders"),
        QStringList{QStringLiteral("--demo"), test::sourceDir() + QStringLiteral("/resources/demo/demo.json")});
    if (!m_crm->isRunning())
        return false;
    bool created = false;
    if (!m_fx->engine->connectors().put(
            m_fx->companyId, crmConnector(m_crm->url(), timeoutMs, path, withId), Actor{}, &created))
        return false;
    return m_fx->configure(R"({"connectors": {"customer": "crm"}})");
}

int TestCustomerSource::requestsFor(const QString &path)
{
    OutboundRequest r;
    r.method = "GET";
    r.url = QUrl(m_crm->url(QStringLiteral("/_requests")));
    r.keepResponseBytes = 4 * 1024 * 1024;
    const OutboundResult got = m_fx->engine->connectors().transport()->post(r);
    int n = 0;
    for (const QJsonValue &v : QJsonDocument::fromJson(got.body).array())
        n += v.toObject().value(QLatin1String("path")).toString() == path ? 1 : 0;
    return n;
}

bool TestCustomerSource::storeOwnRecord(const QString &id)
{
    Customer c;
    c.id = id;
    c.companyId = m_fx->companyId;
    c.name = QStringLiteral("Kept As Is");
    c.email = QStringLiteral("kept@example.com");
    c.tier = QStringLiteral("BRONZE");
    c.lifetimeValue = 5;
    return m_fx->store->customers().upsert(c, m_fx->clock.nowMs()).ok();
}

int TestCustomerSource::syncs(const QString &id)
{
    return m_fx
        ->scalar(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE action = 'customer.sync' AND resource = ?"),
            {QString(QStringLiteral("customer:") + id)})
        .toInt();
}

QList<ConnectorCall> TestCustomerSource::calls()
{
    return m_fx->engine->connectors().calls(m_fx->companyId, QStringLiteral("crm"), 100).value();
}

Result<MessageOutcome> TestCustomerSource::ask(const QString &customerId, const QString &text)
{
    auto s = m_fx->open(customerId);
    if (!s)
        return s.error();
    m_fx->clock.advanceSecs(5);
    return m_fx->say(s->id, text);
}

void TestCustomerSource::companysFiguresDecide()
{
    // Tierdesk's demo store: Ben is no VIP, Alice is. Frustrated, only Alice goes to the AI Manager.
    QCOMPARE(escalationOf(ask(QStringLiteral("cust_ben"), QLatin1String(kFrustrated))), QString());
    QCOMPARE(escalationOf(ask(QStringLiteral("cust_alice"), QLatin1String(kFrustrated))),
        QStringLiteral("HIGH_VALUE_CUSTOMER"));
    const qint64 benCreated = customer(QStringLiteral("cust_ben"))->createdAt;

    // The company's system says the opposite: its figures decide.
    QVERIFY(useCrm());
    m_fx->clock.advanceSecs(100);
    auto ben = ask(QStringLiteral("cust_ben"), QLatin1String(kFrustrated));
    QVERIFY2(ben, ben ? "" : qPrintable(ben.error().message));
    QCOMPARE(escalationOf(ben), QStringLiteral("HIGH_VALUE_CUSTOMER"));
    QVERIFY(ben->session.currentTier == Tier::AiManager);
    // Chloe is a VIP in the demo store, not at the company.
    QCOMPARE(escalationOf(ask(QStringLiteral("cust_chloe"), QLatin1String(kFrustrated))), QString());

    const Customer c = *customer(QStringLiteral("cust_ben"));
    QVERIFY(c.isVIP);
    QCOMPARE(c.tier, QStringLiteral("GOLD"));
    QCOMPARE(c.lifetimeValue, 1640.5);
    QCOMPARE(c.email, QStringLiteral("ben.okafor@example.com"));
    QCOMPARE(c.subscription->plan, QStringLiteral("basic")); // not said: kept
    QCOMPARE(c.createdAt, benCreated);
    QCOMPARE(c.updatedAt, m_fx->clock.nowMs() - 5000); // written by Ben's turn, before Chloe's
    QCOMPARE(syncs(QStringLiteral("cust_ben")), 1);
    const QList<ConnectorCall> logged = calls();
    QCOMPARE(logged.size(), 2);
    QVERIFY(logged.constLast().ok && logged.constLast().purpose == ConnectorPurpose::Customer);
    QCOMPARE(logged.constLast().sessionId, ben->session.id);

    // The store's orders are read as ever beside a customer connector.
    const auto order = ask(QStringLiteral("cust_ben"), QStringLiteral("where is order 10005"));
    QVERIFY2(replyOf(order).contains(QLatin1String("ORD-10005")) && replyOf(order).contains(QLatin1String("delivered")),
        qPrintable(replyOf(order)));
}

void TestCustomerSource::asynchronousTurnsUseThemToo()
{
    QVERIFY(useCrm());
    CreateSessionRequest req;
    req.companyId = m_fx->companyId;
    req.customerId = QStringLiteral("cust_ben");
    req.initialMessage = QLatin1String(kFrustrated);
    std::optional<MessageOutcome> first;
    QObject context;
    m_fx->engine->createSession(req, Actor{}, &context, [&](Result<Session> s, std::optional<MessageOutcome> o) {
        QVERIFY(s);
        first = o;
    });
    QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), 10000);
    QVERIFY(first->escalation && first->escalation->reason == EscalationReason::HighValueCustomer);

    auto alice = m_fx->open(QStringLiteral("cust_alice"));
    QVERIFY(alice);
    std::optional<Result<MessageOutcome>> said;
    m_fx->engine->postMessage(m_fx->companyId, alice->id, QLatin1String(kFrustrated), Actor{}, &context,
        [&](Result<MessageOutcome> r) { said = std::move(r); });
    QTRY_VERIFY_WITH_TIMEOUT(said.has_value(), 10000);
    QVERIFY2(*said && !(*said)->escalation, qPrintable(escalationOf(*said)));
    QVERIFY(!customer(QStringLiteral("cust_alice"))->isVIP);
    QCOMPARE(customer(QStringLiteral("cust_alice"))->tier, QStringLiteral("PLATINUM"));
}

void TestCustomerSource::modelIsToldTheCompanysFigures()
{
    QVERIFY(useCrm());
    ScriptedModelServer model(ProviderKind::OpenAi);
    QVERIFY(model.isListening());
    model.setScript([&model](const ReceivedRequest &) { return model.reply(QStringLiteral("Let me check that.")); });
    AiProviderDraft provider;
    provider.name = QStringLiteral("scripted");
    provider.kind = QStringLiteral("openai");
    provider.baseUrl = model.baseUrl().toString();
    QVERIFY(m_fx->engine->aiProviders().add(m_fx->companyId, provider, Actor{}).ok());
    QVERIFY(m_fx->configure(R"({"ai": {"provider": "scripted", "models": {"aiRep": "small", "aiManager": "large"}}})"));
    QVERIFY(ask(QStringLiteral("cust_daniel"), QStringLiteral("what are your opening hours?")));
    const QString facts = model.systemPrompt(model.requests().constLast());
    QVERIFY2(facts.contains(QLatin1String("Daniel Kowalski (SILVER, VIP)")), qPrintable(facts));
}

void TestCustomerSource::failureLeavesTheRecord_data()
{
    QTest::addColumn<QString>("customerId");
    QTest::addColumn<int>("status"); // as logged; 0: no answer
    QTest::addColumn<bool>("ok");
    QTest::newRow("timeout") << "SLOW-1" << 0 << false;
    QTest::newRow("500") << "ERR-500" << 500 << false;
    QTest::newRow("garbage") << "GARBAGE" << 200 << false;
    QTest::newRow("2 MB") << "HUGE" << 0 << false;
    QTest::newRow("redirect") << "MOVED" << 302 << false;
    QTest::newRow("unknown (404)") << "cust_nobody" << 404 << true;
}

void TestCustomerSource::failureLeavesTheRecord()
{
    QFETCH(QString, customerId);
    QFETCH(int, status);
    QFETCH(bool, ok);
    QVERIFY(useCrm(300)); // SLOW-1 answers after 5 s
    QVERIFY(storeOwnRecord(customerId));
    const Customer before = *customer(customerId);
    auto o = ask(customerId, QLatin1String(kFrustrated));
    QVERIFY2(o, o ? "" : qPrintable(o.error().message));
    QVERIFY(!replyOf(o).isEmpty()); // the turn goes on, with Tierdesk's own facts
    QVERIFY(!o->escalation);
    const Customer after = *customer(customerId);
    QVERIFY(CustomerFields::sameFields(before, after));
    QCOMPARE(after.updatedAt, before.updatedAt);
    QCOMPARE(syncs(customerId), 0);
    const QList<ConnectorCall> logged = calls();
    QCOMPARE(logged.size(), 1);
    QCOMPARE(logged.constFirst().ok, ok);
    QCOMPARE(logged.constFirst().status, status);
    QCOMPARE(logged.constFirst().error.isEmpty(), ok);
    // A failure is not kept: the next turn asks again (an unknown customer is, a minute).
    QVERIFY(ask(customerId, QStringLiteral("hello?")));
    QCOMPARE(requestsFor(QStringLiteral("/customers/") + customerId), ok ? 1 : 2);
}

void TestCustomerSource::anotherCustomersAnswerIsIgnored()
{
    // Asked by id, the answer names another id.
    QVERIFY(useCrm());
    QVERIFY(storeOwnRecord(QStringLiteral("OTHER-1")));
    const Customer before = *customer(QStringLiteral("OTHER-1"));
    QVERIFY(ask(QStringLiteral("OTHER-1"), QLatin1String(kFrustrated)));
    QVERIFY(CustomerFields::sameFields(before, *customer(QStringLiteral("OTHER-1"))));
    QVERIFY(!calls().constFirst().ok);
    QVERIFY2(calls().constFirst().error.contains(QLatin1String("another customer")), qPrintable(calls().first().error));

    // Asked by e-mail (no id said), the answer is about another address.
    QVERIFY(m_fx->configure(R"({"connectors": {"customer": "builtin"}})"));
    QVERIFY(m_fx->engine->connectors().remove(m_fx->companyId, QStringLiteral("crm"), Actor{}));
    QVERIFY(useCrm(2000, QStringLiteral("/customers/{email}"), false));
    Customer other = before;
    other.id = QStringLiteral("cust_other");
    other.email = QStringLiteral("other@example.com");
    QVERIFY(m_fx->store->customers().upsert(other, m_fx->clock.nowMs()));
    QVERIFY(ask(QStringLiteral("cust_other"), QLatin1String(kFrustrated)));
    QCOMPARE(requestsFor(QStringLiteral("/customers/other%40example.com")), 1); // as sent: URL-encoded
    QVERIFY(CustomerFields::sameFields(other, *customer(QStringLiteral("cust_other"))));
    QCOMPARE(syncs(QStringLiteral("cust_other")), 0);
    // Asked by her own address, Ben's record is his.
    QVERIFY(ask(QStringLiteral("cust_ben"), QStringLiteral("hello")));
    QVERIFY(customer(QStringLiteral("cust_ben"))->isVIP);
}

void TestCustomerSource::badValuesAreDroppedAndNoted()
{
    QVERIFY(useCrm());
    QVERIFY(storeOwnRecord(QStringLiteral("ODD-1")));
    QVERIFY(ask(QStringLiteral("ODD-1"), QStringLiteral("hello")));
    const Customer c = *customer(QStringLiteral("ODD-1"));
    QCOMPARE(c.name, QStringLiteral("Odd Values"));
    QCOMPARE(c.tier, QStringLiteral("GOLD"));
    QVERIFY(c.isVIP);
    QCOMPARE(c.email, QStringLiteral("kept@example.com")); // "not-an-address": dropped
    QCOMPARE(c.lifetimeValue, 5.0); // "lots": dropped
    const ConnectorCall call = calls().constFirst();
    QVERIFY(call.ok);
    QVERIFY2(call.error.contains(QLatin1String("email")) && call.error.contains(QLatin1String("lifetimeValue")),
        qPrintable(call.error));
}

void TestCustomerSource::answersAreKeptAMinute()
{
    QVERIFY(useCrm());
    auto s = m_fx->open(QStringLiteral("cust_ben"));
    QVERIFY(s);
    QVERIFY(m_fx->say(s->id, QStringLiteral("hello")));
    QCOMPARE(requestsFor(QStringLiteral("/customers/cust_ben")), 1);
    const qint64 written = customer(QStringLiteral("cust_ben"))->updatedAt;
    m_fx->clock.advanceSecs(30);
    QVERIFY(m_fx->say(s->id, QStringLiteral("are you there?")));
    QCOMPARE(requestsFor(QStringLiteral("/customers/cust_ben")), 1);
    m_fx->clock.advanceSecs(31); // a minute after the answer
    QVERIFY(m_fx->say(s->id, QStringLiteral("hello again")));
    QCOMPARE(requestsFor(QStringLiteral("/customers/cust_ben")), 2);
    // The same answer again: nothing is written.
    QCOMPARE(customer(QStringLiteral("cust_ben"))->updatedAt, written);
    QCOMPARE(syncs(QStringLiteral("cust_ben")), 1);
}

void TestCustomerSource::erasedCustomerIsNotFilledAgain()
{
    QVERIFY(useCrm());
    QVERIFY(CustomerErasure(m_fx->engine->core()).erase(*customer(QStringLiteral("cust_ben")), Actor{}));
    const Customer erased = *customer(QStringLiteral("cust_ben"));
    QVERIFY(erased.erasedAt != 0 && erased.name.isEmpty());
    auto o = ask(QStringLiteral("cust_ben"), QLatin1String(kFrustrated));
    QVERIFY(o);
    QVERIFY(!replyOf(o).isEmpty());
    QCOMPARE(requestsFor(QStringLiteral("/customers/cust_ben")), 0);
    QVERIFY(CustomerFields::sameFields(erased, *customer(QStringLiteral("cust_ben"))));
    QVERIFY(!o->escalation); // not a VIP by the company's word
}

void TestCustomerSource::builtinAsksNothing()
{
    QVERIFY(useCrm());
    QVERIFY(m_fx->configure(R"({"connectors": {"customer": "builtin"}})"));
    QCOMPARE(escalationOf(ask(QStringLiteral("cust_ben"), QLatin1String(kFrustrated))), QString());
    QCOMPARE(requestsFor(QStringLiteral("/customers/cust_ben")), 0);
    QVERIFY(calls().isEmpty());
    QVERIFY(!customer(QStringLiteral("cust_ben"))->isVIP);
}

void TestCustomerSource::readsFieldsAsThePutRulesDo()
{
    const CustomerQuery q{QStringLiteral("co"), QStringLiteral("s"), QStringLiteral("cust_1"),
        QStringLiteral("Ann@Example.com"), QStringLiteral("+4930123456")};
    QMap<QString, QString> fields{{QStringLiteral("id"), QStringLiteral("cust_1")},
        {QStringLiteral("name"), QStringLiteral(" Ann Lee ")},
        {QStringLiteral("email"), QStringLiteral("ANN@example.com")},
        {QStringLiteral("phone"), QStringLiteral("+49 30 123-456")}, {QStringLiteral("tier"), QStringLiteral("gold")},
        {QStringLiteral("isVIP"), QStringLiteral("maybe")}, {QStringLiteral("lifetimeValue"), QStringLiteral("-3")},
        {QStringLiteral("attributes.stripeCustomerId"), QStringLiteral("cus_ann")},
        {QStringLiteral("unknown"), QStringLiteral("x")}};
    CustomerLookup l = CustomerSource::read(fields, q, {true, true});
    QVERIFY(l.state == CustomerLookup::State::Found);
    QCOMPARE(l.given,
        QStringList(
            {QStringLiteral("email"), QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("tier")}));
    QCOMPARE(l.said.name, QStringLiteral("Ann Lee"));
    QCOMPARE(l.said.email, QStringLiteral("ann@example.com"));
    QCOMPARE(l.said.phone, QStringLiteral("+4930123456"));
    QCOMPARE(l.said.tier, QStringLiteral("GOLD"));
    QCOMPARE(l.said.attributes.value(QStringLiteral("stripeCustomerId")).toString(), QStringLiteral("cus_ann"));
    QCOMPARE(l.dropped.size(), 2); // isVIP, lifetimeValue
    QVERIFY(l.reason.contains(QLatin1String("isVIP")) && l.reason.contains(QLatin1String("lifetimeValue")));

    // Laid over a stored record: only what was said, attributes merged, the rest kept.
    Customer stored;
    stored.id = QStringLiteral("cust_1");
    stored.name = QStringLiteral("A. Lee");
    stored.isVIP = true;
    stored.lifetimeValue = 70;
    stored.attributes.insert(QStringLiteral("shopifyId"), 12);
    const Customer merged = CustomerFacts::merged(stored, l, nullptr);
    QCOMPARE(merged.name, QStringLiteral("Ann Lee"));
    QVERIFY(merged.isVIP);
    QCOMPARE(merged.lifetimeValue, 70.0);
    QCOMPARE(merged.attributes.size(), 2);
    QCOMPARE(CustomerFacts::changed(stored, merged),
        QStringList({QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("phone"), QStringLiteral("tier"),
            QStringLiteral("attributes")}));

    // Someone else's: by id, e-mail or phone; an answer that says nothing is no answer.
    for (const auto &[field, value] :
        {std::pair{"id", "cust_2"}, std::pair{"email", "bob@example.com"}, std::pair{"phone", "+4930999999"}}) {
        QMap<QString, QString> other = fields;
        other.insert(QLatin1String(field), QLatin1String(value));
        l = CustomerSource::read(other, q, {true, true});
        QVERIFY2(l.state == CustomerLookup::State::Failed && l.reason.contains(QLatin1String(field)), field);
    }
    QVERIFY(
        CustomerSource::read({{QStringLiteral("email"), QStringLiteral("bob@example.com")}}, q, {false, false}).state
        == CustomerLookup::State::Found); // looked up by id: the company's address is the address
    QVERIFY(CustomerSource::read({}, q, {}).state == CustomerLookup::State::Failed);
}

QTEST_GUILESS_MAIN(TestCustomerSource)
#include "tst_customersource.moc"
