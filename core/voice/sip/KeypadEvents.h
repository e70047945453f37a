#pragma once

#include <QByteArray>
#include <QString>

#include <cstdint>

namespace tierdesk::voice::sip {

// RFC 4733 telephone-events to keypad keys. An event is sent as several packets with the same RTP
// timestamp (its start), growing in duration, the last ones three times with the end bit; a key is
// reported once, when its event is first seen, so a lost end packet loses nothing.
class KeypadEvents {
public:
    // The key(s) the payload starts ("0"-"9", "*", "#", "A"-"D"); empty for a repeat, an event that
    // is not a key (a tone, flash), or a payload that is not an event.
    QString take(uint32_t timestamp, const QByteArray &payload);

    // RFC 4733 3.2 event codes 0-15 to keys; 0 for other codes.
    static char keyOf(int event);

private:
    bool m_seen = false;
    uint32_t m_timestamp = 0;
};

} // namespace tierdesk::voice::sip
