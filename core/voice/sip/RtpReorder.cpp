#include "core/voice/sip/RtpReorder.h"

namespace tierdesk::voice::sip {

std::vector<RtpPacket> RtpReorder::push(RtpPacket packet)
{
    std::vector<RtpPacket> out;
    const int ahead = static_cast<int16_t>(static_cast<uint16_t>(packet.sequence - m_next));
    if (!m_started || packet.ssrc != m_ssrc || ahead > kRestartGap || ahead < -kRestartGap) {
        std::vector<RtpPacket> rest = flush();
        out.insert(out.end(), std::make_move_iterator(rest.begin()), std::make_move_iterator(rest.end()));
        m_started = true;
        m_ssrc = packet.ssrc;
        m_next = packet.sequence;
        m_held.emplace(0, std::move(packet));
        release(out);
        return out;
    }
    if (ahead < 0 || m_held.count(ahead)) // late, or a duplicate
        return out;
    m_held.emplace(ahead, std::move(packet));
    release(out);
    // Too many waiting: the one missing is lost; go on from the oldest held.
    while (static_cast<int>(m_held.size()) > m_depth) {
        const int skip = m_held.begin()->first;
        std::map<int, RtpPacket> moved;
        for (auto &[distance, p] : m_held)
            moved.emplace(distance - skip, std::move(p));
        m_held = std::move(moved);
        m_next = static_cast<uint16_t>(m_next + skip);
        release(out);
    }
    return out;
}

void RtpReorder::release(std::vector<RtpPacket> &out)
{
    int released = 0;
    for (auto it = m_held.begin(); it != m_held.end() && it->first == released; it = m_held.erase(it), ++released)
        out.push_back(std::move(it->second));
    if (released == 0)
        return;
    m_next = static_cast<uint16_t>(m_next + released);
    std::map<int, RtpPacket> moved;
    for (auto &[distance, p] : m_held)
        moved.emplace(distance - released, std::move(p));
    m_held = std::move(moved);
}

std::vector<RtpPacket> RtpReorder::flush()
{
    std::vector<RtpPacket> out;
    for (auto &[distance, p] : m_held)
        out.push_back(std::move(p));
    if (!m_held.empty())
        m_next = static_cast<uint16_t>(m_next + m_held.rbegin()->first + 1);
    m_held.clear();
    return out;
}

} // namespace tierdesk::voice::sip
