// Fuzzes MultipartForm, the reader of an upload's multipart/form-data body (POST /api/cs/kb/files).
// The input's first line is the request's Content-Type, the rest its body.
// Properties: a refusal is InvalidArgument with a message; a form read has at most kMaxParts
// parts, each part's bytes as they stand in the body, names and file names of one line; and the
// parts written again as a form with a boundary of their own read back the same.
#include "core/api/http/MultipartForm.h"
#include "fuzz/FuzzCheck.h"

#include <cstddef>
#include <cstdint>

using namespace tierdesk;
using namespace tierdesk::http;

namespace {

bool oneLine(const QString &s)
{
    return !s.contains(QLatin1Char('\r')) && !s.contains(QLatin1Char('\n'));
}

// A value that needs no escaping inside a quoted parameter.
bool plainParameter(const QString &s)
{
    return oneLine(s) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\\'))
        && !s.contains(QLatin1Char(';'));
}

// The parts written as a client would send them, with a boundary found in none of them.
QByteArray written(const QList<MultipartForm::Part> &parts, const QByteArray &boundary)
{
    QByteArray body;
    for (const MultipartForm::Part &p : parts) {
        body += "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + p.name.toUtf8() + '"';
        if (!p.fileName.isEmpty())
            body += "; filename=\"" + p.fileName.toUtf8() + '"';
        body += "\r\n";
        if (!p.contentType.isEmpty())
            body += "Content-Type: " + p.contentType + "\r\n";
        body += "\r\n" + p.data + "\r\n";
    }
    return body + "--" + boundary + "--\r\n";
}

void checkRoundTrip(const MultipartForm &form)
{
    const QByteArray boundary = "fuzz-boundary-7MA4YWxkTrZu0gW";
    for (const MultipartForm::Part &p : form.parts)
        if (p.data.contains(boundary) || !plainParameter(p.name) || !plainParameter(p.fileName)
            || p.contentType.contains('\r') || p.contentType.contains('\n') || p.contentType != p.contentType.trimmed())
            return; // not written back plainly: the reading alone was checked
    const Result<MultipartForm> again
        = MultipartForm::parse("multipart/form-data; boundary=" + boundary, written(form.parts, boundary));
    fuzz::check(again.ok(), "the parts written again read back");
    fuzz::check(again->parts.size() == form.parts.size(), "as many parts read back");
    for (qsizetype i = 0; i < form.parts.size(); ++i) {
        const MultipartForm::Part &a = form.parts.at(i);
        const MultipartForm::Part &b = again->parts.at(i);
        fuzz::check(a.name == b.name && a.fileName == b.fileName, "names read back the same", a.name.toUtf8());
        fuzz::check(a.contentType == b.contentType, "content type read back the same", a.contentType);
        fuzz::check(a.data == b.data, "bytes read back the same");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = QByteArray::fromRawData(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray contentType = newline < 0 ? input : input.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : input.mid(newline + 1);
    const Result<MultipartForm> form = MultipartForm::parse(contentType, body);
    if (!form) {
        fuzz::check(form.error().kind == ErrorKind::InvalidArgument, "a refusal is InvalidArgument");
        fuzz::check(!form.error().message.isEmpty(), "a refusal says why");
        return 0;
    }
    fuzz::check(form->parts.size() <= MultipartForm::kMaxParts, "at most kMaxParts parts");
    for (const MultipartForm::Part &p : form->parts) {
        fuzz::check(body.contains(p.data), "a part's bytes stand in the body");
        fuzz::check(oneLine(p.name) && oneLine(p.fileName), "names of one line", p.name.toUtf8());
    }
    checkRoundTrip(*form);
    return 0;
}
