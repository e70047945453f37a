// CallRecorder and StereoWavFile: both sides of a call on one clock in a stereo WAV, written as
// it goes with a header that is right at every moment, within bounded memory. The call's clock
// is a number the test moves; the writer is a real thread, waited for with waitForDone().
#include "core/voice/StereoWavFile.h"
#include "core/voice/calls/CallRecorder.h"

#include <QSemaphore>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

using namespace tierdesk;
using namespace tierdesk::voice;

namespace {

// `ms` of a constant sample value, as a door hands it (s16le).
QByteArray level(qint16 value, qint64 ms)
{
    return pcmToLittleEndian(Pcm(size_t(msToSamples(ms)), value));
}

struct Wav {
    quint16 channels = 0;
    quint32 rate = 0;
    quint32 riffSize = 0;
    quint32 dataSize = 0;
    Pcm left;
    Pcm right;
};

Wav readWav(const QString &path)
{
    QFile f(path);
    Wav w;
    if (!f.open(QIODevice::ReadOnly))
        return w;
    const QByteArray all = f.readAll();
    if (all.size() < 44 || !all.startsWith("RIFF") || all.mid(8, 8) != "WAVEfmt " || all.mid(36, 4) != "data")
        return w;
    w.riffSize = qFromLittleEndian<quint32>(all.constData() + 4);
    w.channels = qFromLittleEndian<quint16>(all.constData() + 22);
    w.rate = qFromLittleEndian<quint32>(all.constData() + 24);
    w.dataSize = qFromLittleEndian<quint32>(all.constData() + 40);
    for (qsizetype at = 44; at + 4 <= all.size(); at += 4) {
        w.left.push_back(qFromLittleEndian<qint16>(all.constData() + at));
        w.right.push_back(qFromLittleEndian<qint16>(all.constData() + at + 2));
    }
    return w;
}

// The value of the samples [fromMs, toMs) if they all have one, else -32768.
qint16 valueOver(const Pcm &pcm, qint64 fromMs, qint64 toMs)
{
    const size_t from = size_t(msToSamples(fromMs)), to = size_t(msToSamples(toMs));
    if (to > pcm.size() || from >= to)
        return -32768;
    for (size_t i = from + 1; i < to; ++i)
        if (pcm[i] != pcm[from])
            return -32768;
    return pcm[from];
}

} // namespace

class TestCallRecorder : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void headerIsAStereo16kWav();
    void bothSidesLineUpOnTheCallsClock();
    void audioBeforeTheFileIsKnownIsKept();
    void aFileMidCallIsPlayable();
    void aWriterBehindCostsAudioNotMemory();

private:
    QString path(const QString &name) const { return m_dir.filePath(QStringLiteral("recordings/co/") + name); }

    QTemporaryDir m_dir;
    QThreadPool m_writer;
    qint64 m_nowMs = 0;
    CallRecorder::ClockMs m_clock = [this] { return m_nowMs; };
};

void TestCallRecorder::init()
{
    QVERIFY(m_dir.isValid());
    m_writer.setMaxThreadCount(1);
    m_nowMs = 0;
}

void TestCallRecorder::cleanup()
{
    m_writer.waitForDone();
}

void TestCallRecorder::headerIsAStereo16kWav()
{
    const QByteArray h = StereoWavFile::header(64000);
    QCOMPARE(h.size(), StereoWavFile::kHeaderBytes);
    QVERIFY(h.startsWith("RIFF"));
    QCOMPARE(qFromLittleEndian<quint32>(h.constData() + 4), 36u + 64000u);
    QCOMPARE(qFromLittleEndian<quint16>(h.constData() + 20), quint16(1)); // PCM
    QCOMPARE(qFromLittleEndian<quint16>(h.constData() + 22), quint16(2));
    QCOMPARE(qFromLittleEndian<quint32>(h.constData() + 24), 16000u);
    QCOMPARE(qFromLittleEndian<quint32>(h.constData() + 28), 64000u); // bytes a second
    QCOMPARE(qFromLittleEndian<quint16>(h.constData() + 34), quint16(16));
    QCOMPARE(qFromLittleEndian<quint32>(h.constData() + 40), 64000u);
    const QByteArray two = StereoWavFile::interleave(Pcm{1, 2, 3}, Pcm{-1});
    QCOMPARE(two.size(), 12);
    QCOMPARE(qFromLittleEndian<qint16>(two.constData() + 8), qint16(3));
    QCOMPARE(qFromLittleEndian<qint16>(two.constData() + 10), qint16(0)); // the shorter side padded
}

void TestCallRecorder::bothSidesLineUpOnTheCallsClock()
{
    CallRecorder recorder(m_writer, m_clock);
    recorder.start(path(QStringLiteral("s1-call_1.wav")));
    recorder.heard(level(-2000, 1000)); // the greeting, sent at 0
    m_nowMs = 1500;
    recorder.caller(level(1000, 500)); // the caller answers after it, at 1.5 s
    m_nowMs = 1550;
    recorder.caller(level(1000, 20)); // jitter: follows on
    m_nowMs = 3000;
    recorder.heard(level(-3000, 200)); // the AI's reply, sent 200 ms ahead
    m_nowMs = 3040;
    recorder.heard(level(-3000, 40)); // ... and the rest of it, paced
    const qint64 bytes = recorder.finish();
    m_writer.waitForDone();
    const Wav w = readWav(path(QStringLiteral("s1-call_1.wav")));
    QCOMPARE(w.channels, quint16(2));
    QCOMPARE(w.rate, 16000u);
    QCOMPARE(qint64(w.dataSize) + 44, bytes);
    QCOMPARE(QFileInfo(path(QStringLiteral("s1-call_1.wav"))).size(), bytes);
    QCOMPARE(w.left.size(), size_t(msToSamples(3240)));
    QCOMPARE(valueOver(w.right, 0, 1000), qint16(-2000));
    QCOMPARE(valueOver(w.left, 0, 1500), qint16(0));
    QCOMPARE(valueOver(w.left, 1500, 2020), qint16(1000));
    QCOMPARE(valueOver(w.right, 1000, 3000), qint16(0));
    QCOMPARE(valueOver(w.right, 3000, 3240), qint16(-3000));
    QCOMPARE(valueOver(w.left, 2020, 3240), qint16(0));
    QCOMPARE(recorder.droppedMs(), 0);
}

void TestCallRecorder::audioBeforeTheFileIsKnownIsKept()
{
    CallRecorder recorder(m_writer, m_clock);
    recorder.caller(level(500, 300)); // before the session (and so the file's name) is known
    m_nowMs = 300;
    recorder.start(path(QStringLiteral("s2-call_2.wav")));
    recorder.heard(level(-500, 100));
    recorder.finish();
    m_writer.waitForDone();
    const Wav w = readWav(path(QStringLiteral("s2-call_2.wav")));
    QCOMPARE(valueOver(w.left, 0, 300), qint16(500));
    QCOMPARE(valueOver(w.right, 300, 400), qint16(-500));
    QCOMPARE(QFile(path(QStringLiteral("s2-call_2.wav"))).permissions() & (QFile::ReadGroup | QFile::ReadOther),
        QFile::Permissions());
}

void TestCallRecorder::aFileMidCallIsPlayable()
{
    CallRecorder recorder(m_writer, m_clock);
    recorder.start(path(QStringLiteral("s3-call_3.wav")));
    // More than is held in memory: written before the call ends, the header patched with it.
    for (int second = 0; second < 12; ++second) {
        m_nowMs = second * 1000;
        recorder.caller(level(700, 1000));
    }
    m_writer.waitForDone();
    QVERIFY(!recorder.finished());
    const Wav w = readWav(path(QStringLiteral("s3-call_3.wav")));
    QVERIFY(w.dataSize > 0);
    QCOMPARE(qint64(w.dataSize) + 44, QFileInfo(path(QStringLiteral("s3-call_3.wav"))).size());
    QCOMPARE(w.riffSize, w.dataSize + 36);
    QVERIFY(valueOver(w.left, 0, samplesToMs(qint64(w.left.size()))) == 700);
    recorder.finish();
}

void TestCallRecorder::aWriterBehindCostsAudioNotMemory()
{
    QSemaphore stuck;
    m_writer.start([&stuck] { stuck.acquire(); }); // a disk that does not answer
    CallRecorder recorder(m_writer, m_clock);
    recorder.start(path(QStringLiteral("s4-call_4.wav")));
    for (int second = 0; second < 120; ++second) {
        m_nowMs = second * 1000;
        recorder.caller(level(300, 1000));
        recorder.heard(level(-300, 1000));
    }
    QVERIFY(recorder.droppedMs() > 0);
    QVERIFY(recorder.bytes() <= StereoWavFile::kHeaderBytes + CallRecorder::kMaxQueuedBytes);
    stuck.release();
    const qint64 bytes = recorder.finish();
    m_writer.waitForDone();
    QCOMPARE(QFileInfo(path(QStringLiteral("s4-call_4.wav"))).size(), bytes);
    QVERIFY(bytes > 60 * 64000); // what fitted was kept
}

QTEST_GUILESS_MAIN(TestCallRecorder)
#include "tst_callrecorder.moc"
