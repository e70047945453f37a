#pragma once

#include "core/api/http/HttpServer.h"
#include "core/api/twilio/TwilioServices.h"

namespace tierdesk::api {

// The Twilio family's route table (TwilioRoutes.cpp): every path of the family, once.
void installTwilioRoutes(http::HttpServer &server, TwilioServices &services);

} // namespace tierdesk::api
