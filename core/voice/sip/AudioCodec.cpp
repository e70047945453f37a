#include "core/voice/sip/AudioCodec.h"

#include "core/voice/sip/G711Codec.h"
#include "core/voice/sip/G722Codec.h"
#include "core/voice/sip/OpusCodec.h"

namespace tierdesk::voice::sip {

namespace {

// RFC 7587 asks for opus/48000/2 whatever is sent; we send mono and say so.
constexpr CodecInfo kCodecs[] = {
    {CodecKind::Opus, "opus", -1, 48000, 2, 960, "stereo=0;sprop-stereo=0;useinbandfec=1"},
    {CodecKind::G722, "G722", 9, 8000, 1, 160, nullptr},
    {CodecKind::Pcmu, "PCMU", 0, 8000, 1, 160, nullptr},
    {CodecKind::Pcma, "PCMA", 8, 8000, 1, 160, nullptr},
};
constexpr CodecKind kPreference[] = {CodecKind::Opus, CodecKind::G722, CodecKind::Pcmu, CodecKind::Pcma};

} // namespace

const CodecInfo &codecInfo(CodecKind kind)
{
    for (const CodecInfo &info : kCodecs)
        if (info.kind == kind)
            return info;
    return kCodecs[0];
}

const CodecKind *codecsByPreference(int *count)
{
    *count = static_cast<int>(std::size(kPreference));
    return kPreference;
}

std::unique_ptr<AudioCodec> AudioCodec::create(CodecKind kind)
{
    switch (kind) {
    case CodecKind::Opus:
        return std::make_unique<OpusCodec>();
    case CodecKind::G722:
        return std::make_unique<G722Codec>();
    case CodecKind::Pcmu:
    case CodecKind::Pcma:
        return std::make_unique<G711Codec>(kind);
    }
    return nullptr;
}

} // namespace tierdesk::voice::sip
