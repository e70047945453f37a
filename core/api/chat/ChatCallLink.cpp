#include "core/api/chat/ChatCallLink.h"

#include "core/api/http/WebSocket.h"
#include "core/common/Ids.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

namespace tierdesk::api {

ChatCallLink::ChatCallLink(http::WebSocket *socket, voice::LiveCall *call, const QString &via,
    const voice::CallSettings &settings, QObject *parent)
    : QObject(parent), m_socket(socket), m_call(call), m_via(via)
{
    socket->setParent(this);
    socket->setMaxAllowedIncomingMessageSize(kMaxAudioFrameBytes);
    connect(socket, &http::WebSocket::textMessageReceived, this, &ChatCallLink::onText);
    connect(socket, &http::WebSocket::binaryMessageReceived, this, &ChatCallLink::onAudio);
    connect(socket, &http::WebSocket::disconnected, this, [this] {
        finish(QStringLiteral("disconnected"), false);
        emit finished();
    });
    connect(call, &voice::LiveCall::audio, this, [this](const QByteArray &pcm) {
        if (m_socket)
            m_socket->sendBinaryMessage(pcm);
    });
    connect(call, &voice::LiveCall::partial, this, [this](const QString &words) {
        send({{QStringLiteral("type"), QStringLiteral("transcript")},
            {QStringLiteral("role"), QStringLiteral("customer")}, {QStringLiteral("text"), words},
            {QStringLiteral("final"), false}});
    });
    connect(call, &voice::LiveCall::transcript, this, [this](const QString &role, const QString &text, bool final) {
        send({{QStringLiteral("type"), QStringLiteral("transcript")}, {QStringLiteral("role"), role},
            {QStringLiteral("text"), text}, {QStringLiteral("final"), final}});
    });
    connect(call, &voice::LiveCall::stateChanged, this, [this](const QString &state, const QString &queue) {
        QJsonObject m{{QStringLiteral("type"), QStringLiteral("state")}, {QStringLiteral("state"), state}};
        if (!queue.isEmpty())
            m.insert(QStringLiteral("queue"), queue);
        if (m_call && m_call->position() > 0) // the place in line, sent again as it moves up
            m.insert(QStringLiteral("position"), m_call->position());
        send(m);
    });
    connect(call, &voice::LiveCall::ended, this, [this](const QString &why, bool byServer) {
        if (byServer)
            finish(why);
    });
    m_idle.setSingleShot(true);
    m_idle.setInterval(settings.idleMs);
    connect(&m_idle, &QTimer::timeout, this, [this] { finish(QStringLiteral("timeout")); });
    m_idle.start(); // a page that never starts is let go too
}

ChatCallLink::~ChatCallLink()
{
    finish(QStringLiteral("server"), false);
}

void ChatCallLink::refuse(http::WebSocket *socket, const QString &reason)
{
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(
        QJsonObject{{QStringLiteral("type"), QStringLiteral("ended")},
            {QStringLiteral("reason"), reason}}).toJson(QJsonDocument::Compact)));
    socket->close(QWebSocketProtocol::CloseCodeNormal, reason);
}

void ChatCallLink::onText(const QString &text)
{
    if (m_done)
        return;
    QJsonParseError err{};
    const QJsonObject message
        = text.size() > kMaxControlBytes ? QJsonObject() : QJsonDocument::fromJson(text.toUtf8(), &err).object();
    const QString type = message.value(QLatin1String("type")).toString();
    if (type == QLatin1String("start"))
        return start(message);
    if (type == QLatin1String("hangup"))
        return finish(QStringLiteral("hangup"));
    if (type == QLatin1String("dtmf") && m_started) {
        const QString digits = message.value(QLatin1String("digits")).toString();
        static const QRegularExpression keys(QStringLiteral("^[0-9*#]{1,32}$"));
        if (keys.match(digits).hasMatch())
            return m_call ? m_call->keypad(digits) : void();
    }
    send({{QStringLiteral("type"), QStringLiteral("error")},
        {QStringLiteral("message"),
            m_started ? QStringLiteral("expected {\"type\": \"dtmf\", \"digits\": \"0-9*#\"} or {\"type\": \"hangup\"}")
                      : QStringLiteral("expected {\"type\": \"start\", \"sampleRate\": 16000}")}});
}

void ChatCallLink::start(const QJsonObject &message)
{
    if (m_started)
        return;
    if (message.value(QLatin1String("sampleRate")).toInt() != voice::kSampleRate)
        return finish(QStringLiteral("sampleRate must be 16000 (16-bit little-endian mono PCM)"));
    if (!m_call)
        return finish(QStringLiteral("server"));
    m_started = true;
    const QJsonObject visitor = message.value(QLatin1String("visitor")).toObject();
    voice::CallConversation::Caller caller;
    caller.customerId = QStringLiteral("visitor_") + QUuid::createUuid().toString(QUuid::Id128).left(20);
    caller.name = visitor.value(QLatin1String("name")).toString().simplified().left(100);
    caller.email = visitor.value(QLatin1String("email")).toString().trimmed().left(254);
    caller.via = m_via;
    caller.address = m_socket ? m_socket->peerAddress().toString() : QString();
    m_call->start(caller, [this](Result<Session> s) {
        if (!s)
            return finish(QStringLiteral("refused: ") + s.error().message);
        send({{QStringLiteral("type"), QStringLiteral("started")}, {QStringLiteral("sessionId"), s->id},
            {QStringLiteral("callId"), m_call ? m_call->id() : QString()}});
    });
}

void ChatCallLink::onAudio(const QByteArray &pcm)
{
    if (m_done || !m_started || !m_call)
        return;
    m_idle.start();
    m_call->hear(pcm);
}

void ChatCallLink::send(const QJsonObject &message)
{
    if (m_socket && !m_done)
        m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void ChatCallLink::finish(const QString &reason, bool told)
{
    if (m_done)
        return;
    m_idle.stop();
    if (m_call)
        m_call->hangUp(reason); // the CallCenter lets it go
    if (told)
        send({{QStringLiteral("type"), QStringLiteral("ended")}, {QStringLiteral("reason"), reason}});
    m_done = true;
    if (m_socket && m_socket->isOpen())
        m_socket->close(QWebSocketProtocol::CloseCodeNormal, reason.left(100));
}

} // namespace tierdesk::api
