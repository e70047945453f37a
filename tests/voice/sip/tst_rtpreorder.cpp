// RtpReorder: RTP packets back in sequence order, as a call's recogniser needs them.
#include "core/voice/sip/RtpReorder.h"

#include <QTest>

using tierdesk::voice::sip::RtpPacket;
using tierdesk::voice::sip::RtpReorder;

namespace {

RtpPacket packet(uint16_t seq, uint32_t ssrc = 7)
{
    return RtpPacket{seq, uint32_t(seq) * 160, 9, false, QByteArray::number(seq), ssrc};
}

// Pushes the sequence numbers; the order they come out in.
QList<int> order(RtpReorder &r, std::initializer_list<int> seqs, uint32_t ssrc = 7)
{
    QList<int> out;
    for (const int s : seqs)
        for (const RtpPacket &p : r.push(packet(uint16_t(s), ssrc)))
            out << p.sequence;
    return out;
}

} // namespace

class TestRtpReorder : public QObject {
    Q_OBJECT

private slots:
    void inOrderLeavesAtOnce()
    {
        RtpReorder r;
        QCOMPARE(order(r, {10, 11, 12}), (QList<int>{10, 11, 12}));
        QCOMPARE(r.held(), 0);
    }
    void overtakenPacketWaitsForTheOneBefore()
    {
        RtpReorder r;
        QCOMPARE(order(r, {10, 12, 13}), QList<int>{10});
        QCOMPARE(r.held(), 2);
        QCOMPARE(order(r, {11}), (QList<int>{11, 12, 13}));
    }
    void lateAndDuplicatePacketsAreDropped()
    {
        RtpReorder r;
        QCOMPARE(order(r, {10, 11, 11, 9, 12}), (QList<int>{10, 11, 12}));
    }
    void aLostPacketIsGivenUpAfterTheDepth()
    {
        RtpReorder r(2);
        QCOMPARE(order(r, {10, 12, 13}), QList<int>{10});
        QCOMPARE(order(r, {14}), (QList<int>{12, 13, 14})); // 11 is lost
        QCOMPARE(order(r, {11}), QList<int>{}); // and too late when it comes
    }
    void sequenceNumbersWrap()
    {
        RtpReorder r;
        QCOMPARE(order(r, {65534, 0, 65535, 1}), (QList<int>{65534, 65535, 0, 1}));
    }
    void aNewStreamStartsAfresh()
    {
        RtpReorder r;
        QCOMPARE(order(r, {500, 501}), (QList<int>{500, 501}));
        QCOMPARE(order(r, {20, 21}, 8), (QList<int>{20, 21})); // another SSRC, behind: not "late"
        QCOMPARE(order(r, {30000, 30001}, 8), (QList<int>{30000, 30001})); // a jump too far to wait for
    }
};

QTEST_GUILESS_MAIN(TestRtpReorder)
#include "tst_rtpreorder.moc"
