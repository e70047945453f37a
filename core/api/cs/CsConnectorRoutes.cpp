// /api/cs/connectors: a company's own systems (admin). Secrets are write-only; a test runs
// off the engine thread (the connectors' pool) and a refund's or credit's test sends nothing.
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsConnectorJson.h"
#include "core/api/cs/CsErrors.h"

#include <QJsonArray>
#include <QPointer>

namespace tierdesk::api {

namespace {

QString pathName(const http::HttpRequest &req)
{
    return req.pathParams.value(QStringLiteral("name"));
}

} // namespace

// ?companyId= names the caller's own company, or is left out.
std::optional<QString> CsApi::connectorCompany(Call &c)
{
    const QString named = queryParam(c.req, "companyId");
    return companyParam(c, named.isEmpty() ? c.who.company : named);
}

void CsApi::putConnector(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company)
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const Result<ConnectorDraft> draft = cs::connectorDraft(pathName(c.req), *body);
    if (!draft)
        return fail(c, draft.error());
    bool created = false;
    const auto put = m_engine.connectors().put(*company, *draft, c.actor, &created);
    if (!put)
        return fail(c, put.error());
    reply(c, http::HttpResponse::json(created ? 201 : 200, cs::connectorJson(*put)));
}

void CsApi::listConnectors(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company)
        return;
    const auto all = m_engine.connectors().list(*company);
    if (!all)
        return fail(c, all.error());
    QJsonArray list;
    for (const Connector &one : *all)
        list.append(cs::connectorJson(one));
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("connectors"), list}}));
}

void CsApi::deleteConnector(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company)
        return;
    const Status removed = m_engine.connectors().remove(*company, pathName(c.req), c.actor);
    if (!removed)
        return fail(c, removed.error());
    reply(c, http::HttpResponse::noContent());
}

void CsApi::testConnector(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company)
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const QJsonValue purpose = body->value(QLatin1String("purpose"));
    const QJsonValue input = body->value(QLatin1String("input"));
    const QJsonObject values = input.toObject();
    if (!purpose.isString())
        return fail(c, cs::invalid(QStringLiteral("purpose"), QStringLiteral("purpose must be a string")));
    if (!(input.isUndefined() || input.isObject())
        || std::any_of(
            values.begin(), values.end(), [](const QJsonValue &v) { return !v.isString() && !v.isDouble(); }))
        return fail(
            c, cs::invalid(QStringLiteral("input"), QStringLiteral("input must be an object of strings and numbers")));
    QMap<QString, QString> given;
    for (auto it = values.constBegin(); it != values.constEnd(); ++it)
        given.insert(it.key(), it.value().isString() ? it.value().toString() : QString::number(it.value().toDouble()));
    // The answer waits for the company's system on the connectors' pool; the engine thread goes on.
    auto later = defer(c);
    QPointer<CsApi> self(this);
    m_engine.connectors().test(
        *company, pathName(c.req), purpose.toString(), given, c.actor, this, [self, later](Result<ConnectorTest> done) {
            if (!self)
                return;
            Call call = later->call();
            if (!done)
                return self->fail(call, done.error());
            self->reply(call, http::HttpResponse::json(200, cs::connectorTestJson(*done)));
        });
}

void CsApi::connectorCalls(Call &c)
{
    const auto company = connectorCompany(c);
    if (!company)
        return;
    int limit = Connectors::kDefaultCalls;
    if (const QString given = queryParam(c.req, "limit"); !given.isEmpty()) {
        bool ok = false;
        limit = given.toInt(&ok);
        if (!ok || limit < 1 || limit > ConnectorRepo::kMaxCallsKept)
            return fail(c, cs::invalid(QStringLiteral("limit"), QStringLiteral("limit must be 1 to 1000")));
    }
    const auto calls = m_engine.connectors().calls(*company, pathName(c.req), limit);
    if (!calls)
        return fail(c, calls.error());
    QJsonArray list;
    for (const ConnectorCall &call : *calls)
        list.append(cs::connectorCallJson(call));
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("calls"), list}}));
}

// A Stripe connector's webhook (refund.updated, refund.failed): ?companyId= names the company,
// the Stripe-Signature (with the connector's webhookSecret, 5 minutes' tolerance) proves the
// sender. A bad or missing signature is 400 naming the header; a repeated event changes nothing.
void CsApi::connectorWebhook(Call &c)
{
    const QString company = queryParam(c.req, "companyId");
    if (company.isEmpty())
        return fail(c,
            cs::error(ErrorKind::InvalidArgument, ErrorDetail::MissingCompany, QStringLiteral("Missing company ID")));
    const QByteArray signature = c.req.header("stripe-signature");
    if (signature.isEmpty())
        return fail(
            c, cs::invalid(QStringLiteral("Stripe-Signature"), QStringLiteral("the Stripe-Signature is missing")));
    const Status settled = m_engine.money().webhook(company, pathName(c.req), c.req.body, signature);
    if (!settled && settled.error().kind == ErrorKind::Unauthenticated)
        return fail(c,
            cs::invalid(QStringLiteral("Stripe-Signature"),
                QStringLiteral("the Stripe-Signature does not hold for this connector's webhookSecret")));
    if (!settled && settled.error().kind == ErrorKind::NotFound)
        return fail(c,
            cs::error(ErrorKind::NotFound, QStringLiteral("Connector not found"),
                {{QStringLiteral("field"), QStringLiteral("name")}}));
    if (!settled)
        return fail(c, settled.error());
    reply(c, http::HttpResponse::json(200, QJsonObject{{QStringLiteral("received"), true}}));
}

} // namespace tierdesk::api
