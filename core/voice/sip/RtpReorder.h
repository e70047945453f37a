#pragma once

#include <QByteArray>

#include <cstdint>
#include <map>
#include <vector>

namespace tierdesk::voice::sip {

// One RTP packet as the receiving side keeps it: header fields it needs and the payload.
struct RtpPacket {
    uint16_t sequence = 0;
    uint32_t timestamp = 0;
    uint8_t payloadType = 0;
    bool marker = false;
    QByteArray payload;
    uint32_t ssrc = 0; // the sender's stream: a new one starts the order afresh
};

// Puts RTP packets back in sequence order (RFC 3550 sequence numbers, which wrap at 65536). In
// order, a packet leaves at once; one that overtook another waits for it, at most `depth` packets
// (then the missing one is given up for lost). Late packets and duplicates are dropped; a new
// stream (another SSRC, or a jump of a minute's packets) starts afresh. The calls'
// recogniser is not a loudspeaker: it needs order, not a steady clock, so this is all the jitter
// buffer a call needs.
class RtpReorder {
public:
    static constexpr int kDefaultDepth = 4; // 80 ms of 20 ms packets
    static constexpr int kRestartGap = 3000; // a jump this far (a minute) is a new stream, not loss

    explicit RtpReorder(int depth = kDefaultDepth) : m_depth(depth) { }

    // The packets that are now in order, oldest first.
    std::vector<RtpPacket> push(RtpPacket packet);
    // Everything held, in order (the stream ends).
    std::vector<RtpPacket> flush();
    int held() const { return static_cast<int>(m_held.size()); }

private:
    void release(std::vector<RtpPacket> &out);

    int m_depth;
    bool m_started = false;
    uint32_t m_ssrc = 0;
    uint16_t m_next = 0; // the sequence number expected next
    std::map<int, RtpPacket> m_held; // by distance ahead of m_next
};

} // namespace tierdesk::voice::sip
