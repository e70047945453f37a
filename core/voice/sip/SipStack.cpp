#include "core/voice/sip/SipStack.h"

#include "core/voice/sip/SipLeg.h"

#include <QLoggingCategory>

namespace tierdesk::voice::sip {

namespace {

Q_LOGGING_CATEGORY(lcSipDoor, "tierdesk.calls.sip")

constexpr int kBindTries = 20; // port 0: UDP takes a free port; TCP may find it taken and try again
constexpr uint32_t kSessionTableSize = 32;
constexpr char kSoftware[] = "Tierdesk";

// libre's process-wide parts (its random numbers, OpenSSL); each thread's loop is its own
// (re_thread_init), so servers and tests may run several stacks side by side.
void initLibreOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { libre_init(); });
}

} // namespace

// The stack's own timers: the reaper (legs given back after the callback that ended them) and,
// while stopping, the wait for the BYEs' answers.
struct SipStack::Timers {
    struct tmr reap { };
    struct tmr drain { };
    uint64_t stopAt = 0;
    Timers()
    {
        tmr_init(&reap);
        tmr_init(&drain);
    }
    ~Timers()
    {
        tmr_cancel(&reap);
        tmr_cancel(&drain);
    }
};

SipStack::SipStack(Options options, SipEvents &events)
    : m_options(std::move(options)), m_events(events),
      m_sources({m_options.maxCallsPerSource, m_options.invitesPerSourcePerMinute})
{
}

SipStack::~SipStack()
{
    stop();
}

Status SipStack::start()
{
    if (m_thread.joinable())
        return Ok{};
    std::promise<Status> started;
    std::future<Status> result = started.get_future();
    m_thread = std::thread([this, &started] { run(&started); });
    Status status = result.get();
    if (!status)
        m_thread.join();
    return status;
}

void SipStack::stop()
{
    if (!m_thread.joinable())
        return;
    post(Command{Command::Stop, 0, 0, {}, {}, false});
    m_thread.join();
}

void SipStack::decide(quint64 key, int status, const QByteArray &headers, bool trusted)
{
    post(Command{Command::Decide, key, status, {}, headers, trusted});
}

void SipStack::send(quint64 key, Pcm audio)
{
    post(Command{Command::Send, key, 0, std::move(audio), {}, false});
}

void SipStack::hangUp(quint64 key)
{
    post(Command{Command::HangUp, key, 0, {}, {}, false});
}

void SipStack::post(Command command)
{
    std::lock_guard<std::mutex> lock(m_mutex);
    if (!m_wake || static_cast<int>(m_commands.size()) >= kMaxQueuedCommands)
        return;
    const bool wake = m_commands.empty(); // one wake-up for a batch
    m_commands.push_back(std::move(command));
    if (wake)
        mqueue_push(m_wake, 0, nullptr);
}

void SipStack::run(std::promise<Status> *started)
{
    initLibreOnce();
    re_thread_init();
    fd_setsize(kMaxFds);
    m_timers = std::make_unique<Timers>();
    Status opened = open();
    const bool ok = opened.ok();
    started->set_value(std::move(opened)); // `started` is gone after this
    if (ok)
        re_main(nullptr);
    close();
    m_timers.reset();
    re_thread_close();
}

Status SipStack::open()
{
    struct mqueue *wake = nullptr;
    if (mqueue_alloc(&wake, &SipStack::mqueueHandler, this) != 0)
        return makeError(ErrorKind::Internal, QStringLiteral("SIP: no message queue"));
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_wake = wake;
    }
    if (sip_alloc(&m_sip, nullptr, 32, 32, 32, kSoftware, nullptr, nullptr) != 0)
        return makeError(ErrorKind::Internal, QStringLiteral("SIP: the stack cannot be made"));
    const QByteArray host = m_options.host.toString().toLatin1();
    int err = EADDRINUSE;
    for (int attempt = 0; attempt < kBindTries && err != 0; ++attempt) {
        sip_transp_flush(m_sip);
        struct sa udp { };
        sa_set_str(&udp, host.constData(), m_options.port);
        if ((err = sip_transp_add(m_sip, SIP_TRANSP_UDP, &udp)) != 0)
            break;
        struct sa bound { };
        sip_transp_laddr(m_sip, &bound, SIP_TRANSP_UDP, nullptr);
        err = sip_transp_add(m_sip, SIP_TRANSP_TCP, &bound);
        m_port = sa_port(&bound);
        if (err != 0 && m_options.port != 0)
            break;
    }
    if (err != 0)
        return makeError(ErrorKind::Unavailable,
            QStringLiteral("SIP: cannot listen on %1 port %2 (%3)")
                .arg(m_options.host.toString())
                .arg(m_options.port)
                .arg(QString::fromLocal8Bit(strerror(err))));
    if (sipsess_listen(&m_sessions, m_sip, kSessionTableSize, &SipStack::connHandler, this) != 0
        || sip_listen(&m_options_listener, m_sip, true, &SipStack::requestHandler, this) != 0)
        return makeError(ErrorKind::Internal, QStringLiteral("SIP: cannot take calls"));
    m_advertised = host;
    if (m_options.host == QHostAddress::AnyIPv4 || m_options.host == QHostAddress::AnyIPv6
        || m_options.host == QHostAddress::Any) { // our Contact and SDP name an address the caller can reach
        struct sa source { };
        char text[64] = {};
        if (net_default_source_addr_get(
                m_options.host.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET, &source)
                == 0
            && sa_ntop(&source, text, sizeof text) == 0)
            m_advertised = QByteArray(text);
    }
    return Ok{};
}

void SipStack::close()
{
    m_legs.clear(); // BYE for those still up (lingering in libre until the stop ends)
    m_ended.clear();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        mem_deref(m_wake);
        m_wake = nullptr;
        m_commands.clear();
    }
    // What still waits when the stop's time is up ends now: requests nobody answers (a BYE) and,
    // with them, their sessions; then sessions still waiting for an ACK to their 200 OK.
    if (m_sip)
        sip_close(m_sip, true);
    if (m_sessions)
        sipsess_close_all(m_sessions);
    m_options_listener = static_cast<struct sip_lsnr *>(mem_deref(m_options_listener));
    m_sessions = static_cast<struct sipsess_sock *>(mem_deref(m_sessions));
    m_sip = static_cast<struct sip *>(mem_deref(m_sip));
}

void SipStack::mqueueHandler(int, void *, void *arg)
{
    static_cast<SipStack *>(arg)->drain();
}

void SipStack::drain()
{
    std::deque<Command> commands;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        commands.swap(m_commands);
    }
    for (Command &c : commands)
        onCommand(c);
}

void SipStack::onCommand(Command &command)
{
    if (command.kind == Command::Stop) {
        m_stopping = true;
        for (auto &[key, leg] : m_legs) {
            leg->refuse(m_sip, 503); // those still deciding
            m_events.ended(key, QStringLiteral("shutdown"));
        }
        m_legs.clear(); // BYE for the calls that are up
        m_timers->stopAt = tmr_jiffies() + kShutdownMs;
        drainHandler(this);
        return;
    }
    const auto it = m_legs.find(command.key);
    if (it == m_legs.end() || m_stopping)
        return; // ended meanwhile: the owner is told by ended()
    SipLeg &leg = *it->second;
    switch (command.kind) {
    case Command::Decide:
        if (command.trusted)
            m_sources.trust(leg.incoming().source);
        if (command.status == 200 && !leg.answered()) {
            if (!leg.answer(m_sessions, contact(leg.overTcp())))
                end(command.key, QStringLiteral("error"));
        } else if (!leg.answered()) {
            leg.refuse(m_sip, command.status, command.headers);
            end(command.key, QStringLiteral("refused"));
        }
        break;
    case Command::Send:
        leg.send(command.audio);
        break;
    case Command::HangUp:
        leg.refuse(m_sip, 480); // a call still being decided
        end(command.key, QStringLiteral("hangup"));
        break;
    case Command::Stop:
        break;
    }
}

void SipStack::connHandler(const struct sip_msg *msg, void *arg)
{
    static_cast<SipStack *>(arg)->onInvite(msg);
}

void SipStack::onInvite(const struct sip_msg *msg)
{
    const QString callId = QString::fromUtf8(msg->callid.p, static_cast<qsizetype>(qMin<size_t>(msg->callid.l, 256)));
    for (const auto &[key, leg] : m_legs)
        if (!leg->answered() && leg->incoming().callId == callId)
            return; // a retransmission while the owner decides: the 100 Trying stands
    if (!admitSource(msg))
        return;
    if (m_stopping || static_cast<int>(m_legs.size()) >= m_options.maxCalls) {
        sip_treply(nullptr, m_sip, msg, 486, "Busy Here");
        return;
    }
    const quint64 key = m_nextKey++;
    auto leg = std::make_unique<SipLeg>(*this, key);
    struct sa bind { };
    sa_set_str(&bind, m_options.host.toString().toLatin1().constData(), 0);
    int status = 0;
    QString why;
    if (!leg->offer(msg, bind, m_advertised, &status, &why)) {
        sip_treplyf(nullptr, nullptr, m_sip, msg, false, static_cast<uint16_t>(status),
            status == 404       ? "Not Found"
                : status == 503 ? "Service Unavailable"
                                : "Not Acceptable Here",
            "Warning: 399 tierdesk \"%s\"\r\nContent-Length: 0\r\n\r\n", why.toUtf8().constData());
        return;
    }
    sip_treply(nullptr, m_sip, msg, 100, "Trying");
    const SipIncoming incoming = leg->incoming();
    m_legs.emplace(key, std::move(leg));
    m_events.incoming(incoming);
}

bool SipStack::admitSource(const struct sip_msg *msg)
{
    const QString source = SipLeg::hostOf(msg->src);
    int underWay = 0;
    for (const auto &[key, leg] : m_legs)
        underWay += sa_cmp(&leg->signalling(), &msg->src, SA_ADDR) ? 1 : 0;
    const auto now = static_cast<qint64>(tmr_jiffies());
    const SourceLimits::Verdict verdict = m_sources.admit(source, underWay, now);
    if (verdict == SourceLimits::Verdict::Allowed)
        return true;
    const bool flood = verdict == SourceLimits::Verdict::TooManyInvites;
    if (m_sources.tell(source, now))
        qCWarning(lcSipDoor).noquote() << QStringLiteral("SIP: %1 %2; its INVITEs are refused (%3)")
                                              .arg(source,
                                                  flood ? QStringLiteral("sends more than %1 INVITEs a minute")
                                                              .arg(m_options.invitesPerSourcePerMinute)
                                                        : QStringLiteral("has %1 calls under way").arg(underWay),
                                                  flood ? QStringLiteral("503") : QStringLiteral("486"));
    if (flood)
        sip_treplyf(nullptr, nullptr, m_sip, msg, false, 503, "Service Unavailable",
            "Retry-After: %d\r\nContent-Length: 0\r\n\r\n", m_sources.retryAfterSecs(source, now));
    else
        sip_treply(nullptr, m_sip, msg, 486, "Busy Here");
    return false;
}

bool SipStack::requestHandler(const struct sip_msg *msg, void *arg)
{
    return static_cast<SipStack *>(arg)->onOptions(msg);
}

bool SipStack::onOptions(const struct sip_msg *msg)
{
    if (pl_strcmp(&msg->met, "OPTIONS") != 0)
        return false;
    sip_treplyf(nullptr, nullptr, m_sip, msg, false, 200, "OK",
        "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS\r\nAccept: application/sdp\r\nContent-Length: 0\r\n\r\n");
    return true;
}

void SipStack::end(quint64 key, const QString &reason)
{
    const auto it = m_legs.find(key);
    if (it == m_legs.end())
        return;
    it->second->stop();
    m_ended.push_back(std::move(it->second));
    m_legs.erase(it);
    if (reason != QLatin1String("refused"))
        m_events.ended(key, reason);
    tmr_start(&m_timers->reap, 0, &SipStack::reapHandler, this);
}

void SipStack::reapHandler(void *arg)
{
    static_cast<SipStack *>(arg)->m_ended.clear();
}

void SipStack::drainHandler(void *arg)
{
    // Every session holds the session socket: ours alone left means every BYE was answered.
    auto *self = static_cast<SipStack *>(arg);
    if (mem_nrefs(self->m_sessions) <= 1 || tmr_jiffies() >= self->m_timers->stopAt) {
        re_cancel();
        return;
    }
    tmr_start(&self->m_timers->drain, 20, &SipStack::drainHandler, self);
}

QString SipStack::contact(bool tcp) const
{
    return QStringLiteral("sip:tierdesk@%1:%2%3")
        .arg(QString::fromLatin1(m_advertised.contains(':') ? '[' + m_advertised + ']' : m_advertised))
        .arg(m_port)
        .arg(tcp ? QStringLiteral(";transport=tcp") : QString());
}

} // namespace tierdesk::voice::sip
