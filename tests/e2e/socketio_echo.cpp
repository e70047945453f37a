// A Socket.IO server with a small echo and room application, for tests/e2e/socketio.test.mjs:
// the real socket.io-client against tierdesk::socketio::SocketIoServer.
//   tierdesk_socketio_echo [--ping-interval MS] [--ping-timeout MS]
// Prints "Socket.IO echo serving http://127.0.0.1:PORT" once it listens; quits on SIGTERM/SIGINT.
// A CONNECT needs auth {"token":"secret"}; otherwise it is refused with "invalid token".
// Events:  "echo" ...args      -> ack(...args) when asked, else emits "echo" ...args back
//          "join" room         -> ack("joined", room)
//          "shout" room, text  -> "shouted" {room, text, from} to everyone in the room
//          "bye"               -> the server disconnects the client

#include "core/api/http/HttpServer.h"
#include "core/api/socketio/SocketIoServer.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <unistd.h>

using tierdesk::socketio::SocketIoServer;

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char c = 1;
    [[maybe_unused]] const auto n = ::write(signalPipe[1], &c, 1);
}

void quitOnSignals()
{
    if (::pipe(signalPipe) != 0)
        return;
    std::signal(SIGINT, onSignal);
    std::signal(SIGTERM, onSignal);
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, qApp);
    QObject::connect(notifier, &QSocketNotifier::activated, qApp, [] { QCoreApplication::quit(); });
}

void onEvent(SocketIoServer &io, const QString &client, const QString &event, const QJsonArray &args,
    const SocketIoServer::Ack &ack)
{
    if (event == u"echo") {
        if (ack)
            ack(args);
        else
            io.emitTo(client, event, args);
    } else if (event == u"join") {
        const QString room = args.at(0).toString();
        io.join(client, room);
        if (ack)
            ack(QJsonArray{QStringLiteral("joined"), room});
    } else if (event == u"shout") {
        const QString room = args.at(0).toString();
        io.emitToRoom(room, QStringLiteral("shouted"),
            QJsonArray{QJsonObject{{QStringLiteral("room"), room}, {QStringLiteral("text"), args.at(1)},
                {QStringLiteral("from"), client}}});
    } else if (event == u"bye") {
        io.disconnectClient(client);
    }
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    const QCommandLineOption pingInterval(QStringLiteral("ping-interval"), QStringLiteral("ms"), QStringLiteral("ms"));
    const QCommandLineOption pingTimeout(QStringLiteral("ping-timeout"), QStringLiteral("ms"), QStringLiteral("ms"));
    parser.addOptions({pingInterval, pingTimeout});
    parser.process(app);

    tierdesk::socketio::SocketIoOptions options;
    if (parser.isSet(pingInterval))
        options.pingIntervalMs = parser.value(pingInterval).toInt();
    if (parser.isSet(pingTimeout))
        options.pingTimeoutMs = parser.value(pingTimeout).toInt();

    tierdesk::http::HttpServer http;
    SocketIoServer io(options);
    io.setAcceptHandler([](const tierdesk::socketio::ConnectRequest &request) -> std::optional<QString> {
        if (request.auth.value(QStringLiteral("token")).toString() != u"secret")
            return QStringLiteral("invalid token");
        return std::nullopt;
    });
    io.setEventHandler([&io](const QString &client, const QString &event, const QJsonArray &args,
                           const SocketIoServer::Ack &ack) { onEvent(io, client, event, args, ack); });
    io.install(http);
    if (!http.listen(QHostAddress::LocalHost, 0)) {
        QTextStream(stderr) << "tierdesk_socketio_echo: " << http.errorString() << Qt::endl;
        return 1;
    }
    quitOnSignals();
    QTextStream(stdout) << "Socket.IO echo serving http://127.0.0.1:" << http.serverPort() << Qt::endl;
    return QCoreApplication::exec();
}
