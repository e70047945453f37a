#include "ui/client/EventStream.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace tierdesk::ui {

EventStream::EventStream(QObject *parent) : QObject(parent)
{
    m_retry.setSingleShot(true);
    m_batch.setSingleShot(true);
    m_batch.setInterval(kBatchMs);
    m_urgent.setSingleShot(true);
    m_urgent.setInterval(0);
    connect(&m_retry, &QTimer::timeout, this, &EventStream::open);
    connect(&m_batch, &QTimer::timeout, this, &EventStream::flush);
    connect(&m_urgent, &QTimer::timeout, this, &EventStream::flush);
    connect(&m_socket, &QWebSocket::connected, this, &EventStream::onConnected);
    connect(&m_socket, &QWebSocket::disconnected, this, &EventStream::onDisconnected);
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &EventStream::onText);
    connect(&m_socket, &QWebSocket::binaryMessageReceived, this, &EventStream::audioArrived);
    // A refused or failed handshake may end without disconnected().
    connect(&m_socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), this,
        [this](QAbstractSocket::SocketError) {
            if (m_socket.state() == QAbstractSocket::UnconnectedState)
                onDisconnected();
        });
}

EventStream::~EventStream()
{
    m_wanted = false;
    m_socket.disconnect(this);
    m_socket.abort();
}

QUrl EventStream::socketUrl(const QUrl &baseUrl, const QByteArray &token)
{
    QUrl url = baseUrl;
    url.setScheme(baseUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss") : QStringLiteral("ws"));
    QString path = baseUrl.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/api/cs/ws"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("token"), QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(token))));
    url.setQuery(q);
    return url;
}

void EventStream::start(const QUrl &baseUrl, const QByteArray &token)
{
    m_url = socketUrl(baseUrl, token);
    m_wanted = false; // the abort below must not schedule a retry: open() follows at once
    m_retry.stop();
    m_socket.abort();
    m_wanted = true;
    m_retryMs = kFirstRetryMs;
    setState(State::Connecting);
    open();
}

void EventStream::stop()
{
    m_wanted = false;
    m_retry.stop();
    m_socket.abort();
    flush();
    setState(State::Offline);
}

void EventStream::send(const QJsonObject &frame)
{
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.sendTextMessage(QString::fromUtf8(QJsonDocument(frame).toJson(QJsonDocument::Compact)));
}

void EventStream::sendAudio(const QByteArray &pcm)
{
    if (m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.sendBinaryMessage(pcm);
}

void EventStream::setViewing(const QString &sessionId)
{
    if (sessionId == m_viewing)
        return;
    if (!m_viewing.isEmpty())
        send({{QStringLiteral("type"), QStringLiteral("left")}, {QStringLiteral("sessionId"), m_viewing}});
    m_viewing = sessionId;
    m_typingSaid.invalidate();
    if (!m_viewing.isEmpty())
        send({{QStringLiteral("type"), QStringLiteral("viewing")}, {QStringLiteral("sessionId"), m_viewing}});
}

void EventStream::sendTyping(bool internal)
{
    if (m_viewing.isEmpty() || m_socket.state() != QAbstractSocket::ConnectedState)
        return;
    // Switching between reply and note is news at once; otherwise once per window.
    if (m_typingSaid.isValid() && m_typingSaid.elapsed() < kTypingEveryMs && internal == m_typingInternal)
        return;
    m_typingSaid.start();
    m_typingInternal = internal;
    send({{QStringLiteral("type"), QStringLiteral("typing")}, {QStringLiteral("sessionId"), m_viewing},
        {QStringLiteral("internal"), internal}});
}

void EventStream::open()
{
    if (!m_wanted)
        return;
    m_socket.open(m_url);
}

void EventStream::onConnected()
{
    m_retryMs = kFirstRetryMs;
    setState(State::Connected);
}

void EventStream::onDisconnected()
{
    if (!m_wanted) {
        setState(State::Offline);
        return;
    }
    // Lost or refused: try again later, each time waiting twice as long.
    setState(State::Reconnecting);
    if (!m_retry.isActive()) {
        m_retry.start(m_retryMs);
        m_retryMs = qMin(m_retryMs * 2, kMaxRetryMs);
    }
}

void EventStream::onText(const QString &text)
{
    const QJsonObject frame = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = frame.value(QLatin1String("type")).toString();
    if (type == QLatin1String("welcome")) {
        const QString company = frame.value(QLatin1String("companyId")).toString();
        send({{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("companyId"), company}});
        if (!m_viewing.isEmpty()) // a new connection: the server forgot what the last one had open
            send({{QStringLiteral("type"), QStringLiteral("viewing")}, {QStringLiteral("sessionId"), m_viewing}});
        emit welcomed(company);
        return;
    }
    if (type == QLatin1String("subscribed")) {
        emit subscribed(frame.value(QLatin1String("companyId")).toString());
        return;
    }
    if (type.startsWith(QLatin1String("call."))
        || (type == QLatin1String("error") && frame.contains(QLatin1String("callId")))) {
        emit callMessage(frame); // a ringing call waits for nobody's batch
        return;
    }
    if (type.isEmpty() || type == QLatin1String("unsubscribed") || type == QLatin1String("pong")
        || type == QLatin1String("error"))
        return;
    m_pending.append(frame);
    if (type == QLatin1String("queue.added"))
        m_urgent.start();
    else if (!m_batch.isActive())
        m_batch.start();
}

void EventStream::setState(State s)
{
    if (s == m_state)
        return;
    m_state = s;
    emit stateChanged(s);
}

void EventStream::flush()
{
    m_batch.stop();
    m_urgent.stop();
    if (m_pending.isEmpty())
        return;
    const QList<QJsonObject> events = std::exchange(m_pending, {});
    emit eventsArrived(events);
}

} // namespace tierdesk::ui
