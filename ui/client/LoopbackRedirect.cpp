#include "ui/client/LoopbackRedirect.h"

#include <QRandomGenerator>
#include <QTcpSocket>

namespace tierdesk::ui {
namespace {

QByteArray htmlAnswer(int status, const QString &title, const QString &text)
{
    const QByteArray html = QStringLiteral("<!doctype html><html><head><meta charset=\"utf-8\"><title>%1</title></head>"
                                           "<body style=\"font-family:sans-serif;margin:3em\"><h1>%1</h1><p>%2</p>"
                                           "</body></html>")
                                .arg(title.toHtmlEscaped(), text.toHtmlEscaped())
                                .toUtf8();
    return "HTTP/1.1 " + QByteArray::number(status)
        + (status == 200        ? " OK"
                : status == 400 ? " Bad Request"
                                : " Not Found")
        + "\r\nContent-Type: text/html; charset=utf-8\r\nCache-Control: no-store\r\nConnection: close\r\n"
          "Content-Length: "
        + QByteArray::number(html.size()) + "\r\n\r\n" + html;
}

} // namespace

LoopbackRedirect::LoopbackRedirect(QObject *parent) : QObject(parent)
{
    qRegisterMetaType<SsoAnswer>();
    connect(&m_server, &QTcpServer::newConnection, this, &LoopbackRedirect::onConnection);
}

bool LoopbackRedirect::listen()
{
    close();
    m_state = QString::number(QRandomGenerator::system()->generate64(), 16)
        + QString::number(QRandomGenerator::system()->generate64(), 16);
    // The loopback address itself, not "localhost": the browser must not reach another machine.
    return m_server.listen(QHostAddress::LocalHost, 0);
}

QUrl LoopbackRedirect::redirectUrl() const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/callback?state=%2").arg(m_server.serverPort()).arg(m_state));
}

void LoopbackRedirect::close()
{
    if (m_server.isListening())
        m_server.close();
}

SsoAnswer LoopbackRedirect::answerOf(const QUrlQuery &query)
{
    const auto value = [&](const char *key) { return query.queryItemValue(QLatin1String(key), QUrl::FullyDecoded); };
    SsoAnswer a;
    a.token = value("token").toLatin1();
    a.expiresAt = value("expiresAt");
    a.sessionId = value("sessionId");
    a.error = value("error");
    // A form-encoded space may come as "+".
    a.message = value("message").replace(QLatin1Char('+'), QLatin1Char(' '));
    if (a.token.isEmpty() && a.error.isEmpty())
        a.error = QStringLiteral("no_token");
    return a;
}

void LoopbackRedirect::onConnection()
{
    while (QTcpSocket *socket = m_server.nextPendingConnection()) {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { handle(socket); });
    }
}

void LoopbackRedirect::handle(QTcpSocket *socket)
{
    const QByteArray head = socket->peek(kMaxRequestBytes + 1);
    const int end = head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (head.size() > kMaxRequestBytes)
            socket->abort();
        return; // the rest of the head is still coming
    }
    socket->read(end + 4);
    const QList<QByteArray> line = head.left(head.indexOf("\r\n")).split(' ');
    const QUrl target = line.size() == 3 ? QUrl(QString::fromLatin1(line.at(1))) : QUrl();
    if (line.value(0) != "GET" || target.path() != QLatin1String("/callback")) {
        socket->write(htmlAnswer(404, tr("Not found"), tr("This address only takes Tierdesk's sign-in.")));
        socket->disconnectFromHost();
        return;
    }
    if (QUrlQuery(target).queryItemValue(QStringLiteral("state")) != m_state) {
        socket->write(htmlAnswer(400, tr("Not signed in"), tr("This is not the sign-in this Tierdesk started.")));
        socket->disconnectFromHost();
        return;
    }
    const SsoAnswer answer = answerOf(QUrlQuery(target));
    socket->write(answer.ok() ? htmlAnswer(200, tr("Signed in to Tierdesk"), tr("You can close this window."))
                              : htmlAnswer(200, tr("Not signed in"),
                                  tr("Tierdesk says why; you can close this window. %1").arg(answer.message)));
    // The answer page must reach the browser even when the dialog holding this goes away at once.
    socket->setParent(nullptr);
    socket->disconnectFromHost();
    close(); // one sign-in, one request
    emit answered(answer);
}

} // namespace tierdesk::ui
