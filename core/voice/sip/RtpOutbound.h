#pragma once

#include "core/voice/sip/AudioCodec.h"

#include <deque>

namespace tierdesk::voice::sip {

// The AI's side of a call's RTP: its 16 kHz audio (as the Call paces it out, a little ahead of
// time) in 20 ms frames waiting to be sent, encoded one frame a packet. When nothing waits, the
// packet is silence, so the caller's phone hears a steady stream. On the SIP thread.
class RtpOutbound {
public:
    static constexpr int kMaxQueuedMs = 3000; // more waiting than this: the oldest is dropped

    explicit RtpOutbound(CodecKind codec);
    void setCodec(CodecKind codec);

    // The AI's audio, any length (a partial frame waits for the rest).
    void queue(const Pcm &pcm);
    // The next packet's payload, and the RTP timestamp it goes with. `talkspurt` (may be null) is
    // set when this packet starts the AI's audio after silence: RFC 3551's marker bit.
    QByteArray next(uint32_t *timestamp, bool *talkspurt = nullptr);
    int queuedMs() const { return static_cast<int>(m_frames.size()) * kFrameMs; }
    int dropped() const { return m_dropped; }

private:
    std::unique_ptr<AudioCodec> m_codec;
    std::deque<Pcm> m_frames;
    Pcm m_carry;
    uint32_t m_timestamp;
    int m_dropped = 0;
    bool m_quiet = true; // the last packet was filler
};

} // namespace tierdesk::voice::sip
