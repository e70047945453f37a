// `tierdesk kb import PATH --company ID`: a folder of Markdown (front matter: title,
// category, keywords) or JSON articles ({"title","category","content","slug"?,"keywords"?,
// "steps"?,"relatedArticles"?}, or an array of them), each created or, when the company has
// an article of that slug, updated; PDF, HTML, text and Markdown without a front matter as
// POST /api/cs/kb/files takes them. Progress on stderr, a summary as JSON on stdout.
#include "app/CliSupport.h"

#include "core/engine/admin/KbFiles.h"
#include "core/engine/admin/KnowledgeBase.h"
#include "core/engine/knowledge/KbSources.h"
#include "core/runtime/Runtime.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace tierdesk::cli {
namespace {

// A PDF, HTML, text or plain Markdown file as an upload is read; empty, or why it failed.
QString importDocument(KbSources &sources, const QString &company, const QString &root, const QString &file)
{
    QFile f(file);
    if (f.size() > KbFileImport::kMaxFileBytes || !f.open(QIODevice::ReadOnly))
        return QStringLiteral("larger than 20 MB, or unreadable");
    const QString name = QFileInfo(root).isDir() ? QDir(root).relativeFilePath(file) : QFileInfo(file).fileName();
    const auto imported = sources.importFiles(company, {{name, {}, f.readAll()}}, kCliActor);
    if (!imported)
        return imported.error().message;
    return imported->failed.isEmpty() ? QString() : imported->failed.first().error;
}

} // namespace

int runKbImport(const Args &args)
{
    const QString root = args.arguments.value(0);
    const QString company = args.options.value(QStringLiteral("company"));
    const auto found = kbfiles::filesUnder(root);
    if (!found)
        return fail(2, found.error().message);
    const QStringList &files = *found;
    auto rt = api::Runtime::open(dataDir(args), SystemClock::instance(), databaseUrl(args));
    if (!rt)
        return fail(1, rt.error().message);
    KnowledgeBase &kb = rt.value()->engine().knowledge();
    QTextStream err(stderr);
    int created = 0, updated = 0, done = 0;
    QJsonArray failed;
    const auto progress = [&](const QString &file, const QString &problem) {
        err << QStringLiteral("[%1/%2] %3%4")
                   .arg(++done)
                   .arg(files.size())
                   .arg(file, problem.isEmpty() ? QString() : QStringLiteral(": ") + problem)
            << Qt::endl;
    };
    for (const QString &file : files) {
        const auto read = kbfiles::articlesIn(file);
        QString problem = read ? QString() : read.error().message;
        const QList<QJsonObject> articles = read ? *read : QList<QJsonObject>();
        if (!read && !file.endsWith(QLatin1String(".json"))) { // a document: one article of source kind "file"
            problem = importDocument(rt.value()->kbSources(), company, root, file);
            created += problem.isEmpty() ? 1 : 0;
            if (!problem.isEmpty())
                failed.append(QJsonObject{{QStringLiteral("file"), file}, {QStringLiteral("error"), problem}});
            progress(file, problem);
            continue;
        }
        for (const QJsonObject &body : articles) {
            bool isNew = false;
            const auto stored = kb.put(company, body, kCliActor, &isNew);
            if (stored)
                (isNew ? created : updated) += 1;
            else
                problem = stored.error().message;
            if (!stored)
                failed.append(QJsonObject{{QStringLiteral("file"), file}, {QStringLiteral("error"), problem}});
        }
        if (articles.isEmpty())
            failed.append(QJsonObject{{QStringLiteral("file"), file}, {QStringLiteral("error"), problem}});
        progress(file, problem);
    }
    if (!rt.value()->engine().flush())
        return fail(1, QStringLiteral("could not store the articles"));
    QTextStream(stdout) << QJsonDocument(
        QJsonObject{{QStringLiteral("created"), created}, {QStringLiteral("updated"), updated},
            {QStringLiteral("failed"),
                failed}}).toJson(QJsonDocument::Compact)
                        << Qt::endl;
    return failed.isEmpty() ? 0 : 1;
}

} // namespace tierdesk::cli
