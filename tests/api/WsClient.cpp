#include "tests/api/WsClient.h"

#include <QJsonDocument>
#include <QTest>
#include <QUrl>

namespace tierdesk::test {

WsClient::WsClient()
{
    QObject::connect(&socket, &QWebSocket::connected, &socket, [this] { connected = true; });
    QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] { closed = true; });
    QObject::connect(&socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), &socket,
        [this](QAbstractSocket::SocketError) { failed = true; });
    QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
        [this](const QString &text) { frames.append(QJsonDocument::fromJson(text.toUtf8()).object()); });
}

bool WsClient::open(quint16 port, const QByteArray &token)
{
    QString url = QStringLiteral("ws://127.0.0.1:%1/api/cs/ws").arg(port);
    if (!token.isNull())
        url += QStringLiteral("?token=") + QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(token)));
    socket.open(QUrl(url));
    [[maybe_unused]] const bool done = QTest::qWaitFor([this] { return connected || closed || failed; }, 5000);
    return connected;
}

bool WsClient::open(quint16 port, const QByteArray &token, const QJsonObject &subscribe)
{
    if (!open(port, token))
        return false;
    send(subscribe);
    return !waitFor(QStringLiteral("subscribed")).isEmpty();
}

void WsClient::send(const QJsonObject &o)
{
    socket.sendTextMessage(QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)));
}

qsizetype WsClient::find(const Match &match, qsizetype from) const
{
    for (qsizetype i = from; i < frames.size(); ++i)
        if (match(frames[i]))
            return i;
    return -1;
}

qsizetype WsClient::find(const QString &type, const QString &sessionId, qsizetype from) const
{
    return find(ofType(type, sessionId), from);
}

QJsonObject WsClient::waitFor(const Match &match, int timeoutMs)
{
    [[maybe_unused]] const bool seen = QTest::qWaitFor([&] { return find(match) >= 0; }, timeoutMs);
    const qsizetype i = find(match);
    return i >= 0 ? frames.takeAt(i) : QJsonObject();
}

QJsonObject WsClient::waitFor(const QString &type, const QString &sessionId, int timeoutMs)
{
    return waitFor(ofType(type, sessionId), timeoutMs);
}

QJsonObject WsClient::waitMessage(const QString &role, int timeoutMs)
{
    return waitFor([role](const QJsonObject &f) { return messageRole(f) == role; }, timeoutMs);
}

QJsonObject WsClient::waitPresence(const QString &agentId, int timeoutMs)
{
    return waitFor(
        [agentId](const QJsonObject &f) {
            return f.value(QLatin1String("type")).toString() == QLatin1String("agent.presence")
                && f.value(QLatin1String("data")).toObject().value(QLatin1String("agentId")).toString() == agentId;
        },
        timeoutMs);
}

WsClient::Match WsClient::ofType(const QString &type, const QString &sessionId)
{
    return [type, sessionId](const QJsonObject &f) {
        return f.value(QLatin1String("type")).toString() == type
            && (sessionId.isEmpty() || f.value(QLatin1String("sessionId")).toString() == sessionId);
    };
}

QString WsClient::messageRole(const QJsonObject &frame)
{
    if (frame.value(QLatin1String("type")).toString() != QLatin1String("message"))
        return {};
    return frame.value(QLatin1String("data"))
        .toObject()
        .value(QLatin1String("message"))
        .toObject()
        .value(QLatin1String("role"))
        .toString();
}

} // namespace tierdesk::test
