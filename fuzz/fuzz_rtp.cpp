// Fuzzes a SIP call's RTP in (core/voice/sip/RtpInbound): packets as a caller sends them, their
// headers read by libre's rtp_hdr_decode, then put in order, decoded and read for keypad events,
// as SipLeg does. The first byte picks the codec (and whether keypad events were negotiated);
// then each packet is a 2-byte big-endian length and that many bytes.
// Properties: at most kMaxDecodedMs (Opus) or two 16 kHz samples a payload byte (G.722, G.711 at
// 8 kHz doubled) come out of one packet; keys are only 0-9 * # A-D; a packet never decodes to more
// than the largest payload allows.
#include "core/voice/sip/Libre.h"
#include "core/voice/sip/RtpInbound.h"
#include "fuzz/FuzzCheck.h"

#include <cstddef>
#include <cstdint>

using namespace tierdesk;
using namespace tierdesk::voice;
using namespace tierdesk::voice::sip;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    constexpr CodecKind kKinds[] = {CodecKind::Opus, CodecKind::G722, CodecKind::Pcmu, CodecKind::Pcma};
    CodecChoice choice;
    choice.codec = kKinds[data[0] % 4];
    choice.payloadType
        = codecInfo(choice.codec).staticPayloadType >= 0 ? codecInfo(choice.codec).staticPayloadType : 111;
    choice.telephoneEventType = (data[0] & 4) ? 101 : -1;
    RtpInbound in(choice);
    // The most 16 kHz samples one packet may give (reordering may release a few at once).
    const size_t perPacket = static_cast<size_t>(
        qMax<qint64>(msToSamples(AudioCodec::kMaxDecodedMs), 2 * AudioCodec::kMaxPayloadBytes + 64));
    size_t at = 1;
    while (at + 2 <= size) {
        const size_t length = (size_t(data[at]) << 8) | data[at + 1];
        at += 2;
        const size_t take = qMin(length, size - at);
        LibreRef<struct mbuf> mb(mbuf_alloc(take + 1));
        mbuf_write_mem(mb.get(), data + at, take);
        mb.get()->pos = 0;
        at += take;
        struct rtp_header header { };
        if (rtp_hdr_decode(&header, mb.get()) != 0)
            continue;
        const size_t left = mbuf_get_left(mb.get());
        RtpPacket packet{header.seq, header.ts, header.pt, header.m,
            QByteArray(reinterpret_cast<const char *>(mbuf_buf(mb.get())), static_cast<qsizetype>(left)), header.ssrc};
        const RtpInbound::Heard heard = in.take(std::move(packet));
        fuzz::check(heard.audio.size() <= perPacket * (RtpReorder::kDefaultDepth + 1),
            "a packet decodes to what its payload can hold", QByteArray::number(qulonglong(heard.audio.size())));
        for (const QChar key : heard.keys)
            fuzz::check(QStringLiteral("0123456789*#ABCD").contains(key), "keys are keypad keys");
    }
    return 0;
}
