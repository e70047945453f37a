#include "core/voice/sip/KeypadEvents.h"

namespace tierdesk::voice::sip {

char KeypadEvents::keyOf(int event)
{
    static constexpr char kKeys[] = "0123456789*#ABCD";
    return event >= 0 && event < 16 ? kKeys[event] : 0;
}

QString KeypadEvents::take(uint32_t timestamp, const QByteArray &payload)
{
    // event (8 bits), end, reserved, volume (6), duration (16): 4 bytes (RFC 4733 2.3)
    if (payload.size() < 4 || (m_seen && timestamp == m_timestamp))
        return {};
    m_seen = true;
    m_timestamp = timestamp;
    const char key = keyOf(static_cast<uint8_t>(payload.at(0)));
    return key ? QString(QLatin1Char(key)) : QString();
}

} // namespace tierdesk::voice::sip
