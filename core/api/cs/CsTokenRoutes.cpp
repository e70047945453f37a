// /api/cs/tokens: API tokens and keys an admin makes for other systems. The
// token or key is answered once, at creation; only its record is stored (an
// API key hashed, a SigV4 secret sealed, a widget key as it is: it is public).
// A revoked token is refused (401 CS_012) from the next request on
// (Authenticator::setRefusal); a revoked key at its next use (core/api/auth).
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"
#include "core/common/Ids.h"
#include "core/common/Time.h"

namespace tierdesk::api {
namespace {

QJsonObject tokenJson(const ApiTokenRecord &t)
{
    QJsonObject o{{QStringLiteral("id"), t.id}, {QStringLiteral("kind"), t.kind}, {QStringLiteral("name"), t.name},
        {QStringLiteral("role"), t.role}, {QStringLiteral("createdBy"), t.createdBy},
        {QStringLiteral("createdAt"), timefmt::iso(t.createdAt)}, {QStringLiteral("revoked"), t.revokedAt != 0}};
    if (t.expiresAt != 0) // keys made without a ttl do not expire
        o.insert(QStringLiteral("expiresAt"), timefmt::iso(t.expiresAt));
    if (t.kind == tokenkind::SigV4) {
        o.insert(QStringLiteral("accessKeyId"), t.lookup);
        o.insert(QStringLiteral("region"), t.region);
    } else if (t.kind == tokenkind::ApiKey) {
        o.insert(QStringLiteral("keyPrefix"), t.keyPrefix);
    } else if (t.kind == tokenkind::Widget) {
        o.insert(QStringLiteral("key"), t.lookup); // public by design
    }
    if (!t.customerId.isEmpty())
        o.insert(QStringLiteral("customerId"), t.customerId);
    if (t.revokedAt != 0)
        o.insert(QStringLiteral("revokedAt"), timefmt::iso(t.revokedAt));
    return o;
}

} // namespace

void CsApi::createToken(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    for (const char *name : {"name", "role", "customerId", "kind", "region"}) {
        const QJsonValue v = body->value(QLatin1String(name));
        if (!v.isUndefined() && !v.isString())
            return fail(c,
                cs::error(ErrorKind::InvalidArgument, QStringLiteral("%1 must be a string").arg(QLatin1String(name)),
                    {{QStringLiteral("field"), QLatin1String(name)}}));
    }
    const QJsonValue ttl = body->value(QLatin1String("ttlSeconds"));
    if (!ttl.isUndefined() && (!ttl.isDouble() || ttl.toDouble() != std::floor(ttl.toDouble())))
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("ttlSeconds must be a whole number"),
                {{QStringLiteral("field"), QStringLiteral("ttlSeconds")}}));
    const QString kind = body->value(QLatin1String("kind")).toString(tokenkind::Jwt);
    if (kind != tokenkind::Jwt)
        return createKey(c, *body, kind);
    if (body->contains(QLatin1String("region")))
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("only a sigv4 key has a region"),
                {{QStringLiteral("field"), QStringLiteral("region")}}));
    const qint64 ttlSecs
        = ttl.isUndefined() ? ApiTokens::kDefaultTtlSecs : static_cast<qint64>(qBound(-1.0, ttl.toDouble(), 1e12));
    auto checked = m_people.apiTokens->check(c.who.company, body->value(QLatin1String("name")).toString(),
        body->value(QLatin1String("role")).toString(), body->value(QLatin1String("customerId")).toString(), ttlSecs,
        c.actor);
    if (!checked)
        return fail(c, checked.error());
    ApiTokenRecord record = *checked;
    record.id = ids::random(QStringLiteral("tok_"));
    const Role role = parseRole(record.role).value_or(Role::Client);
    // The subject names the token, so the audit log says which token acted.
    const QByteArray token = m_people.tokens->issueWithId(record.companyId, role, QStringLiteral("token:") + record.id,
        record.id, record.createdAt / 1000, record.expiresAt / 1000, record.customerId);
    const auto stored = m_people.apiTokens->store(record, c.actor);
    if (!stored)
        return fail(c, stored.error());
    QJsonObject out = tokenJson(*stored);
    out.insert(QStringLiteral("token"), QString::fromLatin1(token));
    reply(c, http::HttpResponse::json(201, out));
}

// A sigv4, apikey or widget key (the body's types are checked by createToken).
void CsApi::createKey(Call &c, const QJsonObject &body, const QString &kind)
{
    if (body.contains(QLatin1String("customerId")))
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, QStringLiteral("only a client token names a customer"),
                {{QStringLiteral("field"), QStringLiteral("customerId")}}));
    ApiKeyRequest request;
    request.kind = kind;
    request.name = body.value(QLatin1String("name")).toString();
    request.role = body.value(QLatin1String("role")).toString();
    request.region = body.value(QLatin1String("region")).toString();
    const QJsonValue ttl = body.value(QLatin1String("ttlSeconds"));
    request.ttlSecs = ttl.isUndefined() ? 0 : static_cast<qint64>(qBound(-1.0, ttl.toDouble(), 1e12));
    const auto issued = m_people.apiTokens->createKey(c.who.company, request, c.actor);
    if (!issued)
        return fail(c, issued.error());
    QJsonObject out = tokenJson(issued->record);
    for (auto it = issued->credential.constBegin(); it != issued->credential.constEnd(); ++it)
        out.insert(it.key(), it.value());
    reply(c, http::HttpResponse::json(201, out));
}

void CsApi::listTokens(Call &c)
{
    const auto all = m_people.apiTokens->list(c.who.company);
    if (!all)
        return fail(c, all.error());
    QJsonArray list;
    for (const ApiTokenRecord &t : *all)
        list.append(tokenJson(t));
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("tokens"), list}}));
}

void CsApi::revokeToken(Call &c)
{
    const auto revoked
        = m_people.apiTokens->revoke(c.who.company, c.req.pathParams.value(QStringLiteral("id")), c.actor);
    if (!revoked)
        return fail(c, revoked.error());
    reply(c, http::HttpResponse::json(200, tokenJson(*revoked)));
}

} // namespace tierdesk::api
