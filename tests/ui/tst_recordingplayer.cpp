// The conversation view's call recording player against a real embedded server, offscreen: shown
// for voice sessions only; Play fetches the recording through the console's client in Range parts
// (a recording larger than one part arrives whole, byte for byte) and hands it to the media player;
// a session without a recording says so.
#include "tests/api/ApiTestSupport.h"
#include "ui/client/ApiClient.h"
#include "ui/client/RecordingDownload.h"
#include "ui/views/RecordingPlayer.h"

#include "core/voice/StereoWavFile.h"

#include <QApplication>
#include <QLabel>
#include <QMediaPlayer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;
using namespace tierdesk::ui;

class TestRecordingPlayer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void shownForVoiceSessionsOnly();
    void playFetchesTheRecordingInParts();
    void aSessionWithoutARecordingSaysSo();

private:
    QString voiceSession();

    ServerFixture m_server;
    std::unique_ptr<ApiClient> m_client;
    QByteArray m_wav;
    QString m_recorded;
};

QString TestRecordingPlayer::voiceSession()
{
    HttpClient http(m_server.port(), m_server.token(api::Role::Admin));
    const HttpResult r = http.post(QStringLiteral("/api/cs/sessions"),
        sessionBody(
            m_server.companyId(), QStringLiteral("cust_ben"), QStringLiteral("Hello"), QStringLiteral("voice")));
    return r.json().value(QLatin1String("id")).toString();
}

void TestRecordingPlayer::initTestCase()
{
    QVERIFY(m_server.start());
    m_client = std::make_unique<ApiClient>();
    m_client->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())));
    m_client->setToken(m_server.token(api::Role::Agent));
    m_recorded = voiceSession();
    QVERIFY(!m_recorded.isEmpty());
    // A recording of 90 s (5.76 MB: two of the download's parts), as a call leaves it.
    CallRecord call;
    call.id = QStringLiteral("call_ui1");
    call.companyId = m_server.companyId();
    call.sessionId = m_recorded;
    call.door = QStringLiteral("web");
    call.startedAt = QDateTime::currentMSecsSinceEpoch();
    call.endedAt = call.startedAt + 90000;
    call.recordingPath = m_server.runtime().calls().recordingPath(call);
    voice::StereoWavFile file;
    QVERIFY(file.open(m_server.runtime().calls().absolutePath(call.recordingPath)));
    voice::Pcm left(size_t(voice::msToSamples(90000))), right(left.size());
    for (size_t i = 0; i < left.size(); ++i) {
        left[i] = qint16(i % 2000);
        right[i] = qint16(-(i % 3000));
    }
    QVERIFY(file.append(voice::StereoWavFile::interleave(left, right)));
    file.close();
    call.recordingBytes = file.bytes();
    QFile written(m_server.runtime().calls().absolutePath(call.recordingPath));
    QVERIFY(written.open(QIODevice::ReadOnly));
    m_wav = written.readAll();
    QVERIFY(m_wav.size() > RecordingDownload::kPartBytes);
    Store &store = m_server.runtime().store();
    QVERIFY(store.batch().run([&] { return store.calls().put(call); }));
}

void TestRecordingPlayer::shownForVoiceSessionsOnly()
{
    RecordingPlayer player(*m_client);
    QVERIFY(player.isHidden());
    player.setSession(m_recorded, QStringLiteral("voice"));
    QVERIFY(!player.isHidden());
    player.setSession(QStringLiteral("sess_chat"), QStringLiteral("chat"));
    QVERIFY(player.isHidden());
}

void TestRecordingPlayer::playFetchesTheRecordingInParts()
{
    RecordingPlayer player(*m_client);
    player.setSession(m_recorded, QStringLiteral("voice"));
    QSignalSpy loaded(&player, &RecordingPlayer::loaded);
    auto *play = player.findChild<QPushButton *>(QStringLiteral("recordingPlay"));
    QVERIFY(play);
    QTest::mouseClick(play, Qt::LeftButton);
    QVERIFY(loaded.wait(20000));
    const QString local = player.player()->source().toLocalFile();
    QVERIFY(!local.isEmpty());
    QFile got(local);
    QVERIFY(got.open(QIODevice::ReadOnly));
    QCOMPARE(got.size(), qint64(m_wav.size()));
    QVERIFY(got.readAll() == m_wav);
    QCOMPARE(got.permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());
    // Another session: the downloaded file goes with the last one.
    player.setSession(voiceSession(), QStringLiteral("voice"));
    QVERIFY(!QFile::exists(local));
}

void TestRecordingPlayer::aSessionWithoutARecordingSaysSo()
{
    RecordingPlayer player(*m_client);
    player.setSession(voiceSession(), QStringLiteral("voice"));
    QTest::mouseClick(player.findChild<QPushButton *>(QStringLiteral("recordingPlay")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(player.statusText().contains(QLatin1String("not recorded")), 10000);
    QVERIFY(!player.player()); // nothing to play: Qt Multimedia not even loaded
}

QTEST_MAIN(TestRecordingPlayer)
#include "tst_recordingplayer.moc"
