#pragma once

// WebSocket frames as bytes, for protocol tests: frames a client sends (masked unless told
// otherwise) and a reader for the frames a server sends.

#include <QByteArray>

namespace tierdesk::test {

// firstByte: FIN bit, reserved bits and opcode, e.g. 0x81 for a whole text frame.
inline QByteArray clientFrame(int firstByte, const QByteArray &payload, bool masked = true)
{
    QByteArray f;
    f.append(char(firstByte));
    const int maskBit = masked ? 0x80 : 0;
    const qint64 n = payload.size();
    if (n < 126) {
        f.append(char(maskBit | int(n)));
    } else if (n <= 0xFFFF) {
        f.append(char(maskBit | 126)).append(char(n >> 8)).append(char(n & 0xFF));
    } else {
        f.append(char(maskBit | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            f.append(char((quint64(n) >> shift) & 0xFF));
    }
    if (!masked)
        return f.append(payload);
    const char key[4] = {0x37, char(0xFA), 0x21, 0x3D};
    f.append(key, 4);
    for (qint64 i = 0; i < n; ++i)
        f.append(char(payload[qsizetype(i)] ^ key[i % 4]));
    return f;
}

inline QByteArray closePayload(quint16 code, const QByteArray &reason = {})
{
    QByteArray p;
    p.append(char(code >> 8)).append(char(code & 0xFF));
    return p.append(reason);
}

struct ServerFrame {
    int opcode = -1; // -1: no complete frame
    bool fin = false;
    bool masked = false;
    QByteArray payload;
    quint16 closeCode() const
    {
        return payload.size() >= 2 ? quint16((quint8(payload[0]) << 8) | quint8(payload[1])) : 0;
    }
};

// Takes one whole frame off the front of buffer, if there is one.
inline ServerFrame takeServerFrame(QByteArray &buffer)
{
    ServerFrame f;
    if (buffer.size() < 2)
        return f;
    const quint8 b0 = quint8(buffer[0]);
    const quint8 b1 = quint8(buffer[1]);
    qsizetype pos = 2;
    quint64 length = b1 & 0x7F;
    const int extra = length == 126 ? 2 : (length == 127 ? 8 : 0);
    if (buffer.size() < pos + extra)
        return f;
    if (extra > 0) {
        length = 0;
        for (int i = 0; i < extra; ++i)
            length = (length << 8) | quint8(buffer[pos + i]);
        pos += extra;
    }
    const bool masked = (b1 & 0x80) != 0;
    if (masked)
        pos += 4;
    if (quint64(buffer.size() - pos) < length)
        return f;
    f.opcode = b0 & 0x0F;
    f.fin = (b0 & 0x80) != 0;
    f.masked = masked;
    f.payload = buffer.mid(pos, qsizetype(length));
    buffer.remove(0, pos + qsizetype(length));
    return f;
}

} // namespace tierdesk::test
