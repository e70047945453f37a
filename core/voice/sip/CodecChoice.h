#pragma once

#include "core/voice/sip/AudioCodec.h"

#include <QString>

#include <optional>
#include <vector>

namespace tierdesk::voice::sip {

// A format an SDP offer lists for its audio (one "m=audio" payload type and its rtpmap).
struct OfferedFormat {
    int payloadType = -1;
    QString name; // empty: a static payload type without rtpmap
    int rate = 0;
    int channels = 1;
};

// What the answer takes of an offer: our best codec that the caller offers, with the caller's
// payload type for it, and RFC 4733 keypad events when offered at 8000 Hz.
struct CodecChoice {
    CodecKind codec = CodecKind::Pcmu;
    int payloadType = 0;
    int telephoneEventType = -1; // -1: the caller cannot send keypad events in RTP

    // The first of codecsByPreference() that `offered` lists; nullopt when none (SIP's 488).
    static std::optional<CodecChoice> choose(const std::vector<OfferedFormat> &offered);
    // Does `format` name the codec (static payload type, or name, clock rate and channels)?
    static bool matches(const OfferedFormat &format, const CodecInfo &codec);
};

} // namespace tierdesk::voice::sip
