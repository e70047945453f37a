#include "core/api/socketio/SocketIoPacket.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk::socketio {

namespace {

constexpr int kMaxAckIdDigits = 15; // stays an exact integer in a JavaScript number
constexpr int kMaxAttachmentDigits = 6;

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool payloadFits(SocketIoPacket::Type type, const QJsonValue &data)
{
    switch (type) {
    case SocketIoPacket::Connect:
        return data.isUndefined() || data.isObject();
    case SocketIoPacket::Disconnect:
        return data.isUndefined();
    case SocketIoPacket::ConnectError:
        return data.isObject();
    case SocketIoPacket::Event:
    case SocketIoPacket::BinaryEvent: {
        if (!data.isArray() || data.toArray().isEmpty())
            return false;
        const QJsonValue name = data.toArray().first();
        return name.isDouble() || (name.isString() && !SocketIoPacket::isReservedEventName(name.toString()));
    }
    case SocketIoPacket::Ack:
    case SocketIoPacket::BinaryAck:
        return data.isArray();
    }
    return false;
}

} // namespace

bool SocketIoPacket::isReservedEventName(const QString &name)
{
    static const QStringList reserved{QStringLiteral("connect"), QStringLiteral("connect_error"),
        QStringLiteral("disconnect"), QStringLiteral("disconnecting"), QStringLiteral("newListener"),
        QStringLiteral("removeListener")};
    return reserved.contains(name);
}

std::optional<SocketIoPacket> SocketIoPacket::parse(QStringView text)
{
    if (text.isEmpty() || text[0] < u'0' || text[0] > u'6')
        return std::nullopt;
    SocketIoPacket p;
    p.type = Type(text[0].unicode() - u'0');
    qsizetype i = 1;
    if (p.type == BinaryEvent || p.type == BinaryAck) {
        const qsizetype start = i;
        while (i < text.size() && isDigit(text[i]) && i - start < kMaxAttachmentDigits)
            ++i;
        if (i == start || i >= text.size() || text[i] != u'-')
            return std::nullopt;
        p.attachments = text.mid(start, i - start).toInt();
        ++i;
    }
    if (i < text.size() && text[i] == u'/') {
        const qsizetype start = i;
        while (i < text.size() && text[i] != u',')
            ++i;
        p.nsp = text.mid(start, i - start).toString();
        if (i < text.size())
            ++i; // the comma
    }
    if (i < text.size() && isDigit(text[i])) {
        const qsizetype start = i;
        while (i < text.size() && isDigit(text[i]))
            ++i;
        if (i - start > kMaxAckIdDigits)
            return std::nullopt;
        p.id = text.mid(start, i - start).toLongLong();
    }
    if (i < text.size()) {
        QJsonParseError error{};
        const QJsonDocument doc = QJsonDocument::fromJson(text.mid(i).toUtf8(), &error);
        if (error.error != QJsonParseError::NoError)
            return std::nullopt;
        p.data = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }
    if (!payloadFits(p.type, p.data))
        return std::nullopt;
    return p;
}

QString SocketIoPacket::encode() const
{
    QString out = QString::number(int(type));
    if (type == BinaryEvent || type == BinaryAck) // the count is part of the header, even when 0
        out.append(QString::number(attachments) + u'-');
    if (nsp != u"/") {
        out.append(nsp);
        out.append(u',');
    }
    if (id >= 0)
        out.append(QString::number(id));
    if (data.isArray())
        out.append(QString::fromUtf8(QJsonDocument(data.toArray()).toJson(QJsonDocument::Compact)));
    else if (data.isObject())
        out.append(QString::fromUtf8(QJsonDocument(data.toObject()).toJson(QJsonDocument::Compact)));
    return out;
}

} // namespace tierdesk::socketio
