// Web calls at once against a running `tierdesk serve` (bench/calls.sh): each call is a
// WebSocket on /api/v1/voice whose caller is Flite's voice, sent in real time (20 ms frames every
// 20 ms), answering the AI the way a caller would. Measured per AI turn: the time from the end of
// the caller's speech to the first frame of the AI's answer (the endpointer's silence, the
// recognition, the engine's turn and the speech all in it); and per call whether the AI's audio
// ever arrived later than it was due to play (a dropped frame for the caller).
//   tierdesk_call_bench WS_BASE WIDGET_KEY [CALLS] [SERVER_PID] [ARRIVAL_MS]
// ARRIVAL_MS 0 (the default) starts every call at the same instant, so that their callers speak
// the same words at the same moments: the worst case. A positive value spreads the calls' starts
// evenly over that many milliseconds, as calls arrive at a call centre, all of them then under way
// together.
#include "bench/CallFigures.h"
#include "core/voice/SpeechSynthesizer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace tierdesk::voice;
using tierdesk::bench::cpuSeconds;
using tierdesk::bench::percentile;

namespace {

// What the caller says, turn after turn: a question, the order number asked for, a goodbye.
const char *const kTurns[] = {"where is my order", "one zero zero zero four", "thank you goodbye"};
constexpr int kTrailingSilenceMs = 1200;
constexpr int kLateToleranceMs = 20; // a frame this much past its time has been heard as a gap

struct Results {
    std::vector<qint64> turnMs;
    int lateFrames = 0;
    int callsDone = 0;
    int underWay = 0;
    int mostUnderWay = 0;
    qint64 callMs = 0; // every call's length, added up
    int callsFailed = 0;
    qint64 audioSentMs = 0;
};

class BenchCall : public QObject {
public:
    BenchCall(const QString &url, const std::vector<QByteArray> &turns, Results &results, std::function<void()> done)
        : m_turns(turns), m_results(results), m_done(std::move(done))
    {
        connect(&m_socket, &QWebSocket::connected, this, [this] {
            m_results.mostUnderWay = std::max(m_results.mostUnderWay, ++m_results.underWay);
            m_socket.sendTextMessage(QStringLiteral(R"({"type":"start","sampleRate":16000})"));
        });
        connect(&m_socket, &QWebSocket::textMessageReceived, this, &BenchCall::onText);
        connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &BenchCall::onAudio);
        connect(&m_socket, &QWebSocket::disconnected, this, [this] { finish(m_turn < m_turns.size()); });
        connect(&m_sender, &QTimer::timeout, this, &BenchCall::sendFrame);
        m_quiet.setSingleShot(true);
        connect(&m_quiet, &QTimer::timeout, this, &BenchCall::speakNext); // the AI has finished speaking
        m_sender.setTimerType(Qt::PreciseTimer);
        m_sender.setInterval(kFrameMs);
        m_socket.open(QUrl(url));
    }

private:
    void onText(const QString &text)
    {
        const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
        if (m.value(QLatin1String("type")).toString() == QLatin1String("ended"))
            m_socket.close();
    }

    void onAudio(const QByteArray &pcm)
    {
        const qint64 now = m_clock.elapsed();
        if (m_waitingSinceMs >= 0) { // the first frame of the AI's answer
            m_results.turnMs.push_back(now - m_waitingSinceMs);
            m_waitingSinceMs = -1;
            m_playEndMs = now;
        } else if (now > m_playEndMs + kLateToleranceMs && m_playEndMs > 0) {
            ++m_results.lateFrames; // the caller's speaker ran dry inside an answer
        }
        m_playEndMs = std::max(m_playEndMs, now) + pcm.size() / 32; // 32 bytes a millisecond
        m_quiet.start(int(std::max<qint64>(300, m_playEndMs - now + 300)));
    }

    void speakNext()
    {
        if (m_turn >= m_turns.size()) {
            m_socket.sendTextMessage(QStringLiteral(R"({"type":"hangup"})"));
            return;
        }
        m_out = m_turns[m_turn++] + QByteArray(kTrailingSilenceMs * 32, '\0');
        m_speechBytes = m_out.size() - kTrailingSilenceMs * 32;
        m_at = 0;
        m_playEndMs = 0;
        m_sender.start();
    }

    void sendFrame()
    {
        if (m_at >= m_out.size()) {
            m_sender.stop();
            return;
        }
        m_socket.sendBinaryMessage(m_out.mid(m_at, kFrameBytes));
        m_results.audioSentMs += kFrameMs;
        m_at += kFrameBytes;
        if (m_at >= m_speechBytes && m_waitingSinceMs < 0 && m_at - kFrameBytes < m_speechBytes)
            m_waitingSinceMs = m_clock.elapsed(); // the caller's last word is out
    }

    void finish(bool failed)
    {
        if (m_finished)
            return;
        m_finished = true;
        --m_results.underWay;
        m_results.callMs += m_clock.elapsed();
        m_sender.stop();
        m_quiet.stop();
        ++(failed ? m_results.callsFailed : m_results.callsDone);
        m_done();
    }

    QWebSocket m_socket;
    const std::vector<QByteArray> &m_turns;
    Results &m_results;
    std::function<void()> m_done;
    QElapsedTimer m_clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    QTimer m_sender;
    QTimer m_quiet;
    QByteArray m_out;
    qsizetype m_at = 0;
    qsizetype m_speechBytes = 0;
    size_t m_turn = 0;
    qint64 m_waitingSinceMs = -1;
    qint64 m_playEndMs = 0;
    bool m_finished = false;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 3) {
        std::fprintf(stderr, "usage: tierdesk_call_bench WS_BASE WIDGET_KEY [CALLS] [SERVER_PID]\n");
        return 2;
    }
    const QString url = args.at(1) + QStringLiteral("/api/v1/voice?key=") + args.at(2);
    const int calls = args.size() > 3 ? args.at(3).toInt() : 20;
    const QString serverPid = args.value(4);
    const int arrivalMs = std::max(0, args.value(5).toInt());
    const SpeechSynthesizer caller(SpeechSynthesizer::Voice::Rms);
    std::vector<QByteArray> turns;
    for (const char *text : kTurns)
        turns.push_back(QByteArray(300 * 32, '\0') + pcmToLittleEndian(caller.synthesize(QString::fromUtf8(text))));
    Results results;
    int left = calls;
    const double cpuBefore = cpuSeconds(serverPid);
    QElapsedTimer wall;
    wall.start();
    std::vector<std::unique_ptr<BenchCall>> running;
    for (int i = 0; i < calls; ++i)
        QTimer::singleShot(calls > 1 ? arrivalMs * i / (calls - 1) : 0, &app, [&] {
            running.push_back(std::make_unique<BenchCall>(url, turns, results, [&left] {
                if (--left == 0)
                    QCoreApplication::quit();
            }));
        });
    QTimer::singleShot(10 * 60 * 1000, &app, &QCoreApplication::quit); // a bench that hangs says so
    app.exec();
    const double cpu = cpuSeconds(serverPid) - cpuBefore;
    const double callSeconds = double(results.callMs) / 1000.0;
    std::printf("calls: %d (done %d, failed %d), arriving over %d ms, at most %d under way at once, wall %.1f s\n",
        calls, results.callsDone, results.callsFailed, arrivalMs, results.mostUnderWay,
        double(wall.elapsed()) / 1000.0);
    std::printf("AI turns: %zu; end of speech to first answer frame: p50 %lld ms, p95 %lld ms, max %lld ms\n",
        results.turnMs.size(), qlonglong(percentile(results.turnMs, 0.5)), qlonglong(percentile(results.turnMs, 0.95)),
        qlonglong(percentile(results.turnMs, 1.0)));
    std::printf("answer frames later than due (the caller heard a gap): %d\n", results.lateFrames);
    if (cpu > 0)
        std::printf("server CPU: %.1f s, %.3f CPU-s per call-second (%.0f call-seconds)\n", cpu, cpu / callSeconds,
            callSeconds);
    return results.callsFailed == 0 ? 0 : 1;
}
