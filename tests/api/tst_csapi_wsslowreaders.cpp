// Company-wide subscribers of /api/cs/ws that stop reading (raw TCP clients that complete
// the upgrade and subscribe, then read nothing): each live event is held once for all of
// them, not copied for each, every one is dropped once more than http/maxUnsentBytes wait
// for it, and what they held is given back.
#include "tests/api/ApiTestSupport.h"
#include "tests/http/WebSocketFrames.h"

#include <QTcpSocket>
#include <QTest>

#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define TIERDESK_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define TIERDESK_ASAN 1
#endif

#if defined(TIERDESK_ASAN)
#include <sanitizer/allocator_interface.h>
#else
#include <malloc.h>
#endif

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

constexpr qint64 kMaxUnsentBytes = 1024 * 1024;
constexpr int kClients = 20;
constexpr int kEventTextBytes = 32 * 1024;
// 12.5 MiB of events per client: past the cap whatever the kernel's socket buffers take.
constexpr int kEvents = 400;

// Bytes the process has allocated and not freed (the allocator's own count).
qint64 allocatedBytes()
{
#if defined(TIERDESK_ASAN)
    return qint64(__sanitizer_get_current_allocated_bytes());
#else
    const struct mallinfo2 info = mallinfo2();
    return qint64(info.uordblks + info.hblkhd);
#endif
}

// Upgrades, subscribes to the company, then reads no more.
bool openSlowReader(QTcpSocket &s, quint16 port, const QByteArray &token, const QString &companyId)
{
    s.connectToHost(QHostAddress::LocalHost, port);
    QByteArray in;
    const auto waitFor = [&](const QByteArray &text) {
        return QTest::qWaitFor(
            [&] {
                in += s.readAll();
                return in.contains(text);
            },
            5000);
    };
    if (!QTest::qWaitFor([&] { return s.state() == QAbstractSocket::ConnectedState; }, 5000))
        return false;
    s.write("GET /api/cs/ws?token=" + token
        + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    if (!waitFor("\"welcome\""))
        return false;
    s.write(clientFrame(0x81,
        QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("subscribe")},
                          {QStringLiteral("companyId"), companyId}})
            .toJson(QJsonDocument::Compact)));
    if (!waitFor("\"subscribed\""))
        return false;
    // From now on Qt takes nothing from the kernel, whose buffer stays small.
    s.setReadBufferSize(1024);
    s.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 16 * 1024);
    return true;
}

SessionEvent bigMessageEvent(const QString &companyId)
{
    Session session;
    session.id = QStringLiteral("sess_slowreaders");
    session.companyId = companyId;
    session.customerId = QStringLiteral("cust_ben");
    SessionEvent event;
    event.type = SessionEventType::Message;
    event.companyId = companyId;
    event.sessionId = session.id;
    event.session = session;
    event.customerMessage
        = Message{QStringLiteral("msg_1"), QStringLiteral("customer"), QString(kEventTextBytes, u'x'), 1, {}, {}};
    return event;
}

} // namespace

class TestCsApiWsSlowReaders : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_server.start("[http]\nmaxUnsentBytes=" + QByteArray::number(kMaxUnsentBytes) + "\n", false, &error),
            qPrintable(error));
    }
    void cleanupTestCase() { m_server.stop(); }

    void slowSubscribersShareEachEventAndAreDropped()
    {
        std::vector<std::unique_ptr<QTcpSocket>> clients;
        for (int i = 0; i < kClients; ++i) {
            clients.push_back(std::make_unique<QTcpSocket>());
            QVERIFY(openSlowReader(
                *clients.back(), m_server.port(), m_server.token(api::Role::Agent), m_server.companyId()));
        }
        const SessionEvent event = bigMessageEvent(m_server.companyId());
        SessionEngine &engine = m_server.runtime().engine();
        const qint64 before = allocatedBytes();
        qint64 peak = before;
        for (int i = 0; i < kEvents; ++i) {
            emit engine.sessionEvent(event);
            QCoreApplication::processEvents(); // the server writes what the kernel takes
            peak = qMax(peak, allocatedBytes());
        }
        // A copy for each would be kClients times the cap (20 MiB); shared, the cap once plus
        // each connection's socket window.
        const qint64 grown = peak - before;
        qInfo("held at most %lld KiB more for %d clients that do not read", grown / 1024, kClients);
        QVERIFY2(grown < kClients * kMaxUnsentBytes / 4,
            qPrintable(QStringLiteral("%1 KiB held for %2 slow clients").arg(grown / 1024).arg(kClients)));

        // Every one was dropped: once it reads again (and throws away) what the kernel kept
        // for it, it finds its connection gone.
        for (auto &client : clients) {
            QTcpSocket *socket = client.get();
            connect(socket, &QTcpSocket::readyRead, socket, [socket] { socket->skip(socket->bytesAvailable()); });
            socket->setReadBufferSize(0);
            socket->skip(socket->bytesAvailable());
        }
        for (auto &client : clients)
            QTRY_COMPARE_WITH_TIMEOUT(client->state(), QAbstractSocket::UnconnectedState, 10000);
        // And what they held is freed.
        QTRY_VERIFY2(allocatedBytes() - before < kMaxUnsentBytes,
            qPrintable(QStringLiteral("%1 KiB still held").arg((allocatedBytes() - before) / 1024)));
    }

private:
    ServerFixture m_server;
};

QTEST_GUILESS_MAIN(TestCsApiWsSlowReaders)
#include "tst_csapi_wsslowreaders.moc"
