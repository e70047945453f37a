#include "core/voice/sip/SipLeg.h"

#include "core/voice/sip/SipDigest.h"
#include "core/voice/sip/SipStack.h"

#include <QRegularExpression>

namespace tierdesk::voice::sip {

namespace {

constexpr int kMaxUserChars = 64;
constexpr int kWatchMs = 1000;
constexpr uint64_t kMaxLateFrames = 10; // the thread was held up longer than this: skip, do not burst

QString plString(const struct pl &pl, int max = kMaxUserChars)
{
    return QString::fromUtf8(pl.p, static_cast<qsizetype>(qMin<size_t>(pl.l, 1024))).left(max);
}

// A URI's user part, unescaped (%2B15550100 is +15550100); empty when it is not a plain user name.
QString userOf(const struct pl &user)
{
    char *text = nullptr;
    if (!pl_isset(&user) || user.l > 256 || re_sdprintf(&text, "%H", uri_user_unescape, &user) != 0)
        return {};
    const QString s = QString::fromUtf8(text).left(kMaxUserChars);
    mem_deref(text);
    static const QRegularExpression plain(QStringLiteral("^[0-9A-Za-z+*#._-]+$"));
    return plain.match(s).hasMatch() ? s : QString();
}

// libre's print of a socket address: %J with its port, %j the address alone.
QString printed(const char *format, const struct sa &sa)
{
    char text[64] = {};
    re_snprintf(text, sizeof text, format, &sa);
    return QString::fromLatin1(text);
}

} // namespace

QString SipLeg::hostOf(const struct sa &sa)
{
    return printed("%j", sa);
}

SipLeg::SipLeg(SipStack &stack, quint64 key) : m_stack(stack), m_key(key)
{
    tmr_init(&m_pace);
    tmr_init(&m_watch);
    tmr_init(&m_decide);
}

SipLeg::~SipLeg()
{
    stop();
    m_session.reset(); // sends BYE when the call was up
    m_rtp.reset();
}

void SipLeg::stop()
{
    m_stopped = true;
    tmr_cancel(&m_pace);
    tmr_cancel(&m_watch);
    tmr_cancel(&m_decide);
}

bool SipLeg::offer(
    const struct sip_msg *msg, const struct sa &bind, const QByteArray &advertised, int *status, QString *why)
{
    m_incoming.key = m_key;
    m_incoming.callId = plString(msg->callid, 256);
    m_incoming.number = userOf(msg->uri.user);
    m_incoming.from = userOf(msg->from.uri.user);
    m_incoming.fromName = plString(msg->from.dname, 100).remove(QLatin1Char('"')).trimmed();
    m_incoming.peer = printed("%J", msg->src);
    m_incoming.source = hostOf(msg->src);
    sip_msg_hdr_apply(msg, true, SIP_HDR_AUTHORIZATION, &SipLeg::onAuthorization, &m_incoming.authorizations);
    m_signalling = msg->src;
    m_tcp = msg->tp == SIP_TRANSP_TCP;
    if (m_incoming.number.isEmpty()) {
        *status = 404;
        *why = QStringLiteral("no number dialled");
        return false;
    }
    const size_t body = mbuf_get_left(msg->mb);
    if (body == 0 || !msg_ctype_cmp(&msg->ctyp, "application", "sdp")) {
        *status = 488;
        *why = QStringLiteral("an application/sdp offer is needed");
        return false;
    }
    if (body > static_cast<size_t>(SdpAnswer::kMaxSdpBytes)) {
        *status = 488;
        *why = QStringLiteral("SDP offer too large");
        return false;
    }
    if (rtp_listen(m_rtp.out(), IPPROTO_UDP, &bind, m_stack.m_options.rtpPortMin, m_stack.m_options.rtpPortMax, false,
            &SipLeg::onRtp, nullptr, this)
        != 0) {
        *status = 503;
        *why = QStringLiteral("no RTP port free");
        return false;
    }
    struct sa local { };
    sa_set_str(&local, advertised.constData(), sa_port(rtp_local(m_rtp.get())));
    m_sdp = std::make_unique<SdpAnswer>(local);
    SdpAnswer::Refusal refusal;
    if (!m_sdp->answer(QByteArray(reinterpret_cast<const char *>(mbuf_buf(msg->mb)), static_cast<qsizetype>(body)),
            &m_negotiated, &refusal)) {
        *status = refusal.status;
        *why = refusal.why;
        return false;
    }
    m_incoming.codec = QString::fromLatin1(codecInfo(m_negotiated.choice.codec).name);
    m_remote = m_negotiated.remote;
    m_in = std::make_unique<RtpInbound>(m_negotiated.choice);
    m_out = std::make_unique<RtpOutbound>(m_negotiated.choice.codec);
    m_invite = LibreRef<struct sip_msg>(static_cast<struct sip_msg *>(mem_ref(const_cast<struct sip_msg *>(msg))));
    tmr_start(&m_decide, static_cast<uint64_t>(m_stack.m_options.decideTimeoutMs), &SipLeg::onDecideTimeout, this);
    return true;
}

bool SipLeg::answer(struct sipsess_sock *sessions, const QString &contact)
{
    tmr_cancel(&m_decide);
    LibreRef<struct mbuf> body(mbuf_alloc(static_cast<size_t>(m_negotiated.answer.size())));
    if (!body || !m_invite)
        return false;
    mbuf_write_mem(body.get(), reinterpret_cast<const uint8_t *>(m_negotiated.answer.constData()),
        static_cast<size_t>(m_negotiated.answer.size()));
    body.get()->pos = 0;
    const QByteArray cuser = contact.toUtf8();
    const int err
        = sipsess_accept(m_session.out(), sessions, m_invite.get(), 200, "OK", cuser.constData(), "application/sdp",
            body.get(), nullptr, nullptr, false, &SipLeg::onOffer, &SipLeg::onAnswer, &SipLeg::onEstablished, nullptr,
            nullptr, &SipLeg::onClose, this, "Allow: INVITE, ACK, BYE, CANCEL, OPTIONS\r\n");
    m_invite.reset();
    if (err != 0)
        return false;
    m_answered = true;
    m_lastRtp = tmr_jiffies(); // the watchdog counts from the answer
    m_clockStart = tmr_jiffies();
    m_sent = 0;
    pace();
    tmr_start(&m_watch, kWatchMs, &SipLeg::onWatch, this);
    return true;
}

bool SipLeg::onAuthorization(const struct sip_hdr *hdr, const struct sip_msg *, void *arg)
{
    auto *authorizations = static_cast<QStringList *>(arg);
    if (hdr->val.l <= static_cast<size_t>(SipDigest::kMaxAuthorizationChars))
        *authorizations << QString::fromUtf8(hdr->val.p, static_cast<qsizetype>(hdr->val.l));
    return authorizations->size() >= SipDigest::kMaxAuthorizations; // true: no more
}

void SipLeg::refuse(struct sip *sip, int status, const QByteArray &headers)
{
    tmr_cancel(&m_decide);
    if (!m_invite)
        return;
    const char *reason = status == 404 ? "Not Found"
        : status == 401                ? "Unauthorized"
        : status == 403                ? "Forbidden"
        : status == 486                ? "Busy Here"
        : status == 488                ? "Not Acceptable Here"
        : status == 480                ? "Temporarily Unavailable"
        : status == 503                ? "Service Unavailable"
                                       : "Server Internal Error";
    sip_treplyf(nullptr, nullptr, sip, m_invite.get(), false, static_cast<uint16_t>(status), reason,
        "%bContent-Length: 0\r\n\r\n", headers.constData(), static_cast<size_t>(headers.size()));
    m_invite.reset();
}

void SipLeg::onRtp(const struct sa *src, const struct rtp_header *hdr, struct mbuf *mb, void *arg)
{
    auto *self = static_cast<SipLeg *>(arg);
    if (self->m_stopped || !self->m_answered)
        return;
    // Only from the host the SDP named or the one that signalled: nobody else speaks into the call.
    if (!sa_cmp(src, &self->m_negotiated.remote, SA_ADDR) && !sa_cmp(src, &self->m_signalling, SA_ADDR))
        return;
    if (!self->m_latched) { // symmetric RTP: answer where the caller's audio comes from
        self->m_remote = *src;
        self->m_latched = true;
    }
    self->m_lastRtp = tmr_jiffies();
    self->m_heardRtp = true;
    const size_t size = mbuf_get_left(mb);
    RtpPacket packet{hdr->seq, hdr->ts, hdr->pt, hdr->m,
        QByteArray(reinterpret_cast<const char *>(mbuf_buf(mb)), static_cast<qsizetype>(qMin<size_t>(size, 65536))),
        hdr->ssrc};
    RtpInbound::Heard heard = self->m_in->take(std::move(packet));
    if (!heard.audio.empty() || !heard.keys.isEmpty())
        self->m_stack.m_events.heard(self->m_key, std::move(heard.audio), heard.keys);
}

int SipLeg::onOffer(struct mbuf **descp, const struct sip_msg *msg, void *arg)
{
    // A re-INVITE (hold, a new codec): answered from the same SDP session.
    auto *self = static_cast<SipLeg *>(arg);
    SdpAnswer::Negotiated again;
    SdpAnswer::Refusal refusal;
    const size_t body = mbuf_get_left(msg->mb);
    if (self->m_stopped || !self->m_sdp
        || !self->m_sdp->answer(QByteArray(reinterpret_cast<const char *>(mbuf_buf(msg->mb)),
                                    static_cast<qsizetype>(qMin<size_t>(body, SdpAnswer::kMaxSdpBytes + 1))),
            &again, &refusal))
        return EPROTO;
    self->m_negotiated = again;
    self->m_in->setChoice(again.choice);
    self->m_out->setCodec(again.choice.codec);
    if (!self->m_latched)
        self->m_remote = again.remote;
    struct mbuf *mb = mbuf_alloc(static_cast<size_t>(again.answer.size()));
    if (!mb)
        return ENOMEM;
    mbuf_write_mem(
        mb, reinterpret_cast<const uint8_t *>(again.answer.constData()), static_cast<size_t>(again.answer.size()));
    mb->pos = 0;
    *descp = mb;
    return 0;
}

int SipLeg::onAnswer(const struct sip_msg *, void *)
{
    return 0; // we never offer (an INVITE without SDP is refused)
}

void SipLeg::onEstablished(const struct sip_msg *, void *) { }

void SipLeg::onClose(int err, const struct sip_msg *msg, void *arg)
{
    auto *self = static_cast<SipLeg *>(arg);
    if (self->m_stopped)
        return;
    // libre ends a session the caller hung up with ECONNRESET and no message (its BYE handler).
    const bool bye = err == ECONNRESET && !msg;
    self->m_stack.end(self->m_key, bye ? QStringLiteral("bye") : QStringLiteral("error"));
}

void SipLeg::onPace(void *arg)
{
    static_cast<SipLeg *>(arg)->pace();
}

void SipLeg::pace()
{
    if (m_stopped)
        return;
    const uint64_t now = tmr_jiffies();
    const uint64_t due = (now - m_clockStart) / kFrameMs + 1;
    if (due > m_sent + kMaxLateFrames)
        m_sent = due - 1;
    while (m_sent < due) {
        sendOne();
        ++m_sent;
    }
    tmr_start(&m_pace, m_clockStart + m_sent * kFrameMs - now, &SipLeg::onPace, this);
}

void SipLeg::sendOne()
{
    uint32_t timestamp = 0;
    bool talkspurt = false;
    const QByteArray payload = m_out->next(&timestamp, &talkspurt);
    if (payload.isEmpty())
        return;
    LibreRef<struct mbuf> mb(mbuf_alloc(RTP_HEADER_SIZE + static_cast<size_t>(payload.size())));
    if (!mb)
        return;
    mb.get()->pos = RTP_HEADER_SIZE;
    mb.get()->end = RTP_HEADER_SIZE;
    mbuf_write_mem(
        mb.get(), reinterpret_cast<const uint8_t *>(payload.constData()), static_cast<size_t>(payload.size()));
    mb.get()->pos = RTP_HEADER_SIZE;
    // The marker bit: the stream's first packet, and the first of each answer after silence (RFC 3551).
    rtp_send(m_rtp.get(), &m_remote, false, m_sent == 0 || talkspurt,
        static_cast<uint8_t>(m_negotiated.choice.payloadType), timestamp, mb.get());
}

void SipLeg::onWatch(void *arg)
{
    auto *self = static_cast<SipLeg *>(arg);
    if (self->m_stopped)
        return;
    const SipStack::Options &o = self->m_stack.m_options;
    // A caller that never sent a packet is let go sooner than one gone quiet (on hold).
    const int timeoutMs = self->m_heardRtp ? o.rtpTimeoutMs : qMin(o.rtpTimeoutMs, o.firstRtpTimeoutMs);
    if (tmr_jiffies() - self->m_lastRtp >= static_cast<uint64_t>(timeoutMs)) {
        self->m_stack.end(self->m_key, QStringLiteral("timeout"));
        return;
    }
    tmr_start(&self->m_watch, kWatchMs, &SipLeg::onWatch, self);
}

void SipLeg::onDecideTimeout(void *arg)
{
    auto *self = static_cast<SipLeg *>(arg);
    self->refuse(self->m_stack.m_sip, 480);
    self->m_stack.end(self->m_key, QStringLiteral("unanswered"));
}

} // namespace tierdesk::voice::sip
