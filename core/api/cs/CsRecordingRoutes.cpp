// GET /api/cs/sessions/:id/recording: a call's recording, whole or a byte range (docs/api.md).
#include "core/api/common/OffThread.h"
#include "core/api/cs/CsApi.h"
#include "core/api/cs/CsErrors.h"
#include "core/engine/admin/CallLog.h"

#include <QRegularExpression>

namespace tierdesk::api {
namespace {

// A request's Range header for a file of `size` bytes: none (the whole file: no header, one that
// does not parse, or several ranges, which RFC 9110 lets a server ignore), or [first, last].
struct ByteRange {
    bool asked = false;
    bool satisfiable = true;
    qint64 first = 0;
    qint64 last = 0;
};

ByteRange byteRange(const QByteArray &header, qint64 size)
{
    static const QRegularExpression one(QStringLiteral("^\\s*bytes\\s*=\\s*(\\d{0,18})-(\\d{0,18})\\s*$"));
    const QRegularExpressionMatch m = one.match(QString::fromLatin1(header));
    if (header.isEmpty() || !m.hasMatch() || (m.captured(1).isEmpty() && m.captured(2).isEmpty()))
        return {};
    ByteRange r{true, true, 0, size - 1};
    if (m.captured(1).isEmpty()) { // the last n bytes
        const qint64 n = m.captured(2).toLongLong();
        r.satisfiable = n > 0 && size > 0;
        r.first = std::max<qint64>(0, size - n);
        return r;
    }
    r.first = m.captured(1).toLongLong();
    if (!m.captured(2).isEmpty()) {
        r.last = std::min(size - 1, m.captured(2).toLongLong());
        if (r.last < r.first && r.first < size)
            return {}; // last before first: not a valid range, ignored
    }
    r.satisfiable = r.first < size;
    return r;
}

} // namespace

void CsApi::recording(Call &c)
{
    const QString id = c.req.pathParams.value(QStringLiteral("id"));
    if (!m_calls)
        return fail(c, cs::error(ErrorKind::NotFound, QStringLiteral("The session has no recording")));
    const Result<CallLog::Recording> found = m_calls->recording(c.who.company, id);
    if (!found)
        return fail(c, found.error());
    const qint64 size = found->bytes;
    const ByteRange range = byteRange(c.req.header("range"), size);
    if (!range.satisfiable) {
        http::HttpResponse refused = cs::error(ErrorKind::InvalidArgument, ErrorDetail::RangeNotSatisfiable,
            QStringLiteral("The range starts past the recording's end"), {{QStringLiteral("size"), size}});
        return fail(c, refused.withHeader("Content-Range", "bytes */" + QByteArray::number(size)));
    }
    if (!range.asked && size > kMaxRecordingBytes)
        return fail(c,
            cs::error(ErrorKind::InvalidArgument,
                QStringLiteral("The recording is %1 bytes: ask for it in parts with a Range header").arg(size),
                {{QStringLiteral("field"), QStringLiteral("Range")}, {QStringLiteral("size"), size},
                    {QStringLiteral("maxBytes"), kMaxRecordingPartBytes}}));
    if (m_recordingReads >= kMaxRecordingReads)
        return fail(c, cs::error(ErrorKind::Unavailable, QStringLiteral("Recordings are being read; try again")));
    // A range is answered with at most kMaxRecordingPartBytes (Content-Range says how many).
    const qint64 first = range.asked ? range.first : 0;
    const qint64 length
        = range.asked ? std::min(range.last - range.first + 1, kMaxRecordingPartBytes) : std::max<qint64>(size, 0);
    ++m_recordingReads;
    const auto later = defer(c);
    offThread<Result<QByteArray>>(
        this, m_recordingPool, [path = found->path, first, length] { return CallLog::read(path, first, length); },
        [this, later, range, first, size](const Result<QByteArray> &bytes) {
            --m_recordingReads;
            Call answer = later->call();
            if (!bytes)
                return fail(answer, bytes.error());
            http::HttpResponse out;
            out.status = range.asked ? 206 : 200;
            out.contentType = "audio/wav";
            out.body = *bytes;
            out.withHeader("Accept-Ranges", "bytes");
            if (range.asked)
                out.withHeader("Content-Range",
                    "bytes " + QByteArray::number(first) + '-' + QByteArray::number(first + bytes->size() - 1) + '/'
                        + QByteArray::number(size));
            reply(answer, std::move(out));
        });
}

} // namespace tierdesk::api
