#include "core/api/lex/LexHeaderCodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <zlib.h>

namespace tierdesk::api {
namespace {

constexpr int kGzipWindowBits = 15 + 16; // zlib's deflate with a gzip header and trailer

} // namespace

QByteArray LexHeaderCodec::gzip(const QByteArray &data)
{
    z_stream z{};
    if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, kGzipWindowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(int(deflateBound(&z, uLong(data.size()))), Qt::Uninitialized);
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    z.next_out = reinterpret_cast<Bytef *>(out.data());
    z.avail_out = uInt(out.size());
    const int rc = deflate(&z, Z_FINISH);
    const auto written = qsizetype(z.total_out);
    deflateEnd(&z);
    if (rc != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

std::optional<QByteArray> LexHeaderCodec::gunzip(const QByteArray &data, int maxBytes)
{
    z_stream z{};
    if (inflateInit2(&z, kGzipWindowBits) != Z_OK)
        return std::nullopt;
    z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    z.avail_in = uInt(data.size());
    QByteArray out;
    char chunk[4096];
    int rc = Z_OK;
    while (rc == Z_OK) {
        z.next_out = reinterpret_cast<Bytef *>(chunk);
        z.avail_out = sizeof chunk;
        rc = inflate(&z, Z_NO_FLUSH);
        if (rc != Z_OK && rc != Z_STREAM_END)
            break;
        out.append(chunk, qsizetype(sizeof chunk - z.avail_out));
        if (out.size() > maxBytes)
            rc = Z_MEM_ERROR;
        else if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0)
            rc = Z_DATA_ERROR; // the stream ended before its trailer
    }
    inflateEnd(&z);
    if (rc != Z_STREAM_END)
        return std::nullopt;
    return out;
}

QByteArray LexHeaderCodec::pack(const QByteArray &text)
{
    return gzip(text).toBase64();
}

QByteArray LexHeaderCodec::pack(const QJsonValue &json)
{
    if (json.isArray())
        return pack(QJsonDocument(json.toArray()).toJson(QJsonDocument::Compact));
    return pack(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact));
}

std::optional<QByteArray> LexHeaderCodec::unpack(const QByteArray &header)
{
    const auto decoded = QByteArray::fromBase64Encoding(header.trimmed(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QByteArray &bytes = *decoded;
    if (bytes.startsWith("\x1f\x8b"))
        return gunzip(bytes, kMaxDecodedBytes);
    if (bytes.size() > kMaxDecodedBytes)
        return std::nullopt;
    return bytes;
}

} // namespace tierdesk::api
