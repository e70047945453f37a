// Fuzzes the Socket.IO server with what a long-polling client can send: a fresh Engine.IO
// session (handshake through the real route table of a non-listening HttpServer), then the
// input as one POST body (packets separated by 0x1e; a leading CONNECT "40" is common in the
// seeds), then a GET. The input is also parsed as one Socket.IO packet on its own.
// Properties: the POST and the GET are each answered exactly once, with 200 or an Engine.IO
// error ({"code":N,"message":...}, 400/413); a packet that parses encodes to text that parses
// to the same packet.
#include "core/api/http/HttpServer.h"
#include "core/api/socketio/EngineIoServer.h"
#include "core/api/socketio/SocketIoPacket.h"
#include "core/api/socketio/SocketIoServer.h"
#include "fuzz/FuzzCheck.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <memory>

using namespace tierdesk;

namespace {

struct Answer {
    int count = 0;
    http::HttpResponse response;
};
using AnswerPtr = std::shared_ptr<Answer>;

// An answer may come later (a GET with nothing to send waits), hence shared.
AnswerPtr request(http::HttpServer &server, const QByteArray &method, const QString &query, const QByteArray &body = {})
{
    http::HttpRequest req;
    req.method = method;
    req.path = QStringLiteral("/socket.io/");
    req.query = QUrlQuery(query);
    req.body = body;
    req.peerAddress = QHostAddress::LocalHost;
    auto a = std::make_shared<Answer>();
    const http::Router::Match m = server.router().match(req.method, req.path);
    fuzz::check(m.kind == http::Router::Match::Found, "the Socket.IO route is missing");
    (*m.handler)(req, http::HttpResponder::capturing([a](http::HttpResponse &&r) {
        ++a->count;
        a->response = std::move(r);
    }));
    return a;
}

void checkAnswered(const AnswerPtr &answer, const QByteArray &what)
{
    const Answer &a = *answer;
    fuzz::check(a.count == 1, "a request was not answered exactly once", what);
    const int status = a.response.status;
    if (status == 200)
        return;
    fuzz::check(status == 400 || status == 413, "unexpected status", what + ' ' + QByteArray::number(status));
    const QJsonObject o = QJsonDocument::fromJson(a.response.body).object();
    fuzz::check(o.value(QLatin1String("code")).isDouble() && o.value(QLatin1String("message")).isString(),
        "an error without Engine.IO's body", a.response.body);
}

void checkRoundTrip(const QString &text)
{
    const auto p = socketio::SocketIoPacket::parse(text);
    if (!p)
        return;
    const QString encoded = p->encode();
    const auto again = socketio::SocketIoPacket::parse(encoded);
    fuzz::check(again && again->type == p->type && again->nsp == p->nsp && again->id == p->id && again->data == p->data,
        "a parsed packet does not survive encode and parse", text.toUtf8() + '\n' + encoded.toUtf8());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int argc = 1;
    static char name[] = "fuzz_socketio";
    static char *argv[] = {name, nullptr};
    // Never destroyed: libFuzzer ends with exit(), and a QCoreApplication destroyed among the
    // static destructors would outlive Qt globals created after it.
    static QCoreApplication *app = new QCoreApplication(argc, argv);
    Q_UNUSED(app);
    static http::HttpServer server;
    static socketio::SocketIoServer *io = [] {
        auto *s = new socketio::SocketIoServer(socketio::SocketIoOptions{}, &server);
        s->setAcceptHandler([](const socketio::ConnectRequest &r) -> std::optional<QString> {
            if (r.auth.value(QLatin1String("token")).toString() == QLatin1String("no"))
                return QStringLiteral("refused");
            return std::nullopt;
        });
        s->setEventHandler([s](const QString &client, const QString &event, const QJsonArray &args,
                               const socketio::SocketIoServer::Ack &ack) {
            if (ack)
                ack(args);
            s->join(client, event);
            s->emitToRoom(event, event, args);
        });
        s->install(server);
        return s;
    }();

    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    checkRoundTrip(QString::fromUtf8(input));

    const AnswerPtr open = request(server, "GET", QStringLiteral("EIO=4&transport=polling"));
    checkAnswered(open, "handshake");
    fuzz::check(open->response.status == 200 && open->response.body.startsWith('0'), "the handshake failed",
        open->response.body);
    const QString sid
        = QJsonDocument::fromJson(open->response.body.mid(1)).object().value(QLatin1String("sid")).toString();
    const QString query = QStringLiteral("EIO=4&transport=polling&sid=") + sid;
    checkAnswered(request(server, "POST", query, input), "POST " + input);
    QCoreApplication::sendPostedEvents(); // queued flushes
    const AnswerPtr poll = request(server, "GET", query); // may wait: nothing to send
    // The client closes (the session may be gone already): a waiting GET ends now.
    request(server, "POST", query, QByteArrayLiteral("1"));
    QCoreApplication::sendPostedEvents();
    checkAnswered(poll, "GET after " + input);
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    fuzz::check(io->engine().sessionCount() == 0, "a closed session stayed");
    return 0;
}
