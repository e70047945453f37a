// Long sessions stay cheap: a per-session message cap (409 CS_022 beyond it)
// and Get Session returning the newest messages with paging for older ones.
#include "tests/api/ApiTestSupport.h"

#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

constexpr int kCap = 130; // set through tierdesk.ini below

QStringList idsOf(const QJsonObject &session)
{
    QStringList ids;
    for (const QJsonValue &m : session.value(QLatin1String("messages")).toArray())
        ids << m.toObject().value(QLatin1String("id")).toString();
    return ids;
}

} // namespace

class TestCsApiTranscript : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void defaultPageIsTheNewestMessages();
    void olderPagesJoinUpToTheWholeTranscript();
    void badPagingParameters_data();
    void badPagingParameters();
    void messageCapAnswers409();

private:
    QJsonObject get(const QList<QPair<QString, QString>> &query = {});

    ServerFixture m_server;
    std::unique_ptr<HttpClient> m_admin;
    QString m_session;
    int m_total = 0;
};

void TestCsApiTranscript::initTestCase()
{
    QString error;
    QVERIFY2(
        m_server.start("[sessions]\nmaxMessages=" + QByteArray::number(kCap) + "\n", false, &error), qPrintable(error));
    m_admin = m_server.client(api::Role::Admin);
    const HttpResult r = m_admin->post(
        QStringLiteral("/api/cs/sessions"), sessionBody(m_server.companyId(), QStringLiteral("cust_ben")));
    QVERIFY2(r.status == 201, describe(r).constData());
    m_session = r.json().value(QLatin1String("id")).toString();
    // Fill the session to its cap through the engine (the API's rate limit is per minute).
    SessionEngine &engine = m_server.runtime().engine();
    for (int i = 0; i < kCap; ++i) {
        auto sent = engine.postMessage(m_server.companyId(), m_session,
            QStringLiteral("Question %1: what sizes do rain jackets come in?").arg(i), Actor{});
        if (!sent) {
            QCOMPARE(sent.error().kind, ErrorKind::Conflict);
            break;
        }
    }
    m_server.runtime().store().batch().flush();
    m_total = engine.session(m_server.companyId(), m_session, MessageWindow{0, -1})->messageCount;
    QVERIFY2(m_total >= kCap - 1 && m_total <= kCap + 1, qPrintable(QString::number(m_total)));
}

void TestCsApiTranscript::cleanupTestCase()
{
    m_admin.reset();
    m_server.stop();
}

QJsonObject TestCsApiTranscript::get(const QList<QPair<QString, QString>> &query)
{
    const HttpResult r = m_admin->get(withQuery(QStringLiteral("/api/cs/sessions/") + m_session, query));
    if (r.status != 200)
        qWarning("get failed: %s", describe(r).constData());
    return r.json();
}

void TestCsApiTranscript::defaultPageIsTheNewestMessages()
{
    const QJsonObject s = get();
    const QJsonObject page = s.value(QLatin1String("messagePage")).toObject();
    QCOMPARE(s.value(QLatin1String("messages")).toArray().size(), 100);
    QCOMPARE(page.value(QLatin1String("total")).toInt(), m_total);
    QCOMPARE(page.value(QLatin1String("from")).toInt(), m_total - 100);
    QCOMPARE(page.value(QLatin1String("to")).toInt(), m_total);
    QVERIFY(page.value(QLatin1String("hasOlder")).toBool());
    // The sentiment readings are those of the page's time, not the whole history.
    const QString firstShown
        = s.value(QLatin1String("messages")).toArray().first().toObject().value(QLatin1String("timestamp")).toString();
    const QJsonArray readings = s.value(QLatin1String("sentimentHistory")).toArray();
    QVERIFY(!readings.isEmpty());
    for (const QJsonValue &p : readings)
        QVERIFY(p.toObject().value(QLatin1String("timestamp")).toString() >= firstShown);
    const QJsonObject whole = get({{QStringLiteral("messageLimit"), QStringLiteral("500")}});
    QVERIFY(whole.value(QLatin1String("sentimentHistory")).toArray().size() > readings.size());
    // Every seed field is still there.
    for (const char *key : {"id", "companyId", "customerId", "channel", "currentTier", "status", "issueCategory",
             "issueSummary", "customerSentiment", "sentimentHistory", "escalationHistory", "messages", "context",
             "createdAt", "updatedAt"})
        QVERIFY2(s.contains(QLatin1String(key)), key);
}

void TestCsApiTranscript::olderPagesJoinUpToTheWholeTranscript()
{
    const QStringList whole = idsOf(get({{QStringLiteral("messageLimit"), QStringLiteral("500")}}));
    QCOMPARE(whole.size(), m_total);
    QStringList joined;
    QString before;
    int pages = 0;
    for (;;) {
        QList<QPair<QString, QString>> q{{QStringLiteral("messageLimit"), QStringLiteral("7")}};
        if (!before.isEmpty())
            q.append({QStringLiteral("messagesBefore"), before});
        const QJsonObject s = get(q);
        const QJsonObject page = s.value(QLatin1String("messagePage")).toObject();
        joined = idsOf(s) + joined;
        ++pages;
        if (!page.value(QLatin1String("hasOlder")).toBool())
            break;
        before = QString::number(page.value(QLatin1String("from")).toInt());
        QVERIFY(pages < 100);
    }
    QCOMPARE(pages, (m_total + 6) / 7);
    QCOMPARE(joined, whole);
}

void TestCsApiTranscript::badPagingParameters_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::newRow("limit 0") << QStringLiteral("messageLimit") << QStringLiteral("0");
    QTest::newRow("limit 501") << QStringLiteral("messageLimit") << QStringLiteral("501");
    QTest::newRow("limit text") << QStringLiteral("messageLimit") << QStringLiteral("all");
    QTest::newRow("before negative") << QStringLiteral("messagesBefore") << QStringLiteral("-1");
    QTest::newRow("before fraction") << QStringLiteral("messagesBefore") << QStringLiteral("1.5");
}

void TestCsApiTranscript::badPagingParameters()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    const HttpResult r = m_admin->get(withQuery(QStringLiteral("/api/cs/sessions/") + m_session, {{name, value}}));
    QVERIFY2(checkErrorBody(r, 400, QStringLiteral("CS_011")).isEmpty(), describe(r).constData());
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("field")).toString(), name);
}

void TestCsApiTranscript::messageCapAnswers409()
{
    const HttpResult r = m_admin->post(QStringLiteral("/api/cs/sessions/%1/messages").arg(m_session),
        {{QStringLiteral("message"), QStringLiteral("one more question")}});
    QVERIFY2(checkErrorBody(r, 409, QStringLiteral("CS_022")).isEmpty(), describe(r).constData());
    QCOMPARE(r.error().value(QLatin1String("details")).toObject().value(QLatin1String("maxMessages")).toInt(), kCap);
    // Nothing was stored, and a new session for the same customer works.
    QCOMPARE(get().value(QLatin1String("messagePage")).toObject().value(QLatin1String("total")).toInt(), m_total);
    const HttpResult fresh = m_admin->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server.companyId(), QStringLiteral("cust_ben"), QStringLiteral("hello again")));
    QCOMPARE(fresh.status, 201);
}

QTEST_GUILESS_MAIN(TestCsApiTranscript)
#include "tst_csapi_transcript.moc"
