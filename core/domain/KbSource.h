#pragma once

#include "core/domain/Connector.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace tierdesk {

// A company's help center, imported into its knowledge base and kept in sync (DESIGN.md, "A
// company's own knowledge"): a website read from its sitemap or by following its links, or a
// Zendesk Help Center read over its API.
enum class KbSourceKind { Website, Zendesk };
QString toString(KbSourceKind kind);
std::optional<KbSourceKind> parseKbSourceKind(const QString &name);

enum class KbSyncStatus { Queued, Running, Done, Failed };
QString toString(KbSyncStatus status);
std::optional<KbSyncStatus> parseKbSyncStatus(const QString &name);

struct KbSourceSettings {
    static constexpr int kDefaultMaxPages = 500;
    static constexpr int kMaxMaxPages = 5000;
    static constexpr int kDefaultSyncHours = 24;
    static constexpr int kMaxSyncHours = 24 * 30;
    static constexpr int kMaxPatterns = 20;
    static constexpr int kMaxPatternChars = 200;

    QStringList include; // website: path prefixes a page must start with (none: every path)
    QStringList exclude; // website: path prefixes no page may start with
    int maxPages = kDefaultMaxPages;
    int syncHours = kDefaultSyncHours; // 0: synced only when asked
    QString locale = QStringLiteral("en-us"); // zendesk
};

struct KbSyncFailure {
    QString url;
    QString error;
};

// What the last sync did, and what the running one has done so far.
struct KbSyncState {
    static constexpr int kMaxFailures = 100; // failures kept for the source's page; the rest counted
    int found = 0; // pages (or articles) the source lists
    int fetched = 0; // of them, read so far
    int imported = 0;
    int updated = 0;
    int removed = 0;
    QList<KbSyncFailure> failed;
    QString lastError; // why the whole sync failed
};

struct KbSource {
    qint64 id = 0;
    QString companyId;
    KbSourceKind kind = KbSourceKind::Website;
    QString url;
    KbSourceSettings settings;
    ConnectorAuth auth; // zendesk: how its API is asked (None: the public help center)
    KbSyncStatus status = KbSyncStatus::Queued;
    KbSyncState state;
    qint64 lastSyncAt = 0;
    qint64 nextSyncAt = 0;
    qint64 createdAt = 0;
};

// Where an article came from: a source's page, or a file given to the knowledge base.
struct KbArticleSource {
    qint64 sourceId = 0; // 0 for a file
    QString kind; // "website", "zendesk" or "file"; empty: written here
    QString url; // the page's address, or the file's name
    bool edited = false; // a person changed it since: later syncs leave it alone
};

} // namespace tierdesk
