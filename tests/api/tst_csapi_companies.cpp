// Companies over HTTP on a real server on 127.0.0.1: an admin makes another company with
// its first admin (both stored or neither), who signs in to it and sees only it; the
// config copied or not; names checked, unique, renamed and audited; the server's limit.
#include "tests/api/ApiTestSupport.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject newCompany(const QString &name, const QString &email, bool copyConfig = false)
{
    return {{QStringLiteral("name"), name}, {QStringLiteral("copyConfig"), copyConfig},
        {QStringLiteral("admin"),
            QJsonObject{{QStringLiteral("email"), email}, {QStringLiteral("name"), QStringLiteral("Eve Founder")},
                {QStringLiteral("password"), kPassword}}}};
}

HttpResult patch(HttpClient &client, const QString &path, const QJsonObject &body)
{
    return client.send("PATCH", path, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

} // namespace

class TestCsApiCompanies : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void adminFoundsACompanyItsAdminSignsInTo();
    void configIsCopiedOnlyWhenAsked();
    void badInputIsRefusedAndNothingStored();
    void companyAndAdminAreStoredTogetherOrNotAtAll();
    void onlyAdminsMakeAndRenameCompanies();
    void renameIsCheckedAndAudited();
    void theServersLimitIsKept();

private:
    int companies() { return server().scalar(QStringLiteral("SELECT COUNT(*) FROM companies")).toInt(); }

    std::unique_ptr<ServerFixture> m_fixture; // fresh per test
    ServerFixture &server() { return *m_fixture; }
    std::unique_ptr<HttpClient> m_admin; // ada@example.com, an admin of the demo company
};

void TestCsApiCompanies::init()
{
    m_fixture = std::make_unique<ServerFixture>();
    QString error;
    QVERIFY2(server().start({}, false, &error), qPrintable(error));
    NewAgent a{server().companyId(), QStringLiteral("ada@example.com"), QStringLiteral("Ada Admin"),
        QStringLiteral("admin"), {}};
    QVERIFY(server().runtime().agents().create(a, kPassword, Actor{}));
    QVERIFY(server().runtime().store().batch().flush());
    HttpClient anonymous(server().port());
    const HttpResult r = anonymous.post(QStringLiteral("/api/cs/auth/login"),
        {{QStringLiteral("email"), QStringLiteral("ada@example.com")}, {QStringLiteral("password"), kPassword}});
    QVERIFY2(r.status == 200, describe(r));
    // The login names the company too (the console shows its name).
    QCOMPARE(str(r.json().value(QLatin1String("company")).toObject(), "id"), server().companyId());
    QVERIFY(!str(r.json().value(QLatin1String("company")).toObject(), "name").isEmpty());
    m_admin = std::make_unique<HttpClient>(server().port(), str(r.json(), "token").toLatin1());
}

void TestCsApiCompanies::cleanup()
{
    m_admin.reset();
    m_fixture.reset();
}

void TestCsApiCompanies::adminFoundsACompanyItsAdminSignsInTo()
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/companies"),
        newCompany(QStringLiteral(" Outfitters EU "), QStringLiteral("Eve@Example.com")));
    QVERIFY2(r.status == 201, describe(r));
    const QJsonObject company = r.json().value(QLatin1String("company")).toObject();
    const QString id = str(company, "id");
    QVERIFY(!id.isEmpty() && id != server().companyId());
    QCOMPARE(str(company, "name"), QStringLiteral("Outfitters EU"));
    const QJsonObject admin = r.json().value(QLatin1String("agent")).toObject();
    QCOMPARE(str(admin, "email"), QStringLiteral("eve@example.com"));
    QCOMPARE(str(admin, "role"), QStringLiteral("admin"));
    QCOMPARE(str(admin, "companyId"), id);

    // The answer's token is the new admin's: it sees the new company, and only it.
    HttpClient eve(server().port(), str(r.json(), "token").toLatin1());
    const HttpResult me = eve.get(QStringLiteral("/api/cs/auth/me"));
    QCOMPARE(me.status, 200);
    QCOMPARE(str(me.json().value(QLatin1String("company")).toObject(), "name"), QStringLiteral("Outfitters EU"));
    QCOMPARE(eve.get(QStringLiteral("/api/cs/companies/") + id).status, 200);
    QCOMPARE(eve.get(QStringLiteral("/api/cs/config?companyId=") + id).status, 200);
    QCOMPARE(
        eve.get(QStringLiteral("/api/cs/queue?companyId=") + id).json().value(QLatin1String("items")).toArray().size(),
        0);
    const HttpResult other = eve.get(QStringLiteral("/api/cs/config?companyId=") + server().companyId());
    QCOMPARE(other.status, 404);
    QCOMPARE(str(other.error(), "code"), QStringLiteral("CS_014"));
    // ...and the founder's token stays in the founder's company.
    QCOMPARE(m_admin->get(QStringLiteral("/api/cs/companies/") + id).status, 404);
    QCOMPARE(m_admin->get(QStringLiteral("/api/cs/config?companyId=") + id).status, 404);

    // The password the founder chose logs the new admin in.
    HttpClient anonymous(server().port());
    const HttpResult login = anonymous.post(QStringLiteral("/api/cs/auth/login"),
        {{QStringLiteral("email"), QStringLiteral("eve@example.com")}, {QStringLiteral("password"), kPassword}});
    QCOMPARE(login.status, 200);
    QCOMPARE(str(login.json().value(QLatin1String("company")).toObject(), "id"), id);

    // Audited in both companies' logs.
    const auto actions = [](HttpClient &client, const QString &company) {
        QStringList out;
        for (const QJsonValue &e : client.get(QStringLiteral("/api/cs/audit?companyId=") + company)
                                       .json()
                                       .value(QLatin1String("entries"))
                                       .toArray())
            out << str(e.toObject(), "action");
        return out;
    };
    QVERIFY(actions(*m_admin, server().companyId()).contains(QStringLiteral("company.create")));
    QVERIFY(actions(eve, id).contains(QStringLiteral("company.create")));
    QVERIFY(actions(eve, id).contains(QStringLiteral("agent.create")));
}

void TestCsApiCompanies::configIsCopiedOnlyWhenAsked()
{
    QVERIFY(m_admin
                ->put(QStringLiteral("/api/cs/config"),
                    {{QStringLiteral("companyId"), server().companyId()},
                        {QStringLiteral("language"), QStringLiteral("de")}})
                .status
        == 200);
    const auto languageOf = [this](const QJsonObject &body) {
        const HttpResult r = m_admin->post(QStringLiteral("/api/cs/companies"), body);
        if (r.status != 201)
            return QStringLiteral("status %1").arg(r.status);
        HttpClient founder(server().port(), str(r.json(), "token").toLatin1());
        const QString id = str(r.json().value(QLatin1String("company")).toObject(), "id");
        return str(founder.get(QStringLiteral("/api/cs/config?companyId=") + id).json(), "language");
    };
    QCOMPARE(
        languageOf(newCompany(QStringLiteral("Copy"), QStringLiteral("c1@example.com"), true)), QStringLiteral("de"));
    QCOMPARE(
        languageOf(newCompany(QStringLiteral("Fresh"), QStringLiteral("c2@example.com"), false)), QStringLiteral("en"));
}

void TestCsApiCompanies::badInputIsRefusedAndNothingStored()
{
    const int before = companies();
    QJsonObject noAdmin = newCompany(QStringLiteral("X"), QStringLiteral("x@example.com"));
    noAdmin.remove(QStringLiteral("admin"));
    QJsonObject weak = newCompany(QStringLiteral("X"), QStringLiteral("x@example.com"));
    QJsonObject weakAdmin = weak.value(QLatin1String("admin")).toObject();
    weakAdmin.insert(QStringLiteral("password"), QStringLiteral("short"));
    weak.insert(QStringLiteral("admin"), weakAdmin);
    QJsonObject badCopy = newCompany(QStringLiteral("X"), QStringLiteral("x@example.com"));
    badCopy.insert(QStringLiteral("copyConfig"), QStringLiteral("yes"));
    const struct {
        QJsonObject body;
        int status;
        QString field;
    } cases[] = {
        {newCompany(QString(), QStringLiteral("x@example.com")), 400, QStringLiteral("name")},
        {newCompany(QString(201, QLatin1Char('n')), QStringLiteral("x@example.com")), 400, QStringLiteral("name")},
        {newCompany(QStringLiteral("Tab\tbed"), QStringLiteral("x@example.com")), 400, QStringLiteral("name")},
        {noAdmin, 400, QStringLiteral("admin.email")},
        {weak, 400, QStringLiteral("admin.password")},
        {badCopy, 400, QStringLiteral("copyConfig")},
        {newCompany(QStringLiteral("X"), QStringLiteral("not-an-address")), 400, QStringLiteral("email")},
        {newCompany(QStringLiteral("X"), QStringLiteral("ADA@example.com")), 409, QStringLiteral("email")},
        {newCompany(server().demo().value(QLatin1String("companyName")).toString(QStringLiteral("Demo Outfitters")),
             QStringLiteral("x@example.com")),
            409, QStringLiteral("name")},
    };
    for (const auto &c : cases) {
        const HttpResult r = m_admin->post(QStringLiteral("/api/cs/companies"), c.body);
        QVERIFY2(r.status == c.status, qPrintable(c.field + QStringLiteral(": ") + QString::fromUtf8(describe(r))));
        QCOMPARE(str(r.error(), "code"), QString::fromLatin1(c.status == 400 ? "CS_011" : "CS_022"));
        QCOMPARE(str(r.error().value(QLatin1String("details")).toObject(), "field"), c.field);
    }
    QCOMPARE(companies(), before);
    HttpClient anonymous(server().port());
    QCOMPARE(
        anonymous
            .post(QStringLiteral("/api/cs/companies"), newCompany(QStringLiteral("Y"), QStringLiteral("y@example.com")))
            .status,
        401);
    QCOMPARE(companies(), before);
}

// The e-mail is checked before the password is hashed; if it is taken meanwhile, the
// company made in the same savepoint goes too (here the engine is called directly).
void TestCsApiCompanies::companyAndAdminAreStoredTogetherOrNotAtAll()
{
    const int before = companies();
    const NewAgent taken{
        QString(), QStringLiteral("ada@example.com"), QStringLiteral("Twin"), QStringLiteral("admin"), {}};
    const auto founded = server().runtime().agents().foundCompany(
        QStringLiteral("Half made"), CsConfig::defaults(), taken, QStringLiteral("hash"), Actor{});
    QVERIFY(!founded);
    QCOMPARE(founded.error().kind, ErrorKind::Conflict);
    QVERIFY(server().runtime().store().batch().flush());
    QCOMPARE(companies(), before);
    QCOMPARE(server()
                 .scalar(QStringLiteral("SELECT COUNT(*) FROM companies WHERE name = ?"), {QStringLiteral("Half made")})
                 .toInt(),
        0);
    // The name is free for a founding that works.
    const HttpResult r = m_admin->post(
        QStringLiteral("/api/cs/companies"), newCompany(QStringLiteral("Half made"), QStringLiteral("h@example.com")));
    QVERIFY2(r.status == 201, describe(r));
    QCOMPARE(companies(), before + 1);
}

void TestCsApiCompanies::onlyAdminsMakeAndRenameCompanies()
{
    for (const api::Role role : {api::Role::Supervisor, api::Role::Agent}) {
        auto client = server().client(role);
        const HttpResult made = client->post(
            QStringLiteral("/api/cs/companies"), newCompany(QStringLiteral("Z"), QStringLiteral("z@example.com")));
        QCOMPARE(made.status, 403);
        QCOMPARE(str(made.error(), "code"), QStringLiteral("CS_013"));
        QCOMPARE(patch(*client, QStringLiteral("/api/cs/companies/") + server().companyId(),
                     {{QStringLiteral("name"), QStringLiteral("Z")}})
                     .status,
            403);
        QCOMPARE(client->get(QStringLiteral("/api/cs/companies/") + server().companyId()).status, 200);
    }
    QCOMPARE(
        server().client(api::Role::Client)->get(QStringLiteral("/api/cs/companies/") + server().companyId()).status,
        403);
}

void TestCsApiCompanies::renameIsCheckedAndAudited()
{
    const QString own = QStringLiteral("/api/cs/companies/") + server().companyId();
    const QString before = str(m_admin->get(own).json(), "name");
    const QString other = server().createCompany(QStringLiteral("Taken Name"));
    QCOMPARE(patch(*m_admin, own, {{QStringLiteral("name"), QStringLiteral("Taken Name")}}).status, 409);
    // A token's subject is no agent: its entries have no actorName.
    auto tokenAdmin = server().client(api::Role::Admin);
    QCOMPARE(patch(*tokenAdmin, own, {{QStringLiteral("name"), before}}).status, 200);
    const QJsonArray log = m_admin->get(QStringLiteral("/api/cs/audit?companyId=") + server().companyId())
                               .json()
                               .value(QLatin1String("entries"))
                               .toArray();
    QVERIFY(!log.isEmpty() && str(log.first().toObject(), "action") == QLatin1String("company.rename"));
    QVERIFY(!log.first().toObject().contains(QLatin1String("actorName")));
    QCOMPARE(patch(*m_admin, own, {{QStringLiteral("name"), QStringLiteral("  ")}}).status, 400);
    QCOMPARE(patch(*m_admin, own, {{QStringLiteral("name"), 7}}).status, 400);
    QCOMPARE(patch(*m_admin, QStringLiteral("/api/cs/companies/") + other,
                 {{QStringLiteral("name"), QStringLiteral("Mine now")}})
                 .status,
        404);
    const HttpResult r = patch(*m_admin, own, {{QStringLiteral("name"), QStringLiteral("Trail & Summit")}});
    QVERIFY2(r.status == 200, describe(r));
    QCOMPARE(str(r.json(), "name"), QStringLiteral("Trail & Summit"));
    QCOMPARE(str(m_admin->get(own).json(), "name"), QStringLiteral("Trail & Summit"));
    QCOMPARE(
        str(m_admin->get(QStringLiteral("/api/cs/auth/me")).json().value(QLatin1String("company")).toObject(), "name"),
        QStringLiteral("Trail & Summit"));
    QJsonObject entry;
    for (const QJsonValue &e : m_admin->get(QStringLiteral("/api/cs/audit?companyId=") + server().companyId())
                                   .json()
                                   .value(QLatin1String("entries"))
                                   .toArray())
        if (str(e.toObject(), "action") == QLatin1String("company.rename") && entry.isEmpty())
            entry = e.toObject(); // the newest
    QCOMPARE(str(entry, "actorName"), QStringLiteral("Ada Admin")); // the log names the agent
    QVERIFY(str(entry, "actor").startsWith(QLatin1String("agt_")));
    const QJsonObject renamed = entry.value(QLatin1String("details")).toObject();
    QCOMPARE(str(renamed, "before"), before);
    QCOMPARE(str(renamed, "after"), QStringLiteral("Trail & Summit"));
}

void TestCsApiCompanies::theServersLimitIsKept()
{
    for (int n = companies(); n < AgentDirectory::kMaxCompanies; ++n)
        QVERIFY(!server().createCompany(QStringLiteral("Filler %1").arg(n)).isEmpty());
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/companies"),
        newCompany(QStringLiteral("One too many"), QStringLiteral("o@example.com")));
    QCOMPARE(r.status, 409);
    QCOMPARE(str(r.error(), "code"), QStringLiteral("CS_022"));
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("maxCompanies")).toInt(),
        AgentDirectory::kMaxCompanies);
    QCOMPARE(companies(), AgentDirectory::kMaxCompanies);
}

QTEST_GUILESS_MAIN(TestCsApiCompanies)
#include "tst_csapi_companies.moc"
