// SIP calls at once against a running `tierdesk serve --sip-port` (bench/sip_calls.sh): each call is
// an INVITE to the company's number over UDP and G.722 RTP both ways, its caller Flite's voice sent
// in real time (one packet every 20 ms), answering the AI as bench/call_bench.cpp's callers do. The
// same figures as the web calls' bench: the time from the end of the caller's speech to the first
// packet of the AI's answer that is not silence, the server's packets that came late (RTP flows
// every 20 ms, silence too), and the server's CPU per call-second; the SIP door's transport
// (codec, RTP, its thread) is in them.
//   tierdesk_sip_call_bench SIP_PORT NUMBER [CALLS] [SERVER_PID] [ARRIVAL_MS]
#include "bench/CallFigures.h"
#include "core/voice/SpeechSynthesizer.h"
#include "core/voice/sip/AudioCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>
#include <QUdpSocket>
#include <QtEndian>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace tierdesk::voice;
using tierdesk::bench::cpuSeconds;
using tierdesk::bench::percentile;

namespace {

const char *const kTurns[] = {"where is my order", "one zero zero zero four", "thank you goodbye"};
constexpr int kTrailingSilenceMs = 1200;
constexpr int kLateToleranceMs = 20;
constexpr double kSpeechDbfs = -50; // an answer packet louder than this is the AI speaking
constexpr int kG722 = 9;

struct Results {
    std::vector<qint64> turnMs; // to the answer's first packet (RTP's marker bit: its first frame)
    std::vector<qint64> audibleMs; // to the answer's first packet that is not silence
    int lateFrames = 0;
    int callsDone = 0;
    int callsFailed = 0;
    int underWay = 0;
    int mostUnderWay = 0;
    qint64 callMs = 0;
};

class SipBenchCall : public QObject {
public:
    SipBenchCall(quint16 sipPort, const QString &number, const std::vector<Pcm> &turns, Results &results,
        std::function<void()> done)
        : m_server(sipPort), m_number(number), m_turns(turns), m_results(results), m_done(std::move(done)),
          m_encoder(sip::AudioCodec::create(sip::CodecKind::G722)),
          m_decoder(sip::AudioCodec::create(sip::CodecKind::G722)),
          m_callId(QStringLiteral("bench-%1").arg(QRandomGenerator::global()->generate()))
    {
        m_sip.bind(QHostAddress::LocalHost, 0);
        m_rtp.bind(QHostAddress::LocalHost, 0);
        connect(&m_sip, &QUdpSocket::readyRead, this, &SipBenchCall::onSip);
        connect(&m_rtp, &QUdpSocket::readyRead, this, &SipBenchCall::onRtp);
        connect(&m_sender, &QTimer::timeout, this, &SipBenchCall::sendFrame);
        m_sender.setTimerType(Qt::PreciseTimer);
        m_sender.setInterval(kFrameMs);
        m_quiet.setSingleShot(true);
        connect(&m_quiet, &QTimer::timeout, this, &SipBenchCall::speakNext);
        m_clock.start();
        const QByteArray sdp
            = QStringLiteral("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                             "m=audio %1 RTP/AVP 9 101\r\na=rtpmap:9 G722/8000\r\n"
                             "a=rtpmap:101 telephone-event/8000\r\n")
                  .arg(m_rtp.localPort())
                  .toUtf8();
        send(QStringLiteral("INVITE sip:%1@127.0.0.1:%2 SIP/2.0\r\n").arg(m_number).arg(m_server).toUtf8()
            + headers(1, "INVITE")
            + "Content-Type: application/sdp\r\nContent-Length: " + QByteArray::number(sdp.size()) + "\r\n\r\n" + sdp);
    }

private:
    QByteArray headers(int cseq, const char *method, const QByteArray &to = {}) const
    {
        return QStringLiteral("Via: SIP/2.0/UDP 127.0.0.1:%1;branch=z9hG4bK-%2-%3;rport\r\nMax-Forwards: 70\r\n"
                              "From: <sip:+15557770000@127.0.0.1>;tag=bench\r\nCall-ID: %2\r\nCSeq: %3 %4\r\n"
                              "Contact: <sip:bench@127.0.0.1:%1>\r\n")
                   .arg(m_sip.localPort())
                   .arg(m_callId)
                   .arg(cseq)
                   .arg(QString::fromLatin1(method))
                   .toUtf8()
            + "To: " + (to.isEmpty() ? "<sip:" + m_number.toUtf8() + "@127.0.0.1>" : to) + "\r\n";
    }
    void send(const QByteArray &message) { m_sip.writeDatagram(message, QHostAddress::LocalHost, m_server); }

    void onSip()
    {
        while (m_sip.hasPendingDatagrams()) {
            QByteArray d(int(m_sip.pendingDatagramSize()), Qt::Uninitialized);
            m_sip.readDatagram(d.data(), d.size());
            if (d.startsWith("SIP/2.0 200") && d.contains("CSeq: 1 INVITE") && m_rtpPort == 0)
                answered(d);
            else if (d.startsWith("SIP/2.0 200") && d.contains("CSeq: 2 BYE"))
                finish(false);
            else if (d.startsWith("SIP/2.0 4") || d.startsWith("SIP/2.0 5"))
                finish(true);
            else if (d.startsWith("BYE ")) { // the server ended the call
                QByteArray ok = "SIP/2.0 200 OK\r\n";
                for (const QByteArray &line : d.split('\n'))
                    for (const char *h : {"Via:", "From:", "To:", "Call-ID:", "CSeq:"})
                        if (line.startsWith(h))
                            ok += line.trimmed() + "\r\n";
                send(ok + "Content-Length: 0\r\n\r\n");
                finish(m_turn < m_turns.size());
            }
        }
    }

    void answered(const QByteArray &ok)
    {
        m_rtpPort = quint16(
            QRegularExpression(QStringLiteral("m=audio (\\d+)")).match(QString::fromLatin1(ok)).captured(1).toUInt());
        m_to = QRegularExpression(QStringLiteral("(?m)^To: ([^\r\n]*)"))
                   .match(QString::fromLatin1(ok))
                   .captured(1)
                   .toUtf8();
        m_contact = QRegularExpression(QStringLiteral("(?m)^Contact: <([^>]*)>"))
                        .match(QString::fromLatin1(ok))
                        .captured(1)
                        .toUtf8();
        send("ACK " + m_contact + " SIP/2.0\r\n" + headers(1, "ACK", m_to) + "Content-Length: 0\r\n\r\n");
        m_results.mostUnderWay = std::max(m_results.mostUnderWay, ++m_results.underWay);
        m_sender.start(); // RTP flows from the start (silence), as a phone's does
    }

    void onRtp()
    {
        while (m_rtp.hasPendingDatagrams()) {
            QByteArray d(int(m_rtp.pendingDatagramSize()), Qt::Uninitialized);
            m_rtp.readDatagram(d.data(), d.size());
            const int header = d.isEmpty() ? 0 : 12 + 4 * (uchar(d.at(0)) & 0x0f);
            if (d.size() <= header || (uchar(d.at(1)) & 0x7f) != kG722)
                continue;
            // RTP comes every 20 ms, silence too: a packet this much later than the one before is a gap.
            const qint64 now = m_clock.elapsed();
            if (m_lastPacketMs > 0 && now > m_lastPacketMs + kFrameMs + kLateToleranceMs)
                ++m_results.lateFrames;
            m_lastPacketMs = now;
            const bool marker = (uchar(d.at(1)) & 0x80) != 0; // a talkspurt starts: the answer's first frame
            if (marker && m_waitingSinceMs >= 0 && m_firstFrameMs < 0) {
                m_firstFrameMs = now;
                m_results.turnMs.push_back(now - m_waitingSinceMs);
            }
            const Pcm pcm = m_decoder->decode(
                reinterpret_cast<const uint8_t *>(d.constData() + header), size_t(d.size() - header));
            if (levelDbfs(pcm) > kSpeechDbfs)
                onAnswer();
        }
    }

    void onAnswer()
    {
        const qint64 now = m_clock.elapsed();
        if (m_waitingSinceMs >= 0) {
            m_results.audibleMs.push_back(now - m_waitingSinceMs);
            m_waitingSinceMs = -1;
            m_firstFrameMs = -1;
        }
        m_quiet.start(600); // the AI has finished speaking when this much passes without its voice
    }

    void speakNext()
    {
        if (m_turn >= m_turns.size()) {
            send("BYE " + m_contact + " SIP/2.0\r\n" + headers(2, "BYE", m_to) + "Content-Length: 0\r\n\r\n");
            return;
        }
        m_out = m_turns[m_turn++];
        m_speechEnd = m_out.size();
        const Pcm quiet = silence(kTrailingSilenceMs);
        m_out.insert(m_out.end(), quiet.begin(), quiet.end());
        m_at = 0;
    }

    void sendFrame()
    {
        Pcm frame(kFrameSamples, 0);
        if (m_at < m_out.size()) {
            const size_t n = std::min<size_t>(kFrameSamples, m_out.size() - m_at);
            std::copy_n(m_out.begin() + qsizetype(m_at), n, frame.begin());
            m_at += n;
            if (m_at >= m_speechEnd && m_at - n < m_speechEnd)
                m_waitingSinceMs = m_clock.elapsed(); // the caller's last word is out
        }
        const QByteArray payload = m_encoder->encode(frame);
        QByteArray packet(12, '\0');
        packet[0] = char(0x80);
        packet[1] = char(kG722);
        qToBigEndian(m_seq++, packet.data() + 2);
        qToBigEndian(m_timestamp, packet.data() + 4);
        qToBigEndian(quint32(0x7e57ca11), packet.data() + 8);
        m_timestamp += 160;
        m_rtp.writeDatagram(packet + payload, QHostAddress::LocalHost, m_rtpPort);
    }

    void finish(bool failed)
    {
        if (m_finished)
            return;
        m_finished = true;
        if (m_rtpPort != 0)
            --m_results.underWay;
        m_results.callMs += m_clock.elapsed();
        m_sender.stop();
        m_quiet.stop();
        ++(failed ? m_results.callsFailed : m_results.callsDone);
        m_done();
    }

    quint16 m_server;
    QString m_number;
    const std::vector<Pcm> &m_turns;
    Results &m_results;
    std::function<void()> m_done;
    std::unique_ptr<sip::AudioCodec> m_encoder;
    std::unique_ptr<sip::AudioCodec> m_decoder;
    QString m_callId;
    QUdpSocket m_sip;
    QUdpSocket m_rtp;
    quint16 m_rtpPort = 0;
    QByteArray m_to;
    QByteArray m_contact;
    QElapsedTimer m_clock;
    QTimer m_sender;
    QTimer m_quiet;
    Pcm m_out;
    size_t m_at = 0;
    size_t m_speechEnd = 0;
    size_t m_turn = 0;
    quint16 m_seq = 0;
    quint32 m_timestamp = 0;
    qint64 m_waitingSinceMs = -1;
    qint64 m_firstFrameMs = -1; // the answer's first frame came (marker bit) while waiting for its voice
    qint64 m_lastPacketMs = 0;
    bool m_finished = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: tierdesk_sip_call_bench SIP_PORT NUMBER [CALLS] [SERVER_PID] [ARRIVAL_MS]\n");
        return 2;
    }
    const quint16 port = quint16(args.at(1).toUInt());
    const QString number = args.at(2);
    const int calls = args.size() > 3 ? args.at(3).toInt() : 20;
    const QString serverPid = args.value(4);
    const int arrivalMs = std::max(0, args.value(5).toInt());
    const SpeechSynthesizer caller(SpeechSynthesizer::Voice::Rms);
    std::vector<Pcm> turns;
    for (const char *text : kTurns) {
        Pcm t = silence(300);
        const Pcm words = caller.synthesize(QString::fromUtf8(text));
        t.insert(t.end(), words.begin(), words.end());
        turns.push_back(std::move(t));
    }
    Results results;
    int left = calls;
    const double cpuBefore = cpuSeconds(serverPid);
    QElapsedTimer wall;
    wall.start();
    std::vector<std::unique_ptr<SipBenchCall>> running;
    for (int i = 0; i < calls; ++i)
        QTimer::singleShot(calls > 1 ? arrivalMs * i / (calls - 1) : 0, &app, [&] {
            running.push_back(std::make_unique<SipBenchCall>(port, number, turns, results, [&left] {
                if (--left == 0)
                    QCoreApplication::quit();
            }));
        });
    QTimer::singleShot(10 * 60 * 1000, &app, &QCoreApplication::quit);
    app.exec();
    const double cpu = cpuSeconds(serverPid) - cpuBefore;
    const double callSeconds = double(results.callMs) / 1000.0;
    std::printf("SIP calls (G.722): %d (done %d, failed %d), arriving over %d ms, at most %d under way at once, "
                "wall %.1f s\n",
        calls, results.callsDone, results.callsFailed, arrivalMs, results.mostUnderWay,
        double(wall.elapsed()) / 1000.0);
    std::printf("AI turns: %zu; end of speech to the answer's first frame (marker bit): p50 %lld ms, p95 %lld ms, "
                "max %lld ms\n",
        results.turnMs.size(), qlonglong(percentile(results.turnMs, 0.5)), qlonglong(percentile(results.turnMs, 0.95)),
        qlonglong(percentile(results.turnMs, 1.0)));
    std::printf("AI turns: %zu; end of speech to the answer's first audible packet: p50 %lld ms, p95 %lld ms, max %lld "
                "ms\n",
        results.audibleMs.size(), qlonglong(percentile(results.audibleMs, 0.5)),
        qlonglong(percentile(results.audibleMs, 0.95)), qlonglong(percentile(results.audibleMs, 1.0)));
    std::printf("packets from the server more than %d ms after the one before (a gap the caller hears): %d\n",
        kFrameMs + kLateToleranceMs, results.lateFrames);
    if (cpu > 0)
        std::printf("server CPU: %.1f s, %.3f CPU-s per call-second (%.0f call-seconds)\n", cpu, cpu / callSeconds,
            callSeconds);
    return results.callsFailed == 0 ? 0 : 1;
}
