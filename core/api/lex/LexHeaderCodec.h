#pragma once

#include <QByteArray>
#include <QJsonValue>

#include <optional>

namespace tierdesk::api {

// RecognizeUtterance's and PutSession's JSON headers (x-amz-lex-session-state, -messages,
// -interpretations, -input-transcript, -request-attributes): Lex sends them gzip-compressed, then
// base64; it reads the client's x-amz-lex-session-state and -request-attributes the same way, and
// plain base64 JSON is taken too.
class LexHeaderCodec {
public:
    static constexpr int kMaxDecodedBytes = 64 * 1024; // a header's JSON, unpacked

    static QByteArray pack(const QByteArray &text);
    static QByteArray pack(const QJsonValue &json);
    // The header's text (gunzipped when it was gzip); nullopt when it is no base64, a broken gzip
    // stream or larger than kMaxDecodedBytes unpacked.
    static std::optional<QByteArray> unpack(const QByteArray &header);

    static QByteArray gzip(const QByteArray &data);
    static std::optional<QByteArray> gunzip(const QByteArray &data, int maxBytes);
};

} // namespace tierdesk::api
