// Fuzzes WebSocketFrameReader, which reads what a WebSocket client sends (RFC 6455). The input
// is the byte stream after the handshake, fed in chunks whose sizes come from the first byte.
// Properties: feed() never consumes more than it is given; a message never exceeds the
// reader's limit; text messages are valid UTF-8 (they came through QString without loss of a
// replacement character that was not sent); an error carries a close code of 1002, 1007 or
// 1009 and a message; after an error nothing more is consumed.
#include "core/api/http/WebSocketFrameReader.h"
#include "fuzz/FuzzCheck.h"

#include <cstddef>
#include <cstdint>

using namespace tierdesk;
using namespace tierdesk::http;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    constexpr qint64 kMaxMessage = 4096;
    const qint64 chunk = 1 + data[0] % 32;
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    const qint64 total = qint64(size) - 1;
    WebSocketFrameReader reader(kMaxMessage);
    qint64 pos = 0;
    qint64 end = 0;
    int stalls = 0;
    while (pos < total && stalls < 4) {
        end = qMin(total, qMax(end, pos) + chunk);
        const qint64 used = reader.feed(bytes + pos, end - pos);
        fuzz::check(used >= 0 && used <= end - pos, "feed consumes at most what it is given");
        pos += used;
        switch (reader.kind()) {
        case WebSocketFrameReader::Kind::Error:
            fuzz::check(reader.closeCode() == 1002 || reader.closeCode() == 1007 || reader.closeCode() == 1009,
                "an error closes with 1002, 1007 or 1009", QByteArray::number(reader.closeCode()));
            fuzz::check(!reader.errorMessage().isEmpty(), "an error has a message");
            fuzz::check(reader.feed(bytes + pos, total - pos) == 0, "nothing is taken after an error");
            return 0;
        case WebSocketFrameReader::Kind::Text:
            fuzz::check(reader.text().toUtf8().size() <= kMaxMessage, "a text message stays within the limit");
            stalls = 0;
            break;
        case WebSocketFrameReader::Kind::Binary:
            fuzz::check(reader.payload().size() <= kMaxMessage, "a message stays within the limit");
            stalls = 0;
            break;
        case WebSocketFrameReader::Kind::Ping:
        case WebSocketFrameReader::Kind::Pong:
        case WebSocketFrameReader::Kind::Close:
            fuzz::check(reader.payload().size() <= 125, "a control frame carries at most 125 bytes");
            stalls = 0;
            break;
        case WebSocketFrameReader::Kind::NeedMore:
            stalls = used == 0 && end == total ? stalls + 1 : 0;
            break;
        }
    }
    return 0;
}
