#include "core/api/lex/LexCall.h"

#include "core/api/common/CommitReply.h"
#include "core/api/common/StorageGate.h"
#include "core/api/lex/LexErrors.h"

#include <QRegularExpression>

namespace tierdesk::api {
namespace {

// Lex answers every credential problem with 403 AccessDeniedException; the message says why.
QString refusalMessage(KeyRefusal refusal)
{
    switch (refusal) {
    case KeyRefusal::NoCredential:
        return QStringLiteral("Missing Authentication Token");
    case KeyRefusal::Malformed:
        return QStringLiteral("Authorization header requires 'Credential', 'Signature', 'SignedHeaders' and a "
                              "signed 'X-Amz-Date' or 'Date' header; the host header must be signed.");
    case KeyRefusal::UnknownKey:
    case KeyRefusal::Revoked:
    case KeyRefusal::Expired:
        return QStringLiteral("The security token included in the request is invalid.");
    case KeyRefusal::DateSkew:
        return QStringLiteral("Signature expired: the request time is more than 5 minutes from the server's time.");
    case KeyRefusal::WrongService:
    case KeyRefusal::WrongRegion:
        return QStringLiteral("Credential should be scoped to a valid region and to the service 'lex'.");
    case KeyRefusal::WrongSignature:
    case KeyRefusal::BodyChanged:
    case KeyRefusal::None:
        break;
    }
    return QStringLiteral("The request signature we calculated does not match the signature you provided. "
                          "Check your AWS Secret Access Key and signing method.");
}

bool rateLimit(LexServices &s, const LexCallPtr &c)
{
    if (!s.limits.enabled)
        return true;
    const RateDecision d
        = s.limiter->hit(QStringLiteral("lex:") + c->actor.subject, s.limits.requestsPerKey, s.limits.windowSecs);
    if (d.allowed)
        return true;
    c->extraHeaders.append({"Retry-After", QByteArray::number(d.retryAfter)});
    lexcall::fail(c, lex::error(ErrorKind::LimitExceeded, QStringLiteral("Rate exceeded")));
    return false;
}

// Lex's session ids (botocore's SessionId shape): 2 to 100 of [0-9a-zA-Z._:-].
bool validSessionId(const QString &id)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9A-Za-z._:-]{2,100}$"));
    return pattern.match(id).hasMatch();
}

// The bot is the key's company; its locale is the company's language (en_US, de_DE).
bool checkPath(const LexCallPtr &c)
{
    const QHash<QString, QString> &p = c->req.pathParams;
    const auto config = c->engine().config(c->company);
    if (p.value(QStringLiteral("botId")) != c->company || !config) {
        lexcall::fail(c,
            lex::error(
                ErrorKind::NotFound, QStringLiteral("Bot not found: ") + p.value(QStringLiteral("botId")).left(128)));
        return false;
    }
    c->language = config->language;
    c->voice = voice::SpeechSynthesizer::voiceNamed(config->voice.voice).value_or(c->voice);
    c->botAliasId = p.value(QStringLiteral("botAliasId"));
    c->localeId = p.value(QStringLiteral("localeId"));
    c->sessionId = p.value(QStringLiteral("sessionId"));
    const QString locale = c->language == Language::De ? QStringLiteral("de_DE") : QStringLiteral("en_US");
    if (c->localeId != locale) {
        lexcall::fail(c,
            lex::invalid(
                QStringLiteral("Invalid localeId: this bot's locale is %1 (the company's language)").arg(locale)));
        return false;
    }
    if (c->botAliasId.isEmpty() || c->botAliasId.size() > 100 || !validSessionId(c->sessionId)) {
        lexcall::fail(c,
            lex::invalid(QStringLiteral("Invalid sessionId or botAliasId: a sessionId is 2 to 100 letters, digits or "
                                        "._:- and a botAliasId 1 to 100 characters")));
        return false;
    }
    return true;
}

} // namespace

http::Handler lexRoute(LexServices &services, LexHandler h, SigV4Verifier::Payload payload)
{
    LexServices *s = &services;
    return [s, h, payload](const http::HttpRequest &req, const http::HttpResponder &res) {
        if (const auto throttled = s->auth->throttled(req)) {
            http::HttpResponse r = lex::error(ErrorKind::LimitExceeded, QStringLiteral("Rate exceeded"));
            res.send(r.withHeader("Retry-After", QByteArray::number(throttled->retryAfter)));
            return;
        }
        const SigV4Verifier &verifier
            = payload == SigV4Verifier::Payload::MayBeUnsigned ? *s->streamVerifier : *s->verifier;
        const KeyVerdict verdict = verifier.verify(SigV4Verifier::requestOf(req), s->engine->clock().nowMs());
        if (!verdict.accepted()) {
            s->auth->refuseKey(req, verifier.refusedKeyCompany(req.header("authorization"), verdict.refusal),
                QStringLiteral("lex"), refusalName(verdict.refusal) + QStringLiteral(": ") + verdict.reason, 403);
            return res.send(lex::error(403, lex::AccessDenied, refusalMessage(verdict.refusal)));
        }
        auto c = std::make_shared<LexCall>();
        c->req = req;
        c->res = res;
        c->services = s;
        c->company = verdict.key->companyId;
        c->actor = Actor{verdict.key->id, verdict.key->role, req.peerAddress.toString()};
        c->actor.displayName = verdict.key->name.isEmpty() ? verdict.key->id : verdict.key->name;
        if (!rateLimit(*s, c) || !checkPath(c))
            return;
        const QString failure = s->engine->storageFailure();
        if (storageRefuses(failure, req.method))
            return lexcall::fail(c, lex::storageFailure(failure));
        h(c);
    };
}

namespace lexcall {

void fail(const LexCallPtr &c, const Error &e)
{
    fail(c, lex::error(e));
}

void fail(const LexCallPtr &c, const http::HttpResponse &error)
{
    http::HttpResponse r = error;
    if (const QString failure = c->engine().storageFailure(); storageExplains(failure, r.status))
        r = lex::storageFailure(failure);
    if (c->req.method != "GET" && c->req.method != "HEAD")
        c->engine().audit(c->company, c->actor,
            QString::fromLatin1(c->req.method) + QLatin1Char(' ') + c->req.path.left(200), c->req.path.left(200),
            r.status);
    reply(c, r);
}

void reply(const LexCallPtr &c, http::HttpResponse response)
{
    for (const auto &h : c->extraHeaders)
        response.withHeader(h.first, h.second);
    replyAfterCommit(c->engine(), c->res, response, {&lex::storageFailure, [] {
                                                         return lex::error(ErrorKind::Unavailable,
                                                             QStringLiteral("The turn could not be stored; try again"));
                                                     }});
}

} // namespace lexcall
} // namespace tierdesk::api
