#pragma once

#include "core/voice/sip/CodecChoice.h"
#include "core/voice/sip/Libre.h"

#include <QByteArray>

namespace tierdesk::voice::sip {

// One call's SDP offer/answer (RFC 3264) with libre's SDP: we answer, offering our audio address
// and every codec we speak; answer() reads the caller's offer and answers with our best codec the
// caller offers (CodecChoice) and keypad events, nothing else. A re-INVITE's offer is answered by
// the same object. On the SIP thread only (Libre.h).
class SdpAnswer {
public:
    static constexpr int kMaxSdpBytes = 8 * 1024; // far beyond an audio offer; more is refused

    struct Negotiated {
        CodecChoice choice;
        struct sa remote { }; // where the caller wants our RTP
        QByteArray answer; // the SDP body of our 200 OK
    };
    struct Refusal {
        int status = 488; // SIP: 488 Not Acceptable Here (no codec in common, not an audio offer)
        QString why;
    };

    // `local`: our RTP address and port, as the answer says it.
    explicit SdpAnswer(const struct sa &local);
    bool isValid() const { return m_media != nullptr; }

    // The offer's body; a Refusal when it cannot be read or asks for nothing we speak.
    bool answer(const QByteArray &offer, Negotiated *out, Refusal *refusal);

private:
    bool negotiate(Negotiated *out, Refusal *refusal);

    LibreRef<struct sdp_session> m_session;
    struct sdp_media *m_media = nullptr; // held by m_session
};

} // namespace tierdesk::voice::sip
