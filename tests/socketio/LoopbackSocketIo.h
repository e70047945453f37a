#pragma once

#include "core/api/http/HttpServer.h"
#include "core/api/socketio/SocketIoServer.h"

#include <QJsonArray>
#include <QList>

#include <memory>

namespace tierdesk::test {

// A SocketIoServer on a loopback HttpServer (any free port) with a small application:
// CONNECT needs auth {"token":"secret"} (else "invalid token"); "echo" answers its args by ack
// when asked, else emits "echo" back; every event, connect and disconnect is recorded.
struct LoopbackSocketIo {
    struct Event {
        QString client;
        QString name;
        QJsonArray args;
        bool ackRequested = false;
    };

    explicit LoopbackSocketIo(const socketio::SocketIoOptions &options = {})
        : io(std::make_unique<socketio::SocketIoServer>(options))
    {
        io->setAcceptHandler([this](const socketio::ConnectRequest &r) -> std::optional<QString> {
            requests.append(r);
            if (r.auth.value(QStringLiteral("token")).toString() != u"secret")
                return QStringLiteral("invalid token");
            return std::nullopt;
        });
        io->setEventHandler([this](const QString &client, const QString &name, const QJsonArray &args,
                                const socketio::SocketIoServer::Ack &ack) {
            events.append({client, name, args, bool(ack)});
            if (name == u"echo" && ack) {
                ack(args);
                ack(QJsonArray{QStringLiteral("twice")}); // must not reach the client
            } else if (name == u"echo") {
                io->emitTo(client, name, args);
            }
        });
        QObject::connect(io.get(), &socketio::SocketIoServer::clientConnected, io.get(),
            [this](const QString &client) { connected.append(client); });
        QObject::connect(io.get(), &socketio::SocketIoServer::clientDisconnected, io.get(),
            [this](const QString &client, const QString &reason) {
                disconnected.append({client, reason});
            });
        io->install(http);
        listening = http.listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return http.serverPort(); }
    QString reasonFor(const QString &client) const
    {
        for (const auto &[c, reason] : disconnected) {
            if (c == client)
                return reason;
        }
        return {};
    }

    http::HttpServer http;
    std::unique_ptr<socketio::SocketIoServer> io;
    bool listening = false;
    QList<socketio::ConnectRequest> requests;
    QList<Event> events;
    QStringList connected;
    QList<QPair<QString, QString>> disconnected;
};

} // namespace tierdesk::test
