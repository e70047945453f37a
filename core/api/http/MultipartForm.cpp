#include "core/api/http/MultipartForm.h"

#include <QRegularExpression>

#include <algorithm>

namespace tierdesk::http {
namespace {

Error notMultipart(const QString &why)
{
    return makeError(ErrorKind::InvalidArgument, QStringLiteral("The body is no multipart/form-data: %1").arg(why));
}

// A Content-Disposition parameter: name="..." (quoted, with \" escapes) or name=token.
QString parameter(const QByteArray &header, const char *name)
{
    static const QRegularExpression re(
        QStringLiteral("(?:^|;)\\s*([\\w*-]+)=(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^;\\s]*))"));
    for (auto it = re.globalMatch(QString::fromUtf8(header)); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        if (m.capturedView(1).compare(QLatin1String(name), Qt::CaseInsensitive) != 0)
            continue;
        QString v = m.captured(2).isNull() ? m.captured(3) : m.captured(2);
        return v.replace(QStringLiteral("\\\""), QStringLiteral("\""));
    }
    return {};
}

Result<MultipartForm::Part> readPart(const QByteArray &raw)
{
    const qsizetype split = raw.indexOf("\r\n\r\n");
    if (split < 0)
        return notMultipart(QStringLiteral("a part has no headers"));
    MultipartForm::Part part;
    for (const QByteArray &line : raw.left(split).split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            continue;
        const QByteArray name = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (name == "content-disposition") {
            part.name = parameter(value, "name");
            part.fileName = parameter(value, "filename");
        } else if (name == "content-type") {
            part.contentType = value;
        }
    }
    // A name is a line of text: one with a control character (a lone CR in its quotes) is no
    // field's or file's name, and would carry into titles and error messages.
    const auto control = [](const QString &s) {
        return std::any_of(s.cbegin(), s.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
    };
    if (control(part.name) || control(part.fileName))
        return notMultipart(QStringLiteral("a part's name holds a control character"));
    part.data = raw.mid(split + 4);
    return part;
}

} // namespace

Result<MultipartForm> MultipartForm::parse(const QByteArray &contentType, const QByteArray &body)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/form-data"))
        return notMultipart(QStringLiteral("its Content-Type is %1").arg(QString::fromLatin1(contentType.left(80))));
    const QString boundary = parameter(contentType.mid(contentType.indexOf(';') + 1), "boundary");
    if (boundary.isEmpty() || boundary.size() > 70)
        return notMultipart(QStringLiteral("its Content-Type names no boundary"));
    const QByteArray delimiter = QByteArray("--") + boundary.toLatin1();
    const QByteArray lineDelimiter = QByteArray("\r\n") + delimiter;
    qsizetype at = body.startsWith(delimiter) ? 0 : body.indexOf(lineDelimiter);
    if (at < 0)
        return notMultipart(QStringLiteral("the boundary is not in it"));
    at += body.startsWith(delimiter) ? delimiter.size() : delimiter.size() + 2;
    MultipartForm form;
    for (;;) {
        if (body.mid(at, 2) == "--")
            return form; // the closing delimiter
        if (body.mid(at, 2) != "\r\n")
            return notMultipart(QStringLiteral("a delimiter is not followed by a line end"));
        at += 2;
        const qsizetype next = body.indexOf(lineDelimiter, at);
        if (next < 0)
            return notMultipart(QStringLiteral("it has no closing delimiter"));
        if (form.parts.size() >= kMaxParts)
            return makeError(ErrorKind::LimitExceeded, QStringLiteral("At most %1 parts").arg(kMaxParts));
        const Result<Part> part = readPart(body.mid(at, next - at));
        if (!part)
            return part.error();
        form.parts.append(*part);
        at = next + 2 + delimiter.size();
    }
}

const MultipartForm::Part *MultipartForm::first(const char *name) const
{
    for (const Part &part : parts)
        if (part.name == QLatin1String(name))
            return &part;
    return nullptr;
}

QString MultipartForm::text(const char *name) const
{
    for (const Part &part : parts)
        if (part.name == QLatin1String(name) && part.fileName.isEmpty())
            return QString::fromUtf8(part.data);
    return {};
}

} // namespace tierdesk::http
