#include "core/api/lex/LexRoutes.h"

#include "core/api/lex/LexCall.h"
#include "core/api/lex/LexSessionController.h"
#include "core/api/lex/LexTextController.h"
#include "core/api/lex/LexUtteranceController.h"

namespace tierdesk::api {

// Amazon Lex V2 runtime (botocore's lexv2-runtime model, seed 004), signed with SigV4 for service
// "lex" by any of the company's sigv4 keys; botId is the company's id.
void installLexRoutes(http::HttpServer &server, LexServices &services)
{
    const QString session
        = QStringLiteral("/bots/:botId/botAliases/:botAliasId/botLocales/:localeId/sessions/:sessionId");
    http::Router &r = server.router();
    r.route("POST", session, lexRoute(services, &LexSessionController::put)); // PutSession
    r.route("GET", session, lexRoute(services, &LexSessionController::get)); // GetSession
    r.route("DELETE", session, lexRoute(services, &LexSessionController::remove)); // DeleteSession
    r.route(
        "POST", session + QStringLiteral("/text"), lexRoute(services, &LexTextController::recognize)); // RecognizeText
    r.route("POST", session + QStringLiteral("/utterance"), // RecognizeUtterance: botocore streams its audio unsigned
        lexRoute(services, &LexUtteranceController::recognize, SigV4Verifier::Payload::MayBeUnsigned));
}

} // namespace tierdesk::api
