#include "core/voice/sip/CodecChoice.h"

namespace tierdesk::voice::sip {

namespace {

constexpr int kFirstDynamicType = 96;
constexpr int kMaxPayloadType = 127;

} // namespace

bool CodecChoice::matches(const OfferedFormat &format, const CodecInfo &codec)
{
    if (format.payloadType < 0 || format.payloadType > kMaxPayloadType)
        return false;
    // A static type means its codec whatever the rtpmap says (RFC 3551), and needs none.
    if (format.payloadType < kFirstDynamicType)
        return format.payloadType == codec.staticPayloadType;
    // Name, clock and channels, as libre's SDP matches them (Opus is always /48000/2, RFC 7587).
    return format.name.compare(QLatin1String(codec.name), Qt::CaseInsensitive) == 0 && format.rate == codec.rtpmapRate
        && format.channels == codec.rtpmapChannels;
}

std::optional<CodecChoice> CodecChoice::choose(const std::vector<OfferedFormat> &offered)
{
    std::optional<CodecChoice> choice;
    int count = 0;
    const CodecKind *preferred = codecsByPreference(&count);
    for (int i = 0; i < count && !choice; ++i) {
        for (const OfferedFormat &format : offered) {
            if (matches(format, codecInfo(preferred[i]))) {
                choice = CodecChoice{preferred[i], format.payloadType, -1};
                break;
            }
        }
    }
    if (!choice)
        return std::nullopt;
    for (const OfferedFormat &format : offered) {
        if (format.payloadType >= kFirstDynamicType && format.payloadType <= kMaxPayloadType
            && format.name.compare(QLatin1String("telephone-event"), Qt::CaseInsensitive) == 0 && format.rate == 8000
            && format.channels == 1) {
            choice->telephoneEventType = format.payloadType;
            break;
        }
    }
    return choice;
}

} // namespace tierdesk::voice::sip
