// What the AI resolved and what held (issue "a manager's numbers", docs/api.md "Resolutions"), on
// sessions made for each case: GET /api/cs/analytics' "resolution", the rates of its byChannel and
// byTier rows and the timeline's aiResolved. An AI resolution that held; two whose customer came
// back about the same reason (on the chat, and by e-mail); one whose customer came back about
// another reason (it held); an escalation to a person, who resolved it; one the AI Manager
// resolved. A real server on 127.0.0.1 (and again on PostgreSQL).
#include "tests/api/ApiTestSupport.h"

#include <QJsonArray>
#include <QTest>
#include <QUrl>

using namespace tierdesk;
using namespace tierdesk::test;

class TestCsApiResolutions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void theResolutionCountsEachCase();
    void ratesByChannelAndTier();
    void theTimelineCountsTheAiResolutions();
    void anEmptyRangeHasNoRates();
    void reasonsForContact();

private:
    QString open(const QString &customer, const QString &category, const QString &text,
        const QString &channel = QStringLiteral("chat"));
    void resolve(const QString &sessionId);
    void escalate(const QString &sessionId, const QString &tier);
    QJsonObject analytics(const QString &groupBy = {}, int fromDays = -1, int toDays = 1)
    {
        return analyticsOf(*m_admin, m_company, groupBy, fromDays, toDays);
    }
    static QJsonObject analyticsOf(
        HttpClient &client, const QString &company, const QString &groupBy, int fromDays, int toDays);

    ServerFixture m_server;
    QString m_company;
    std::unique_ptr<HttpClient> m_admin;
};

QString TestCsApiResolutions::open(
    const QString &customer, const QString &category, const QString &text, const QString &channel)
{
    QJsonObject body = sessionBody(m_company, customer, text, channel);
    body.insert(QStringLiteral("issueCategory"), category);
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions"), body);
    if (r.status != 201)
        qWarning("open: %d %s", r.status, r.body.constData());
    return r.json().value(QLatin1String("id")).toString();
}

void TestCsApiResolutions::resolve(const QString &sessionId)
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/resolve").arg(sessionId),
        {{QStringLiteral("resolutionType"), QStringLiteral("ISSUE_RESOLVED")}});
    QVERIFY2(r.status == 200, r.body.constData());
}

void TestCsApiResolutions::escalate(const QString &sessionId, const QString &tier)
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/escalate").arg(sessionId),
        {{QStringLiteral("reason"), QStringLiteral("COMPLEX_ISSUE")}, {QStringLiteral("targetTier"), tier}});
    QVERIFY2(r.status == 200, r.body.constData());
}

QJsonObject TestCsApiResolutions::analyticsOf(
    HttpClient &client, const QString &company, const QString &groupBy, int fromDays, int toDays)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<QPair<QString, QString>> q{{QStringLiteral("companyId"), company},
        {QStringLiteral("startDate"), now.addDays(fromDays).toString(Qt::ISODate)},
        {QStringLiteral("endDate"), now.addDays(toDays).toString(Qt::ISODate)}};
    if (!groupBy.isEmpty())
        q.append({QStringLiteral("groupBy"), groupBy});
    const HttpResult r = client.get(withQuery(QStringLiteral("/api/cs/analytics"), q));
    if (r.status != 200)
        qWarning("analytics: %d %s", r.status, r.body.constData());
    return r.json();
}

void TestCsApiResolutions::initTestCase()
{
    QVERIFY(m_server.start({}));
    m_company = m_server.createCompany(QStringLiteral("Resolutions Ltd"));
    QVERIFY(!m_company.isEmpty());
    m_admin = m_server.client(api::Role::Admin, m_company);
    const HttpResult rules = m_admin->put(QStringLiteral("/api/cs/config"),
        {{QStringLiteral("companyId"), m_company},
            {QStringLiteral("escalationRules"), QJsonObject{{QStringLiteral("repeatContactWindowHours"), 72}}}});
    QVERIFY2(rules.status == 200, rules.body.constData());

    // Held: nobody came back.
    resolve(open(QStringLiteral("cust_alice"), QStringLiteral("BILLING"), QStringLiteral("How do I change my card?")));
    // Came back about the same reason, on the chat and by e-mail: those resolutions did not hold.
    resolve(open(QStringLiteral("cust_ben"), QStringLiteral("SHIPPING"), QStringLiteral("Where is my parcel?")));
    QVERIFY(!open(QStringLiteral("cust_ben"), QStringLiteral("SHIPPING"), QStringLiteral("My parcel still isn't here"))
                 .isEmpty());
    resolve(open(QStringLiteral("cust_chloe"), QStringLiteral("REFUND"), QStringLiteral("How do refunds work?")));
    QVERIFY(!open(QStringLiteral("cust_chloe"), QStringLiteral("REFUND"), QStringLiteral("Still no refund"),
        QStringLiteral("email"))
                 .isEmpty());
    // Came back about something else: it held.
    resolve(open(QStringLiteral("cust_farid"), QStringLiteral("SHIPPING"), QStringLiteral("Do you ship to Oslo?")));
    QVERIFY(!open(QStringLiteral("cust_farid"), QStringLiteral("BILLING"), QStringLiteral("Can I pay by invoice?"))
                 .isEmpty());
    // A person's resolution, after an escalation to them.
    const QString daniel
        = open(QStringLiteral("cust_daniel"), QStringLiteral("TECHNICAL"), QStringLiteral("The app crashes on login"));
    escalate(daniel, QStringLiteral("HUMAN_AGENT"));
    resolve(daniel);
    // The AI Manager's: an escalation within the AI tiers is no person.
    const QString emma
        = open(QStringLiteral("cust_emma"), QStringLiteral("ACCOUNT"), QStringLiteral("I can't change my e-mail"));
    escalate(emma, QStringLiteral("AI_MANAGER"));
    resolve(emma);
}

void TestCsApiResolutions::theResolutionCountsEachCase()
{
    const QJsonObject r = analytics().value(QLatin1String("resolution")).toObject();
    QCOMPARE(r.value(QLatin1String("sessions")).toInt(), 9);
    QCOMPARE(r.value(QLatin1String("aiResolved")).toInt(), 5); // alice, ben, chloe, farid, emma
    QCOMPARE(r.value(QLatin1String("aiResolvedHeld")).toInt(), 3); // alice, farid, emma
    QCOMPARE(r.value(QLatin1String("reopened")).toInt(), 2); // ben, chloe
    QCOMPARE(r.value(QLatin1String("humanResolved")).toInt(), 1); // daniel
    QCOMPARE(r.value(QLatin1String("unresolved")).toInt(), 3); // the three who came back
    QCOMPARE(r.value(QLatin1String("aiResolutionRate")).toDouble(), 55.6); // 5 of 9
    QCOMPARE(r.value(QLatin1String("firstContactResolutionRate")).toDouble(), 44.4); // alice, farid, daniel, emma
}

void TestCsApiResolutions::ratesByChannelAndTier()
{
    const QJsonObject a = analytics();
    QHash<QString, QJsonObject> channels;
    for (const QJsonValue &row : a.value(QLatin1String("byChannel")).toArray())
        channels.insert(row.toObject().value(QLatin1String("channel")).toString(), row.toObject());
    QCOMPARE(channels.value(QStringLiteral("chat")).value(QLatin1String("aiResolutionRate")).toDouble(), 62.5);
    QCOMPARE(
        channels.value(QStringLiteral("chat")).value(QLatin1String("firstContactResolutionRate")).toDouble(), 50.0);
    QCOMPARE(channels.value(QStringLiteral("email")).value(QLatin1String("aiResolutionRate")).toDouble(), 0.0);
    int sessions = 0;
    for (const QJsonValue &v : a.value(QLatin1String("byTier")).toArray()) {
        const QJsonObject row = v.toObject();
        const int n = row.value(QLatin1String("sessions")).toInt();
        sessions += n;
        QCOMPARE(row.value(QLatin1String("aiResolutionRate")).isNull(), n == 0);
        if (row.value(QLatin1String("tier")).toString() == QLatin1String("HUMAN_AGENT"))
            QCOMPARE(row.value(QLatin1String("aiResolutionRate")).toDouble(), 0.0);
    }
    QCOMPARE(sessions, 9);
}

void TestCsApiResolutions::theTimelineCountsTheAiResolutions()
{
    int ai = 0;
    for (const QJsonValue &p : analytics(QStringLiteral("day")).value(QLatin1String("timeline")).toArray())
        ai += p.toObject().value(QLatin1String("aiResolved")).toInt();
    QCOMPARE(ai, 5);
}

void TestCsApiResolutions::anEmptyRangeHasNoRates()
{
    const QJsonObject r = analytics({}, -30, -20).value(QLatin1String("resolution")).toObject();
    QCOMPARE(r.value(QLatin1String("sessions")).toInt(), 0);
    QVERIFY(r.value(QLatin1String("aiResolutionRate")).isNull());
    QVERIFY(r.value(QLatin1String("firstContactResolutionRate")).isNull());
}

// Each session's reason is the intent of its first understood message, as the AI read it; small
// talk is no reason. Another company, so its sessions are the only ones counted.
void TestCsApiResolutions::reasonsForContact()
{
    const QString company = m_server.createCompany(QStringLiteral("Reasons Ltd"));
    auto admin = m_server.client(api::Role::Admin, company);
    QStringList started;
    const auto start = [&](const QString &customer, const QString &text) {
        const HttpResult r = admin->post(QStringLiteral("/api/cs/sessions"), sessionBody(company, customer, text));
        const QString id = r.json().value(QLatin1String("id")).toString();
        started.append(id);
        // The AI's reading of the first message: its reply's intent.
        const QJsonArray messages
            = admin->get(QStringLiteral("/api/cs/sessions/") + id).json().value(QLatin1String("messages")).toArray();
        for (const QJsonValue &m : messages)
            if (const QJsonObject meta = m.toObject().value(QLatin1String("metadata")).toObject();
                meta.value(QLatin1String("aiGenerated")).toBool())
                return meta.value(QLatin1String("intent")).toString();
        return QString();
    };
    const QString whereIs = start(QStringLiteral("cust_alice"), QStringLiteral("Where is my order? It hasn't arrived"));
    QCOMPARE(start(QStringLiteral("cust_ben"), QStringLiteral("where is my order, it still hasn't arrived")), whereIs);
    const QString refund = start(QStringLiteral("cust_chloe"), QStringLiteral("I want a refund for my broken kettle"));
    QVERIFY(!whereIs.isEmpty() && refund != whereIs);
    start(QStringLiteral("cust_daniel"), QStringLiteral("hello"));

    const QJsonArray reasons = analyticsOf(*admin, company, {}, -1, 1).value(QLatin1String("contactReasons")).toArray();
    QCOMPARE(reasons.size(), 2); // "hello" is no reason
    const QJsonObject first = reasons.at(0).toObject();
    QCOMPARE(first.value(QLatin1String("reason")).toString(), whereIs);
    QCOMPARE(first.value(QLatin1String("sessions")).toInt(), 2);
    QVERIFY(!first.value(QLatin1String("category")).toString().isEmpty());
    QCOMPARE(first.value(QLatin1String("aiResolutionRate")).toDouble(), 0.0); // none resolved yet
    QVERIFY(first.contains(QLatin1String("escalationRate")));
    QVERIFY(first.contains(QLatin1String("customerSatisfactionAvg")));
    QVERIFY(first.contains(QLatin1String("avgHandleTime")));
    QCOMPARE(reasons.at(1).toObject().value(QLatin1String("reason")).toString(), refund);

    // A reason's sessions, as the console's click-through lists them: Alice's and Ben's, nobody else's.
    const auto sessionsOf = [&](const QString &reason) {
        QStringList ids;
        const HttpResult r = admin->get(QStringLiteral("/api/cs/sessions?companyId=%1&reason=%2")
                                            .arg(company, QString::fromLatin1(QUrl::toPercentEncoding(reason))));
        for (const QJsonValue &s : r.json().value(QLatin1String("sessions")).toArray())
            ids.append(s.toObject().value(QLatin1String("id")).toString());
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    QStringList whereIsIds{started.at(0), started.at(1)};
    std::sort(whereIsIds.begin(), whereIsIds.end());
    QCOMPARE(sessionsOf(whereIs), whereIsIds);
    QCOMPARE(sessionsOf(refund), QStringList{started.at(2)});
    QCOMPARE(sessionsOf(QStringLiteral("no_such_reason")), QStringList());
    QCOMPARE(
        admin->get(QStringLiteral("/api/cs/sessions?companyId=%1&reason=%2").arg(company, QString(101, u'x'))).status,
        400);
}

QTEST_GUILESS_MAIN(TestCsApiResolutions)
#include "tst_csapi_resolutions.moc"
