#include "core/api/http/HttpConnection.h"

#include "core/api/http/HttpWire.h"
#include "core/api/http/ResponderState.h"
#include "core/api/http/ServerCore.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimerEvent>

#include <sys/socket.h>

namespace tierdesk::http {

namespace {

constexpr qint64 kPeekChunk = 64 * 1024;
constexpr qint64 kLingerMs = 2000; // how long a closing connection drains what the client still sends

} // namespace

using detail::steadyMs;
using detail::steadyNs;

HttpConnection::HttpConnection(QTcpSocket *socket, detail::ServerCore &core, QObject *parent)
    : QObject(parent)
    , m_socket(socket)
    , m_core(core)
    , m_peer(socket->peerAddress())
{
    m_socket->setParent(this);
    http_parser_init(&m_parser, HTTP_REQUEST);
    m_parser.data = this;
}

HttpConnection::~HttpConnection()
{
    if (m_counted)
        --m_core.connections;
}

void HttpConnection::start()
{
    m_counted = true;
    ++m_core.connections;
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, [this] {
        m_gone = true;
        m_timer.stop();
        deleteLater();
    });
    setDeadline(Deadline::Idle, steadyMs() + m_core.limits.idleTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        processInput();
}

void HttpConnection::rejectBusy()
{
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    fail(503, QStringLiteral("Too many connections"));
}

void HttpConnection::abort()
{
    m_readClosed = true;
    if (m_socket && !m_gone)
        m_socket->abort();
}

bool HttpConnection::isOpen() const
{
    return m_socket && !m_gone && !m_lingering;
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
    if (m_inProcess || m_readClosed || m_readPaused || m_gone || !m_socket)
        return;
    m_inProcess = true;
    QPointer<HttpConnection> guard(this);

    bool stop = false;
    while (!stop && !m_readClosed && !m_readPaused) {
        if (int(m_slots.size()) >= m_core.limits.maxPipelined) {
            pauseReading();
            break;
        }
        const qint64 available = m_socket->bytesAvailable();
        if (available <= m_headPending)
            break;
        // Peek rather than read: an upgrade's head must still be in the socket for QWebSocketServer.
        const qint64 want = qMin(available, m_headPending + kPeekChunk);
        m_peekBuffer.resize(qsizetype(want));
        const qint64 got = m_socket->peek(m_peekBuffer.data(), want);
        if (got <= m_headPending)
            break;
        const char *data = m_peekBuffer.constData();
        qint64 front = 0;           // buffer index of the socket's first unread byte
        qint64 pos = m_headPending; // next byte for the parser

        while (pos < got) {
            const size_t parsed = http_parser_execute(&m_parser, &s_settings, data + pos, size_t(got - pos));
            const http_errno err = HTTP_PARSER_ERRNO(&m_parser);
            if (err == HPE_PAUSED)
                http_parser_pause(&m_parser, 0);
            pos += qint64(parsed);

            if (m_pendingError != 0 || (err != HPE_OK && err != HPE_PAUSED)) {
                const int status = m_pendingError != 0 ? m_pendingError : (err == HPE_HEADER_OVERFLOW ? 431 : 400);
                const QString message = m_pendingError != 0
                    ? m_pendingErrorMessage
                    : QStringLiteral("Malformed request: %1").arg(QLatin1String(http_errno_description(err)));
                m_socket->skip(pos - front);
                m_headPending = 0;
                fail(status, message);
                stop = true;
                break;
            }
            if (m_messageReady && m_upgradeRoute >= 0) {
                handleUpgrade(pos - front);
                stop = true;
                break;
            }
            if (m_phase == Phase::Head) {
                m_headPending = pos - front;
                if (m_headPending > m_core.limits.maxHeaderBytes) {
                    m_socket->skip(m_headPending);
                    m_headPending = 0;
                    fail(431, QStringLiteral("Request header fields too large"));
                    stop = true;
                    break;
                }
            } else {
                m_socket->skip(pos - front);
                front = pos;
                m_headPending = 0;
            }
            if (m_messageReady) {
                m_messageReady = false;
                dispatchRequest();
                if (!guard)
                    return;
                if (m_readClosed || m_gone || m_readPaused) {
                    stop = true;
                    break;
                }
                if (int(m_slots.size()) >= m_core.limits.maxPipelined) {
                    pauseReading();
                    stop = true;
                    break;
                }
            } else if (parsed == 0) {
                stop = true; // no progress: wait for more bytes
                break;
            }
        }
    }
    if (!guard)
        return;
    m_inProcess = false;
    // Hand the replies of this read to the kernel now, in one write, instead of waiting a
    // loop turn for the write notifier.
    if (m_socket && !m_gone && m_socket->bytesToWrite() > 0)
        m_socket->flush();
    if (!m_readClosed && !m_gone && m_phase != Phase::Idle && m_deadlineKind != Deadline::Request)
        setDeadline(Deadline::Request, m_messageStartMs + m_core.limits.requestTimeoutMs);
}

void HttpConnection::pauseReading()
{
    m_readPaused = true;
    // Let the kernel's window fill up instead of buffering an unbounded pipeline here.
    m_socket->setReadBufferSize(qMax<qint64>(kPeekChunk, m_socket->bytesAvailable()));
}

void HttpConnection::resumeReading()
{
    if (!m_readPaused)
        return;
    m_readPaused = false;
    m_socket->setReadBufferSize(0);
    if (m_inProcess)
        return; // the running loop picks the rest up
    if (m_socket->bytesAvailable() > 0) {
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
    }
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

void HttpConnection::dispatchRequest()
{
    HttpRequest request = std::move(m_request); // onMessageBegin resets m_request
    request.peerAddress = m_peer;
    const quint64 sequence =
        pushSlot(m_keepAlive, m_http10KeepAlive, request.method == "HEAD", &request);
    auto state = std::make_shared<detail::ResponderState>();
    state->connection = this;
    state->sequence = sequence;
    m_core.dispatch(request, HttpResponder(std::move(state)));
}

void HttpConnection::fail(int status, const QString &message)
{
    m_readClosed = true;
    m_phase = Phase::Idle;
    if (m_request.path.isEmpty() && !m_url.isEmpty())
        parseTarget(); // lets the error body follow the API family of the path, when known
    HttpRequest partial = m_request;
    partial.peerAddress = m_peer;
    const quint64 sequence = pushSlot(false, false, false, &partial);
    deliver(sequence, m_core.errorResponse(status, message, m_request.path));
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
        m_socket->write(m_headBuffer); // in order already: no copy into the slot
        if (withBody)
            m_socket->write(response.body);
        slot.bytes.clear();
    } else {
        slot.bytes = m_headBuffer;
        if (withBody)
            slot.bytes.append(response.body);
    }
    if (index == 0) {
        const bool close = slot.close;
        m_slots.pop_front();
        ++m_firstSequence;
        if (close) {
            lingerClose();
            return;
        }
    }
    flush();
    if (!m_inProcess && m_socket && !m_gone && !m_lingering)
        m_socket->flush(); // a deferred reply: nothing else will be batched with it
}

void HttpConnection::flush()
{
    while (!m_slots.empty() && m_slots.front().ready) {
        Slot &s = m_slots.front();
        if (!s.bytes.isEmpty())
            m_socket->write(s.bytes);
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
    if (m_readPaused)
        resumeReading();
    if (!m_readClosed && m_phase == Phase::Idle)
        setDeadline(Deadline::Idle, steadyMs() + m_core.limits.idleTimeoutMs);
}

// ---- WebSocket upgrade ----

void HttpConnection::handleUpgrade(qint64 headLength)
{
    const int route = m_upgradeRoute;
    m_upgradeRoute = -1;
    m_messageReady = false;
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();
    request.peerAddress = m_peer;

    std::optional<HttpResponse> refusal;
    try {
        refusal = m_core.webSocketRoutes[size_t(route)].accept(request);
    } catch (const std::exception &) {
        refusal = m_core.errorResponse(500, QStringLiteral("Internal server error"), request.path);
    }
    if (refusal) {
        m_socket->skip(headLength);
        m_headPending = 0;
        m_readClosed = true;
        const quint64 sequence = pushSlot(false, false, false, &request);
        deliver(sequence, std::move(*refusal));
        return;
    }
    // The rest of the stream is WebSocket: stop parsing, hand over once earlier replies are out.
    m_readClosed = true;
    m_upgradeRequest = std::move(request);
    m_upgradeRequestRoute = route;
    m_upgradePending = true;
    if (m_slots.empty())
        handOver();
}

void HttpConnection::handOver()
{
    m_upgradePending = false;
    m_timer.stop();
    QTcpSocket *socket = m_socket;
    disconnect(socket, nullptr, this, nullptr);
    m_socket = nullptr;
    m_gone = true;
    if (m_counted) {
        --m_core.connections;
        m_counted = false;
    }
    socket->setParent(nullptr);
    if (m_core.handOver)
        m_core.handOver(socket, m_upgradeRequest, m_upgradeRequestRoute);
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
    m_slots.clear();
    m_firstSequence = m_nextSequence; // replies still owed become no-ops
    if (m_socket->bytesToWrite() > 0) {
        connect(m_socket, &QTcpSocket::bytesWritten, this, [this] {
            if (m_socket && m_socket->bytesToWrite() == 0)
                shutdownWrite();
        });
    } else {
        shutdownWrite();
    }
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
        if (m_slots.empty() && m_phase == Phase::Idle) {
            m_readClosed = true;
            m_socket->disconnectFromHost();
        }
        break;
    case Deadline::Request:
        if (m_phase != Phase::Idle && !m_readClosed) {
            m_socket->skip(m_headPending);
            m_headPending = 0;
            fail(408, QStringLiteral("Request not received in time"));
        }
        break;
    case Deadline::Linger:
        m_socket->abort();
        break;
    case Deadline::None:
        break;
    }
}

} // namespace tierdesk::http