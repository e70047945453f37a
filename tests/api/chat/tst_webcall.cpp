// The web call on a real server on 127.0.0.1: a QWebSocket is the /chat page, Flite's voice is
// the caller's microphone, and what the server sends back is read as the page would: JSON
// control messages and the AI's audio, which PocketSphinx must recognise back. Waits on the
// socket's signals only.
#include "tests/api/ApiTestSupport.h"

#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"

#include "tests/voice/CallerAudio.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <algorithm>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// What the page got: its control messages in order, and the audio.
struct Page {
    QWebSocket socket;
    QList<QJsonObject> messages;
    QByteArray audio;
    qint64 biggestAudioFrame = 0;

    Page()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived,
            [this](const QString &text) { messages << QJsonDocument::fromJson(text.toUtf8()).object(); });
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived, [this](const QByteArray &pcm) {
            audio += pcm;
            biggestAudioFrame = qMax(biggestAudioFrame, qint64(pcm.size()));
        });
    }
    // The first message of `type` (and `role`) from `from` on, waiting for it.
    QJsonObject waitFor(const QString &type, const QString &role = {}, qsizetype *from = nullptr)
    {
        qsizetype at = from ? *from : 0;
        for (;;) {
            for (; at < messages.size(); ++at) {
                const QJsonObject &m = messages.at(at);
                if (m.value(QLatin1String("type")).toString() == type
                    && (role.isEmpty() || m.value(QLatin1String("role")).toString() == role)
                    && m.value(QLatin1String("final")).toBool(true)) {
                    if (from)
                        *from = at + 1;
                    return m;
                }
            }
            QSignalSpy more(&socket, &QWebSocket::textMessageReceived);
            if (!more.wait(20000))
                return {};
        }
    }
    void send(const QJsonObject &o) { socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson())); }
    void say(const QByteArray &pcm)
    {
        const QByteArray all
            = voice::pcmToLittleEndian(voice::silence(300)) + pcm + voice::pcmToLittleEndian(voice::silence(800));
        for (qsizetype at = 0; at < all.size(); at += 3200) // 100 ms a frame, as a worklet batches them
            socket.sendBinaryMessage(all.mid(at, 3200));
    }
};

} // namespace

class TestWebCall : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void callerTalksWithTheAi();
    void aKeyThatIsNoWidgetKeyIsRefused();
    void wrongSampleRateEndsTheCall();
    void hangupEndsTheCallAndKeepsTheSession();
    void oversizedAudioFrameClosesTheCall();
    void oneSourceCannotTakeEveryLine();

private:
    // A server (with `ini`'s settings) and a widget key of its company in m_key.
    bool startServer(const QByteArray &ini = {});
    QUrl voiceUrl(const QByteArray &key) const;
    bool open(Page &page, const QByteArray &key);
    // Opens a call as from `client` behind the trusted proxy; true when the upgrade succeeded.
    bool openFrom(Page &page, const QString &client);

    std::unique_ptr<ServerFixture> m_server;
    QByteArray m_key;
};

void TestWebCall::init()
{
    QVERIFY(startServer());
}

bool TestWebCall::startServer(const QByteArray &ini)
{
    m_server = std::make_unique<ServerFixture>();
    if (!m_server->start(ini))
        return false;
    m_key = newWidgetKey(*m_server->client(api::Role::Admin));
    return !m_key.isEmpty();
}

void TestWebCall::cleanup()
{
    m_server.reset();
}

QUrl TestWebCall::voiceUrl(const QByteArray &key) const
{
    return QUrl(
        QStringLiteral("ws://127.0.0.1:%1/api/v1/voice?key=%2").arg(m_server->port()).arg(QString::fromUtf8(key)));
}

bool TestWebCall::open(Page &page, const QByteArray &key)
{
    QSignalSpy connected(&page.socket, &QWebSocket::connected);
    page.socket.open(voiceUrl(key));
    return connected.wait(10000);
}

void TestWebCall::callerTalksWithTheAi()
{
    Page page;
    QVERIFY(open(page, m_key));
    page.send({{QStringLiteral("type"), QStringLiteral("start")}, {QStringLiteral("sampleRate"), 16000},
        {QStringLiteral("visitor"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Dana")}}}});
    qsizetype at = 0;
    const QJsonObject started = page.waitFor(QStringLiteral("started"), {}, &at);
    const QString sessionId = started.value(QLatin1String("sessionId")).toString();
    QVERIFY2(!sessionId.isEmpty(), "no started message");
    QVERIFY(started.value(QLatin1String("callId")).toString().startsWith(QLatin1String("call_")));
    const QJsonObject greeting = page.waitFor(QStringLiteral("transcript"), QStringLiteral("ai_rep"), &at);
    QVERIFY2(greeting.value(QLatin1String("text")).toString().contains(QLatin1String("help")), "no greeting");
    page.say(spoken(QStringLiteral("i want to talk to a person")));
    const QJsonObject heard = page.waitFor(QStringLiteral("transcript"), QStringLiteral("customer"), &at);
    QVERIFY2(heard.value(QLatin1String("text")).toString().contains(QLatin1String("person")),
        qPrintable(heard.value(QLatin1String("text")).toString()));
    const QJsonObject queued = page.waitFor(QStringLiteral("state"), {}, &at);
    QCOMPARE(queued.value(QLatin1String("state")).toString(), QStringLiteral("queued"));
    // The AI's answer comes as binary frames, paced at the speed it is spoken (the greeting was
    // cut short when the caller spoke), and says words a recogniser hears.
    const QByteArray greetingPart = page.audio;
    QSignalSpy more(&page.socket, &QWebSocket::binaryMessageReceived);
    // Four seconds: "conversation" whole (the words heard from a cut in the middle of one vary).
    while (page.audio.size() - greetingPart.size() < 4 * 32000 && more.wait(5000)) { }
    QVERIFY(page.audio.size() - greetingPart.size() >= 4 * 32000);
    QVERIFY(page.biggestAudioFrame <= 64 * 1024);
    const QString words = recognised(page.audio.mid(greetingPart.size()));
    // The reply begins "Happy to help! I've passed your conversation to a person ...".
    QVERIFY2(words.contains(QLatin1String("help")) && words.contains(QLatin1String("conversation")), qPrintable(words));
    // The session is a voice conversation whose customer message carries what recognition heard.
    const HttpResult s
        = m_server->client(api::Role::Admin)
              ->get(QStringLiteral("/api/cs/sessions/%1?companyId=%2").arg(sessionId, m_server->companyId()));
    QCOMPARE(s.json().value(QLatin1String("channel")).toString(), QStringLiteral("voice"));
    const QJsonObject first = s.json().value(QLatin1String("messages")).toArray().first().toObject();
    QCOMPARE(first.value(QLatin1String("role")).toString(), QStringLiteral("customer"));
    const QJsonObject asr = first.value(QLatin1String("metadata")).toObject().value(QLatin1String("asr")).toObject();
    QVERIFY(asr.value(QLatin1String("confidence")).toDouble() > 0.4);
    QVERIFY(asr.value(QLatin1String("endMs")).toInteger() > asr.value(QLatin1String("startMs")).toInteger());
}

bool TestWebCall::openFrom(Page &page, const QString &client)
{
    QNetworkRequest request(voiceUrl(m_key));
    request.setRawHeader("X-Forwarded-For", client.toLatin1());
    QSignalSpy connected(&page.socket, &QWebSocket::connected);
    QSignalSpy failed(&page.socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error));
    page.socket.open(request);
    (void)QTest::qWaitFor([&] { return !connected.isEmpty() || !failed.isEmpty(); }, 10000);
    return !connected.isEmpty();
}

// Calls from one client address, and through one widget key, get that source's share of the lines:
// the rest are told the line is busy, and an address that keeps trying gets 429 before the upgrade.
// The server sits behind a trusted proxy that names each client (X-Forwarded-For).
void TestWebCall::oneSourceCannotTakeEveryLine()
{
    QVERIFY(startServer("[server]\ntrustedProxies=127.0.0.1\n"
                        "[voice]\nmaxCallsPerSource=4\ninvitesPerSourcePerMinute=12\nmaxCallsPerWidgetKey=6\n"));
    // Ten calls at once from one address: four lines, six busy.
    std::vector<std::unique_ptr<Page>> pages;
    const auto call = [&](const QString &client) {
        pages.push_back(std::make_unique<Page>());
        return openFrom(*pages.back(), client);
    };
    for (int i = 0; i < 10; ++i)
        QVERIFY(call(QStringLiteral("203.0.113.5")));
    const auto busy = [](const Page &p) {
        return std::any_of(p.messages.cbegin(), p.messages.cend(),
            [](const QJsonObject &m) { return m.value(QLatin1String("reason")).toString() == QLatin1String("busy"); });
    };
    const auto busyCount
        = [&] { return std::count_if(pages.cbegin(), pages.cend(), [&](auto &p) { return busy(*p); }); };
    QTRY_COMPARE_WITH_TIMEOUT(busyCount(), 6, 10000);
    for (auto &page : pages)
        if (!busy(*page)) {
            page->send({{QStringLiteral("type"), QStringLiteral("start")}, {QStringLiteral("sampleRate"), 16000}});
            QVERIFY(!page->waitFor(QStringLiteral("started")).isEmpty());
        }
    // Another address gets a line; the key's share (six) is then taken, whoever calls.
    QVERIFY(call(QStringLiteral("203.0.113.6")));
    QVERIFY(call(QStringLiteral("203.0.113.6")));
    QVERIFY(call(QStringLiteral("203.0.113.7")));
    for (int i = 10; i < 12; ++i) {
        pages.at(i)->send({{QStringLiteral("type"), QStringLiteral("start")}, {QStringLiteral("sampleRate"), 16000}});
        QVERIFY(!pages.at(i)->waitFor(QStringLiteral("started")).isEmpty());
    }
    QTRY_VERIFY_WITH_TIMEOUT(busy(*pages.at(12)), 10000);
    QCOMPARE(busyCount(), 7);
    // The first address tried ten calls this minute; two more are counted (busy), the next is refused.
    QVERIFY(call(QStringLiteral("203.0.113.5")));
    QVERIFY(call(QStringLiteral("203.0.113.5")));
    QVERIFY(!call(QStringLiteral("203.0.113.5")));
    QVERIFY2(pages.back()->socket.errorString().contains(QLatin1String("429")),
        qPrintable(pages.back()->socket.errorString()));
}

void TestWebCall::aKeyThatIsNoWidgetKeyIsRefused()
{
    Page page;
    QSignalSpy failed(&page.socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error));
    page.socket.open(voiceUrl("tdw_nothing"));
    QVERIFY(failed.wait(10000));
    QVERIFY(page.socket.state() != QAbstractSocket::ConnectedState);
}

void TestWebCall::wrongSampleRateEndsTheCall()
{
    Page page;
    QVERIFY(open(page, m_key));
    QSignalSpy closed(&page.socket, &QWebSocket::disconnected);
    page.send({{QStringLiteral("type"), QStringLiteral("start")}, {QStringLiteral("sampleRate"), 8000}});
    const QJsonObject ended = page.waitFor(QStringLiteral("ended"));
    QVERIFY(ended.value(QLatin1String("reason")).toString().contains(QLatin1String("16000")));
    QVERIFY(closed.count() > 0 || closed.wait(10000));
}

void TestWebCall::hangupEndsTheCallAndKeepsTheSession()
{
    Page page;
    QVERIFY(open(page, m_key));
    page.send({{QStringLiteral("type"), QStringLiteral("start")}, {QStringLiteral("sampleRate"), 16000}});
    const QString sessionId = page.waitFor(QStringLiteral("started")).value(QLatin1String("sessionId")).toString();
    QVERIFY(!sessionId.isEmpty());
    page.send(
        {{QStringLiteral("type"), QStringLiteral("dtmf")}, {QStringLiteral("digits"), QStringLiteral("12<script>")}});
    QCOMPARE(page.waitFor(QStringLiteral("error")).isEmpty(), false);
    QSignalSpy closed(&page.socket, &QWebSocket::disconnected);
    page.send({{QStringLiteral("type"), QStringLiteral("hangup")}});
    QCOMPARE(page.waitFor(QStringLiteral("ended")).value(QLatin1String("reason")).toString(), QStringLiteral("hangup"));
    QVERIFY(closed.count() > 0 || closed.wait(10000));
    const HttpResult s
        = m_server->client(api::Role::Admin)
              ->get(QStringLiteral("/api/cs/sessions/%1?companyId=%2").arg(sessionId, m_server->companyId()));
    QCOMPARE(s.status, 200);
    QCOMPARE(s.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("callEnded")).toString(),
        QStringLiteral("hangup"));
}

void TestWebCall::oversizedAudioFrameClosesTheCall()
{
    Page page;
    QVERIFY(open(page, m_key));
    page.send({{QStringLiteral("type"), QStringLiteral("start")}, {QStringLiteral("sampleRate"), 16000}});
    const QString sessionId = page.waitFor(QStringLiteral("started")).value(QLatin1String("sessionId")).toString();
    QSignalSpy closed(&page.socket, &QWebSocket::disconnected);
    page.socket.sendBinaryMessage(QByteArray(70 * 1024, '\0')); // over 64 KiB
    QVERIFY(closed.count() > 0 || closed.wait(10000));
    QCOMPARE(page.socket.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    // The server goes on: the session is there, and another call is taken.
    QCOMPARE(m_server->client(api::Role::Admin)
                 ->get(QStringLiteral("/api/cs/sessions/%1?companyId=%2").arg(sessionId, m_server->companyId()))
                 .status,
        200);
    Page next;
    QVERIFY(open(next, m_key));
}

QTEST_GUILESS_MAIN(TestWebCall)
#include "tst_webcall.moc"
