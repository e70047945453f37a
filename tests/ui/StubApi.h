#pragma once

// A stand-in CS API on 127.0.0.1 for console tests of answers the real server
// gives only in states that are hard to reach on purpose (a stale reply, a
// claim held by someone else): each "METHOD /path" answers the next scripted
// status and JSON body, and every request is kept.
#include "tests/support/ReceivedRequest.h"

#include <QHash>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>

namespace tierdesk::test {

class StubApi {
public:
    struct Answer {
        int status = 200;
        QJsonObject body;
    };

    StubApi()
    {
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(s, &QTcpSocket::readyRead, s, [this, s, buffer] {
                    buffer->append(s->readAll());
                    ReceivedRequest req;
                    if (!parseReceivedRequest(*buffer, &req))
                        return;
                    buffer->clear();
                    requests << req;
                    const Answer a = next(req.method + ' ' + req.target.split('?').first());
                    const QByteArray body = QJsonDocument(a.body).toJson(QJsonDocument::Compact);
                    s->write("HTTP/1.1 " + QByteArray::number(a.status)
                        + " X\r\nContent-Type: application/json\r\n"
                          "Content-Length: "
                        + QByteArray::number(body.size()) + "\r\n\r\n" + body);
                });
                QObject::connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        m_server.listen(QHostAddress::LocalHost);
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    void script(const QByteArray &route, const QList<Answer> &answers) { m_script[route] += answers; }
    QList<ReceivedRequest> to(const QByteArray &route) const
    {
        QList<ReceivedRequest> out;
        for (const ReceivedRequest &r : requests)
            if (r.method + ' ' + r.target.split('?').first() == route)
                out << r;
        return out;
    }

    QList<ReceivedRequest> requests;

private:
    Answer next(const QByteArray &route)
    {
        auto it = m_script.find(route);
        if (it == m_script.end() || it->isEmpty())
            return {404,
                QJsonObject{{QStringLiteral("error"),
                    QJsonObject{{QStringLiteral("code"), QStringLiteral("CS_014")},
                        {QStringLiteral("message"), QStringLiteral("Not found")}}}}};
        return it->size() > 1 ? it->takeFirst() : it->first();
    }

    QTcpServer m_server;
    QHash<QByteArray, QList<Answer>> m_script;
};

} // namespace tierdesk::test
