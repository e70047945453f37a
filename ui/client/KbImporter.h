#pragma once

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QStringList>

namespace tierdesk::ui {

class ApiClient;

// The console's knowledge-base import: the files are read off the GUI thread (core's
// kbfiles, as `tierdesk kb import` reads them), then each article goes to the API one after
// another: PUT when the company has an article of that slug, else POST. Emits progress
// after each and finished() once.
class KbImporter : public QObject {
    Q_OBJECT

public:
    explicit KbImporter(ApiClient &client, QObject *parent = nullptr) : QObject(parent), m_client(client) { }
    void start(const QString &root);

signals:
    void progress(int done, int total, const QString &file);
    // `failures`: one "file: reason" line per article or file that could not be imported.
    void finished(int created, int updated, const QStringList &failures);

private:
    struct Item {
        QString file;
        QJsonObject article; // empty: the file held none; `problem` says why
        QString problem;
    };
    void readOwnSlugs(int offset);
    void sendNext();
    void done(const Item &item, bool created, const QString &problem);

    ApiClient &m_client;
    QList<Item> m_items;
    QHash<QString, qint64> m_own; // the company's own articles by slug
    int m_next = 0;
    int m_created = 0;
    int m_updated = 0;
    QStringList m_failures;
};

} // namespace tierdesk::ui
