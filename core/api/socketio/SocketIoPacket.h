#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringView>

#include <optional>

namespace tierdesk::socketio {

// One Socket.IO protocol v5 packet (socket.io 4.x), carried in an Engine.IO message:
//   <type>[<attachments>-][<namespace>,][<ack id>][<JSON payload>]
// e.g. 0{"token":"x"} (CONNECT), 2["send-message",{...}] (EVENT), 212["x"] (EVENT asking for ack
// 12), 312[...] (ACK 12), 4{"message":"..."} (CONNECT_ERROR), 1 (DISCONNECT).
struct SocketIoPacket {
    enum Type { Connect = 0, Disconnect = 1, Event = 2, Ack = 3, ConnectError = 4, BinaryEvent = 5, BinaryAck = 6 };

    Type type = Event;
    QString nsp = QStringLiteral("/");
    qint64 id = -1; // ack id; -1 when none
    int attachments = 0; // of a binary packet: how many binary attachments follow it
    QJsonValue data = QJsonValue::Undefined; // an object or an array; Undefined when absent

    // nullopt when the text is not a valid packet, with the payload rules of socket.io's own
    // parser: CONNECT carries an object or nothing, EVENT an array whose first element is an
    // event name that is not reserved, ACK an array, DISCONNECT nothing. Binary packets
    // (BINARY_EVENT, BINARY_ACK) parse, so the caller can refuse them by type.
    static std::optional<SocketIoPacket> parse(QStringView text);
    QString encode() const;

    static bool isReservedEventName(const QString &name);
};

} // namespace tierdesk::socketio
