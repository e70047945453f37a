#pragma once

#include "core/voice/sip/Libre.h"
#include "core/voice/sip/RtpInbound.h"
#include "core/voice/sip/RtpOutbound.h"
#include "core/voice/sip/SdpAnswer.h"
#include "core/voice/sip/SipEvents.h"

namespace tierdesk::voice::sip {

class SipStack;

// One call on the SIP thread: the INVITE held while the owner decides, then the session (libre's
// sipsess), its RTP socket, the codec both ways, the 20 ms send clock and the RTP watchdog. Every
// libre callback lands here with the leg as its argument; once the leg has ended, they are ignored
// and the stack gives the leg back (its destructor sends BYE when the session is up).
class SipLeg {
public:
    SipLeg(SipStack &stack, quint64 key);
    ~SipLeg();
    SipLeg(const SipLeg &) = delete;
    SipLeg &operator=(const SipLeg &) = delete;

    // Reads the INVITE and its offer and opens the RTP socket. False: refuse with `status`.
    bool offer(
        const struct sip_msg *msg, const struct sa &bind, const QByteArray &advertised, int *status, QString *why);
    const SipIncoming &incoming() const { return m_incoming; }
    // A socket address's host alone, as a source is named ("192.0.2.7", "2001:db8::1").
    static QString hostOf(const struct sa &sa);

    // The owner's answer: 200 (the session starts) or a refusal.
    bool answer(struct sipsess_sock *sessions, const QString &contact);
    // `headers`: lines to add ("Name: value\r\n" each), a challenge's WWW-Authenticate.
    void refuse(struct sip *sip, int status, const QByteArray &headers = {});
    void send(const Pcm &audio) { m_out->queue(audio); }
    // Ends the leg (no more callbacks taken); the session's BYE goes when the leg is destroyed.
    void stop();
    bool answered() const { return m_answered; }
    bool overTcp() const { return m_tcp; }
    const struct sa &signalling() const { return m_signalling; } // where the INVITE came from

private:
    static bool onAuthorization(const struct sip_hdr *hdr, const struct sip_msg *msg, void *arg);
    static void onRtp(const struct sa *src, const struct rtp_header *hdr, struct mbuf *mb, void *arg);
    static int onOffer(struct mbuf **descp, const struct sip_msg *msg, void *arg);
    static int onAnswer(const struct sip_msg *msg, void *arg);
    static void onEstablished(const struct sip_msg *msg, void *arg);
    static void onClose(int err, const struct sip_msg *msg, void *arg);
    static void onPace(void *arg);
    static void onWatch(void *arg);
    static void onDecideTimeout(void *arg);
    void pace();
    void sendOne();

    SipStack &m_stack;
    quint64 m_key;
    SipIncoming m_incoming;
    LibreRef<struct sip_msg> m_invite; // held while deciding
    LibreRef<struct rtp_sock> m_rtp;
    LibreRef<struct sipsess> m_session;
    std::unique_ptr<SdpAnswer> m_sdp;
    SdpAnswer::Negotiated m_negotiated;
    std::unique_ptr<RtpInbound> m_in;
    std::unique_ptr<RtpOutbound> m_out;
    struct sa m_remote { }; // where our RTP goes: the SDP's address, then where the caller's comes from
    struct sa m_signalling { }; // the INVITE's source: RTP from its host is taken too (a phone behind NAT)
    bool m_tcp = false;
    bool m_latched = false;
    bool m_answered = false;
    bool m_stopped = false;
    struct tmr m_pace { };
    struct tmr m_watch { };
    struct tmr m_decide { };
    uint64_t m_clockStart = 0; // when the first packet went (ms, tmr_jiffies)
    uint64_t m_sent = 0; // packets sent since
    uint64_t m_lastRtp = 0;
    bool m_heardRtp = false; // any RTP from the caller since the answer
};

} // namespace tierdesk::voice::sip
