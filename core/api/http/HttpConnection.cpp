#include "core/api/http/HttpConnection.h"

#include "core/api/http/HttpWire.h"
#include "core/api/http/ResponderState.h"
#include "core/api/http/ServerCore.h"
#include "core/api/http/WebSocket.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimerEvent>

#include <optional>

#include <sys/socket.h>

namespace tierdesk::http {

namespace {

constexpr qint64 kPeekChunk = 64 * 1024;
constexpr qint64 kLingerMs = 2000; // how long a closing connection drains what the client still sends
constexpr qint64 kFlushAt = 64 * 1024; // replies batched in one read go to the kernel beyond this

using Phase = HttpRequestParser::Phase;
using ParseStatus = HttpRequestParser::Status;

} // namespace

using detail::steadyMs;
using detail::steadyNs;

HttpConnection::HttpConnection(QTcpSocket *socket, detail::ServerCore &core, QObject *parent)
    : QObject(parent), m_socket(socket), m_core(core), m_peer(socket->peerAddress()),
      m_clientKey(detail::ServerCore::clientKey(m_peer)), m_parser(core.limits)
{
    m_socket->setParent(this);
}

HttpConnection::~HttpConnection()
{
    unlinkIdle();
    releaseSlot();
}

void HttpConnection::start()
{
    m_counted = true;
    ++m_core.connections;
    ++m_core.perClient[m_clientKey];
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connectSocket();
    setDeadline(Deadline::Idle, steadyMs() + m_core.limits.idleTimeoutMs);
    linkIdle();
    if (m_socket->bytesAvailable() > 0)
        processInput();
}

void HttpConnection::connectSocket()
{
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_gone = true;
        m_timer.stop();
        unlinkIdle();
        releaseSlot();
        deleteLater();
    });
}

void HttpConnection::rejectBusy(const QString &message)
{
    connectSocket();
    fail(503, message, QString());
}

void HttpConnection::shed()
{
    unlinkIdle();
    releaseSlot(); // the slot is free for the connection that displaces this one
    m_readClosed = true;
    m_timer.stop();
    m_socket->disconnectFromHost(); // nothing is owed: this closes at once
}

void HttpConnection::abort()
{
    m_readClosed = true;
    if (m_socket && !m_gone)
        m_socket->abort();
}

void HttpConnection::reap()
{
    unlinkIdle();
    releaseSlot();
    m_readClosed = true;
    m_timer.stop();
    if (m_socket && !m_gone)
        m_socket->abort(); // nobody reads what is still owed
}

qintptr HttpConnection::socketDescriptor() const
{
    return m_socket && !m_gone ? m_socket->socketDescriptor() : -1;
}

bool HttpConnection::isOpen() const
{
    return m_socket && !m_gone && !m_lingering;
}

void HttpConnection::releaseSlot()
{
    if (!m_counted)
        return;
    m_counted = false;
    --m_core.connections;
    const auto it = m_core.perClient.find(m_clientKey);
    if (it != m_core.perClient.end() && --*it <= 0)
        m_core.perClient.erase(it);
}

// ---- reading ----

void HttpConnection::onReadyRead()
{
    if (m_lingering) {
        m_socket->readAll(); // draining: the reply is out, the rest is discarded
        return;
    }
    processInput();
}

void HttpConnection::processInput()
{
    if (m_inProcess || m_readClosed || m_paused != 0 || m_gone || !m_socket || m_socket->bytesAvailable() <= 0)
        return;
    m_inProcess = true;
    unlinkIdle();
    QPointer<HttpConnection> guard(this);

    bool stop = false;
    while (!stop && !m_readClosed && m_paused == 0) {
        if (int(m_slots.size()) >= m_core.limits.maxPipelined) {
            pause(PipelineFull);
            break;
        }
        const qint64 want = qMin(m_socket->bytesAvailable(), kPeekChunk);
        if (want <= 0)
            break;
        // Peek, then skip what the parser consumed: a pause leaves the rest in the socket.
        m_peekBuffer.resize(qsizetype(want));
        const qint64 got = m_socket->peek(m_peekBuffer.data(), want);
        if (got <= 0)
            break;
        const char *data = m_peekBuffer.constData();
        qint64 front = 0;
        while (!stop && front < got) {
            const bool wasIdle = m_parser.phase() == Phase::Idle;
            const qint64 used = m_parser.feed(data + front, got - front);
            m_socket->skip(used);
            front += used;
            // Interim replies may only go out when no earlier reply is still owed.
            if (m_parser.takeExpectContinue() && m_slots.empty())
                m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            const ParseStatus status = m_parser.status();
            if (status == ParseStatus::Error) {
                fail(m_parser.errorStatus(), m_parser.errorMessage(), m_parser.errorPath());
                stop = true;
            } else if (status == ParseStatus::Request) {
                HttpRequest request = m_parser.takeRequest();
                const int route = m_parser.isWebSocketUpgrade() ? m_core.webSocketRouteFor(request.path) : -1;
                if (route >= 0) {
                    handleUpgrade(std::move(request), route);
                    stop = true;
                } else {
                    dispatchRequest(std::move(request));
                    if (!guard)
                        return;
                    stop = !afterRequest();
                }
            } else {
                if (wasIdle && m_parser.phase() != Phase::Idle) {
                    m_messageStartMs = steadyMs(); // a request has begun and is not complete yet
                    m_deadlineKind = Deadline::None;
                }
                stop = used == 0;
            }
        }
    }
    m_inProcess = false;
    // Hand the replies of this read to the kernel now, in one write, instead of waiting a
    // loop turn for the write notifier.
    if (m_socket && !m_gone && !m_lingering && m_socket->bytesToWrite() > 0) {
        m_socket->flush();
        checkOutput();
    }
    if (!m_readClosed && !m_gone && !(m_paused & OutputPending) && m_parser.phase() != Phase::Idle
        && m_deadlineKind != Deadline::Request)
        setDeadline(Deadline::Request, m_messageStartMs + m_core.limits.requestTimeoutMs);
    if (isIdle())
        linkIdle();
}

// After a dispatched request: whether to go on reading the pipeline.
bool HttpConnection::afterRequest()
{
    if (m_readClosed || m_gone || m_paused != 0 || !m_socket)
        return false;
    if (int(m_slots.size()) >= m_core.limits.maxPipelined) {
        pause(PipelineFull);
        return false;
    }
    if (m_socket->bytesToWrite() >= kFlushAt) {
        m_socket->flush();
        if (m_socket->bytesToWrite() > 0) {
            checkOutput(); // the client is not keeping up: read no more of its requests for now
            return false;
        }
    }
    return true;
}

void HttpConnection::pause(PauseReason reason)
{
    const bool wasPaused = m_paused != 0;
    m_paused |= reason;
    // Let the kernel's window fill up instead of buffering an unbounded pipeline here.
    if (!wasPaused)
        m_socket->setReadBufferSize(qMax<qint64>(kPeekChunk, m_socket->bytesAvailable()));
}

void HttpConnection::resume(PauseReason reason)
{
    if (!(m_paused & reason))
        return;
    m_paused &= ~reason;
    if (m_paused != 0)
        return;
    m_socket->setReadBufferSize(0);
    if (!m_inProcess && m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

// ---- requests and replies ----

quint64 HttpConnection::pushSlot(bool keepAlive, bool http10KeepAlive, bool head, const HttpRequest *forLog)
{
    m_slots.emplace_back();
    Slot &s = m_slots.back();
    s.keepAlive = keepAlive;
    s.keepAliveHeader = http10KeepAlive;
    s.head = head;
    if (m_core.accessLog) {
        s.startNs = steadyNs();
        if (forLog)
            s.logged = *forLog;
    }
    return m_nextSequence++;
}

void HttpConnection::addressed(HttpRequest &request) const
{
    request.peerAddress = m_peer;
    if (const QByteArray host = request.header("host"); isPlainHost(host))
        request.host = QString::fromLatin1(host);
    m_core.trustedProxies.apply(request);
}

void HttpConnection::dispatchRequest(HttpRequest &&request)
{
    addressed(request);
    const quint64 sequence
        = pushSlot(m_parser.keepAlive(), m_parser.http10KeepAlive(), request.method == "HEAD", &request);
    auto state = std::make_shared<detail::ResponderState>();
    state->connection = this;
    state->sequence = sequence;
    m_core.dispatch(request, HttpResponder(std::move(state)));
}

void HttpConnection::fail(int status, const QString &message, const QString &path)
{
    m_readClosed = true;
    HttpRequest partial; // for the access log
    partial.path = path;
    partial.peerAddress = m_peer;
    const quint64 sequence = pushSlot(false, false, false, &partial);
    deliver(sequence, m_core.errorResponse(status, message, path)); // the body follows the path's API family
}

void HttpConnection::deliver(quint64 sequence, HttpResponse &&response)
{
    if (m_gone || !m_socket || m_lingering || sequence < m_firstSequence)
        return;
    const quint64 index = sequence - m_firstSequence;
    if (index >= m_slots.size())
        return;
    Slot &slot = m_slots[size_t(index)];
    if (slot.ready)
        return;
    slot.ready = true;
    slot.close = !slot.keepAlive || detail::wantsClose(response);

    if (m_core.accessLog) {
        const qint64 micros = (steadyNs() - slot.startNs) / 1000;
        m_core.accessLog(slot.logged, response.status, micros);
        slot.logged = HttpRequest();
    }

    detail::WireOptions options;
    options.close = slot.close;
    options.keepAliveHeader = slot.keepAliveHeader;
    options.headRequest = slot.head;
    m_headBuffer.resize(0);
    detail::appendResponseHead(m_headBuffer, response, options);
    const bool withBody = !slot.head && detail::statusAllowsBody(response.status) && !response.body.isEmpty();
    if (index == 0) {
        // In order already: no copy into the slot.
        if (!writeReply(m_headBuffer, withBody ? &response.body : nullptr))
            return;
        const bool close = slot.close;
        m_slots.pop_front();
        ++m_firstSequence;
        if (close) {
            lingerClose();
            return;
        }
    } else {
        slot.bytes = m_headBuffer;
        if (withBody)
            slot.bytes.append(response.body);
    }
    flush();
    if (!m_inProcess && m_socket && !m_gone && !m_lingering) {
        m_socket->flush(); // a deferred reply: nothing else will be batched with it
        checkOutput();
        if (isIdle())
            linkIdle();
    }
}

// Queues one reply. A client that lets replies pile up beyond maxUnsentBytes is not reading
// them: it is dropped instead of buffering more for it.
bool HttpConnection::writeReply(const QByteArray &head, const QByteArray *body)
{
    if (m_socket->bytesToWrite() > m_core.limits.maxUnsentBytes)
        m_socket->flush(); // hand the kernel what it takes first
    if (m_socket->bytesToWrite() > m_core.limits.maxUnsentBytes) {
        m_readClosed = true;
        m_socket->abort();
        return false;
    }
    m_socket->write(head);
    if (body)
        m_socket->write(*body);
    m_core.peakUnsentBytes = qMax(m_core.peakUnsentBytes, m_socket->bytesToWrite());
    return true;
}

void HttpConnection::flush()
{
    while (!m_slots.empty() && m_slots.front().ready) {
        Slot &s = m_slots.front();
        if (!s.bytes.isEmpty() && !writeReply(s.bytes, nullptr))
            return;
        const bool close = s.close;
        m_slots.pop_front();
        ++m_firstSequence;
        if (close) {
            lingerClose();
            return;
        }
    }
    if (!m_slots.empty())
        return;
    if (m_upgradePending) {
        handOver();
        return;
    }
    resume(PipelineFull);
    if (!m_readClosed && m_parser.phase() == Phase::Idle && !(m_paused & OutputPending))
        setDeadline(Deadline::Idle, steadyMs() + m_core.limits.idleTimeoutMs);
}

// Output the kernel did not take: stop reading requests until the client drains it, and drop
// the client if it makes no progress within the write timeout.
void HttpConnection::checkOutput()
{
    const qint64 pending = m_socket->bytesToWrite();
    m_core.peakUnsentBytes = qMax(m_core.peakUnsentBytes, pending);
    if (pending == 0 || m_lingering || (m_paused & OutputPending))
        return;
    pause(OutputPending);
    unlinkIdle();
    setDeadline(Deadline::Write, steadyMs() + m_core.limits.writeTimeoutMs);
}

void HttpConnection::onBytesWritten()
{
    if (!m_socket)
        return;
    if (m_lingering) {
        if (m_socket->bytesToWrite() == 0)
            shutdownWrite();
        return;
    }
    if (!(m_paused & OutputPending))
        return;
    if (m_socket->bytesToWrite() > 0) {
        setDeadline(Deadline::Write, steadyMs() + m_core.limits.writeTimeoutMs); // progress, however slow
        return;
    }
    if (m_parser.phase() != Phase::Idle)
        setDeadline(Deadline::Request, m_messageStartMs + m_core.limits.requestTimeoutMs);
    else if (m_slots.empty())
        setDeadline(Deadline::Idle, steadyMs() + m_core.limits.idleTimeoutMs);
    else
        setDeadline(Deadline::None, 0);
    resume(OutputPending);
    if (isIdle())
        linkIdle();
}

// ---- WebSocket upgrade ----

void HttpConnection::handleUpgrade(HttpRequest &&request, int route)
{
    addressed(request);
    m_readClosed = true; // the rest of the stream is WebSocket, or nothing
    std::optional<HttpResponse> refusal;
    if (request.header(QByteArrayLiteral("sec-websocket-version")).trimmed() != "13") {
        refusal = m_core.errorResponse(426, QStringLiteral("Unsupported WebSocket version: use 13"), request.path);
        refusal->withHeader(QByteArrayLiteral("Sec-WebSocket-Version"), QByteArrayLiteral("13"))
            .withHeader(QByteArrayLiteral("Upgrade"), QByteArrayLiteral("websocket"));
    } else if (!WebSocket::isValidKey(request.header(QByteArrayLiteral("sec-websocket-key")))) {
        refusal = m_core.errorResponse(400, QStringLiteral("Missing or malformed Sec-WebSocket-Key"), request.path);
    } else {
        try {
            refusal = m_core.webSocketRoutes[size_t(route)].accept(request);
        } catch (const std::exception &) {
            refusal = m_core.errorResponse(500, QStringLiteral("Internal server error"), request.path);
        }
    }
    if (refusal) {
        const quint64 sequence = pushSlot(false, false, false, &request);
        deliver(sequence, std::move(*refusal));
        return;
    }
    // Hand over once earlier replies are out.
    m_upgradeRequest = std::move(request);
    m_upgradeRoute = route;
    m_upgradePending = true;
    if (m_slots.empty())
        handOver();
}

void HttpConnection::handOver()
{
    m_upgradePending = false;
    m_timer.stop();
    unlinkIdle();
    releaseSlot(); // the socket leaves the HTTP side
    QTcpSocket *socket = m_socket;
    disconnect(socket, nullptr, this, nullptr);
    m_socket = nullptr;
    m_gone = true;
    socket->setReadBufferSize(0);
    socket->setParent(nullptr);
    socket->write(WebSocket::handshakeResponse(m_upgradeRequest.header(QByteArrayLiteral("sec-websocket-key"))));
    if (m_core.handOver)
        m_core.handOver(socket, m_upgradeRequest, m_upgradeRoute);
    else
        socket->deleteLater();
    deleteLater();
}

// ---- closing and timeouts ----

void HttpConnection::lingerClose()
{
    if (m_lingering || m_gone)
        return;
    m_lingering = true;
    m_readClosed = true;
    unlinkIdle();
    m_slots.clear();
    m_firstSequence = m_nextSequence; // replies still owed become no-ops
    if (m_socket->bytesToWrite() == 0)
        shutdownWrite(); // else onBytesWritten does once it is out
    setDeadline(Deadline::Linger, steadyMs() + kLingerMs);
}

void HttpConnection::shutdownWrite()
{
    // Half-close instead of close(): unread request bytes would make the kernel send a reset,
    // which can destroy the error reply before the client reads it.
    const qintptr fd = m_socket->socketDescriptor();
    if (fd < 0 || ::shutdown(int(fd), SHUT_WR) != 0)
        m_socket->disconnectFromHost();
    m_socket->readAll();
}

void HttpConnection::setDeadline(Deadline kind, qint64 atMs)
{
    m_deadlineKind = kind;
    m_deadlineMs = atMs;
    if (kind == Deadline::None)
        return;
    // Re-arm only when the new deadline is earlier; a later one is handled when the timer fires.
    if (!m_timer.isActive() || atMs < m_timerFiresMs) {
        m_timer.start(int(qMax<qint64>(0, atMs - steadyMs())), this);
        m_timerFiresMs = atMs;
    }
}

void HttpConnection::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer.timerId()) {
        QObject::timerEvent(event);
        return;
    }
    m_timer.stop();
    if (m_gone || !m_socket || m_deadlineKind == Deadline::None)
        return;
    const qint64 now = steadyMs();
    if (now < m_deadlineMs) {
        m_timer.start(int(m_deadlineMs - now), this);
        m_timerFiresMs = m_deadlineMs;
        return;
    }
    switch (m_deadlineKind) {
    case Deadline::Idle:
        if (m_slots.empty() && m_parser.phase() == Phase::Idle) {
            m_readClosed = true;
            unlinkIdle();
            m_socket->disconnectFromHost();
        }
        break;
    case Deadline::Request:
        if (m_parser.phase() != Phase::Idle && !m_readClosed)
            fail(408, QStringLiteral("Request not received in time"), m_parser.errorPath());
        break;
    case Deadline::Write:
        if (m_socket->bytesToWrite() > 0) {
            m_readClosed = true; // the client stopped reading: its replies are dropped
            m_socket->abort();
        }
        break;
    case Deadline::Linger:
        m_socket->abort();
        break;
    case Deadline::None:
        break;
    }
}

// ---- the server's list of idle connections, oldest first ----

bool HttpConnection::isIdle() const
{
    return m_counted && !m_gone && !m_lingering && !m_readClosed && !m_upgradePending && m_paused == 0
        && m_slots.empty() && m_parser.phase() == Phase::Idle && m_socket && m_socket->bytesToWrite() == 0;
}

void HttpConnection::linkIdle()
{
    if (m_idleLinked)
        return;
    m_idleLinked = true;
    m_idlePrev = m_core.idleTail;
    m_idleNext = nullptr;
    if (m_core.idleTail)
        m_core.idleTail->m_idleNext = this;
    else
        m_core.idleHead = this;
    m_core.idleTail = this;
}

void HttpConnection::unlinkIdle()
{
    if (!m_idleLinked)
        return;
    m_idleLinked = false;
    if (m_idlePrev)
        m_idlePrev->m_idleNext = m_idleNext;
    else
        m_core.idleHead = m_idleNext;
    if (m_idleNext)
        m_idleNext->m_idlePrev = m_idlePrev;
    else
        m_core.idleTail = m_idlePrev;
    m_idlePrev = m_idleNext = nullptr;
}

} // namespace tierdesk::http
