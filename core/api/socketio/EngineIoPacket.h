#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace tierdesk::socketio {

// One Engine.IO v4 packet in its text form: a type digit, then the data ("4hello", "2probe").
// Binary packets ("b<base64>" in a polling payload, binary WebSocket frames) are not modelled:
// nothing Tierdesk serves needs them, and the session refuses them.
struct EngineIoPacket {
    enum Type { Open = 0, Close = 1, Ping = 2, Pong = 3, Message = 4, Upgrade = 5, Noop = 6 };

    Type type = Noop;
    QString data;

    // nullopt for an empty text, an unknown type or a binary packet.
    static std::optional<EngineIoPacket> parse(QStringView text);
    static QString encode(Type type, const QString &data = QString());

    // A long-polling body: packets separated by the record separator 0x1e.
    static QList<QStringView> splitPayload(QStringView body);
    static QString joinPayload(const QList<QString> &packets);
};

} // namespace tierdesk::socketio
