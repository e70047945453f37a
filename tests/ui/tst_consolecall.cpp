// The console takes a call (docs/calls.md, "Taking calls"): a real embedded server on 127.0.0.1, a
// web caller (a QWebSocket on /api/v1/voice with Flite's voice) who asks for a person, and the
// console's real audio through a PulseAudio daemon of the test's own with null sinks: its microphone
// hears "tierdesk_mic", into which paplay plays Flite's words as the agent's voice; its
// speaker is "tierdesk_speaker", recorded by parec. The console rings, the test presses Accept, and
// the caller's side recognises the agent's words with PocketSphinx (and the agent's speaker the
// caller's). Waits on signals and QTRY only. TIERDESK_CALL_SCREENSHOT=FILE also shoots the window
// with a call (ImageMagick's import; run under xvfb-run with QT_QPA_PLATFORM=xcb).
#include "tests/api/ApiTestSupport.h"
#include "tests/api/WebCaller.h"
#include "tests/ui/ClientWait.h"
#include "tests/ui/PulseAudio.h"
#include "ui/ConsoleCalls.h"
#include "ui/ConsoleLanguage.h"
#include "ui/ConsoleTray.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/models/TranscriptModel.h"
#include "ui/views/CallBar.h"
#include "ui/views/ConversationView.h"
#include "ui/views/SettingsView.h"
#include "ui/views/settings/HeadsetSettings.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

namespace {

const QString kPassword = QStringLiteral("correct horse battery");
PulseAudio *g_pulse = nullptr; // started in main(), before Qt Multimedia looks for devices

// The console's words as it shows them (in German when LANGUAGE=de shoots it in German).
QString shown(const char *context, const char *text)
{
    return QCoreApplication::translate(context, text);
}

bool transcriptHas(TranscriptModel &t, const QString &speaker, const QString &words)
{
    for (int row = 0; row < t.rowCount(); ++row) {
        const QModelIndex i = t.index(row, 0);
        if (t.data(i, TranscriptModel::SpeakerRole).toString() == speaker
            && t.data(i, TranscriptModel::ContentRole).toString().contains(words))
            return true;
    }
    return false;
}

// Counts the paint events of the widget it watches.
class PaintCount : public QObject {
public:
    explicit PaintCount(QWidget *watched) { watched->installEventFilter(this); }
    int count = 0;

protected:
    bool eventFilter(QObject *, QEvent *e) override
    {
        if (e->type() == QEvent::Paint)
            ++count;
        return false;
    }
};

} // namespace

class TestConsoleCall : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void theHeadsetIsChosenInSettings();
    void anAgentAcceptsAndTheCallerHearsThem();
    void theCallBarSendsTheCallBackToTheAi();

private:
    bool startConsole(ApiClient &client, MainWindow &w);

    ServerFixture m_server;
    QByteArray m_key;
    QTemporaryDir m_dir;
};

void TestConsoleCall::initTestCase()
{
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    NewAgent a;
    a.companyId = m_server.companyId();
    a.email = QStringLiteral("ann@example.com");
    a.name = QStringLiteral("Ann Archer");
    QVERIFY(m_server.runtime().agents().create(a, kPassword, Actor{}).ok());
    NewAgent olga = a; // takes orders only
    olga.email = QStringLiteral("olga@example.com");
    olga.name = QStringLiteral("Olga Ortiz");
    olga.queues = QStringList{QStringLiteral("orders")};
    QVERIFY(m_server.runtime().agents().create(olga, kPassword, Actor{}).ok());
    const HttpResult r = m_server.client(api::Role::Admin)
                             ->post(QStringLiteral("/api/cs/tokens"),
                                 {{QStringLiteral("kind"), QStringLiteral("widget")},
                                     {QStringLiteral("name"), QStringLiteral("web")}});
    QCOMPARE(r.status, 201);
    m_key = r.json().value(QLatin1String("key")).toString().toUtf8();
    // The console's headset: the null sinks' ends.
    ConsolePreferences prefs(m_dir.filePath(QStringLiteral("console.ini")));
    prefs.setMicrophone(PulseAudio::kMicrophone);
    prefs.setSpeaker(PulseAudio::kSpeaker);
}

void TestConsoleCall::cleanupTestCase()
{
    m_server.stop();
}

bool TestConsoleCall::startConsole(ApiClient &client, MainWindow &w)
{
    w.settings()->setPreferences(ConsolePreferences(m_dir.filePath(QStringLiteral("console.ini"))));
    w.show();
    QSignalSpy subscribed(&client.events(), &EventStream::subscribed);
    w.startSession();
    return subscribed.wait(10000) || !subscribed.isEmpty();
}

void TestConsoleCall::theHeadsetIsChosenInSettings()
{
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    QVERIFY(waitFor(client.login(QStringLiteral("ann@example.com"), kPassword)).ok);
    MainWindow w(client);
    w.settings()->setPreferences(ConsolePreferences(m_dir.filePath(QStringLiteral("console.ini"))));
    // Qt Multimedia sees the test's daemon: its devices are offered, the chosen ones selected.
    HeadsetSettings *headset = w.settings()->headset();
    headset->refresh(); // as showing its tab does
    QCOMPARE(headset->microphones()->currentData().toByteArray(), QByteArray("tierdesk_microphone"));
    QVERIFY2(!headset->microphones()->currentText().contains(QLatin1String("not connected")),
        qPrintable(headset->microphones()->currentText()));
    QCOMPARE(headset->speakers()->currentData().toByteArray(), QByteArray("tierdesk_speaker"));
    QVERIFY(headset->speakers()->findData(QByteArray("tierdesk_mic")) >= 0);
}

void TestConsoleCall::anAgentAcceptsAndTheCallerHearsThem()
{
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    QVERIFY(waitFor(client.login(QStringLiteral("ann@example.com"), kPassword)).ok);
    MainWindow w(client);
    QVERIFY(startConsole(client, w));
    ApiClient olgaClient; // a colleague of another queue: her console stays quiet
    olgaClient.setBaseUrl(client.baseUrl());
    QVERIFY(waitFor(olgaClient.login(QStringLiteral("olga@example.com"), kPassword)).ok);
    MainWindow olga(olgaClient);
    QVERIFY(startConsole(olgaClient, olga));
    QSignalSpy olgaHeard(&olga.calls()->client(), &CallClient::ringingChanged);

    // A caller asks for a person: the console rings (notice with Accept, notification, ring).
    WebCaller caller;
    QVERIFY(caller.open(m_server.port(), m_key));
    const QString sessionId = caller.start(QStringLiteral("Dana Fox"));
    QVERIFY(!sessionId.isEmpty());
    caller.say(QStringLiteral("i want to talk to a person"));
    qsizetype at = 0;
    QVERIFY(!caller.waitState(QStringLiteral("queued"), &at).isEmpty());
    auto *notice = w.findChild<QLabel *>(QStringLiteral("noticeBar"));
    auto *accept = w.findChild<QPushButton *>(QStringLiteral("noticeAction"));
    QVERIFY(notice && accept);
    QTRY_VERIFY_WITH_TIMEOUT(notice->text().contains(QLatin1String("Dana Fox")), 10000);
    QVERIFY(accept->isVisible());
    QCOMPARE(accept->text(), shown("tierdesk::ui::ConsoleCalls", "Accept"));
    QVERIFY(w.calls()->ringer().ringing());
    QVERIFY(w.notifications().join(QLatin1Char('\n')).contains(shown("tierdesk::ui::ConsoleCalls", "Incoming call")));
    QTRY_VERIFY_WITH_TIMEOUT(!olgaHeard.isEmpty(), 10000); // she heard of the call ...
    QVERIFY(olga.calls()->client().ringing().isEmpty()); // ... in inquiries, not hers
    QVERIFY(!olga.calls()->ringer().ringing());

    // Accept: the conversation opens with the call bar; the headset runs.
    QTest::mouseClick(accept, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(w.conversation()->sessionId(), sessionId, 10000);
    const QJsonObject withAgent = caller.waitState(QStringLiteral("agent"), &at);
    QVERIFY(!withAgent.isEmpty());
    CallBar *bar = w.calls()->bar();
    QTRY_VERIFY_WITH_TIMEOUT(bar->isVisible(), 5000);
    QVERIFY2(bar->callerText().contains(QLatin1String("Dana Fox")), qPrintable(bar->callerText()));
    QVERIFY(!w.calls()->ringer().ringing());
    QVERIFY(w.calls()->headset().running());

    // The agent speaks into the microphone: the caller hears and recognises the words.
    QProcess speaker; // what the console plays, from here on
    speaker.start(QStringLiteral("parec"), PulseAudio::recordArguments());
    QVERIFY(speaker.waitForStarted(10000));
    const QString voiceFile = g_pulse->filePath(QStringLiteral("agent.raw"));
    {
        QFile f(voiceFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(quiet(300) + spoken(QStringLiteral("can i change my delivery address")) + quiet(700));
    }
    const qsizetype before = withAgent.value(QLatin1String("_audioAt")).toInteger();
    QProcess play;
    play.start(QStringLiteral("paplay"), PulseAudio::playArguments(voiceFile));
    QVERIFY(play.waitForFinished(30000));
    QCOMPARE(play.exitCode(), 0);
    QVERIFY(caller.waitAudio(before, 2 * 32000));
    QSignalSpy more(&caller.socket, &QWebSocket::binaryMessageReceived);
    while (caller.audio.size() - before < 4 * 32000 && more.wait(3000)) { } // the rest of the words
    const QString heard = recognised(caller.audio.mid(before));
    QVERIFY2(heard.contains(QLatin1String("delivery address")), qPrintable(heard));
    QTRY_VERIFY_WITH_TIMEOUT(transcriptHas(w.conversation()->transcript(), QStringLiteral("human_agent"),
                                 QStringLiteral("delivery address")),
        30000); // the agent's words are written down too

    // The caller speaks: the words grow the transcript, and the agent's speaker plays them.
    caller.sayPaced(QStringLiteral("where is my order"));
    QTRY_VERIFY_WITH_TIMEOUT(
        transcriptHas(w.conversation()->transcript(), QStringLiteral("customer"), QStringLiteral("where is my order")),
        30000);
    if (const QByteArray shot = qgetenv("TIERDESK_CALL_SCREENSHOT"); !shot.isEmpty()) {
        // Ann's window above Olga's (shown after it), on the screen and painted anew with what it
        // holds now; then every request of this client handled by the display before `import`,
        // another client, reads it.
        w.raise();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        PaintCount painted(&w);
        w.update();
        QTRY_VERIFY_WITH_TIMEOUT(painted.count > 0, 5000);
        QGuiApplication::sync();
        QProcess::execute(QStringLiteral("import"),
            {QStringLiteral("-window"), QStringLiteral("root"), QString::fromLocal8Bit(shot)});
    }
    speaker.terminate();
    QVERIFY(speaker.waitForFinished(10000));
    const QString played = recognised(speaker.readAllStandardOutput());
    QVERIFY2(played.contains(QLatin1String("order")), qPrintable(played));

    // Hold and resume from the call bar; then hang up.
    QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("callHold")), Qt::LeftButton);
    QVERIFY(!caller.waitState(QStringLiteral("hold"), &at).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(
        bar->callerText().startsWith(shown("tierdesk::ui::CallBar", "On hold: %1").section(QLatin1Char(':'), 0, 0)),
        5000);
    QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("callHold")), Qt::LeftButton);
    QVERIFY(!caller.waitState(QStringLiteral("agent"), &at).isEmpty());
    QTest::mouseClick(bar->findChild<QPushButton *>(QStringLiteral("callHangUp")), Qt::LeftButton);
    const QJsonObject ended
        = caller.waitFor([](const QJsonObject &m) { return WebCaller::type(m) == QLatin1String("ended"); }, &at);
    QCOMPARE(ended.value(QLatin1String("reason")).toString(), QStringLiteral("agent"));
    QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), 5000);
    QVERIFY(!w.calls()->headset().running());
}

void TestConsoleCall::theCallBarSendsTheCallBackToTheAi()
{
    ApiClient client;
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    QVERIFY(waitFor(client.login(QStringLiteral("ann@example.com"), kPassword)).ok);
    MainWindow w(client);
    QVERIFY(startConsole(client, w));
    WebCaller caller;
    QVERIFY(caller.open(m_server.port(), m_key));
    QVERIFY(!caller.start(QStringLiteral("Eli")).isEmpty());
    caller.say(QStringLiteral("i want to talk to a person"));
    qsizetype at = 0;
    QVERIFY(!caller.waitState(QStringLiteral("queued"), &at).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!w.calls()->client().ringing().isEmpty(), 10000);
    w.calls()->acceptFirst();
    QVERIFY(!caller.waitState(QStringLiteral("agent"), &at).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(w.calls()->bar()->isVisible(), 5000);
    // The transfer menu offers the company's queues (once the queue is loaded) and the AI.
    auto *toAi = w.calls()->bar()->findChild<QAction *>(QStringLiteral("callTransferAi"));
    QVERIFY(toAi);
    QTRY_VERIFY_WITH_TIMEOUT(w.calls()->bar()->findChild<QAction *>(QStringLiteral("callTransfer_complaints")), 10000);
    toAi->trigger();
    QVERIFY(!caller.waitState(QStringLiteral("ai"), &at).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!w.calls()->bar()->isVisible(), 5000);
    QVERIFY(!w.calls()->headset().running());
    QVERIFY(w.calls()->client().ringing().isEmpty()); // with the AI: it rings for nobody
}

int main(int argc, char **argv)
{
    PulseAudio pulse;
    QString error;
    if (!pulse.start(&error)) {
        fprintf(stderr, "tst_consolecall: %s\n", qPrintable(error));
        return 1;
    }
    g_pulse = &pulse;
    QApplication app(argc, argv);
    ConsoleLanguage::installChosen(&app); // as the console does: LANGUAGE=de for a German screenshot
    TestConsoleCall test;
    return QTest::qExec(&test, argc, argv);
}

#include "tst_consolecall.moc"
