#include "core/api/platform/PlatformRoutes.h"

namespace tierdesk::api {

// Every resource of seed 000 installs its own routes; add one line per resource file.
void installPlatformRoutes(http::HttpServer &server, PlatformServices &services)
{
    installChatbotRoutes(server, services);
    installSentimentRoutes(server, services);
    installRoutingRoutes(server, services);
    installKnowledgeRoutes(server, services);
    installEscalationRoutes(server, services);
    installReleaseNotesRoutes(server, services);
    installAnalyticsRoutes(server, services);
    installAuditRoutes(server, services);
    installWebhookRoutes(server, services);
    installNotificationRoutes(server, services);
}

} // namespace tierdesk::api
