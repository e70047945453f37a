// AudioCodec: each codec of the SIP door carries Flite's words there and back, 20 ms a packet,
// and what comes back is still recognised by PocketSphinx (less of it over G.711's narrow band).
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"
#include "core/voice/sip/AudioCodec.h"

#include <QTest>

using namespace tierdesk::voice;
using namespace tierdesk::voice::sip;

class TestAudioCodec : public QObject {
    Q_OBJECT

private slots:
    void roundTrip_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("maxPayload");
        QTest::addColumn<QString>("heardAs");
        // G.711's telephone band costs the recogniser the last word ("where is my partner").
        QTest::newRow("opus") << int(CodecKind::Opus) << 400 << QStringLiteral("where is my order");
        QTest::newRow("G722") << int(CodecKind::G722) << 160 << QStringLiteral("where is my order");
        QTest::newRow("PCMU") << int(CodecKind::Pcmu) << 160 << QStringLiteral("where is my");
        QTest::newRow("PCMA") << int(CodecKind::Pcma) << 160 << QStringLiteral("where is my");
    }
    void roundTrip()
    {
        QFETCH(int, kind);
        QFETCH(int, maxPayload);
        QFETCH(QString, heardAs);
        const Pcm words
            = SpeechSynthesizer(SpeechSynthesizer::Voice::Rms).synthesize(QStringLiteral("where is my order"));
        Pcm sent = silence(300);
        sent.insert(sent.end(), words.begin(), words.end());
        const Pcm after = silence(500);
        sent.insert(sent.end(), after.begin(), after.end());
        auto encoder = AudioCodec::create(CodecKind(kind));
        auto decoder = AudioCodec::create(CodecKind(kind));
        Pcm back;
        for (const Pcm &frame : splitFrames(sent)) {
            const QByteArray payload = encoder->encode(frame);
            QVERIFY(!payload.isEmpty());
            QVERIFY(payload.size() <= maxPayload);
            const Pcm pcm
                = decoder->decode(reinterpret_cast<const uint8_t *>(payload.constData()), size_t(payload.size()));
            back.insert(back.end(), pcm.begin(), pcm.end());
        }
        // Whole frames at 16 kHz, give or take a resampler's few samples.
        QVERIFY(qAbs(qint64(back.size()) - qint64(splitFrames(sent).size()) * kFrameSamples) <= 2 * kFrameSamples);
        auto ear = SpeechRecognizer::create();
        QVERIFY(ear.ok());
        (*ear)->start();
        (*ear)->feed(back);
        const QString heard = (*ear)->finish().text;
        QVERIFY2(heard.contains(heardAs), qPrintable(heard));
    }
    void garbageDecodesToNothingOrNoise()
    {
        for (const CodecKind kind : {CodecKind::Opus, CodecKind::G722, CodecKind::Pcmu, CodecKind::Pcma}) {
            auto codec = AudioCodec::create(kind);
            const QByteArray big(AudioCodec::kMaxPayloadBytes + 1, '\x55');
            QVERIFY(codec->decode(reinterpret_cast<const uint8_t *>(big.constData()), size_t(big.size())).empty());
            QVERIFY(codec->decode(nullptr, 0).empty());
            QVERIFY(codec->encode(Pcm(100, 0)).isEmpty()); // not a 20 ms frame
        }
    }
};

QTEST_GUILESS_MAIN(TestAudioCodec)
#include "tst_audiocodec.moc"
