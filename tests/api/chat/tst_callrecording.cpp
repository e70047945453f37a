// Call recording and call analytics on a real server on 127.0.0.1: a web call (a QWebSocket as the
// /chat page, Flite's voice as the caller) is recorded into a stereo WAV in the data directory; the
// file is read back and each channel recognised by PocketSphinx (the caller's words on the left,
// the greeting with its recording notice on the right). Then the recording's route, its retention
// (the engine's clock moved by hand), its erasure with the customer, a company that records
// nothing, and the calls part of the analytics. Waits on signals only.
#include "tests/api/ApiTestSupport.h"

#include "core/engine/admin/CallLog.h"
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/StereoWavFile.h"

#include "tests/support/FakeClock.h"
#include "tests/voice/CallerAudio.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>
#include <QtEndian>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// The /chat page's side of a web call: its control messages in order, and the audio it heard.
struct Page {
    QWebSocket socket;
    QList<QJsonObject> messages;
    qint64 audioBytes = 0;

    Page()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived,
            [this](const QString &text) { messages << QJsonDocument::fromJson(text.toUtf8()).object(); });
        QObject::connect(
            &socket, &QWebSocket::binaryMessageReceived, [this](const QByteArray &pcm) { audioBytes += pcm.size(); });
    }
    // The next message of `type` (and `role`) from `at` on, waiting for it.
    QJsonObject waitFor(const QString &type, const QString &role, qsizetype &at)
    {
        for (;;) {
            for (; at < messages.size(); ++at) {
                const QJsonObject &m = messages.at(at);
                if (m.value(QLatin1String("type")).toString() == type
                    && (role.isEmpty() || m.value(QLatin1String("role")).toString() == role)
                    && m.value(QLatin1String("final")).toBool(true))
                    return messages.at(at++);
            }
            QSignalSpy more(&socket, &QWebSocket::textMessageReceived);
            if (!more.wait(20000))
                return {};
        }
    }
    // Until no audio has come for a while: what the AI was saying is over.
    void waitForQuiet()
    {
        QSignalSpy audio(&socket, &QWebSocket::binaryMessageReceived);
        while (audio.wait(1500)) { }
    }
    void send(const QJsonObject &o) { socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson())); }
    void say(const QByteArray &pcm)
    {
        const QByteArray all = quiet(300) + pcm + quiet(800);
        for (qsizetype at = 0; at < all.size(); at += 3200) // 100 ms a frame, as a worklet batches them
            socket.sendBinaryMessage(all.mid(at, 3200));
    }
};

struct StereoWav {
    bool ok = false;
    quint16 channels = 0;
    quint32 rate = 0;
    voice::Pcm left;
    voice::Pcm right;
};

StereoWav readWav(const QByteArray &all)
{
    StereoWav w;
    if (all.size() < 44 || !all.startsWith("RIFF")
        || qFromLittleEndian<quint32>(all.constData() + 40) + 44 != all.size())
        return w;
    w.ok = true;
    w.channels = qFromLittleEndian<quint16>(all.constData() + 22);
    w.rate = qFromLittleEndian<quint32>(all.constData() + 24);
    for (qsizetype at = 44; at + 4 <= all.size(); at += 4) {
        w.left.push_back(qFromLittleEndian<qint16>(all.constData() + at));
        w.right.push_back(qFromLittleEndian<qint16>(all.constData() + at + 2));
    }
    return w;
}

// Where sound starts in `pcm` (the first 20 ms frame above -40 dBFS), in samples; -1 if nowhere.
qint64 firstSound(const voice::Pcm &pcm)
{
    for (size_t at = 0; at + voice::kFrameSamples <= pcm.size(); at += voice::kFrameSamples)
        if (voice::levelDbfs(pcm.data() + at, voice::kFrameSamples) > -40)
            return qint64(at);
    return -1;
}

} // namespace

class TestCallRecording : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void aCallIsRecordedOnBothSides();
    void aCompanyThatRecordsNothing();
    void theRecordingsRoute();
    void retentionErasesOldRecordings();
    void erasedWithTheCustomer();
    void analyticsCountTheCalls();

private:
    struct Placed {
        QString sessionId;
        QString callId;
        QString greeting;
    };
    // A web call: greeted, then (when `words` are given) the caller speaks and the AI answers;
    // the caller hangs up and the call's row says it ended.
    Placed call(const QString &words = {});
    QString recordingPath(const QString &callId);

    FakeClock m_clock;
    std::unique_ptr<ServerFixture> m_server;
    QByteArray m_key;
};

void TestCallRecording::init()
{
    m_clock.set(QDateTime::currentDateTimeUtc());
    m_server = std::make_unique<ServerFixture>();
    m_server->setClock(&m_clock);
    QVERIFY(m_server->start());
    m_key = newWidgetKey(*m_server->client(api::Role::Admin));
    QVERIFY(!m_key.isEmpty());
}

void TestCallRecording::cleanup()
{
    m_server.reset();
}

TestCallRecording::Placed TestCallRecording::call(const QString &words)
{
    Page page;
    QSignalSpy connected(&page.socket, &QWebSocket::connected);
    page.socket.open(QUrl(
        QStringLiteral("ws://127.0.0.1:%1/api/v1/voice?key=%2").arg(m_server->port()).arg(QString::fromUtf8(m_key))));
    if (!connected.wait(10000))
        return {};
    page.send({{QStringLiteral("type"), QStringLiteral("start")}, {QStringLiteral("sampleRate"), 16000},
        {QStringLiteral("visitor"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Dana")}}}});
    qsizetype at = 0;
    const QJsonObject started = page.waitFor(QStringLiteral("started"), {}, at);
    Placed placed{
        started.value(QLatin1String("sessionId")).toString(), started.value(QLatin1String("callId")).toString(), {}};
    placed.greeting = page.waitFor(QStringLiteral("transcript"), QStringLiteral("ai_rep"), at)
                          .value(QLatin1String("text"))
                          .toString();
    page.waitForQuiet(); // the whole greeting, before the caller speaks
    if (!words.isEmpty()) {
        page.say(spoken(words));
        page.waitFor(QStringLiteral("transcript"), QStringLiteral("customer"), at);
        page.waitFor(QStringLiteral("state"), {}, at); // queued for a person
        page.waitForQuiet(); // the AI's answer
    }
    page.send({{QStringLiteral("type"), QStringLiteral("hangup")}});
    page.waitFor(QStringLiteral("ended"), {}, at);
    const auto ended = [&] {
        return m_server->scalar(QStringLiteral("SELECT ended_at FROM calls WHERE id = ?"), {placed.callId})
            .toLongLong();
    };
    if (!QTest::qWaitFor([&] { return ended() > 0; }, 10000))
        return {};
    return placed;
}

QString TestCallRecording::recordingPath(const QString &callId)
{
    const QString relative
        = m_server->scalar(QStringLiteral("SELECT recording_path FROM calls WHERE id = ?"), {callId}).toString();
    return relative.isEmpty() ? QString() : m_server->dataDir() + QLatin1Char('/') + relative;
}

void TestCallRecording::aCallIsRecordedOnBothSides()
{
    const Placed placed = call(QStringLiteral("i want to talk to a person"));
    QVERIFY2(!placed.sessionId.isEmpty(), "the call did not start");
    QVERIFY2(placed.greeting.contains(QLatin1String("This call is recorded")), qPrintable(placed.greeting));
    const QString path = recordingPath(placed.callId);
    const QString folder
        = m_server->dataDir() + QStringLiteral("/recordings/") + m_server->companyId() + QLatin1Char('/');
    QCOMPARE(path, QString(folder + placed.sessionId + QLatin1Char('-') + placed.callId + QStringLiteral(".wav")));
    const qint64 bytes
        = m_server->scalar(QStringLiteral("SELECT recording_bytes FROM calls WHERE id = ?"), {placed.callId})
              .toLongLong();
    QTRY_COMPARE_WITH_TIMEOUT(QFileInfo(path).size(), bytes, 10000); // the writer's thread is done
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    for (const QString &dir : {QString(m_server->dataDir() + QStringLiteral("/recordings")), folder})
        QCOMPARE(
            QFile::permissions(dir) & (QFile::ReadGroup | QFile::ReadOther | QFile::ExeOther), QFile::Permissions());
    const StereoWav wav = readWav(file.readAll());
    QVERIFY2(wav.ok, "not a whole WAV file");
    QCOMPARE(wav.channels, quint16(2));
    QCOMPARE(wav.rate, 16000u);
    // Left: the caller. Right: what the caller heard; until the caller spoke, the greeting.
    const qint64 callerStarts = firstSound(wav.left);
    const qint64 greetingStarts = firstSound(wav.right);
    QVERIFY2(greetingStarts >= 0 && callerStarts > greetingStarts,
        qPrintable(QStringLiteral("the greeting's first sound at sample %1, the caller's at %2")
                       .arg(greetingStarts)
                       .arg(callerStarts)));
    const QString caller = recognised(wav.left);
    QVERIFY2(caller.contains(QLatin1String("person")), qPrintable(caller));
    const QString greeting = recognised(voice::Pcm(wav.right.begin(), wav.right.begin() + callerStarts));
    QVERIFY2(
        greeting.contains(QLatin1String("recorded")) && greeting.contains(QLatin1String("help")), qPrintable(greeting));
    // The AI's answer came after the caller's words, on the right.
    const QString answer = recognised(voice::Pcm(wav.right.begin() + callerStarts, wav.right.end()));
    QVERIFY2(answer.contains(QLatin1String("conversation")), qPrintable(answer));
    // The call's row: a web call that waited in line, the caller hung up there.
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT door FROM calls WHERE id = ?"), {placed.callId}).toString(),
        QStringLiteral("web"));
    QVERIFY(
        m_server->scalar(QStringLiteral("SELECT queued_at FROM calls WHERE id = ?"), {placed.callId}).toLongLong() > 0);
    QVERIFY(!m_server->scalar(QStringLiteral("SELECT queue FROM calls WHERE id = ?"), {placed.callId})
                 .toString()
                 .isEmpty());
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT abandoned FROM calls WHERE id = ?"), {placed.callId}).toInt(), 1);
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT ai_alone FROM calls WHERE id = ?"), {placed.callId}).toInt(), 0);
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT end_reason FROM calls WHERE id = ?"), {placed.callId}).toString(),
        QStringLiteral("hangup"));
}

void TestCallRecording::aCompanyThatRecordsNothing()
{
    const HttpResult put = m_server->client(api::Role::Admin)
                               ->put(QStringLiteral("/api/cs/config?companyId=%1").arg(m_server->companyId()),
                                   {{QStringLiteral("companyId"), m_server->companyId()},
                                       {QStringLiteral("voice"), QJsonObject{{QStringLiteral("recordCalls"), false}}}});
    QVERIFY2(put.status == 200, describe(put).constData());
    const Placed placed = call();
    QVERIFY(!placed.callId.isEmpty());
    QVERIFY2(placed.greeting.contains(QLatin1String("help")) && !placed.greeting.contains(QLatin1String("record")),
        qPrintable(placed.greeting));
    QVERIFY(recordingPath(placed.callId).isEmpty());
    QCOMPARE(m_server->scalar(QStringLiteral("SELECT ai_alone FROM calls WHERE id = ?"), {placed.callId}).toInt(), 1);
    QVERIFY(!QDir(m_server->dataDir() + QStringLiteral("/recordings/") + m_server->companyId()).exists()
        || QDir(m_server->dataDir() + QStringLiteral("/recordings/") + m_server->companyId())
               .entryList(QDir::Files)
               .isEmpty());
    const HttpResult r = m_server->client(api::Role::Agent)
                             ->get(QStringLiteral("/api/cs/sessions/%1/recording").arg(placed.sessionId));
    QVERIFY2(checkErrorBody(r, 404, QStringLiteral("CS_014")).isEmpty(), describe(r).constData());
}

void TestCallRecording::theRecordingsRoute()
{
    const Placed placed = call();
    const QString path = recordingPath(placed.callId);
    QVERIFY(!path.isEmpty());
    const qint64 bytes
        = m_server->scalar(QStringLiteral("SELECT recording_bytes FROM calls WHERE id = ?"), {placed.callId})
              .toLongLong();
    QTRY_COMPARE_WITH_TIMEOUT(QFileInfo(path).size(), bytes, 10000);
    QVERIFY(bytes > 44 + 64000); // over a second of the greeting
    const QString route = QStringLiteral("/api/cs/sessions/%1/recording").arg(placed.sessionId);
    auto agent = m_server->client(api::Role::Agent);

    const HttpResult whole = agent->get(route);
    QCOMPARE(whole.status, 200);
    QCOMPARE(whole.header("content-type"), QByteArray("audio/wav"));
    QCOMPARE(whole.header("accept-ranges"), QByteArray("bytes"));
    QCOMPARE(whole.body.size(), bytes);
    QVERIFY(readWav(whole.body).ok);

    const HttpResult part = agent->send("GET", route, {}, {{"Range", "bytes=0-99"}});
    QCOMPARE(part.status, 206);
    QCOMPARE(part.body, whole.body.left(100));
    QCOMPARE(part.header("content-range"), QByteArray("bytes 0-99/" + QByteArray::number(bytes)));
    const HttpResult tail = agent->send("GET", route, {}, {{"Range", "bytes=-44"}});
    QCOMPARE(tail.status, 206);
    QCOMPARE(tail.body, whole.body.right(44));
    const QByteArray pastEnd = "bytes=" + QByteArray::number(bytes) + '-';
    const HttpResult past = agent->send("GET", route, {}, {{"Range", pastEnd}});
    QVERIFY2(checkErrorBody(past, 416, QStringLiteral("CS_034")).isEmpty(), describe(past).constData());
    QCOMPARE(past.header("content-range"), QByteArray("bytes */" + QByteArray::number(bytes)));

    // A customer's client may not; no token is 401; another company's session is not found.
    const HttpResult client = m_server->client(api::Role::Client)->get(route);
    QVERIFY2(checkErrorBody(client, 403, QStringLiteral("CS_013")).isEmpty(), describe(client).constData());
    const HttpResult anonymous = agent->send("GET", route, {}, {}, false);
    QVERIFY2(checkErrorBody(anonymous, 401, QStringLiteral("CS_012")).isEmpty(), describe(anonymous).constData());
    const QString other = m_server->createCompany(QStringLiteral("Other Co"));
    const HttpResult foreign = m_server->client(api::Role::Admin, other)->get(route);
    QVERIFY2(checkErrorBody(foreign, 404, QStringLiteral("CS_002")).isEmpty(), describe(foreign).constData());
    // A session without a recording, and no session at all.
    const HttpResult chat = agent->post(QStringLiteral("/api/cs/sessions"),
        sessionBody(m_server->companyId(), QStringLiteral("cust_ben"), QStringLiteral("Hello")));
    QCOMPARE(chat.status, 201);
    const HttpResult none = agent->get(
        QStringLiteral("/api/cs/sessions/%1/recording").arg(chat.json().value(QLatin1String("id")).toString()));
    QVERIFY2(checkErrorBody(none, 404, QStringLiteral("CS_014")).isEmpty(), describe(none).constData());
    const HttpResult unknown = agent->get(QStringLiteral("/api/cs/sessions/no_such_session/recording"));
    QVERIFY2(checkErrorBody(unknown, 404, QStringLiteral("CS_002")).isEmpty(), describe(unknown).constData());
}

void TestCallRecording::retentionErasesOldRecordings()
{
    const Placed placed = call();
    const QString path = recordingPath(placed.callId);
    QVERIFY(QFileInfo::exists(path));
    CallLog &log = m_server->runtime().calls();
    m_clock.advanceSecs(89 * 24 * 3600); // within voice/recordingRetentionDays (90)
    QCOMPARE(log.sweep(), 0);
    QVERIFY(QFileInfo::exists(path));
    m_clock.advanceSecs(2 * 24 * 3600);
    QCOMPARE(log.sweep(), 1);
    QVERIFY(!QFileInfo::exists(path));
    // The call stays; its recording is gone.
    QVERIFY(recordingPath(placed.callId).isEmpty());
    QVERIFY(
        m_server->scalar(QStringLiteral("SELECT ended_at FROM calls WHERE id = ?"), {placed.callId}).toLongLong() > 0);
    const HttpResult r = m_server->client(api::Role::Agent)
                             ->get(QStringLiteral("/api/cs/sessions/%1/recording").arg(placed.sessionId));
    QCOMPARE(r.status, 404);
}

void TestCallRecording::erasedWithTheCustomer()
{
    const Placed placed = call();
    const QString path = recordingPath(placed.callId);
    QVERIFY(QFileInfo::exists(path));
    auto admin = m_server->client(api::Role::Admin);
    const QString customer = admin->get(QStringLiteral("/api/cs/sessions/%1").arg(placed.sessionId))
                                 .json()
                                 .value(QLatin1String("customerId"))
                                 .toString();
    QVERIFY(!customer.isEmpty());
    const HttpResult erased = admin->del(withQuery(
        QStringLiteral("/api/cs/customers/") + customer, {{QStringLiteral("companyId"), m_server->companyId()}}));
    QVERIFY2(erased.status == 200 || erased.status == 204, describe(erased).constData());
    QVERIFY(!QFileInfo::exists(path));
    QVERIFY(recordingPath(placed.callId).isEmpty());
    const HttpResult r = admin->get(QStringLiteral("/api/cs/sessions/%1/recording").arg(placed.sessionId));
    QCOMPARE(r.status, 404);
}

void TestCallRecording::analyticsCountTheCalls()
{
    // A known set beside a real call: the AI's own, one answered in 20 s and handled 60 s, one
    // the caller gave up on in line.
    const qint64 now = m_clock.nowMs();
    QList<CallRecord> set;
    CallRecord answered;
    answered.id = QStringLiteral("call_k1");
    answered.companyId = m_server->companyId();
    answered.sessionId = QStringLiteral("k1");
    answered.door = QStringLiteral("sip");
    answered.queue = QStringLiteral("complaints");
    answered.startedAt = now - 200000;
    answered.queuedAt = now - 190000;
    answered.answeredAt = now - 170000;
    answered.endedAt = now - 110000;
    CallRecord gaveUp = answered;
    gaveUp.id = QStringLiteral("call_k2");
    gaveUp.sessionId = QStringLiteral("k2");
    gaveUp.answeredAt = 0;
    gaveUp.queue = QStringLiteral("complaints");
    gaveUp.startedAt = now - 100000;
    gaveUp.queuedAt = now - 90000;
    gaveUp.endedAt = now - 30000;
    gaveUp.abandoned = true;
    Store &store = m_server->runtime().store();
    QVERIFY(store.batch().run([&] { return store.calls().put(answered) && store.calls().put(gaveUp); }));
    const Placed placed = call(); // the AI's own: the caller hangs up after the greeting
    QVERIFY(!placed.callId.isEmpty());

    const QString day = QDateTime::fromMSecsSinceEpoch(now, Qt::UTC).date().toString(Qt::ISODate);
    const QString hourAgo = QDateTime::fromMSecsSinceEpoch(now - 3600000, Qt::UTC).toString(Qt::ISODate);
    const HttpResult r = m_server->client(api::Role::Supervisor)
                             ->get(withQuery(QStringLiteral("/api/cs/analytics"),
                                 {{QStringLiteral("companyId"), m_server->companyId()},
                                     {QStringLiteral("startDate"), hourAgo}, {QStringLiteral("endDate"), day}}));
    QVERIFY2(r.status == 200, describe(r).constData());
    const QJsonObject calls = r.json().value(QLatin1String("calls")).toObject();
    QCOMPARE(calls.value(QLatin1String("total")).toInt(), 3);
    QCOMPARE(calls.value(QLatin1String("aiAlone")).toInt(), 1);
    QCOMPARE(calls.value(QLatin1String("answered")).toInt(), 1);
    QCOMPARE(calls.value(QLatin1String("abandoned")).toInt(), 1);
    QCOMPARE(calls.value(QLatin1String("avgTimeToAnswer")).toInt(), 20);
    QCOMPARE(calls.value(QLatin1String("medianTimeToAnswer")).toInt(), 20);
    QCOMPARE(calls.value(QLatin1String("avgHandleTime")).toInt(), 60);
    const QJsonArray byQueue = calls.value(QLatin1String("byQueue")).toArray();
    QCOMPARE(byQueue.size(), 1);
    QCOMPARE(byQueue.at(0).toObject().value(QLatin1String("queue")).toString(), QStringLiteral("complaints"));
    QCOMPARE(byQueue.at(0).toObject().value(QLatin1String("calls")).toInt(), 2);
    // Seed 001's byChannel counts the call's session as voice.
    bool voiceCounted = false;
    for (const QJsonValue &row : r.json().value(QLatin1String("byChannel")).toArray())
        voiceCounted |= row.toObject().value(QLatin1String("channel")).toString() == QLatin1String("voice")
            && row.toObject().value(QLatin1String("sessions")).toInt() >= 1;
    QVERIFY2(voiceCounted, r.body.constData());
}

QTEST_MAIN(TestCallRecording)
#include "tst_callrecording.moc"
