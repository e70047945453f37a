#pragma once

#include "core/voice/sip/AudioCodec.h"
#include "core/voice/sip/CodecChoice.h"
#include "core/voice/sip/KeypadEvents.h"
#include "core/voice/sip/RtpReorder.h"

namespace tierdesk::voice::sip {

// A call's RTP as it arrives, to what the call takes: the caller's audio at 16 kHz and keypad
// keys. Packets are put back in order (RtpReorder), then the negotiated codec's payloads decoded
// and RFC 4733 events read; any other payload type (comfort noise, a codec we did not answer) is
// dropped, as is a payload too big for one packet. On the SIP thread.
class RtpInbound {
public:
    struct Heard {
        Pcm audio; // 16 kHz
        QString keys;
    };

    explicit RtpInbound(const CodecChoice &choice);
    void setChoice(const CodecChoice &choice); // a re-INVITE chose again

    Heard take(RtpPacket packet);
    const CodecChoice &choice() const { return m_choice; }

private:
    void decodeInto(const RtpPacket &p, Heard &heard);

    CodecChoice m_choice;
    std::unique_ptr<AudioCodec> m_codec;
    RtpReorder m_reorder;
    KeypadEvents m_keypad;
};

} // namespace tierdesk::voice::sip
