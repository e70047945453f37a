#include "core/api/platform/PlatformCall.h"

#include "core/api/common/CommitReply.h"
#include "core/api/common/StorageGate.h"
#include "core/api/platform/PlatformErrors.h"
#include "core/common/Validation.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <QRegularExpression>

namespace tierdesk::api {
namespace {

// API Gateway's reasons for a refused signature (each family words its own).
Error refusalError(KeyRefusal refusal)
{
    const auto refused = [](ErrorDetail detail, const QString &message) {
        return makeError(ErrorKind::Unauthenticated, detail, message);
    };
    switch (refusal) {
    case KeyRefusal::NoCredential:
        return refused(ErrorDetail::CredentialMissing, QStringLiteral("Missing Authentication Token"));
    case KeyRefusal::Malformed:
        return refused(ErrorDetail::CredentialMalformed,
            QStringLiteral("Authorization header requires 'Credential', 'Signature', 'SignedHeaders' and a "
                           "signed 'X-Amz-Date' or 'Date' header; the host header must be signed."));
    case KeyRefusal::UnknownKey:
    case KeyRefusal::Revoked:
    case KeyRefusal::Expired:
        return refused(
            ErrorDetail::CredentialUnknown, QStringLiteral("The security token included in the request is invalid."));
    case KeyRefusal::DateSkew:
        return refused(ErrorDetail::SignatureInvalid,
            QStringLiteral("Signature expired: the request time is more than 5 minutes from the server's time."));
    case KeyRefusal::WrongService:
    case KeyRefusal::WrongRegion:
        return refused(ErrorDetail::SignatureInvalid,
            QStringLiteral("Credential should be scoped to a valid region and to the service 'execute-api'."));
    case KeyRefusal::WrongSignature:
    case KeyRefusal::BodyChanged:
    case KeyRefusal::None:
        break;
    }
    return refused(ErrorDetail::SignatureInvalid,
        QStringLiteral("The request signature we calculated does not match the signature you provided. "
                       "Check your AWS Secret Access Key and signing method."));
}

http::HttpResponse refusalResponse(KeyRefusal refusal)
{
    return platform::error(refusalError(refusal));
}

bool rateLimit(PlatformServices &s, const PlatformCallPtr &c)
{
    if (!s.limits.enabled)
        return true;
    const RateDecision d
        = s.limiter->hit(QStringLiteral("platform:") + c->actor.subject, s.limits.requestsPerKey, s.limits.windowSecs);
    if (d.allowed)
        return true;
    c->extraHeaders.append({"Retry-After", QByteArray::number(d.retryAfter)});
    platformcall::fail(c, platform::error(ErrorKind::LimitExceeded, QStringLiteral("Too Many Requests")));
    return false;
}

// "supervisor or admin": the roles that reach `minimum`, for the refusal's message.
QString rolesFrom(Role minimum)
{
    QStringList names;
    for (Role r : {Role::Client, Role::Agent, Role::Supervisor, Role::Admin})
        if (r >= minimum)
            names << roleName(r);
    return names.join(QStringLiteral(" or "));
}

bool roleAllows(const PlatformCallPtr &c, Role minimum)
{
    const std::optional<Role> role = parseRole(c->actor.role);
    if (role && *role >= minimum)
        return true;
    platformcall::fail(c,
        platform::error(ErrorKind::Forbidden,
            QStringLiteral("This action needs an access key of the %1 role").arg(rolesFrom(minimum))));
    return false;
}

} // namespace

http::Handler signedRoute(PlatformServices &services, PlatformHandler h, Role minimum)
{
    PlatformServices *s = &services;
    return [s, h, minimum](const http::HttpRequest &req, const http::HttpResponder &res) {
        if (const auto throttled = s->auth->throttled(req)) {
            http::HttpResponse r = platform::error(ErrorKind::LimitExceeded, QStringLiteral("Too Many Requests"));
            res.send(r.withHeader("Retry-After", QByteArray::number(throttled->retryAfter)));
            return;
        }
        const KeyVerdict verdict = s->verifier->verify(SigV4Verifier::requestOf(req), s->engine->clock().nowMs());
        if (!verdict.accepted()) {
            s->auth->refuseKey(req, s->verifier->refusedKeyCompany(req.header("authorization"), verdict.refusal),
                QStringLiteral("platform"), refusalName(verdict.refusal) + QStringLiteral(": ") + verdict.reason, 403);
            return res.send(refusalResponse(verdict.refusal));
        }
        auto c = std::make_shared<PlatformCall>();
        c->req = req;
        c->res = res;
        c->services = s;
        c->company = verdict.key->companyId;
        c->actor = Actor{verdict.key->id, verdict.key->role, req.peerAddress.toString()};
        c->actor.displayName = verdict.key->name.isEmpty() ? verdict.key->id : verdict.key->name;
        if (!rateLimit(*s, c) || !roleAllows(c, minimum))
            return;
        // A degraded store takes no writes; reads go on (not while its connection is lost).
        const QString failure = s->engine->storageFailure();
        if (storageRefuses(failure, req.method))
            return platformcall::fail(c, platform::storageFailure(failure));
        h(c);
    };
}

namespace platformcall {

std::optional<QJsonObject> jsonBody(const PlatformCallPtr &c)
{
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(c->req.body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        const QString why = c->req.body.isEmpty()   ? QStringLiteral("the body is empty")
            : err.error != QJsonParseError::NoError ? err.errorString()
                                                    : QStringLiteral("not a JSON object");
        fail(c, platform::badRequest(QStringLiteral("Invalid request body: ") + why));
        return std::nullopt;
    }
    return doc.object();
}

std::optional<QString> requiredString(
    const PlatformCallPtr &c, const QJsonObject &body, const char *field, int maxChars)
{
    const QJsonValue v = body.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull() || (v.isString() && v.toString().trimmed().isEmpty())) {
        fail(c, platform::badRequest(QStringLiteral("Invalid request body: %1 is required").arg(QLatin1String(field))));
        return std::nullopt;
    }
    return optionalString(c, body, field, maxChars);
}

std::optional<QString> optionalString(
    const PlatformCallPtr &c, const QJsonObject &body, const char *field, int maxChars)
{
    const QJsonValue v = body.value(QLatin1String(field));
    if (v.isUndefined() || v.isNull())
        return QString();
    if (!v.isString() || v.toString().size() > maxChars) {
        fail(c,
            platform::badRequest(QStringLiteral("Invalid request body: %1 must be a string of at most %2 characters")
                                     .arg(QLatin1String(field))
                                     .arg(maxChars)));
        return std::nullopt;
    }
    if (const auto fault = textFault(v.toString(), TextLines::Many)) {
        fail(c, platform::badRequest(QStringLiteral("Invalid request body: %1 %2").arg(QLatin1String(field), *fault)));
        return std::nullopt;
    }
    return v.toString();
}

bool optionalUnitScore(const PlatformCallPtr &c, const QJsonObject &body, const char *field, std::optional<double> *out)
{
    const QJsonValue v = body.value(QLatin1String(field));
    *out = std::nullopt;
    if (v.isUndefined() || v.isNull())
        return true;
    if (!v.isDouble() || v.toDouble() < 0.0 || v.toDouble() > 1.0) {
        fail(c,
            platform::badRequest(
                QStringLiteral("Invalid request body: %1 must be a number from 0 to 1").arg(QLatin1String(field))));
        return false;
    }
    *out = v.toDouble();
    return true;
}

void fail(const PlatformCallPtr &c, const Error &e)
{
    fail(c, platform::error(e));
}

void fail(const PlatformCallPtr &c, const http::HttpResponse &error)
{
    http::HttpResponse r = error;
    if (const QString failure = c->engine().storageFailure(); storageExplains(failure, r.status))
        r = platform::storageFailure(failure);
    // Refused writes are audited too: who tried what, and what they were told.
    if (c->req.method != "GET" && c->req.method != "HEAD")
        c->engine().audit(c->company, c->actor,
            QString::fromLatin1(c->req.method) + QLatin1Char(' ') + c->req.path.left(200), c->req.path.left(200),
            r.status);
    reply(c, r);
}

void reply(const PlatformCallPtr &c, http::HttpResponse response)
{
    for (const auto &h : c->extraHeaders)
        response.withHeader(h.first, h.second);
    replyAfterCommit(
        c->engine(), c->res, response, {&platform::storageFailure, [] {
                                            return platform::error(ErrorKind::Unavailable,
                                                QStringLiteral("The change could not be stored; try again"));
                                        }});
}

void replyJson(const PlatformCallPtr &c, int status, const QJsonObject &body)
{
    reply(c, http::HttpResponse::json(status, body));
}

} // namespace platformcall
} // namespace tierdesk::api
