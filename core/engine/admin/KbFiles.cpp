#include "core/engine/admin/KbFiles.h"

#include "core/engine/admin/KnowledgeBase.h"
#include "core/store/KbRepo.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

namespace tierdesk::kbfiles {

QStringList filesUnder(const QString &root, QString *error)
{
    const QFileInfo info(root);
    if (info.isFile())
        return {root};
    if (!info.isDir()) {
        *error = QStringLiteral("%1 is neither a folder nor a file").arg(root);
        return {};
    }
    QStringList files;
    QDirIterator it(
        root, {QStringLiteral("*.md"), QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    files.sort();
    return files;
}

QList<QJsonObject> articlesIn(const QString &path, QString *error)
{
    QFile f(path);
    if (f.size() > kMaxFileBytes) {
        *error = QStringLiteral("larger than 1 MiB");
        return {};
    }
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.errorString();
        return {};
    }
    const QByteArray bytes = f.readAll();
    if (path.endsWith(QLatin1String(".md"))) {
        const auto a = KbRepo::parseMarkdown(QFileInfo(path).completeBaseName(), QString::fromUtf8(bytes));
        if (!a) {
            *error = QStringLiteral("no front matter with title and a known category, or no text");
            return {};
        }
        return {QJsonObject{{QStringLiteral("slug"), KnowledgeBase::slugOf(a->slug)},
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
        *error = parseError.error != QJsonParseError::NoError
            ? parseError.errorString()
            : QStringLiteral("neither an article nor an array of them");
    return out;
}

} // namespace tierdesk::kbfiles
