// CodecChoice: the best codec of ours that an offer lists, with the offer's payload types.
#include "core/voice/sip/CodecChoice.h"

#include <QTest>

using namespace tierdesk::voice::sip;

namespace {

OfferedFormat f(int pt, const char *name = "", int rate = 0, int channels = 1)
{
    return OfferedFormat{pt, QString::fromLatin1(name), rate, channels};
}

} // namespace

class TestCodecChoice : public QObject {
    Q_OBJECT

private slots:
    void ourPreferenceNotTheOffersOrder()
    {
        const auto c = CodecChoice::choose(
            {f(0, "PCMU", 8000), f(9, "G722", 8000), f(96, "opus", 48000, 2), f(101, "telephone-event", 8000)});
        QVERIFY(c);
        QCOMPARE(c->codec, CodecKind::Opus);
        QCOMPARE(c->payloadType, 96);
        QCOMPARE(c->telephoneEventType, 101);
    }
    void staticTypesNeedNoRtpmap()
    {
        const auto c = CodecChoice::choose({f(8), f(0)});
        QVERIFY(c);
        QCOMPARE(c->codec, CodecKind::Pcmu); // µ-law before A-law
        QCOMPARE(c->payloadType, 0);
        QCOMPARE(c->telephoneEventType, -1);
    }
    void g722ByItsStaticTypeOrByName()
    {
        QCOMPARE(CodecChoice::choose({f(0), f(9)})->codec, CodecKind::G722);
        const auto named = CodecChoice::choose({f(0), f(100, "g722", 8000)});
        QCOMPARE(named->codec, CodecKind::G722);
        QCOMPARE(named->payloadType, 100);
    }
    void opusMustSayItsRtpmapRight()
    {
        // RFC 7587: opus/48000/2 always; a 16 kHz or mono rtpmap is another thing.
        QCOMPARE(CodecChoice::choose({f(96, "opus", 16000, 2), f(0)})->codec, CodecKind::Pcmu);
        QCOMPARE(CodecChoice::choose({f(96, "opus", 48000, 1), f(0)})->codec, CodecKind::Pcmu);
    }
    void keypadEventsAt8000OnlyAndDynamic()
    {
        QCOMPARE(CodecChoice::choose({f(0), f(101, "telephone-event", 48000)})->telephoneEventType, -1);
        QCOMPARE(CodecChoice::choose({f(0), f(13, "telephone-event", 8000)})->telephoneEventType, -1);
    }
    void nothingInCommon()
    {
        QVERIFY(!CodecChoice::choose({f(3, "GSM", 8000), f(18, "G729", 8000)}));
        QVERIFY(!CodecChoice::choose({}));
        QVERIFY(!CodecChoice::choose({f(-1), f(200, "opus", 48000, 2)}));
    }
};

QTEST_GUILESS_MAIN(TestCodecChoice)
#include "tst_codecchoice.moc"
