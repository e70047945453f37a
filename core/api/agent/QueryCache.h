#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace tierdesk::api {

// Answers to identical recent queries of seed 002's POST /api/query: per company
// and customer, the query compared after trimming, lower-casing and collapsing
// white space. At most kMaxEntries answers, each for kMaxAgeMs; the oldest goes
// first when full. Only answers that changed nothing are kept (the caller decides).
class QueryCache {
public:
    static constexpr int kMaxEntries = 1000;
    static constexpr qint64 kMaxAgeMs = 5 * 60 * 1000;
    static constexpr int kMaxQueryChars = 4000;

    std::optional<QJsonObject> find(
        const QString &company, const QString &customer, const QString &query, qint64 nowMs);
    void store(
        const QString &company, const QString &customer, const QString &query, const QJsonObject &answer, qint64 nowMs);
    int size() const { return int(m_entries.size()); }

private:
    struct Entry {
        QJsonObject answer;
        qint64 storedAtMs = 0;
    };
    static QString key(const QString &company, const QString &customer, const QString &query);
    void evictOldest();

    QHash<QString, Entry> m_entries;
};

} // namespace tierdesk::api
