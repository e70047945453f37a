#pragma once

namespace tierdesk::http {

// A WebSocket frame's opcode (RFC 6455 5.2), for the writer and the reader alike.
enum WebSocketOpcode {
    Continuation = 0x0,
    TextFrame = 0x1,
    BinaryFrame = 0x2,
    CloseFrame = 0x8,
    PingFrame = 0x9,
    PongFrame = 0xA
};

} // namespace tierdesk::http
