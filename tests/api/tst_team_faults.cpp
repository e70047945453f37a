// Team mode under faults (two `tierdesk serve` on one PostgreSQL database, all started here):
// one instance killed with SIGKILL under load, and the PostgreSQL server stopped and started
// under load. Every message an instance acknowledged (201) is in the database afterwards,
// counted one by one; the survivor goes on answering; while the database is away every answer
// is the family's 503 (CS_024, reason "connection", Retry-After), never a crash or a 500; and
// afterwards each instance answers again by itself.
#include "tests/api/ApiTestSupport.h"
#include "tests/support/PgServer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// Keeps one message in flight on each of its sessions, one after another, until stopped: the
// load. Counts the answers by status and keeps the text of every acknowledged message.
class MessageLoad : public QObject {
public:
    struct Lane {
        quint16 port = 0;
        QString sessionId;
        QString tag; // which instance, in the messages' text
    };

    explicit MessageLoad(QByteArray token) : m_token(std::move(token)) { }
    void add(const Lane &lane) { m_lanes.push_back(lane); }
    void start()
    {
        m_running = true;
        for (int i = 0; i < m_lanes.size(); ++i)
            send(i);
    }
    void stop() { m_running = false; }
    bool idle() const { return m_inFlight == 0; }
    int acknowledged(const QString &tag) const { return m_acknowledged.value(tag); }
    int answered(int status) const { return m_statuses.value(status); }
    const QStringList &acknowledgedTexts() const { return m_texts; }
    // Answers that were neither 201 nor the 503 of a lost connection.
    const QStringList &unexpected() const { return m_unexpected; }

private:
    void send(int lane)
    {
        const Lane &l = m_lanes.at(lane);
        const QString text = QStringLiteral("load-%1-%2 where is my parcel").arg(l.tag).arg(++m_sent);
        QNetworkRequest request(
            QUrl(QStringLiteral("http://127.0.0.1:%1/api/cs/sessions/%2/messages").arg(l.port).arg(l.sessionId)));
        request.setRawHeader("Authorization", "Bearer " + m_token);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply *reply = m_nam.post(
            request, QJsonDocument(QJsonObject{{QStringLiteral("message"), text}}).toJson(QJsonDocument::Compact));
        ++m_inFlight;
        connect(reply, &QNetworkReply::finished, this, [this, reply, lane, text] {
            reply->deleteLater();
            --m_inFlight;
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            ++m_statuses[status];
            if (status == 201) {
                m_texts << text;
                ++m_acknowledged[m_lanes.at(lane).tag];
            } else if (status != 0 && !isReconnecting(status, body, reply->rawHeader("Retry-After"))) {
                m_unexpected << QStringLiteral("%1 %2").arg(status).arg(QString::fromUtf8(body));
            }
            if (m_running && status != 0) // status 0: the instance is gone; its lane ends
                send(lane);
        });
    }

    static bool isReconnecting(int status, const QByteArray &body, const QByteArray &retryAfter)
    {
        const QJsonObject error = QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toObject();
        return status == 503 && error.value(QLatin1String("code")).toString() == QLatin1String("CS_024")
            && error.value(QLatin1String("details")).toObject().value(QLatin1String("reason")).toString()
            == QLatin1String("connection")
            && retryAfter.toInt() >= 1;
    }

    QNetworkAccessManager m_nam;
    QByteArray m_token;
    QList<Lane> m_lanes;
    bool m_running = false;
    int m_inFlight = 0;
    int m_sent = 0;
    QHash<QString, int> m_acknowledged;
    QHash<int, int> m_statuses;
    QStringList m_texts;
    QStringList m_unexpected;
};

} // namespace

class TestTeamFaults : public QObject {
    Q_OBJECT

private slots:
    void init();
    void killedInstanceLosesNothingAcknowledged();
    void databaseRestartUnderLoad_data();
    void databaseRestartUnderLoad();
    void cleanup();

private:
    void startLoad(MessageLoad &load, int lanesPerInstance);
    QSet<QString> storedLoadMessages();
    void verifyAllStored(const MessageLoad &load);

    PgServer m_pg; // of this test alone: it is stopped and started
    QString m_url;
    std::unique_ptr<QTemporaryDir> m_dirA, m_dirB;
    ServeProcess m_a, m_b;
    QByteArray m_logA, m_logB; // drained, so a chatty server never blocks on a full pipe
};

void TestTeamFaults::init()
{
    QString error;
    if (!m_pg.running())
        QVERIFY2(m_pg.start(&error), qPrintable(error));
    m_url = m_pg.createDatabase(&error);
    QVERIFY2(!m_url.isEmpty(), qPrintable(error));
    m_dirA = std::make_unique<QTemporaryDir>();
    m_dirB = std::make_unique<QTemporaryDir>();
    m_logA.clear();
    m_logB.clear();
    connect(&m_a.process(), &QProcess::readyReadStandardError, this,
        [this] { m_logA += m_a.process().readAllStandardError(); });
    connect(&m_b.process(), &QProcess::readyReadStandardError, this,
        [this] { m_logB += m_b.process().readAllStandardError(); });
    const QStringList common{QStringLiteral("--database"), m_url, QStringLiteral("--no-rate-limit")};
    QVERIFY2(m_a.start(m_dirA->path(), common + QStringList{QStringLiteral("--demo")}, &error), qPrintable(error));
    const CliResult keys = runTierdesk(
        {QStringLiteral("--data-dir"), m_dirA->path(), QStringLiteral("secrets"), QStringLiteral("export")});
    QVERIFY2(keys.exitCode == 0, keys.err.constData());
    const CliResult imported = runTierdeskWithInput(
        {QStringLiteral("--data-dir"), m_dirB->path(), QStringLiteral("secrets"), QStringLiteral("import")}, keys.out);
    QVERIFY2(imported.exitCode == 0, imported.err.constData());
    QVERIFY2(m_b.start(m_dirB->path(), common, &error), qPrintable(error));
}

void TestTeamFaults::cleanup()
{
    disconnect(&m_a.process(), nullptr, this, nullptr);
    disconnect(&m_b.process(), nullptr, this, nullptr);
    for (ServeProcess *instance : {&m_a, &m_b}) {
        if (instance->process().state() != QProcess::NotRunning)
            instance->kill();
    }
    if (QTest::currentTestFailed())
        qWarning("A said:\n%s\nB said:\n%s", m_logA.right(4000).constData(), m_logB.right(4000).constData());
}

// Sessions of the demo company, `lanesPerInstance` on each instance, made there.
void TestTeamFaults::startLoad(MessageLoad &load, int lanesPerInstance)
{
    for (ServeProcess *instance : {&m_a, &m_b}) {
        HttpClient http(instance->port(), m_a.adminToken());
        const QString tag = instance == &m_a ? QStringLiteral("A") : QStringLiteral("B");
        for (int i = 0; i < lanesPerInstance; ++i) {
            const HttpResult made = http.post(QStringLiteral("/api/cs/sessions"),
                sessionBody(m_a.companyId(), QStringLiteral("cust_ben"), QStringLiteral("Hello")));
            QVERIFY2(made.status == 201, describe(made));
            load.add({instance->port(), made.json().value(QLatin1String("id")).toString(), tag});
        }
    }
    load.start();
}

QSet<QString> TestTeamFaults::storedLoadMessages()
{
    QString rows, error;
    const bool read = m_pg.psql(m_url.section(QLatin1Char('/'), -1),
        QStringLiteral("SELECT content FROM messages WHERE content LIKE 'load-%'"), &rows, &error);
    if (!read)
        qWarning("psql: %s", qPrintable(error));
    const QStringList lines = rows.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return QSet<QString>(lines.begin(), lines.end());
}

void TestTeamFaults::verifyAllStored(const MessageLoad &load)
{
    const QSet<QString> stored = storedLoadMessages();
    int missing = 0;
    for (const QString &text : load.acknowledgedTexts())
        missing += stored.contains(text) ? 0 : 1;
    qInfo("%lld messages acknowledged, %lld of them found in the database, %d missing",
        static_cast<long long>(load.acknowledgedTexts().size()),
        static_cast<long long>(load.acknowledgedTexts().size() - missing), missing);
    QCOMPARE(missing, 0);
}

// A is killed mid-load: B goes on answering, and every message either acknowledged is stored.
void TestTeamFaults::killedInstanceLosesNothingAcknowledged()
{
    MessageLoad load(m_a.adminToken());
    startLoad(load, 4);
    QTRY_VERIFY_WITH_TIMEOUT(load.acknowledged(QStringLiteral("A")) >= 40, 60000);
    m_a.kill();
    const int beforeB = load.acknowledged(QStringLiteral("B"));
    QTRY_VERIFY_WITH_TIMEOUT(load.acknowledged(QStringLiteral("B")) >= beforeB + 40, 60000);
    load.stop();
    QTRY_VERIFY_WITH_TIMEOUT(load.idle(), 30000);
    QVERIFY2(load.unexpected().isEmpty(), qPrintable(load.unexpected().join(QLatin1Char('\n'))));
    verifyAllStored(load);
    QCOMPARE(HttpClient(m_b.port()).get(QStringLiteral("/api/cs/health")).status, 200);
}

void TestTeamFaults::databaseRestartUnderLoad_data()
{
    QTest::addColumn<bool>("immediate");
    QTest::newRow("shut down") << false; // pg_ctl stop -m fast: it ends the connections and says so
    QTest::newRow("crashed") << true; // -m immediate: gone mid-statement, recovered from its log at start
}

// PostgreSQL stops under load: both instances answer 503 (CS_024, reason connection) meanwhile;
// when it is back, both answer 201 again without a restart, and nothing acknowledged is lost.
void TestTeamFaults::databaseRestartUnderLoad()
{
    MessageLoad load(m_a.adminToken());
    startLoad(load, 3);
    QTRY_VERIFY_WITH_TIMEOUT(
        load.acknowledged(QStringLiteral("A")) >= 20 && load.acknowledged(QStringLiteral("B")) >= 20, 60000);
    QFETCH(bool, immediate);
    QVERIFY(m_pg.stop(immediate));
    const int refusedBefore = load.answered(503);
    QTRY_VERIFY_WITH_TIMEOUT(load.answered(503) >= refusedBefore + 20, 30000);
    HttpClient healthA(m_a.port());
    const HttpResult health = healthA.get(QStringLiteral("/api/cs/health"));
    QCOMPARE(health.status, 503);
    QCOMPARE(health.json().value(QLatin1String("storage")).toString(), QStringLiteral("connection"));
    QString error;
    QVERIFY2(m_pg.restart(&error), qPrintable(error));
    const int a = load.acknowledged(QStringLiteral("A")), b = load.acknowledged(QStringLiteral("B"));
    QTRY_VERIFY_WITH_TIMEOUT(
        load.acknowledged(QStringLiteral("A")) >= a + 20 && load.acknowledged(QStringLiteral("B")) >= b + 20, 60000);
    load.stop();
    QTRY_VERIFY_WITH_TIMEOUT(load.idle(), 30000);
    qInfo("answers: %d acknowledged, %d refused with 503 while the database was away", load.answered(201),
        load.answered(503));
    QCOMPARE(load.answered(500), 0);
    QVERIFY2(load.unexpected().isEmpty(), qPrintable(load.unexpected().join(QLatin1Char('\n'))));
    verifyAllStored(load);
    QCOMPARE(healthA.get(QStringLiteral("/api/cs/health")).status, 200);
}

QTEST_GUILESS_MAIN(TestTeamFaults)
#include "tst_team_faults.moc"
