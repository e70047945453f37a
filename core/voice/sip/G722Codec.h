#pragma once

#include "core/voice/sip/AudioCodec.h"

struct g722_encode_state_s;
struct g722_decode_state_s;

namespace tierdesk::voice::sip {

// G.722 at 64 kbit/s (spandsp): 16 kHz audio in 8 bits a sample pair, so a 20 ms frame is 160
// bytes. Its RTP clock is 8000 (RFC 3551 4.5.2) although it carries 16 kHz.
class G722Codec : public AudioCodec {
public:
    G722Codec();
    ~G722Codec() override;

    QByteArray encode(const Pcm &frame) override;
    Pcm decode(const uint8_t *payload, size_t size) override;

private:
    g722_encode_state_s *m_encoder = nullptr;
    g722_decode_state_s *m_decoder = nullptr;
};

} // namespace tierdesk::voice::sip
