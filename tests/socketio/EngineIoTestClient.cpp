#include "EngineIoTestClient.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTimer>

namespace tierdesk::test {

namespace {

// Runs the event loop until done() holds, looking again at each signal of the socket;
// false when timeoutMs passed first.
template <typename Done> bool waitFor(QWebSocket &socket, Done done, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!done()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QObject::connect(&socket, &QWebSocket::connected, &loop, &QEventLoop::quit);
        QObject::connect(&socket, &QWebSocket::disconnected, &loop, &QEventLoop::quit);
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &loop, &QEventLoop::quit);
        QObject::connect(
            &socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), &loop, &QEventLoop::quit);
        QTimer::singleShot(int(deadline.remainingTime()), &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

} // namespace

QJsonObject PollResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QStringList PollResult::packets() const
{
    return text().split(QChar(0x1e));
}

PollingClient::PollingClient(quint16 port) : m_port(port) { }

QUrl PollingClient::url(const QString &query) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/socket.io/?%2").arg(m_port).arg(query));
}

QString PollingClient::sidQuery(const QString &sid) const
{
    return QStringLiteral("EIO=4&transport=polling&sid=") + sid;
}

QString PollingClient::handshake(QJsonObject *open)
{
    const PollResult r = get(QStringLiteral("EIO=4&transport=polling"));
    if (r.status != 200 || !r.body.startsWith('0'))
        return {};
    const QJsonObject o = QJsonDocument::fromJson(r.body.mid(1)).object();
    if (open)
        *open = o;
    return o.value(QStringLiteral("sid")).toString();
}

QNetworkReply *PollingClient::startGet(const QString &query)
{
    return m_nam.get(QNetworkRequest(url(query)));
}

PollResult PollingClient::finish(QNetworkReply *reply, int timeoutMs)
{
    std::unique_ptr<QNetworkReply> owned(reply);
    if (!reply->isFinished()) {
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!done.wait(timeoutMs))
            return {};
    }
    PollResult r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray();
    r.contentTypeOptions = reply->rawHeader("X-Content-Type-Options");
    r.body = reply->readAll();
    return r;
}

PollResult PollingClient::get(const QString &query, int timeoutMs)
{
    return finish(startGet(query), timeoutMs);
}

PollResult PollingClient::head(const QString &query, int timeoutMs)
{
    return finish(m_nam.head(QNetworkRequest(url(query))), timeoutMs);
}

PollResult PollingClient::post(const QString &query, const QByteArray &body, int timeoutMs)
{
    QNetworkRequest request(url(query));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain;charset=UTF-8"));
    return finish(m_nam.post(request, body), timeoutMs);
}

WsPeer::WsPeer()
{
    QObject::connect(
        &socket, &QWebSocket::textMessageReceived, &socket, [this](const QString &text) { received.append(text); });
    QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] { closed = true; });
    // A refused handshake (an HTTP error instead of 101) ends here. (errorOccurred is Qt 6.5+.)
    QObject::connect(
        &socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), &socket, [this] { failed = true; });
}

bool WsPeer::open(quint16 port, const QString &sid)
{
    QString url = QStringLiteral("ws://127.0.0.1:%1/socket.io/?EIO=4&transport=websocket").arg(port);
    if (!sid.isEmpty())
        url += QStringLiteral("&sid=") + sid;
    socket.open(QUrl(url));
    waitFor(
        socket, [this] { return socket.state() == QAbstractSocket::ConnectedState || failed || closed; }, 5000);
    return socket.state() == QAbstractSocket::ConnectedState;
}

QString WsPeer::next(int timeoutMs)
{
    waitFor(
        socket, [this] { return received.size() > taken || closed; }, timeoutMs);
    if (received.size() <= taken)
        return {};
    return received.at(taken++);
}

bool WsPeer::waitClosed(int timeoutMs)
{
    return waitFor(
        socket, [this] { return closed; }, timeoutMs);
}

QString WsPeer::connectTo(quint16 port, const QJsonObject &auth)
{
    if (!open(port) || !next().startsWith(u'0'))
        return {};
    send(QStringLiteral("40") + QString::fromUtf8(QJsonDocument(auth).toJson(QJsonDocument::Compact)));
    const QString answer = next();
    if (!answer.startsWith(QStringLiteral("40{")))
        return {};
    return QJsonDocument::fromJson(answer.mid(2).toUtf8()).object().value(QStringLiteral("sid")).toString();
}

} // namespace tierdesk::test
