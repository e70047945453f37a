// RtpOutbound: the AI's audio out one 20 ms packet at a time, silence between answers, and the
// marker bit (RFC 3551) on the first packet of each answer.
#include "core/voice/sip/RtpOutbound.h"

#include <QTest>

using namespace tierdesk::voice;
using namespace tierdesk::voice::sip;

class TestRtpOutbound : public QObject {
    Q_OBJECT

private slots:
    void eachAnswerStartsATalkspurt()
    {
        RtpOutbound out(CodecKind::G722);
        uint32_t ts = 0;
        bool spurt = true;
        QVERIFY(!out.next(&ts, &spurt).isEmpty()); // silence while nothing waits
        QVERIFY(!spurt);
        out.queue(Pcm(kFrameSamples * 2, 1000)); // an answer of two frames
        out.next(&ts, &spurt);
        QVERIFY(spurt); // its first frame
        out.next(&ts, &spurt);
        QVERIFY(!spurt); // its second goes on
        out.next(&ts, &spurt);
        QVERIFY(!spurt); // silence again
        out.queue(Pcm(kFrameSamples, 1000));
        out.next(&ts, &spurt);
        QVERIFY(spurt); // the next answer
    }

    void timestampsAdvanceOneFrameAPacket()
    {
        RtpOutbound out(CodecKind::G722);
        uint32_t first = 0;
        uint32_t second = 0;
        out.next(&first);
        out.next(&second);
        QCOMPARE(second - first, uint32_t(160)); // G.722's RTP clock is 8 kHz (RFC 3551): 160 ticks per 20 ms
    }
};

QTEST_GUILESS_MAIN(TestRtpOutbound)
#include "tst_rtpoutbound.moc"
