#include "core/voice/sip/RtpInbound.h"

namespace tierdesk::voice::sip {

RtpInbound::RtpInbound(const CodecChoice &choice) : m_choice(choice), m_codec(AudioCodec::create(choice.codec)) { }

void RtpInbound::setChoice(const CodecChoice &choice)
{
    if (choice.codec != m_choice.codec)
        m_codec = AudioCodec::create(choice.codec);
    m_choice = choice;
}

RtpInbound::Heard RtpInbound::take(RtpPacket packet)
{
    Heard heard;
    if (packet.payload.size() > AudioCodec::kMaxPayloadBytes)
        return heard;
    for (const RtpPacket &p : m_reorder.push(std::move(packet)))
        decodeInto(p, heard);
    return heard;
}

void RtpInbound::decodeInto(const RtpPacket &p, Heard &heard)
{
    if (m_choice.telephoneEventType >= 0 && p.payloadType == m_choice.telephoneEventType) {
        heard.keys += m_keypad.take(p.timestamp, p.payload);
        return;
    }
    if (p.payloadType != m_choice.payloadType || !m_codec)
        return;
    const Pcm pcm = m_codec->decode(
        reinterpret_cast<const uint8_t *>(p.payload.constData()), static_cast<size_t>(p.payload.size()));
    heard.audio.insert(heard.audio.end(), pcm.begin(), pcm.end());
}

} // namespace tierdesk::voice::sip
