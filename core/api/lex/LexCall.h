#pragma once

#include "core/api/http/HttpResponder.h"
#include "core/api/http/Router.h"
#include "core/api/lex/LexServices.h"
#include "core/domain/Language.h"
#include "core/voice/SpeechSynthesizer.h"

#include <functional>

namespace tierdesk::api {

// One signed Lex runtime request in flight: what a Lex controller works with. The path's bot,
// alias, locale and session are checked before a controller sees it.
struct LexCall {
    http::HttpRequest req; // a copy: the call is answered after the engine's turn
    http::HttpResponder res;
    LexServices *services = nullptr;
    QString company; // the access key's company: the bot
    Actor actor; // the access key
    QString botAliasId;
    QString localeId;
    QString sessionId; // Lex's
    Language language = Language::En; // the company's
    voice::SpeechSynthesizer::Voice voice = voice::SpeechSynthesizer::Voice::Slt; // the company's
    QList<QPair<QByteArray, QByteArray>> extraHeaders;

    SessionEngine &engine() const { return *services->engine; }
};
using LexCallPtr = std::shared_ptr<LexCall>;
using LexHandler = std::function<void(const LexCallPtr &)>;

// A route handler that verifies the request's SigV4 signature for service "lex" (refusals: 403
// AccessDeniedException, audited through AuthGate), counts the key's rate limit, checks the path
// (a bot that is not the key's company: 404 ResourceNotFoundException; the locale and the session
// id: 400 ValidationException), refuses writes while the store is degraded, then calls `h`.
// Payload::MayBeUnsigned for RecognizeUtterance, whose audio botocore streams unsigned.
http::Handler lexRoute(
    LexServices &services, LexHandler h, SigV4Verifier::Payload payload = SigV4Verifier::Payload::Signed);

namespace lexcall {

// Answers an error; refused writes are audited too.
void fail(const LexCallPtr &c, const http::HttpResponse &error);
void fail(const LexCallPtr &c, const Error &e);
// Sends once every write so far is committed: an acknowledged turn is durable.
void reply(const LexCallPtr &c, http::HttpResponse response);

} // namespace lexcall
} // namespace tierdesk::api
