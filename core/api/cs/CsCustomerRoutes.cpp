// /api/cs/customers: the company's customers (agents read, admins write, import and erase).
#include "core/api/cs/CsApi.h"

#include "core/api/cs/CsErrors.h"
#include "core/api/cs/CsJson.h"
#include "core/common/Validation.h"
#include "core/engine/customers/CustomerDirectory.h"

namespace tierdesk::api {
namespace {

QJsonObject importJson(const CustomerImport::Report &r)
{
    QJsonArray failed;
    for (const CustomerImport::Failure &f : r.failed) {
        QJsonObject row{{QStringLiteral("line"), f.line}, {QStringLiteral("error"), f.error}};
        row.insert(QStringLiteral("field"), f.field.isEmpty() ? QJsonValue() : QJsonValue(f.field));
        failed.append(row);
    }
    QJsonObject out{{QStringLiteral("created"), r.created}, {QStringLiteral("updated"), r.updated},
        {QStringLiteral("unchanged"), r.unchanged}, {QStringLiteral("failed"), failed}};
    if (r.failedCount > r.failed.size())
        out.insert(QStringLiteral("failedCount"), r.failedCount);
    return out;
}

} // namespace

bool CsApi::intParam(Call &c, const char *name, int *into)
{
    const QString value = queryParam(c.req, name);
    if (value.isEmpty())
        return true;
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok) {
        fail(c, cs::invalid(QLatin1String(name), QStringLiteral("%1 must be a whole number").arg(QLatin1String(name))));
        return false;
    }
    *into = n;
    return true;
}

void CsApi::installCustomerRoutes(http::Router &r, const QString &base)
{
    r.route("GET", base + QStringLiteral("/customers"), guarded(Role::Agent, &CsApi::listCustomers));
    r.route("POST", base + QStringLiteral("/customers/import"), guarded(Role::Admin, &CsApi::importCustomers));
    r.route("GET", base + QStringLiteral("/customers/:id"), guarded(Role::Agent, &CsApi::getCustomer));
    r.route("PUT", base + QStringLiteral("/customers/:id"), guarded(Role::Admin, &CsApi::putCustomer));
    r.route("DELETE", base + QStringLiteral("/customers/:id"), guarded(Role::Admin, &CsApi::eraseCustomer));
}

void CsApi::listCustomers(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    int limit = CustomerDirectory::kDefaultLimit;
    int offset = 0;
    if (!intParam(c, "limit", &limit) || !intParam(c, "offset", &offset))
        return;
    const auto page = m_customers->search(*company, queryParam(c.req, "q"), limit, offset);
    if (!page)
        return fail(c, page.error());
    QJsonArray list;
    for (const Customer &customer : page->customers)
        list.append(json::customerRecord(customer));
    reply(c,
        http::HttpResponse::json(200,
            QJsonObject{{QStringLiteral("customers"), list}, {QStringLiteral("total"), page->total},
                {QStringLiteral("limit"), limit}, {QStringLiteral("offset"), offset}}));
}

void CsApi::getCustomer(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    const auto found = m_customers->get(*company, c.req.pathParams.value(QStringLiteral("id")));
    if (!found)
        return fail(c, found.error());
    reply(c, http::HttpResponse::json(200, json::customerRecord(*found)));
}

void CsApi::putCustomer(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    const auto stored = m_customers->put(*company, c.req.pathParams.value(QStringLiteral("id")), *body, c.actor);
    if (!stored)
        return fail(c, stored.error());
    reply(c, http::HttpResponse::json(stored->created ? 201 : 200, json::customerRecord(stored->customer)));
}

void CsApi::eraseCustomer(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    const Status erased = m_customers->erase(*company, c.req.pathParams.value(QStringLiteral("id")), c.actor);
    if (!erased)
        return fail(c, erased.error());
    reply(c, http::HttpResponse::noContent());
}

void CsApi::importCustomers(Call &c)
{
    const auto company = companyParam(c, queryParam(c.req, "companyId"));
    if (!company)
        return;
    const auto format = CustomerImport::formatOf(c.req.header(QByteArrayLiteral("content-type")));
    if (!format)
        return fail(c,
            cs::error(invalidField(QStringLiteral("Content-Type"),
                QStringLiteral("an import is text/csv or application/x-ndjson"),
                {QStringLiteral("text/csv"), QStringLiteral("application/x-ndjson")})));
    const QString dryRun = queryParam(c.req, "dryRun");
    if (!dryRun.isEmpty() && dryRun != QLatin1String("true") && dryRun != QLatin1String("false"))
        return fail(c, cs::error(invalidField(QStringLiteral("dryRun"), QStringLiteral("dryRun is true or false"))));
    m_customers->importFile(*company, c.req.body, *format, dryRun == QLatin1String("true"), c.actor, this,
        [this, later = defer(c)](Result<CustomerImport::Report> report) {
            Call call = later->call();
            if (!report)
                return fail(call, report.error());
            reply(call, http::HttpResponse::json(200, importJson(*report)));
        });
}

} // namespace tierdesk::api
