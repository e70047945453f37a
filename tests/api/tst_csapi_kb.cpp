// The knowledge base routes (/api/cs/kb) against a real server on 127.0.0.1: listing and
// ranked search, create, edit, delete, roles, limits, the AI tier answering from an article
// edited a moment before, and one company's articles never reaching another company.
#include "tests/api/ApiTestSupport.h"

#include <QJsonArray>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCsApiKb : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
        m_admin = m_server.client(api::Role::Admin);
        m_agent = m_server.client(api::Role::Agent);
    }
    void cleanupTestCase()
    {
        m_admin.reset();
        m_agent.reset();
        m_server.stop();
    }

    void listsPagesAndSearches()
    {
        HttpResult r = m_agent->get(kb({{QStringLiteral("limit"), QStringLiteral("5")}}));
        QVERIFY2(r.status == 200, describe(r));
        const int total = r.json().value(QLatin1String("total")).toInt();
        QVERIFY(total >= 40); // the demo company's articles
        QCOMPARE(r.json().value(QLatin1String("articles")).toArray().size(), 5);
        const QJsonObject first = r.json().value(QLatin1String("articles")).toArray().first().toObject();
        QVERIFY(!first.contains(QLatin1String("shared")));
        QVERIFY(!first.value(QLatin1String("excerpt")).toString().isEmpty());
        r = m_agent->get(
            kb({{QStringLiteral("limit"), QStringLiteral("5")}, {QStringLiteral("offset"), QStringLiteral("5")}}));
        QVERIFY(r.json().value(QLatin1String("articles")).toArray().first().toObject() != first);

        r = m_agent->get(kb({{QStringLiteral("q"), QStringLiteral("my app keeps crashing")}}));
        QVERIFY2(r.status == 200, describe(r));
        const QJsonObject best = r.json().value(QLatin1String("articles")).toArray().first().toObject();
        QCOMPARE(best.value(QLatin1String("slug")).toString(), QStringLiteral("app-crashes"));
        QVERIFY(best.value(QLatin1String("relevance")).toDouble() > 0);

        r = m_agent->get(kb({{QStringLiteral("category"), QStringLiteral("TECHNICAL")}}));
        for (const QJsonValue &a : r.json().value(QLatin1String("articles")).toArray())
            QCOMPARE(a.toObject().value(QLatin1String("category")).toString(), QStringLiteral("TECHNICAL"));
        r = m_agent->get(kb({{QStringLiteral("limit"), QStringLiteral("101")}}));
        QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
        r = m_agent->get(kb({{QStringLiteral("category"), QStringLiteral("WEATHER")}}));
        QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
        r = m_agent->get(
            withQuery(QStringLiteral("/api/cs/kb"), {{QStringLiteral("companyId"), QStringLiteral("other")}}));
        QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r));
    }

    // GET /api/cs/kb/search: the passages the AI reads for a question, best first, for agents and up.
    void searchShowsThePassagesTheAiReads()
    {
        const QString search = QStringLiteral("/api/cs/kb/search");
        HttpResult r = m_agent->get(withQuery(search,
            {{QStringLiteral("companyId"), m_server.companyId()},
                {QStringLiteral("q"), QStringLiteral("my app keeps crashing")},
                {QStringLiteral("limit"), QStringLiteral("3")}}));
        QVERIFY2(r.status == 200, describe(r));
        const QJsonArray passages = r.json().value(QLatin1String("passages")).toArray();
        QCOMPARE(passages.size(), 3);
        const QJsonObject best = passages.first().toObject();
        for (const char *key : {"articleId", "title", "heading", "url", "text", "score"})
            QVERIFY2(best.contains(QLatin1String(key)), key);
        QVERIFY(best.value(QLatin1String("title")).toString().contains(QStringLiteral("crash"), Qt::CaseInsensitive));
        QVERIFY(!best.value(QLatin1String("text")).toString().isEmpty());
        QVERIFY(best.value(QLatin1String("score")).toDouble()
            >= passages.last().toObject().value(QLatin1String("score")).toDouble());

        for (const auto &[name, value] : QList<QPair<QString, QString>>{{QStringLiteral("q"), QString()},
                 {QStringLiteral("q"), QString(501, QLatin1Char('q'))},
                 {QStringLiteral("limit"), QStringLiteral("21")}}) {
            QList<QPair<QString, QString>> params{
                {QStringLiteral("companyId"), m_server.companyId()}, {QStringLiteral("q"), QStringLiteral("refund")}};
            params.removeIf([&name = name](const auto &p) { return p.first == name; });
            params.append({name, value});
            r = m_agent->get(withQuery(search, params));
            QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
            QCOMPARE(
                r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(), name);
        }
        // Another company's question finds nothing of this one's.
        r = m_agent->get(withQuery(search,
            {{QStringLiteral("companyId"), QStringLiteral("other")}, {QStringLiteral("q"), QStringLiteral("refund")}}));
        QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r));
    }

    void createEditDeleteAndRoles()
    {
        const QJsonObject body{{QStringLiteral("companyId"), m_server.companyId()},
            {QStringLiteral("title"), QStringLiteral("Gift wrapping")},
            {QStringLiteral("category"), QStringLiteral("GENERAL_INQUIRY")},
            {QStringLiteral("content"), QStringLiteral("We gift wrap any order for $4.50 with a handwritten card.")},
            {QStringLiteral("keywords"), QJsonArray{QStringLiteral("gift wrap"), QStringLiteral("present")}},
            {QStringLiteral("steps"), QJsonArray{QStringLiteral("Tick \"gift wrap\" at checkout")}},
            {QStringLiteral("relatedArticles"), QJsonArray{QStringLiteral("payment-methods")}}};
        HttpResult r = m_agent->post(QStringLiteral("/api/cs/kb"), body);
        QVERIFY2(checkErrorBody(r, 403, QStringLiteral("CS_013")).isEmpty(), describe(r));
        r = m_admin->post(QStringLiteral("/api/cs/kb"), body);
        QVERIFY2(r.status == 201, describe(r));
        const QJsonObject made = r.json();
        const qint64 id = made.value(QLatin1String("id")).toInteger();
        QCOMPARE(made.value(QLatin1String("slug")).toString(), QStringLiteral("gift-wrapping"));
        QCOMPARE(made.value(QLatin1String("steps")).toArray().size(), 1);
        QCOMPARE(made.value(QLatin1String("relatedArticles")).toArray().first().toString(),
            QStringLiteral("payment-methods"));
        r = m_agent->get(QStringLiteral("/api/cs/kb/%1").arg(id));
        QJsonObject opened = made;
        opened.insert(QStringLiteral("views"), 1); // opening it counts
        QCOMPARE(r.json(), opened);
        QCOMPARE(m_agent->get(QStringLiteral("/api/cs/kb/%1").arg(id)).json().value(QLatin1String("views")).toInt(), 2);
        r = m_admin->post(QStringLiteral("/api/cs/kb"), body); // the slug is taken
        QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_022")).isEmpty(), describe(r));

        r = m_admin->put(QStringLiteral("/api/cs/kb/%1").arg(id),
            {{QStringLiteral("content"), QStringLiteral("Gift wrap costs $5 now.")}});
        QVERIFY2(r.status == 200, describe(r));
        QCOMPARE(r.json().value(QLatin1String("title")).toString(), QStringLiteral("Gift wrapping")); // kept
        QCOMPARE(r.json().value(QLatin1String("content")).toString(), QStringLiteral("Gift wrap costs $5 now."));
        r = m_admin->del(QStringLiteral("/api/cs/kb/%1").arg(id));
        QCOMPARE(r.status, 204);
        r = m_agent->get(QStringLiteral("/api/cs/kb/%1").arg(id));
        QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r));
        r = m_agent->get(QStringLiteral("/api/cs/kb/not-a-number"));
        QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r));
    }

    void badInputIsRefusedInTheFamilysFormat_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject ok{{QStringLiteral("title"), QStringLiteral("T")},
            {QStringLiteral("category"), QStringLiteral("BILLING")}, {QStringLiteral("content"), QStringLiteral("C")}};
        auto with = [&ok](const char *key, const QJsonValue &v) {
            QJsonObject o = ok;
            o.insert(QLatin1String(key), v);
            return o;
        };
        QTest::newRow("no title") << with("title", QString()) << "title";
        QTest::newRow("title too long") << with("title", QString(201, QLatin1Char('t'))) << "title";
        QTest::newRow("content too long") << with("content", QString(20001, QLatin1Char('c'))) << "content";
        QTest::newRow("unknown category") << with("category", QStringLiteral("FOOD")) << "category";
        QTest::newRow("steps not strings") << with("steps", QJsonArray{1, 2}) << "steps";
        QTest::newRow("too many related")
            << with("relatedArticles", QJsonArray::fromStringList(QStringList(11, QStringLiteral("a"))))
            << "relatedArticles";
        QTest::newRow("bad slug") << with("slug", QStringLiteral("Not A Slug!")) << "slug";
    }
    void badInputIsRefusedInTheFamilysFormat()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        body.insert(QStringLiteral("companyId"), m_server.companyId());
        const HttpResult r = m_admin->post(QStringLiteral("/api/cs/kb"), body);
        QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r));
        QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(), field);
    }

    void anEditedArticleIsWhatTheAiAnswersFrom()
    {
        HttpResult r = m_agent->get(kb({{QStringLiteral("q"), QStringLiteral("wash merino care")}}));
        const QJsonObject care = r.json().value(QLatin1String("articles")).toArray().first().toObject();
        const qint64 careId = care.value(QLatin1String("id")).toInteger();
        QVERIFY2(careId > 0, describe(r));

        const QString content
            = QStringLiteral("Wash merino by hand in cool water with a wool detergent and dry it flat. "
                             "Our Willow Street store repairs and re-proofs jackets for free.");
        r = m_admin->put(QStringLiteral("/api/cs/kb/%1").arg(careId), {{QStringLiteral("content"), content}});
        QVERIFY2(r.status == 200, describe(r));
        QCOMPARE(r.json().value(QLatin1String("id")).toInteger(), careId); // edited in place
        QCOMPARE(r.json().value(QLatin1String("slug")), care.value(QLatin1String("slug")));

        // The next message is answered from the edited words.
        r = m_admin->post(QStringLiteral("/api/cs/sessions"),
            sessionBody(m_server.companyId(), QStringLiteral("kb-reader"), QStringLiteral("hi")));
        QVERIFY2(r.status == 201, describe(r));
        const QString session = r.json().value(QLatin1String("id")).toString();
        r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(session),
            {{QStringLiteral("message"), QStringLiteral("how should i wash my merino base layer?")}});
        QVERIFY2(r.status == 201, describe(r));
        const QString answer
            = r.json().value(QLatin1String("aiResponse")).toObject().value(QLatin1String("content")).toString();
        QVERIFY2(answer.contains(QLatin1String("wool detergent")) || answer.contains(QLatin1String("Willow Street")),
            qPrintable(answer));

        // Deleted, it is gone: nothing comes back in its place.
        QCOMPARE(m_admin->del(QStringLiteral("/api/cs/kb/%1").arg(careId)).status, 204);
        QCOMPARE(m_agent->get(QStringLiteral("/api/cs/kb/%1").arg(careId)).status, 404);
        r = m_agent->get(kb({{QStringLiteral("q"), QStringLiteral("wash merino care")}}));
        for (const QJsonValue &a : r.json().value(QLatin1String("articles")).toArray())
            QVERIFY(a.toObject().value(QLatin1String("id")).toInteger() != careId);
    }

    // A new company starts with an empty knowledge base: none of the demo company's articles.
    void aNewCompanySeesNoOtherCompanysArticles()
    {
        const QString acme = m_server.createCompany(QStringLiteral("Acme Bikes"));
        QVERIFY(!acme.isEmpty());
        const auto admin = m_server.client(api::Role::Admin, acme);
        HttpResult r = admin->get(withQuery(QStringLiteral("/api/cs/kb"), {{QStringLiteral("companyId"), acme}}));
        QVERIFY2(r.status == 200, describe(r));
        QCOMPARE(r.json().value(QLatin1String("total")).toInt(), 0);
        r = admin->get(withQuery(QStringLiteral("/api/cs/kb"),
            {{QStringLiteral("companyId"), acme}, {QStringLiteral("q"), QStringLiteral("return policy")}}));
        QVERIFY2(r.status == 200, describe(r));
        QVERIFY(r.json().value(QLatin1String("articles")).toArray().isEmpty());
        // And the demo's article ids are not found under it.
        r = m_agent->get(kb({{QStringLiteral("limit"), QStringLiteral("1")}}));
        const qint64 demoArticle = r.json()
                                       .value(QLatin1String("articles"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QLatin1String("id"))
                                       .toInteger();
        r = admin->get(
            withQuery(QStringLiteral("/api/cs/kb/%1").arg(demoArticle), {{QStringLiteral("companyId"), acme}}));
        QCOMPARE(r.status, 404);
    }

private:
    QString kb(const QList<QPair<QString, QString>> &params) const
    {
        QList<QPair<QString, QString>> all{{QStringLiteral("companyId"), m_server.companyId()}};
        all += params;
        return withQuery(QStringLiteral("/api/cs/kb"), all);
    }

    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
    std::unique_ptr<HttpClient> m_agent;
};

QTEST_GUILESS_MAIN(TestCsApiKb)
#include "tst_csapi_kb.moc"
