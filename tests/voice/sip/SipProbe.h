#pragma once

// A SIP peer made of raw datagrams, for what a well-behaved phone never sends: INVITEs the door
// must refuse (unknown number, full house, no codec in common, malformed SDP, no SDP at all),
// garbage, and a caller that answers but never sends RTP. It reads the status lines and requests
// that come back, waiting on the socket (QTest::qWaitFor), never sleeping.
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTest>
#include <QUdpSocket>

namespace tierdesk::test {

class SipProbe {
public:
    // `source`: the address it sends from (any of 127.0.0.0/8 on Linux: another caller's address).
    explicit SipProbe(quint16 serverPort, const QHostAddress &source = QHostAddress::LocalHost)
        : m_server(serverPort), m_source(source.toString())
    {
        m_socket.bind(source, 0);
        m_callId = QStringLiteral("probe-%1").arg(QRandomGenerator::global()->generate());
        QObject::connect(&m_socket, &QUdpSocket::readyRead, &m_socket, [this] {
            while (m_socket.hasPendingDatagrams()) {
                QByteArray d(static_cast<int>(m_socket.pendingDatagramSize()), Qt::Uninitialized);
                m_socket.readDatagram(d.data(), d.size());
                m_received << QString::fromUtf8(d);
            }
        });
    }

    static QString sdp(const QString &formats, const QString &rtpmaps, quint16 rtpPort = 40000)
    {
        return QStringLiteral("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                              "m=audio %1 RTP/AVP %2\r\n%3")
            .arg(rtpPort)
            .arg(formats, rtpmaps);
    }
    static QString pcmuOffer(quint16 rtpPort = 40000)
    {
        return sdp(QStringLiteral("0 101"),
            QStringLiteral("a=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\n"), rtpPort);
    }

    void invite(
        const QString &number, const QString &body, const QString &contentType = QStringLiteral("application/sdp"))
    {
        inviteAgain(1, number, body, {}, contentType);
    }
    // Another INVITE of the same call (a new transaction, CSeq `cseq`) with `extraHeaders` (an
    // Authorization answering a challenge: "Authorization: Digest ...\r\n").
    void inviteAgain(int cseq, const QString &number, const QString &body, const QString &extraHeaders,
        const QString &contentType = QStringLiteral("application/sdp"))
    {
        const QByteArray b = body.toUtf8();
        send(requestLine(number) + headers(cseq, QStringLiteral("INVITE")) + extraHeaders
            + (b.isEmpty() ? QString() : QStringLiteral("Content-Type: %1\r\n").arg(contentType))
            + QStringLiteral("Content-Length: %1\r\n\r\n").arg(b.size()) + body);
    }
    // The Request-URI an INVITE to `number` names (a digest answer's uri).
    QString requestUri(const QString &number) const
    {
        return QStringLiteral("sip:%1@127.0.0.1:%2").arg(number, QString::number(m_server));
    }
    void options()
    {
        send(QStringLiteral("OPTIONS sip:127.0.0.1:%1 SIP/2.0\r\n").arg(m_server)
            + headers(2, QStringLiteral("OPTIONS")) + QStringLiteral("Content-Length: 0\r\n\r\n"));
    }
    // The ACK for the 200 OK to the INVITE of CSeq `cseq`, its To tag taken from the answer.
    void ack(int cseq = 1)
    {
        const QString ok = reply(200);
        const QRegularExpressionMatch to = QRegularExpression(QStringLiteral("(?m)^To: ([^\r\n]*)")).match(ok);
        const QRegularExpressionMatch contact = QRegularExpression(QStringLiteral("(?m)^Contact: <([^>]*)>")).match(ok);
        send(QStringLiteral("ACK %1 SIP/2.0\r\n").arg(contact.captured(1))
            + QStringLiteral("Via: SIP/2.0/UDP 127.0.0.1:%1;branch=z9hG4bK-ack-%2;rport\r\nMax-Forwards: 70\r\n")
                  .arg(m_socket.localPort())
                  .arg(m_callId)
            + QStringLiteral("From: <sip:probe@127.0.0.1>;tag=probe\r\nTo: %1\r\nCall-ID: %2\r\nCSeq: %3 ACK\r\n"
                             "Content-Length: 0\r\n\r\n")
                  .arg(to.captured(1), m_callId)
                  .arg(cseq));
    }
    // A request from the server (BYE), answered 200 OK.
    QString waitForRequest(const QString &method, int timeoutMs = 15000)
    {
        QString found;
        (void)QTest::qWaitFor(
            [&] {
                for (const QString &m : std::as_const(m_received))
                    if (m.startsWith(method + QLatin1Char(' '))) {
                        found = m;
                        return true;
                    }
                return false;
            },
            timeoutMs);
        if (!found.isEmpty()) {
            QString answer = QStringLiteral("SIP/2.0 200 OK\r\n");
            for (const QString &line : found.split(QStringLiteral("\r\n")))
                for (const char *h : {"Via:", "From:", "To:", "Call-ID:", "CSeq:"})
                    if (line.startsWith(QLatin1String(h)))
                        answer += line + QStringLiteral("\r\n");
            send(answer + QStringLiteral("Content-Length: 0\r\n\r\n"));
        }
        return found;
    }
    // The first final answer (>= 200) to the INVITE of CSeq `cseq`; 0 when none came in time.
    int waitForFinal(int timeoutMs = 10000, int cseq = 1)
    {
        int status = 0;
        const QString cseqLine = QStringLiteral("CSeq: %1 INVITE").arg(cseq);
        (void)QTest::qWaitFor(
            [&] {
                for (const QString &m : std::as_const(m_received)) {
                    const int s = statusOf(m);
                    if (s >= 200 && (cseq == 1 || m.contains(cseqLine))) {
                        status = s;
                        m_final = m;
                        return true;
                    }
                }
                return false;
            },
            timeoutMs);
        return status;
    }
    // The message of the answer waitForFinal() found last.
    const QString &finalAnswer() const { return m_final; }
    QString reply(int status) const
    {
        for (const QString &m : m_received)
            if (statusOf(m) == status)
                return m;
        return {};
    }
    void sendRaw(const QByteArray &datagram) { m_socket.writeDatagram(datagram, QHostAddress::LocalHost, m_server); }
    const QStringList &received() const { return m_received; }

private:
    static int statusOf(const QString &m) { return m.startsWith(QLatin1String("SIP/2.0 ")) ? m.mid(8, 3).toInt() : 0; }
    QString requestLine(const QString &number) const
    {
        return QStringLiteral("INVITE %1 SIP/2.0\r\n").arg(requestUri(number));
    }
    QString headers(int cseq, const QString &method) const
    {
        return QStringLiteral("Via: SIP/2.0/UDP %5:%1;branch=z9hG4bK-%2-%3;rport\r\nMax-Forwards: 70\r\n"
                              "From: <sip:probe@%5>;tag=probe\r\nTo: <sip:x@127.0.0.1>\r\nCall-ID: %2\r\n"
                              "CSeq: %3 %4\r\nContact: <sip:probe@%5:%1>\r\n")
            .arg(m_socket.localPort())
            .arg(m_callId)
            .arg(cseq)
            .arg(method, m_source);
    }
    void send(const QString &message) { sendRaw(message.toUtf8()); }

    quint16 m_server;
    QString m_source;
    QUdpSocket m_socket;
    QString m_callId;
    QStringList m_received;
    QString m_final;
};

} // namespace tierdesk::test
