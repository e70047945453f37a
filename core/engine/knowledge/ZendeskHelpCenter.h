#pragma once

#include "core/domain/KbSource.h"
#include "core/engine/knowledge/FetchedPage.h"
#include "core/integrations/OutboundHttp.h"

#include <atomic>
#include <functional>

namespace tierdesk {

// A Zendesk Help Center's articles over its API: GET /api/v2/help_center/{locale}/articles.json
// with cursor pagination (page[size]=100, meta.has_more, links.next on the same host), drafts
// left out, each article's title, body (HTML, read as text), html_url and label_names (its
// keywords). Blocking: run on a worker thread.
class ZendeskHelpCenter {
public:
    static constexpr int kPageSize = 100;
    static constexpr int kTimeoutMs = 30000;
    static constexpr int kMaxAnswerBytes = 32 * 1024 * 1024;

    struct Callbacks {
        std::function<void(int found)> found;
        std::function<void(const FetchedPage &)> page;
    };

    ZendeskHelpCenter(OutboundHttp &http, KbSource source, Callbacks callbacks);
    // Ends when every page of the listing was read (*complete), or with why it stopped.
    Status run(bool *complete);
    void cancel() { m_cancelled = true; }

private:
    OutboundHttp &m_http;
    KbSource m_source;
    Callbacks m_callbacks;
    std::atomic_bool m_cancelled{false};
};

} // namespace tierdesk
