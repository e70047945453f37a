#pragma once

#include "core/engine/knowledge/KbSources.h"
#include "core/engine/knowledge/WebsiteCrawl.h"
#include "core/engine/knowledge/ZendeskHelpCenter.h"

namespace tierdesk {

// One source's sync while it runs (KbSources.cpp, KbSourceSync.cpp).
struct KbSources::Run {
    KbSource source;
    QHash<QString, KbImportedArticle> known; // the source's articles by their page's address
    QSet<qint64> met; // the articles this sync met (read, unchanged, failed or edited): they stay
    std::unique_ptr<WebsiteCrawl> crawl;
    std::unique_ptr<ZendeskHelpCenter> zendesk;
    std::thread thread;
    qint64 savedAt = 0;
};

} // namespace tierdesk
