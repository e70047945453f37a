#pragma once

#include "core/api/http/HttpServer.h"
#include "core/api/platform/PlatformServices.h"

// The platform family's route table, one install function per resource and file
// (Platform<Resource>Routes.cpp). Each path appears once, in its resource's file.
namespace tierdesk::api {

void installPlatformRoutes(http::HttpServer &server, PlatformServices &services);

void installChatbotRoutes(http::HttpServer &server, PlatformServices &services);
void installSentimentRoutes(http::HttpServer &server, PlatformServices &services);
void installRoutingRoutes(http::HttpServer &server, PlatformServices &services);
void installKnowledgeRoutes(http::HttpServer &server, PlatformServices &services);
void installEscalationRoutes(http::HttpServer &server, PlatformServices &services);
void installReleaseNotesRoutes(http::HttpServer &server, PlatformServices &services);
void installAnalyticsRoutes(http::HttpServer &server, PlatformServices &services);
void installAuditRoutes(http::HttpServer &server, PlatformServices &services);
void installWebhookRoutes(http::HttpServer &server, PlatformServices &services);
void installNotificationRoutes(http::HttpServer &server, PlatformServices &services);

} // namespace tierdesk::api
