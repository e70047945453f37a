#include "ui/client/KbImporter.h"

#include "core/engine/admin/KbFiles.h"
#include "core/engine/admin/KnowledgeBase.h"
#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"

#include <QFutureWatcher>
#include <QJsonArray>
#include <QtConcurrent/QtConcurrentRun>

namespace tierdesk::ui {

void KbImporter::start(const QString &root)
{
    auto *watcher = new QFutureWatcher<QList<Item>>(this);
    connect(watcher, &QFutureWatcher<QList<Item>>::finished, this, [this, watcher] {
        m_items = watcher->result();
        watcher->deleteLater();
        readOwnSlugs(0);
    });
    watcher->setFuture(QtConcurrent::run([root] {
        QList<Item> items;
        const auto files = kbfiles::filesUnder(root);
        if (!files)
            return QList<Item>{Item{root, {}, files.error().message}};
        for (const QString &file : *files) {
            const auto articles = kbfiles::articlesIn(file);
            if (!articles) {
                items << Item{file, {}, articles.error().message};
                continue;
            }
            for (const QJsonObject &a : *articles)
                items << Item{file, a, {}};
        }
        return items;
    }));
}

void KbImporter::readOwnSlugs(int offset)
{
    // The list pages by 100: the company's own slugs decide between PUT and POST.
    constexpr int kPage = 100;
    ApiReply *r = m_client.send("GET", QStringLiteral("/api/cs/kb"), {},
        QUrlQuery{{QStringLiteral("companyId"), m_client.companyId()},
            {QStringLiteral("limit"), QString::number(kPage)}, {QStringLiteral("offset"), QString::number(offset)}});
    connect(r, &ApiReply::succeeded, this, [this, offset](const QJsonObject &body) {
        const QJsonArray page = body.value(QLatin1String("articles")).toArray();
        for (const QJsonValue &v : page)
            m_own.insert(v.toObject().value(QLatin1String("slug")).toString(),
                v.toObject().value(QLatin1String("id")).toInteger());
        if (page.size() == kPage && offset + kPage < body.value(QLatin1String("total")).toInt())
            readOwnSlugs(offset + kPage);
        else
            sendNext();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        m_failures << tr("reading the knowledge base: %1").arg(e.message);
        emit finished(m_created, m_updated, m_failures);
    });
}

void KbImporter::sendNext()
{
    if (m_next >= m_items.size()) {
        emit finished(m_created, m_updated, m_failures);
        return;
    }
    const Item item = m_items.at(m_next++);
    if (item.article.isEmpty())
        return done(item, false, item.problem);
    QString slug = item.article.value(QLatin1String("slug")).toString();
    if (slug.isEmpty())
        slug = KnowledgeBase::slugOf(item.article.value(QLatin1String("title")).toString());
    const qint64 id = m_own.value(slug);
    ApiReply *r = m_client.kbSave(id, item.article);
    connect(r, &ApiReply::succeeded, this, [this, item, id](const QJsonObject &saved) {
        m_own.insert(saved.value(QLatin1String("slug")).toString(), saved.value(QLatin1String("id")).toInteger());
        done(item, id == 0, {});
    });
    connect(r, &ApiReply::failed, this, [this, item](const ApiError &e) { done(item, false, e.message); });
}

void KbImporter::done(const Item &item, bool created, const QString &problem)
{
    if (!problem.isEmpty())
        m_failures << QStringLiteral("%1: %2").arg(item.file, problem);
    else
        (created ? m_created : m_updated) += 1;
    emit progress(m_next, int(m_items.size()), item.file);
    sendNext();
}

} // namespace tierdesk::ui
