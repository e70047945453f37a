#include "WebSocketFrames.h"

#include "core/api/http/WebSocketFrameReader.h"

#include <QRandomGenerator>
#include <QtTest>

// The WebSocket frame reader on its own: client bytes in, messages or a close code out.

using namespace tierdesk::http;
using tierdesk::test::clientFrame;
using tierdesk::test::closePayload;
using Kind = WebSocketFrameReader::Kind;

namespace {

struct Event {
    Kind kind;
    QByteArray data; // payload, or text as UTF-8, or the error message
    int code = 0;
};

// Feeds bytes chunk at a time and records every event up to the first error.
QList<Event> readAll(WebSocketFrameReader &reader, const QByteArray &bytes, qsizetype chunk = 0)
{
    QList<Event> events;
    if (chunk <= 0)
        chunk = bytes.size();
    for (qsizetype at = 0; at < bytes.size(); at += chunk) {
        const QByteArray piece = bytes.mid(at, chunk);
        qint64 pos = 0;
        while (pos < piece.size()) {
            const qint64 used = reader.feed(piece.constData() + pos, piece.size() - pos);
            pos += used;
            switch (reader.kind()) {
            case Kind::NeedMore:
                if (used == 0)
                    return events << Event{Kind::Error, "stuck", -1};
                break;
            case Kind::Text:
                events << Event{Kind::Text, reader.text().toUtf8()};
                break;
            case Kind::Close:
                events << Event{Kind::Close, reader.text().toUtf8(), reader.closeCode()};
                break;
            case Kind::Error:
                return events << Event{Kind::Error, reader.errorMessage().toUtf8(), reader.closeCode()};
            default:
                events << Event{reader.kind(), reader.payload()};
                break;
            }
        }
    }
    return events;
}

// The close code the reader fails with, 0 when it does not fail.
int failureOf(const QByteArray &bytes, qint64 maxMessage = 1024)
{
    WebSocketFrameReader reader(maxMessage);
    const QList<Event> events = readAll(reader, bytes);
    return !events.isEmpty() && events.last().kind == Kind::Error ? events.last().code : 0;
}

} // namespace

class TestWebSocketFrameReader : public QObject {
    Q_OBJECT

private slots:
    void textFrame();
    void byteByByte();
    void oneEventPerFeed();
    void lengthEncodings();
    void fragmentsWithControlFramesBetween();
    void closeFrames();
    void protocolErrors_data();
    void protocolErrors();
    void utf8_data();
    void utf8();
    void nothingAfterAnError();
    void randomBytesNeverCrash();
};

void TestWebSocketFrameReader::textFrame()
{
    WebSocketFrameReader reader;
    const QByteArray bytes = clientFrame(0x81, "hello");
    QCOMPARE(reader.feed(bytes.constData(), bytes.size()), qint64(bytes.size()));
    QCOMPARE(reader.kind(), Kind::Text);
    QCOMPARE(reader.text(), QStringLiteral("hello"));

    const QByteArray binary = clientFrame(0x82, QByteArray("\x00\xFF\x10", 3));
    QCOMPARE(reader.feed(binary.constData(), binary.size()), qint64(binary.size()));
    QCOMPARE(reader.kind(), Kind::Binary);
    QCOMPARE(reader.payload(), QByteArray("\x00\xFF\x10", 3));
}

void TestWebSocketFrameReader::byteByByte()
{
    const QByteArray bytes
        = clientFrame(0x81, "first") + clientFrame(0x89, "ping") + clientFrame(0x81, QByteArray(300, 'x'));
    WebSocketFrameReader reader;
    const QList<Event> events = readAll(reader, bytes, 1);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events[0].data, QByteArray("first"));
    QCOMPARE(events[1].kind, Kind::Ping);
    QCOMPARE(events[1].data, QByteArray("ping"));
    QCOMPARE(events[2].data, QByteArray(300, 'x'));
}

void TestWebSocketFrameReader::oneEventPerFeed()
{
    WebSocketFrameReader reader;
    const QByteArray first = clientFrame(0x81, "a");
    const QByteArray bytes = first + clientFrame(0x81, "b");
    QCOMPARE(reader.feed(bytes.constData(), bytes.size()), qint64(first.size()));
    QCOMPARE(reader.text(), QStringLiteral("a"));
    QCOMPARE(reader.feed(bytes.constData() + first.size(), bytes.size() - first.size()),
        qint64(bytes.size() - first.size()));
    QCOMPARE(reader.text(), QStringLiteral("b"));
}

void TestWebSocketFrameReader::lengthEncodings()
{
    for (int n : {0, 125, 126, 65535, 65536, 70000}) {
        WebSocketFrameReader reader(1 << 20);
        const QByteArray payload(n, 'p');
        const QList<Event> events = readAll(reader, clientFrame(0x82, payload), 4096);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].kind, Kind::Binary);
        QCOMPARE(events[0].data, payload);
    }
}

void TestWebSocketFrameReader::fragmentsWithControlFramesBetween()
{
    WebSocketFrameReader reader;
    const QByteArray bytes = clientFrame(0x01, "he") + clientFrame(0x89, "p1") + clientFrame(0x00, "")
        + clientFrame(0x8A, "pong") + clientFrame(0x00, "l") + clientFrame(0x80, "lo");
    const QList<Event> events = readAll(reader, bytes);
    QCOMPARE(events.size(), 3);
    QCOMPARE(events[0].kind, Kind::Ping);
    QCOMPARE(events[0].data, QByteArray("p1"));
    QCOMPARE(events[1].kind, Kind::Pong);
    QCOMPARE(events[2].kind, Kind::Text);
    QCOMPARE(events[2].data, QByteArray("hello"));
}

void TestWebSocketFrameReader::closeFrames()
{
    WebSocketFrameReader reader;
    QList<Event> events = readAll(reader, clientFrame(0x88, closePayload(1000, "bye")));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].kind, Kind::Close);
    QCOMPARE(events[0].code, 1000);
    QCOMPARE(events[0].data, QByteArray("bye"));

    WebSocketFrameReader empty;
    events = readAll(empty, clientFrame(0x88, QByteArray()));
    QCOMPARE(events.size(), 1);
    QCOMPARE(events[0].code, 1005); // no code given

    for (int code : {1001, 1011, 1014, 3000, 4999})
        QCOMPARE(failureOf(clientFrame(0x88, closePayload(quint16(code)))), 0);
}

void TestWebSocketFrameReader::protocolErrors_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("code");
    QTest::newRow("unmasked") << clientFrame(0x81, "hi", false) << 1002;
    QTest::newRow("unmasked, empty") << clientFrame(0x89, "", false) << 1002;
    QTest::newRow("rsv1") << clientFrame(0xC1, "x") << 1002;
    QTest::newRow("rsv3") << clientFrame(0x91, "x") << 1002;
    QTest::newRow("opcode 3") << clientFrame(0x83, "x") << 1002;
    QTest::newRow("opcode 11") << clientFrame(0x8B, "x") << 1002;
    QTest::newRow("ping without FIN") << clientFrame(0x09, "x") << 1002;
    QTest::newRow("ping of 126 bytes") << clientFrame(0x89, QByteArray(126, 'p')) << 1002;
    QTest::newRow("continuation first") << clientFrame(0x80, "x") << 1002;
    QTest::newRow("text inside a message") << clientFrame(0x01, "a") + clientFrame(0x01, "b") << 1002;
    QTest::newRow("binary inside a message") << clientFrame(0x02, "a") + clientFrame(0x82, "b") << 1002;
    QByteArray hugeLength("\x82\xFF\x80\x00\x00\x00\x00\x00\x00\x01mask", 14);
    QTest::newRow("64-bit length with the top bit") << hugeLength << 1002;
    QTest::newRow("one-byte close") << clientFrame(0x88, "x") << 1002;
    QTest::newRow("close code 999") << clientFrame(0x88, closePayload(999)) << 1002;
    QTest::newRow("close code 1005") << clientFrame(0x88, closePayload(1005)) << 1002;
    QTest::newRow("close code 1006") << clientFrame(0x88, closePayload(1006)) << 1002;
    QTest::newRow("close code 5000") << clientFrame(0x88, closePayload(5000)) << 1002;
    QTest::newRow("frame over the limit") << clientFrame(0x82, QByteArray(1025, 'b')) << 1009;
    QTest::newRow("fragments over the limit")
        << clientFrame(0x02, QByteArray(1000, 'b')) + clientFrame(0x80, QByteArray(25, 'b')) << 1009;
    QByteArray announced("\x82\xFF\x00\x00\x00\x01\x00\x00\x00\x00mask", 14);
    QTest::newRow("4 GiB announced") << announced << 1009;
}

void TestWebSocketFrameReader::protocolErrors()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, code);
    QCOMPARE(failureOf(bytes), code);
}

void TestWebSocketFrameReader::utf8_data()
{
    QTest::addColumn<QByteArray>("frames");
    QTest::addColumn<bool>("valid");
    QTest::newRow("ascii") << clientFrame(0x81, "plain") << true;
    QTest::newRow("two-byte") << clientFrame(0x81, "caf\xC3\xA9") << true;
    QTest::newRow("four-byte") << clientFrame(0x81, "\xF0\x9F\x98\x80") << true;
    QTest::newRow("split over fragments") << clientFrame(0x01, "caf\xC3") + clientFrame(0x80, "\xA9") << true;
    QTest::newRow("BOM kept") << clientFrame(0x81, "\xEF\xBB\xBFx") << true;
    QTest::newRow("lone continuation") << clientFrame(0x81, "\x80") << false;
    QTest::newRow("cut off at the end") << clientFrame(0x81, "ab\xE2\x82") << false;
    QTest::newRow("overlong") << clientFrame(0x81, "\xC0\xAF") << false;
    QTest::newRow("surrogate") << clientFrame(0x81, "\xED\xA0\x80") << false;
    QTest::newRow("beyond U+10FFFF") << clientFrame(0x81, "\xF4\x90\x80\x80") << false;
    QTest::newRow("close reason") << clientFrame(0x88, closePayload(1000, "\xFF")) << false;
}

void TestWebSocketFrameReader::utf8()
{
    QFETCH(QByteArray, frames);
    QFETCH(bool, valid);
    QCOMPARE(failureOf(frames), valid ? 0 : 1007);
    if (QTest::currentDataTag() == QByteArray("BOM kept")) {
        WebSocketFrameReader reader;
        QCOMPARE(readAll(reader, frames).first().data, QByteArray("\xEF\xBB\xBFx"));
    }
}

void TestWebSocketFrameReader::nothingAfterAnError()
{
    WebSocketFrameReader reader;
    const QByteArray bytes = clientFrame(0x81, "x", false) + clientFrame(0x81, "y");
    reader.feed(bytes.constData(), bytes.size());
    QCOMPARE(reader.kind(), Kind::Error);
    QCOMPARE(reader.closeCode(), quint16(1002));
    QCOMPARE(reader.feed(bytes.constData(), bytes.size()), qint64(0));
}

void TestWebSocketFrameReader::randomBytesNeverCrash()
{
    QRandomGenerator rng(6455);
    const QByteArray seed = clientFrame(0x01, "frag") + clientFrame(0x89, "p") + clientFrame(0x80, "ment")
        + clientFrame(0x82, QByteArray(200, 'b')) + clientFrame(0x88, closePayload(1000, "ok"));
    for (int round = 0; round < 3000; ++round) {
        QByteArray bytes = seed;
        const int edits = 1 + int(rng.bounded(4));
        for (int e = 0; e < edits; ++e)
            bytes[qsizetype(rng.bounded(quint32(bytes.size())))] = char(rng.bounded(256));
        WebSocketFrameReader reader(512);
        const QList<Event> events = readAll(reader, bytes, qsizetype(1 + rng.bounded(32)));
        for (const Event &e : events)
            QVERIFY(e.kind != Kind::Error || (e.code >= 1002 && e.code <= 1009));
    }
}

QTEST_MAIN(TestWebSocketFrameReader)
#include "tst_websocketframereader.moc"
