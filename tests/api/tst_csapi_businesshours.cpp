// Business hours over the real server: PUT and GET /api/cs/config with desk.businessHours
// (a bad one gets 400 CS_011 naming the field and changes nothing), queue items' SLA due
// times and warning counted in open hours across a weekend and a holiday on a FakeClock,
// and the hand-over reply that tells a customer writing while closed when a person answers.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/FakeClock.h"

#include <QTest>
#include <QTimeZone>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QDateTime berlin(const char *local)
{
    const QDateTime t = QDateTime::fromString(QLatin1String(local), Qt::ISODate);
    return QDateTime(t.date(), t.time(), QTimeZone("Europe/Berlin"));
}

// An API time ("2026-01-12T08:30:00.000Z") as Berlin's wall clock.
QString inBerlin(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs)
        .toTimeZone(QTimeZone("Europe/Berlin"))
        .toString(QStringLiteral("yyyy-MM-ddTHH:mm"));
}

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// Monday to Friday, 09:00 to 17:00 in Berlin; closed on Christmas Day and Boxing Day 2026.
const char *const kOfficeHours = R"({"timeZone":"Europe/Berlin",
    "weekly":{"mon":[["09:00","17:00"]],"tue":[["09:00","17:00"]],"wed":[["09:00","17:00"]],
              "thu":[["09:00","17:00"]],"fri":[["09:00","12:00"],["13:00","17:00"]]},
    "holidays":["2026-12-25","2026-12-26"]})";

} // namespace

class TestCsApiBusinessHours : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void putAndGetBusinessHours();
    void badBusinessHoursChangeNothing_data();
    void badBusinessHoursChangeNothing();
    void dueTimesAcrossAWeekend();
    void warningCountsOpenTimeOnly();
    void handoverWhileClosedSaysWhenThePersonAnswers();
    void handoverInsideHoursIsAsBefore();
    void germanHandoverWhileClosed();
    void dueTimesAcrossAHoliday();
    void nullMeansAlwaysOpen();

private:
    // The clock moves to `at`, and a fresh admin token is issued then.
    void moveTo(const QDateTime &at)
    {
        m_clock.set(at);
        m_admin = m_server.client(api::Role::Admin);
    }
    HttpResult putConfig(const QJsonObject &patch)
    {
        QJsonObject body = patch;
        body.insert(QStringLiteral("companyId"), m_server.companyId());
        return m_admin->put(QStringLiteral("/api/cs/config"), body);
    }
    HttpResult putHours(const char *hours)
    {
        return putConfig({{QStringLiteral("desk"),
            QJsonObject{{QStringLiteral("businessHours"), QJsonDocument::fromJson(hours).object()}}}});
    }
    QJsonObject config()
    {
        return m_admin->get(QStringLiteral("/api/cs/config?companyId=") + m_server.companyId()).json();
    }
    // A session of cust_ben escalated to a person through the API, and its queue item.
    QJsonObject queuedItem(const QString &reason = QStringLiteral("CUSTOMER_REQUEST"));
    // The last message of a new session whose first message asks for a person.
    QString handoverReply();

    FakeClock m_clock{berlin("2026-01-07T10:00").toUTC()};
    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
};

void TestCsApiBusinessHours::initTestCase()
{
    m_server.setClock(&m_clock);
    QString error;
    // SLA rounds and idle sweeps only when the test asks: the clock jumps days here.
    QVERIFY2(m_server.start("[desk]\nslaCheckSeconds=3600\n[sessions]\nabandonSweepSeconds=3600\n", false, &error),
        qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
}

void TestCsApiBusinessHours::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QJsonObject TestCsApiBusinessHours::queuedItem(const QString &reason)
{
    const HttpResult created = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), QStringLiteral("Where is my order ORD-10001?")));
    const QString id = str(created.json(), "id");
    const HttpResult escalated = m_admin->post(QStringLiteral("/api/cs/sessions/") + id + QStringLiteral("/escalate"),
        {{QStringLiteral("reason"), reason}, {QStringLiteral("targetTier"), QStringLiteral("HUMAN_AGENT")}});
    if (created.status != 201 || escalated.status != 200)
        return {};
    const HttpResult queue = m_admin->get(QStringLiteral("/api/cs/queue?companyId=") + m_server.companyId());
    for (const QJsonValue &v : queue.json().value(QLatin1String("items")).toArray())
        if (str(v.toObject(), "sessionId") == id)
            return v.toObject();
    return {};
}

QString TestCsApiBusinessHours::handoverReply()
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), QStringLiteral("cust_ben"),
            QStringLiteral("I want to talk to a real person please")));
    if (r.status != 201 || str(r.json(), "currentTier") != QLatin1String("HUMAN_AGENT"))
        return QStringLiteral("(not handed to a person: %1)").arg(QString::fromUtf8(r.body));
    return str(r.json().value(QLatin1String("messages")).toArray().last().toObject(), "content");
}

void TestCsApiBusinessHours::putAndGetBusinessHours()
{
    const HttpResult put = putHours(kOfficeHours);
    QVERIFY2(put.status == 200, describe(put).constData());
    const QJsonObject answered
        = put.json().value(QLatin1String("desk")).toObject().value(QLatin1String("businessHours")).toObject();
    QCOMPARE(str(answered, "timeZone"), QStringLiteral("Europe/Berlin"));

    const QJsonObject hours
        = config().value(QLatin1String("desk")).toObject().value(QLatin1String("businessHours")).toObject();
    QCOMPARE(hours, answered);
    const QJsonObject weekly = hours.value(QLatin1String("weekly")).toObject();
    QCOMPARE(weekly.value(QLatin1String("fri")).toArray(),
        json(R"({"a":[["09:00","12:00"],["13:00","17:00"]]})").value(QLatin1String("a")).toArray());
    QCOMPARE(weekly.value(QLatin1String("sat")).toArray(), QJsonArray()); // every weekday is listed, closed ones empty
    QCOMPARE(weekly.size(), 7);
    QCOMPARE(hours.value(QLatin1String("holidays")).toArray(),
        (QJsonArray{QStringLiteral("2026-12-25"), QStringLiteral("2026-12-26")}));
}

void TestCsApiBusinessHours::badBusinessHoursChangeNothing_data()
{
    QTest::addColumn<QByteArray>("hours");
    QTest::addColumn<QString>("field");
    QTest::newRow("unknown zone") << QByteArray(
        R"({"timeZone":"Europe/Atlantis","weekly":{"mon":[["09:00","17:00"]]}})")
                                  << "desk.businessHours.timeZone";
    QTest::newRow("bad time") << QByteArray(R"({"timeZone":"UTC","weekly":{"mon":[["09:00","5pm"]]}})")
                              << "desk.businessHours.weekly.mon[0]";
    QTest::newRow("end before start") << QByteArray(R"({"timeZone":"UTC","weekly":{"tue":[["17:00","09:00"]]}})")
                                      << "desk.businessHours.weekly.tue[0]";
    QTest::newRow("overlap") << QByteArray(
        R"({"timeZone":"UTC","weekly":{"wed":[["09:00","13:00"],["12:00","17:00"]]}})")
                             << "desk.businessHours.weekly.wed";
    QTest::newRow("bad date") << QByteArray(
        R"({"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]]},"holidays":["2026-13-01"]})")
                              << "desk.businessHours.holidays[0]";
    QTest::newRow("unknown weekday") << QByteArray(R"({"timeZone":"UTC","weekly":{"fry":[["09:00","17:00"]]}})")
                                     << "desk.businessHours.weekly.fry";
    QByteArray nine = R"({"timeZone":"UTC","weekly":{"thu":[)";
    for (int h = 0; h < 9; ++h)
        nine += (h ? "," : "") + QStringLiteral(R"(["%1:00","%1:30"])").arg(h + 10).toUtf8();
    QTest::newRow("nine intervals") << nine + "]}}"
                                    << "desk.businessHours.weekly.thu";
    QByteArray many = R"({"timeZone":"UTC","weekly":{"mon":[["09:00","17:00"]]},"holidays":[)";
    for (int d = 0; d < 367; ++d)
        many += (d ? "," : "") + ('"' + QDate(2027, 1, 1).addDays(d).toString(Qt::ISODate).toUtf8() + '"');
    QTest::newRow("367 holidays") << many + "]}"
                                  << "desk.businessHours.holidays";
    QTest::newRow("no open time") << QByteArray(R"({"timeZone":"UTC","weekly":{"sat":[],"sun":[]}})")
                                  << "desk.businessHours.weekly";
    QTest::newRow("not an object") << QByteArray(R"(["mon"])") << "desk.businessHours";
}

void TestCsApiBusinessHours::badBusinessHoursChangeNothing()
{
    QFETCH(QByteArray, hours);
    QFETCH(QString, field);
    const QJsonObject before = config();
    const QJsonDocument doc = QJsonDocument::fromJson("{\"h\":" + hours + "}");
    QVERIFY2(doc.isObject(), hours.constData());
    // With another change beside it: the whole PUT is refused.
    const HttpResult r = putConfig({{QStringLiteral("desk"),
        QJsonObject{{QStringLiteral("warningAt"), 0.5},
            {QStringLiteral("businessHours"), doc.object().value(QLatin1String("h"))}}}});
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    const QString message = str(r.error(), "message");
    QVERIFY2(message.contains(field + QStringLiteral(": ")), qPrintable(message));
    QCOMPARE(config(), before);
}

void TestCsApiBusinessHours::dueTimesAcrossAWeekend()
{
    QCOMPARE(putHours(kOfficeHours).status, 200);
    moveTo(berlin("2026-01-09T16:30")); // a Friday
    const QJsonObject item = queuedItem();
    QVERIFY(!item.isEmpty());
    QCOMPARE(str(item, "priority"), QStringLiteral("normal")); // 60 minutes to a first reply, 1440 to resolution
    const QJsonObject sla = item.value(QLatin1String("sla")).toObject();
    QCOMPARE(inBerlin(str(sla, "firstResponseDue")), QStringLiteral("2026-01-12T09:30"));
    // 24 open hours: Friday 0.5, Monday and Tuesday 8 each, Wednesday 7.5.
    QCOMPARE(inBerlin(str(sla, "resolutionDue")), QStringLiteral("2026-01-14T16:30"));
    // Queued on a Saturday, the clocks start on Monday at 09:00.
    moveTo(berlin("2026-01-10T11:00"));
    const QJsonObject saturday = queuedItem();
    QCOMPARE(inBerlin(str(saturday.value(QLatin1String("sla")).toObject(), "firstResponseDue")),
        QStringLiteral("2026-01-12T10:00"));
}

void TestCsApiBusinessHours::warningCountsOpenTimeOnly()
{
    QCOMPARE(putHours(kOfficeHours).status, 200);
    moveTo(berlin("2026-01-16T16:30")); // a Friday
    const QString id = str(queuedItem(), "sessionId");
    QVERIFY(!id.isEmpty());
    auto state = [&] {
        const HttpResult queue = m_admin->get(QStringLiteral("/api/cs/queue?companyId=") + m_server.companyId());
        for (const QJsonValue &v : queue.json().value(QLatin1String("items")).toArray())
            if (str(v.toObject(), "sessionId") == id)
                return str(v.toObject().value(QLatin1String("sla")).toObject(), "state");
        return QStringLiteral("(not queued)");
    };
    // A whole weekend later, 30 of its 60 open minutes have passed: below 0.75.
    moveTo(berlin("2026-01-19T08:00"));
    m_server.runtime().desk().evaluateSla();
    QCOMPARE(state(), QStringLiteral("ok"));
    moveTo(berlin("2026-01-19T09:15")); // 45 open minutes
    m_server.runtime().desk().evaluateSla();
    QCOMPARE(state(), QStringLiteral("warning"));
    moveTo(berlin("2026-01-19T09:30"));
    m_server.runtime().desk().evaluateSla();
    QCOMPARE(state(), QStringLiteral("breached"));
}

void TestCsApiBusinessHours::handoverWhileClosedSaysWhenThePersonAnswers()
{
    QCOMPARE(putHours(kOfficeHours).status, 200);
    moveTo(berlin("2026-01-24T10:00")); // a Saturday
    const QString reply = handoverReply();
    QVERIFY2(
        reply.endsWith(QLatin1String("Our team is away now; a person will answer from Monday, 09:00 (Europe/Berlin).")),
        qPrintable(reply));
    // Friday's lunch break is closed too: back the same day.
    moveTo(berlin("2026-01-30T12:20"));
    const QString lunch = handoverReply();
    QVERIFY2(
        lunch.endsWith(QLatin1String("a person will answer from Friday, 13:00 (Europe/Berlin).")), qPrintable(lunch));
}

void TestCsApiBusinessHours::handoverInsideHoursIsAsBefore()
{
    QCOMPARE(putHours(kOfficeHours).status, 200);
    moveTo(berlin("2026-02-03T10:00")); // a Tuesday
    const QString reply = handoverReply();
    QVERIFY2(reply.contains(QLatin1String("within an hour")), qPrintable(reply));
    QVERIFY2(!reply.contains(QLatin1String("away")), qPrintable(reply));
}

void TestCsApiBusinessHours::germanHandoverWhileClosed()
{
    QCOMPARE(putHours(kOfficeHours).status, 200);
    QCOMPARE(putConfig({{QStringLiteral("language"), QStringLiteral("de")}}).status, 200);
    moveTo(berlin("2026-02-04T18:30")); // a Wednesday evening
    const QString reply = handoverReply();
    QCOMPARE(putConfig({{QStringLiteral("language"), QStringLiteral("en")}}).status, 200);
    QVERIFY2(reply.endsWith(QStringLiteral(
                 "Unser Team ist gerade nicht da; ab Donnerstag, 09:00 Uhr (Europe/Berlin) antwortet Ihnen hier eine "
                 "Person.")),
        qPrintable(reply));
}

void TestCsApiBusinessHours::dueTimesAcrossAHoliday()
{
    QCOMPARE(putHours(kOfficeHours).status, 200);
    moveTo(berlin("2026-12-24T16:30")); // a Thursday; Friday the 25th is a holiday
    const QJsonObject item = queuedItem();
    QVERIFY(!item.isEmpty());
    QCOMPARE(inBerlin(str(item.value(QLatin1String("sla")).toObject(), "firstResponseDue")),
        QStringLiteral("2026-12-28T09:30"));
    // Handed over on the holiday: the reply names the next working day.
    moveTo(berlin("2026-12-25T11:00"));
    const QString reply = handoverReply();
    QVERIFY2(
        reply.endsWith(QLatin1String("a person will answer from Monday, 09:00 (Europe/Berlin).")), qPrintable(reply));
}

void TestCsApiBusinessHours::nullMeansAlwaysOpen()
{
    QCOMPARE(putHours(kOfficeHours).status, 200);
    const HttpResult r = putConfig(
        {{QStringLiteral("desk"), QJsonObject{{QStringLiteral("businessHours"), QJsonValue(QJsonValue::Null)}}}});
    QVERIFY2(r.status == 200, describe(r).constData());
    QVERIFY(config().value(QLatin1String("desk")).toObject().value(QLatin1String("businessHours")).isNull());
    moveTo(berlin("2027-01-02T11:00")); // a Saturday: every minute counts again
    const QJsonObject item = queuedItem();
    QCOMPARE(inBerlin(str(item.value(QLatin1String("sla")).toObject(), "firstResponseDue")),
        QStringLiteral("2027-01-02T12:00"));
    const QString reply = handoverReply();
    QVERIFY2(reply.contains(QLatin1String("within an hour")), qPrintable(reply));
}

QTEST_GUILESS_MAIN(TestCsApiBusinessHours)
#include "tst_csapi_businesshours.moc"
