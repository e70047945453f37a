#include "core/voice/sip/SdpAnswer.h"

namespace tierdesk::voice::sip {

namespace {

constexpr char kTelephoneEvent[] = "telephone-event";

OfferedFormat offered(const struct sdp_format *f)
{
    OfferedFormat o;
    o.payloadType = f->pt;
    o.name = f->name ? QString::fromUtf8(f->name).left(32) : QString();
    o.rate = static_cast<int>(f->srate);
    o.channels = f->ch;
    return o;
}

} // namespace

SdpAnswer::SdpAnswer(const struct sa &local)
{
    if (sdp_session_alloc(m_session.out(), &local) != 0)
        return;
    struct sdp_media *media = nullptr;
    if (sdp_media_add(&media, m_session.get(), sdp_media_audio, sa_port(&local), sdp_proto_rtpavp) != 0)
        return;
    int count = 0;
    const CodecKind *kinds = codecsByPreference(&count);
    for (int i = 0; i < count; ++i) {
        const CodecInfo &c = codecInfo(kinds[i]);
        // A dynamic type is a placeholder: an answer takes the caller's number for it.
        const QByteArray id = QByteArray::number(c.staticPayloadType >= 0 ? c.staticPayloadType : 111);
        if (sdp_format_add(nullptr, media, false, id.constData(), c.name, static_cast<uint32_t>(c.rtpmapRate),
                static_cast<uint8_t>(c.rtpmapChannels), nullptr, nullptr, nullptr, false, c.fmtp ? "%s" : nullptr,
                c.fmtp)
            != 0)
            return;
    }
    if (sdp_format_add(nullptr, media, false, "101", kTelephoneEvent, 8000, 1, nullptr, nullptr, nullptr, false, "0-15")
        != 0)
        return;
    sdp_media_set_lattr(media, true, sdp_attr_ptime, "%d", kFrameMs);
    m_media = media;
}

bool SdpAnswer::answer(const QByteArray &offer, Negotiated *out, Refusal *refusal)
{
    if (!m_media) {
        *refusal = {500, QStringLiteral("no SDP session")};
        return false;
    }
    if (offer.isEmpty() || offer.size() > kMaxSdpBytes) {
        *refusal = {488, offer.isEmpty() ? QStringLiteral("no SDP offer") : QStringLiteral("SDP offer too large")};
        return false;
    }
    LibreRef<struct mbuf> mb(mbuf_alloc(static_cast<size_t>(offer.size())));
    if (!mb
        || mbuf_write_mem(
               mb.get(), reinterpret_cast<const uint8_t *>(offer.constData()), static_cast<size_t>(offer.size()))
            != 0) {
        *refusal = {500, QStringLiteral("out of memory")};
        return false;
    }
    mb.get()->pos = 0;
    if (const int err = sdp_decode(m_session.get(), mb.get(), true); err != 0) {
        *refusal = {488, QStringLiteral("the SDP offer cannot be read (%1)").arg(err)};
        return false;
    }
    return negotiate(out, refusal);
}

bool SdpAnswer::negotiate(Negotiated *out, Refusal *refusal)
{
    std::vector<OfferedFormat> formats;
    const struct list *remote = sdp_media_format_lst(m_media, false);
    for (struct le *le = remote ? remote->head : nullptr; le && formats.size() < 64; le = le->next)
        formats.push_back(offered(static_cast<const struct sdp_format *>(le->data)));
    const struct sa *raddr = sdp_media_raddr(m_media);
    if (!raddr || !sa_isset(raddr, SA_ALL)) {
        *refusal = {488, QStringLiteral("the offer has no RTP/AVP audio with an address")};
        return false;
    }
    std::optional<CodecChoice> choice = CodecChoice::choose(formats);
    if (!choice) {
        *refusal = {488, QStringLiteral("no codec in common (Opus, G722, PCMU, PCMA)")};
        return false;
    }
    // Our answer names the chosen codec and the keypad events only (libre matched the offer's
    // formats to ours and took the caller's payload types).
    const struct list *local = sdp_media_format_lst(m_media, true);
    // The answer is what the caller goes by: the payload types it names are the ones we take.
    bool answered = false;
    int keypadType = -1;
    for (struct le *le = local ? local->head : nullptr; le; le = le->next) {
        auto *f = static_cast<struct sdp_format *>(le->data);
        const bool codec = f->name && qstricmp(f->name, codecInfo(choice->codec).name) == 0;
        const bool keypad = f->name && qstricmp(f->name, kTelephoneEvent) == 0 && choice->telephoneEventType >= 0;
        f->sup = f->sup && (codec || keypad);
        if (f->sup && codec) {
            answered = true;
            choice->payloadType = f->pt;
        }
        if (f->sup && keypad)
            keypadType = f->pt;
    }
    choice->telephoneEventType = keypadType;
    if (!answered) {
        *refusal = {488, QStringLiteral("no codec in common")};
        return false;
    }
    LibreRef<struct mbuf> body;
    if (sdp_encode(body.out(), m_session.get(), false) != 0 || !body) {
        *refusal = {500, QStringLiteral("the answer cannot be written")};
        return false;
    }
    out->choice = *choice;
    out->remote = *raddr;
    out->answer = QByteArray(reinterpret_cast<const char *>(body.get()->buf), static_cast<qsizetype>(body.get()->end));
    return true;
}

} // namespace tierdesk::voice::sip
