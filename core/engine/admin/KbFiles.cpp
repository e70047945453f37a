#include "core/engine/admin/KbFiles.h"

#include "core/engine/admin/KnowledgeBase.h"
#include "core/store/KbRepo.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk::kbfiles {

Result<QStringList> filesUnder(const QString &root)
{
    const QFileInfo info(root);
    if (info.isFile())
        return QStringList{root};
    if (!info.isDir())
        return makeError(ErrorKind::NotFound, QStringLiteral("%1 is neither a folder nor a file").arg(root));
    QStringList files;
    QDirIterator it(root,
        {QStringLiteral("*.md"), QStringLiteral("*.json"), QStringLiteral("*.pdf"), QStringLiteral("*.html"),
            QStringLiteral("*.htm"), QStringLiteral("*.txt")},
        QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

Result<QList<QJsonObject>> articlesIn(const QString &path)
{
    QFile f(path);
    if (f.size() > kMaxFileBytes)
        return makeError(ErrorKind::LimitExceeded, QStringLiteral("larger than 1 MiB"));
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::NotFound, f.errorString());
    const QByteArray bytes = f.readAll();
    if (path.endsWith(QLatin1String(".md"))) {
        const auto a = KbRepo::parseMarkdown(QFileInfo(path).completeBaseName(), QString::fromUtf8(bytes));
        if (!a)
            return makeError(ErrorKind::InvalidArgument,
                QStringLiteral("no front matter with title and a known category, or no text"));
        return QList<QJsonObject>{QJsonObject{{QStringLiteral("slug"), KnowledgeBase::slugOf(a->slug)},
            {QStringLiteral("title"), a->title}, {QStringLiteral("category"), a->category},
            {QStringLiteral("keywords"), a->keywords}, {QStringLiteral("content"), a->body}}};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    QList<QJsonObject> out;
    if (doc.isObject())
        out << doc.object();
    for (const QJsonValue &v : doc.array())
        out << v.toObject();
    if (out.isEmpty())
        return makeError(ErrorKind::InvalidArgument,
            parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                         : QStringLiteral("neither an article nor an array of them"));
    return out;
}

} // namespace tierdesk::kbfiles
