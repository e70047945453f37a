#pragma once

#include "core/voice/AudioFrame.h"

#include <QByteArray>

#include <memory>

namespace tierdesk::voice::sip {

// The codecs a SIP call may speak, best first (docs/calls.md, "SIP"): Opus and G.722 carry the
// 16 kHz wideband the recogniser is trained on; G.711 (PCMU, PCMA) is 8 kHz telephone band,
// which costs recognition.
enum class CodecKind { Opus, G722, Pcmu, Pcma };

// What SDP says of a codec (RFC 3551, RFC 7587).
struct CodecInfo {
    CodecKind kind;
    const char *name; // the rtpmap encoding name
    int staticPayloadType; // -1: dynamic
    int rtpmapRate; // the rtpmap clock rate (G.722 says 8000 for its 16 kHz, RFC 3551 4.5.2)
    int rtpmapChannels; // Opus always says 2 (RFC 7587), whatever it sends
    int ticksPerFrame; // RTP timestamp units in 20 ms
    const char *fmtp; // our fmtp line, or nullptr
};

const CodecInfo &codecInfo(CodecKind kind);
// Every codec, in the order of preference.
const CodecKind *codecsByPreference(int *count);

// One call's codec, both ways: 20 ms frames of Tierdesk's 16 kHz audio (AudioFrame.h) to RTP
// payloads and payloads back to 16 kHz samples. Stateful (Opus, G.722's ADPCM, the resamplers of
// G.711), so one object per call; not thread-safe (it lives on the SIP thread).
class AudioCodec {
public:
    // Most audio one payload may carry (Opus's longest packet is 120 ms); bigger ones are dropped.
    static constexpr int kMaxPayloadBytes = 1500;
    static constexpr int kMaxDecodedMs = 120;

    virtual ~AudioCodec() = default;
    CodecKind kind() const { return m_kind; }
    const CodecInfo &info() const { return codecInfo(m_kind); }

    // One frame of kFrameSamples samples to one payload (empty when it cannot be encoded).
    virtual QByteArray encode(const Pcm &frame) = 0;
    // One payload to 16 kHz samples; empty for a payload that is not this codec's.
    virtual Pcm decode(const uint8_t *payload, size_t size) = 0;

    static std::unique_ptr<AudioCodec> create(CodecKind kind);

protected:
    explicit AudioCodec(CodecKind kind) : m_kind(kind) { }

private:
    CodecKind m_kind;
};

} // namespace tierdesk::voice::sip
