#pragma once

#include "core/api/http/HttpServer.h"
#include "core/api/lex/LexServices.h"

namespace tierdesk::api {

// The Lex V2 runtime's route table (LexRoutes.cpp): every path of the family, once.
void installLexRoutes(http::HttpServer &server, LexServices &services);

} // namespace tierdesk::api
