#pragma once

#include "core/common/Result.h"
#include "core/voice/SourceLimits.h"
#include "core/voice/sip/SipEvents.h"

#include <QHostAddress>

#include <deque>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <thread>

struct mqueue;
struct sip;
struct sip_lsnr;
struct sip_msg;
struct sipsess_sock;

namespace tierdesk::voice::sip {

class SipLeg;

// libre's side of the SIP door: its own thread runs re_main, and every libre call is made there
// (libre is not thread-safe). Listens on UDP and TCP, answers INVITEs once the owner decided
// (decide()), runs each call's RTP (SipLeg), and says what happens through SipEvents. Commands
// from other threads wait in a queue that an mqueue message wakes the thread for.
class SipStack {
public:
    struct Options {
        QHostAddress host = QHostAddress::LocalHost; // SIP and RTP listen here
        quint16 port = 5060; // UDP and TCP; 0: a free port (tests)
        int maxCalls = 200; // legs at once, deciding or answered; one more is 486 at once
        int maxCallsPerSource = 4; // legs at once from one address; one more is 486
        int invitesPerSourcePerMinute = 30; // new INVITEs from one address; more are 503 with Retry-After
        int decideTimeoutMs = 5000; // the owner did not decide: 480
        int rtpTimeoutMs = 20000; // no RTP for this long ends an answered call (BYE)
        int firstRtpTimeoutMs = 5000; // no RTP at all this long after the answer ends it too
        quint16 rtpPortMin = 20000;
        quint16 rtpPortMax = 39999;
    };
    static constexpr int kMaxFds = 8192; // the libre loop's file descriptor table (sockets of every call)
    static constexpr int kShutdownMs = 2000; // BYEs sent at stop get this long for their answers
    static constexpr int kMaxQueuedCommands = 20000; // a thread that stalls does not eat the memory

    SipStack(Options options, SipEvents &events);
    ~SipStack(); // stop()
    SipStack(const SipStack &) = delete;
    SipStack &operator=(const SipStack &) = delete;

    // Starts the thread and waits until it listens (or could not).
    Status start();
    // Ends every call (BYE), stops listening and joins the thread.
    void stop();
    quint16 port() const { return m_port; }

    // From any thread. `status` 200 answers with the SDP answer; another refuses with that code and
    // `headers` (a challenge). `trusted`: the caller's address is exempt from the per-source limits.
    void decide(quint64 key, int status, const QByteArray &headers = {}, bool trusted = false);
    void send(quint64 key, Pcm audio);
    void hangUp(quint64 key);

private:
    friend class SipLeg;
    struct Command {
        enum Kind { Decide, Send, HangUp, Stop } kind = Stop;
        quint64 key = 0;
        int status = 0;
        Pcm audio;
        QByteArray headers;
        bool trusted = false;
    };
    void post(Command command);
    void run(std::promise<Status> *started);
    Status open();
    void close();
    void drain(); // the commands waiting, on the SIP thread
    void onCommand(Command &command);
    void onInvite(const struct sip_msg *msg);
    // False (and the INVITE answered 486 or 503) when its source asks for more than its share.
    bool admitSource(const struct sip_msg *msg);
    bool onOptions(const struct sip_msg *msg);
    // The leg is over: said to the owner, and given back to libre after the handler returns.
    void end(quint64 key, const QString &reason);
    void reap();
    QString contact(bool tcp) const; // our Contact URI for a call that came over UDP or TCP

    static void mqueueHandler(int id, void *data, void *arg);
    static void connHandler(const struct sip_msg *msg, void *arg);
    static bool requestHandler(const struct sip_msg *msg, void *arg);
    static void reapHandler(void *arg);
    static void drainHandler(void *arg);

    Options m_options;
    SipEvents &m_events;
    std::thread m_thread;
    quint16 m_port = 0;

    std::mutex m_mutex; // guards the two below
    std::deque<Command> m_commands;
    struct mqueue *m_wake = nullptr; // null once the thread no longer reads it

    // SIP thread only.
    struct sip *m_sip = nullptr;
    struct sipsess_sock *m_sessions = nullptr;
    struct sip_lsnr *m_options_listener = nullptr;
    QByteArray m_advertised; // the address our Contact and SDP name
    quint64 m_nextKey = 1;
    std::map<quint64, std::unique_ptr<SipLeg>> m_legs;
    std::vector<std::unique_ptr<SipLeg>> m_ended; // given back on the next turn of the loop
    SourceLimits m_sources;
    struct Timers;
    std::unique_ptr<Timers> m_timers;
    bool m_stopping = false;
};

} // namespace tierdesk::voice::sip
