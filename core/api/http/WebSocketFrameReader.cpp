#include "core/api/http/WebSocketFrameReader.h"

#include "core/api/http/WebSocketOpcode.h"

#include <QStringDecoder>

#include <cstring>

namespace tierdesk::http {

namespace {

constexpr quint16 kProtocolError = 1002;
constexpr quint16 kInvalidData = 1007;
constexpr quint16 kTooBig = 1009;
constexpr quint16 kNoStatus = 1005;

bool isKnownOpcode(int op)
{
    return op == Continuation || op == TextFrame || op == BinaryFrame || op == CloseFrame || op == PingFrame
        || op == PongFrame;
}

// Codes a peer may send in a close frame (RFC 6455 7.4 and the IANA registry).
bool isSendableCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

} // namespace

WebSocketFrameReader::WebSocketFrameReader(qint64 maxMessageBytes) : m_maxMessageBytes(maxMessageBytes) { }

qint64 WebSocketFrameReader::feed(const char *data, qint64 size)
{
    if (m_kind == Kind::Error)
        return 0;
    if (m_kind == Kind::Binary)
        m_message.clear(); // taken by now; do not keep a large buffer per connection
    m_kind = Kind::NeedMore;
    qint64 pos = 0;
    while (pos < size && m_kind == Kind::NeedMore) {
        if (m_state == State::Header) {
            const qint64 take = qMin<qint64>(m_headerNeed - m_headerHave, size - pos);
            std::memcpy(m_header + m_headerHave, data + pos, size_t(take));
            m_headerHave += int(take);
            pos += take;
            if (m_headerHave == m_headerNeed)
                headerComplete();
            continue;
        }
        const qint64 take = qMin(m_frameLength - m_frameRead, size - pos);
        const qsizetype old = m_target->size();
        m_target->resize(old + qsizetype(take));
        char *out = m_target->data() + old;
        const char *in = data + pos;
        for (qint64 i = 0; i < take; ++i)
            out[i] = char(in[i] ^ char(m_mask[(m_frameRead + i) & 3]));
        m_frameRead += take;
        pos += take;
        if (m_frameRead == m_frameLength)
            frameComplete();
    }
    return pos;
}

// Called when m_headerNeed bytes are in: either learns the full header length or finishes it.
void WebSocketFrameReader::headerComplete()
{
    const int len7 = m_header[1] & 0x7F;
    const int extra = len7 == 126 ? 2 : (len7 == 127 ? 8 : 0);
    if (m_headerHave == 2) {
        m_fin = (m_header[0] & 0x80) != 0;
        m_opcode = m_header[0] & 0x0F;
        const bool control = (m_opcode & 0x8) != 0;
        if ((m_header[0] & 0x70) != 0)
            return fail(kProtocolError, QStringLiteral("Reserved bits set without an extension"));
        if (!isKnownOpcode(m_opcode))
            return fail(kProtocolError, QStringLiteral("Unknown opcode %1").arg(m_opcode));
        if ((m_header[1] & 0x80) == 0)
            return fail(kProtocolError, QStringLiteral("Unmasked frame from a client"));
        if (control && (!m_fin || len7 > 125))
            return fail(kProtocolError, QStringLiteral("Control frames must be whole and at most 125 bytes"));
        if (m_opcode == Continuation && m_messageOpcode == 0)
            return fail(kProtocolError, QStringLiteral("Continuation frame without a message"));
        if ((m_opcode == TextFrame || m_opcode == BinaryFrame) && m_messageOpcode != 0)
            return fail(kProtocolError, QStringLiteral("New message before the last one ended"));
        m_headerNeed = 2 + extra + 4;
        return; // the mask (and extended length) follow
    }

    quint64 length = quint64(len7);
    if (extra > 0) {
        length = 0;
        for (int i = 0; i < extra; ++i)
            length = (length << 8) | m_header[2 + i];
        if (extra == 8 && (length >> 63) != 0)
            return fail(kProtocolError, QStringLiteral("Frame length out of range"));
    }
    std::memcpy(m_mask, m_header + 2 + extra, 4);
    m_state = State::Payload;
    m_frameLength = qint64(length);
    m_frameRead = 0;
    if (m_opcode & 0x8) {
        m_target = &m_control;
        m_control.resize(0);
    } else {
        // Compare before adding: a 63-bit frame length would overflow the sum.
        if (m_frameLength > m_maxMessageBytes)
            return fail(kTooBig, QStringLiteral("Message larger than %1 bytes").arg(m_maxMessageBytes));
        const qint64 total = (m_opcode == Continuation ? m_message.size() : 0) + m_frameLength;
        if (total > m_maxMessageBytes)
            return fail(kTooBig, QStringLiteral("Message larger than %1 bytes").arg(m_maxMessageBytes));
        if (m_opcode != Continuation) {
            m_messageOpcode = m_opcode;
            m_message.clear();
        }
        m_target = &m_message;
        m_message.reserve(qsizetype(total));
    }
    if (m_frameLength == 0)
        frameComplete();
}

void WebSocketFrameReader::frameComplete()
{
    m_state = State::Header;
    m_headerHave = 0;
    m_headerNeed = 2;
    m_target = nullptr;
    switch (m_opcode) {
    case PingFrame:
        m_kind = Kind::Ping;
        return;
    case PongFrame:
        m_kind = Kind::Pong;
        return;
    case CloseFrame:
        if (m_control.size() == 1)
            return fail(kProtocolError, QStringLiteral("Close frame with a one-byte payload"));
        m_closeCode = kNoStatus;
        m_text.clear();
        if (m_control.size() >= 2) {
            m_closeCode = quint16((quint8(m_control[0]) << 8) | quint8(m_control[1]));
            if (!isSendableCloseCode(m_closeCode))
                return fail(kProtocolError, QStringLiteral("Invalid close code %1").arg(m_closeCode));
            if (!decodeUtf8(m_control.constData() + 2, m_control.size() - 2))
                return fail(kInvalidData, QStringLiteral("Close reason is not valid UTF-8"));
        }
        m_kind = Kind::Close;
        return;
    default:
        break;
    }
    if (!m_fin)
        return; // more fragments follow
    const int opcode = m_messageOpcode;
    m_messageOpcode = 0;
    if (opcode == TextFrame) {
        const bool valid = decodeUtf8(m_message.constData(), m_message.size());
        m_message.clear();
        if (!valid)
            return fail(kInvalidData, QStringLiteral("Text message is not valid UTF-8"));
        m_kind = Kind::Text;
    } else {
        m_kind = Kind::Binary;
    }
}

bool WebSocketFrameReader::decodeUtf8(const char *data, qint64 size)
{
    // Stateless: a sequence cut off at the end is an error too. A leading BOM is kept as text.
    QStringDecoder decoder(
        QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    m_text = decoder.decode(QByteArrayView(data, qsizetype(size)));
    return !decoder.hasError();
}

void WebSocketFrameReader::fail(quint16 code, const QString &message)
{
    m_kind = Kind::Error;
    m_closeCode = code;
    m_errorMessage = message;
    m_message.clear();
    m_control.clear();
}

} // namespace tierdesk::http
