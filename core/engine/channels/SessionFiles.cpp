#include "core/engine/channels/SessionFiles.h"

#include "core/common/Ids.h"

#include <QFileInfo>

namespace tierdesk {
namespace {

// The signatures of the types taken (their specifications' magic numbers).
bool startsWith(const QByteArray &bytes, const char *magic, int size, int at = 0)
{
    return bytes.size() >= at + size && bytes.mid(at, size) == QByteArray::fromRawData(magic, size);
}

// A name to show and save under: no path, no control characters, at most kMaxNameChars.
QString cleanName(const QString &name, const QString &type)
{
    QString out = QFileInfo(QString(name).replace(QLatin1Char('\\'), QLatin1Char('/'))).fileName();
    out.removeIf([](QChar c) { return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format; });
    out = out.trimmed().left(SessionFiles::kMaxNameChars);
    if (!out.isEmpty())
        return out;
    return QStringLiteral("file.")
        + type.section(QLatin1Char('/'), 1).replace(QStringLiteral("jpeg"), QStringLiteral("jpg"));
}

} // namespace

QString SessionFiles::typeOf(const QByteArray &bytes)
{
    if (startsWith(bytes, "\x89PNG\r\n\x1a\n", 8))
        return QStringLiteral("image/png");
    if (startsWith(bytes, "\xff\xd8\xff", 3))
        return QStringLiteral("image/jpeg");
    if (startsWith(bytes, "GIF87a", 6) || startsWith(bytes, "GIF89a", 6))
        return QStringLiteral("image/gif");
    if (startsWith(bytes, "RIFF", 4) && startsWith(bytes, "WEBP", 4, 8))
        return QStringLiteral("image/webp");
    if (startsWith(bytes, "%PDF-", 5))
        return QStringLiteral("application/pdf");
    return {};
}

Result<SessionFile> SessionFiles::accept(const QString &companyId, const QString &sessionId, const QString &sender,
    const QString &name, const QByteArray &data)
{
    const Result<WebChannelSettings> web = m_accounts.web(companyId);
    if (!web)
        return web.error();
    if (!web->attachments)
        return makeError(ErrorKind::Forbidden, QStringLiteral("This company's chat takes no files"));
    const qint64 maxBytes = qint64(web->maxAttachmentMB) << 20;
    if (data.size() > maxBytes)
        return makeError(ErrorKind::InvalidArgument, ErrorDetail::FileTooLarge,
            QStringLiteral("The file is larger than %1 MB").arg(web->maxAttachmentMB),
            {{QStringLiteral("field"), QStringLiteral("file")}, {QStringLiteral("maxBytes"), maxBytes}});
    if (data.isEmpty())
        return makeError(ErrorKind::InvalidArgument, QStringLiteral("The file is empty"),
            {{QStringLiteral("field"), QStringLiteral("file")}});
    const QString type = typeOf(data);
    if (type.isEmpty())
        return makeError(ErrorKind::InvalidArgument, ErrorDetail::UnsupportedFileType,
            QStringLiteral("Only images (PNG, JPEG, WebP, GIF) and PDFs can be sent"),
            {{QStringLiteral("field"), QStringLiteral("file")}});
    return SessionFile{ids::random(QStringLiteral("att_")), companyId, sessionId, sender, cleanName(name, type), type,
        qint64(data.size()), data, m_core.clock().nowMs()};
}

Status SessionFiles::keep(const SessionFile &file)
{
    return m_core.store().batch().run([&] { return m_core.store().sessionFiles().insert(file); });
}

Result<SessionFile> SessionFiles::read(const QString &companyId, const QString &sessionId, const QString &fileId)
{
    std::optional<SessionFile> f = m_core.store().sessionFiles().find(companyId, sessionId, fileId.left(64));
    if (!f)
        return makeError(ErrorKind::NotFound, QStringLiteral("The session has no such file"));
    return *f;
}

ChannelFileRef SessionFiles::refOf(const SessionFile &file)
{
    return {file.id, file.name, file.contentType, file.bytes, true};
}

} // namespace tierdesk
