#pragma once

#include <QByteArray>
#include <QString>

namespace tierdesk::http {

// Reads what a WebSocket client sends (RFC 6455 section 5) from bytes, with no socket: frame
// headers, the mask every client frame must carry, reserved bits and opcodes, control-frame
// rules, fragmentation, the size limit and UTF-8 in text messages and close reasons. Payloads
// come out unmasked, fragments joined into messages.
//
// This is the fuzz entry point for the WebSocket frame reader. Construct it and call feed()
// with any bytes; after each event take what it carries and feed the bytes not consumed; after
// Kind::Error nothing more is consumed. It never throws and holds at most one message of
// maxMessageBytes plus one control frame.
class WebSocketFrameReader {
public:
    enum class Kind {
        NeedMore, // all bytes consumed, no complete message or control frame yet
        Text, // text(): a whole message, valid UTF-8
        Binary, // payload(): a whole message
        Ping, // payload(): application data to echo in a pong
        Pong, // payload(): application data
        Close, // closeCode() (1005 when the frame had none) and text() (the reason)
        Error, // closeCode() to fail the connection with (1002, 1007, 1009), errorMessage()
    };

    explicit WebSocketFrameReader(qint64 maxMessageBytes = 1 << 20);

    void setMaxMessageBytes(qint64 bytes) { m_maxMessageBytes = bytes; }
    qint64 maxMessageBytes() const { return m_maxMessageBytes; }

    // Consumes bytes up to the end of one event, an error or the end of data; returns how many.
    qint64 feed(const char *data, qint64 size);

    Kind kind() const { return m_kind; }
    const QByteArray &payload() const { return m_kind == Kind::Binary ? m_message : m_control; }
    const QString &text() const { return m_text; }
    quint16 closeCode() const { return m_closeCode; }
    const QString &errorMessage() const { return m_errorMessage; }

private:
    enum class State { Header, Payload };

    void headerComplete();
    void frameComplete();
    void fail(quint16 code, const QString &message);
    bool decodeUtf8(const char *data, qint64 size);

    qint64 m_maxMessageBytes;
    Kind m_kind = Kind::NeedMore;
    State m_state = State::Header;

    unsigned char m_header[14] = {};
    int m_headerHave = 0;
    int m_headerNeed = 2;

    // The frame being read.
    bool m_fin = false;
    int m_opcode = 0;
    unsigned char m_mask[4] = {};
    qint64 m_frameLength = 0;
    qint64 m_frameRead = 0;
    QByteArray *m_target = nullptr; // where the payload goes

    // The message being assembled from fragments.
    int m_messageOpcode = 0; // 0: none in progress
    QByteArray m_message;
    QByteArray m_control;
    QString m_text;
    quint16 m_closeCode = 0;
    QString m_errorMessage;
};

} // namespace tierdesk::http
