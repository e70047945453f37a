#include "core/api/socketio/EngineIoPacket.h"

namespace tierdesk::socketio {

namespace {
constexpr QChar kRecordSeparator(0x1e);
}

std::optional<EngineIoPacket> EngineIoPacket::parse(QStringView text)
{
    if (text.isEmpty())
        return std::nullopt;
    const QChar c = text.front();
    if (c < u'0' || c > u'6')
        return std::nullopt; // also "b...": a base64 binary packet
    EngineIoPacket p;
    p.type = Type(c.unicode() - u'0');
    p.data = text.mid(1).toString();
    return p;
}

QString EngineIoPacket::encode(Type type, const QString &data)
{
    QString out;
    out.reserve(data.size() + 1);
    out.append(QChar(u'0' + int(type)));
    out.append(data);
    return out;
}

QList<QStringView> EngineIoPacket::splitPayload(QStringView body)
{
    QList<QStringView> out;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= body.size(); ++i) {
        if (i == body.size() || body[i] == kRecordSeparator) {
            out.append(body.mid(start, i - start));
            start = i + 1;
        }
    }
    return out;
}

QString EngineIoPacket::joinPayload(const QList<QString> &packets)
{
    QString out;
    for (qsizetype i = 0; i < packets.size(); ++i) {
        if (i > 0)
            out.append(kRecordSeparator);
        out.append(packets[i]);
    }
    return out;
}

} // namespace tierdesk::socketio
