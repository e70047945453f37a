// /api/cs/companies: an admin makes another company with its first admin (who then
// signs in to it), reads and renames their own. Every other company is 404.
#include "core/api/cs/CsApi.h"

#include "core/api/common/OffThread.h"
#include "core/api/cs/CsErrors.h"
#include "core/common/Time.h"
#include "core/integrations/PasswordHasher.h"

#include <memory>

namespace tierdesk::api {
QJsonObject CsApi::companyJson(const Company &c)
{
    return {{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name},
        {QStringLiteral("createdAt"), timefmt::iso(c.createdAt)}};
}

void CsApi::installCompanyRoutes(http::Router &r, const QString &base)
{
    r.route("POST", base + QStringLiteral("/companies"), guarded(Role::Admin, &CsApi::createCompany));
    r.route("GET", base + QStringLiteral("/companies/:id"), guarded(Role::Agent, &CsApi::getCompany));
    r.route("PATCH", base + QStringLiteral("/companies/:id"), guarded(Role::Admin, &CsApi::renameCompany));
}

// {"name", "admin": {"email","name","password"}, "copyConfig"?: bool} → 201 with the new
// company and a login of its first admin (the caller chose that admin's password).
void CsApi::createCompany(Call &c)
{
    const auto body = jsonBody(c);
    if (!body)
        return;
    if (!body->value(QLatin1String("name")).isString())
        return fail(c, cs::invalid(QStringLiteral("name"), QStringLiteral("name is required")));
    const QJsonValue copy = body->value(QLatin1String("copyConfig"));
    if (!copy.isUndefined() && !copy.isBool())
        return fail(c, cs::invalid(QStringLiteral("copyConfig"), QStringLiteral("copyConfig must be true or false")));
    const QJsonObject admin = body->value(QLatin1String("admin")).toObject();
    for (const char *name : {"email", "name", "password"})
        if (!admin.value(QLatin1String(name)).isString())
            return fail(c,
                cs::invalid(QStringLiteral("admin.") + QLatin1String(name),
                    QStringLiteral("admin.%1 is required").arg(QLatin1String(name))));
    const QString password = admin.value(QLatin1String("password")).toString();
    if (const Status acceptable = PasswordHasher::check(password); !acceptable)
        return fail(c, cs::invalid(QStringLiteral("admin.password"), acceptable.error().message));
    // Checked before the slow hash (the company is the caller's until the new one exists).
    const auto checked = m_people.agents->check(NewAgent{c.who.company, admin.value(QLatin1String("email")).toString(),
        admin.value(QLatin1String("name")).toString(), QStringLiteral("admin"), {}});
    if (!checked)
        return fail(c, checked.error());
    CsConfig config = CsConfig::defaults();
    if (copy.toBool()) {
        const auto own = m_engine.config(c.who.company);
        if (!own)
            return fail(c, own.error());
        config = *own;
    }
    const QString name = body->value(QLatin1String("name")).toString();
    const auto req = std::make_shared<const http::HttpRequest>(c.req);
    offThread<Result<QString>>(
        this, m_people.logins->pool(), [password] { return PasswordHasher::hash(password); },
        [this, req, res = c.res, who = c.who, actor = c.actor, first = *checked, config, name](
            const Result<QString> &hash) {
            Call later{*req, res, who, actor, {}};
            if (!hash)
                return fail(later, hash.error());
            const auto founded = m_people.agents->foundCompany(name, config, first, *hash, actor);
            if (!founded)
                return fail(later, founded.error());
            // Also in the caller's own log: who made which company.
            m_engine.audit(who.company, actor, QStringLiteral("company.create"),
                QStringLiteral("company:") + founded->company.id, 201,
                {{QStringLiteral("name"), founded->company.name}, {QStringLiteral("admin"), founded->admin.email}});
            auto login = loginBody(founded->admin, signInFrom(*req, QStringLiteral("password")));
            if (!login)
                return fail(later, login.error());
            QJsonObject out = *login;
            out.insert(QStringLiteral("company"), companyJson(founded->company));
            reply(later, http::HttpResponse::json(201, out));
        });
}

void CsApi::getCompany(Call &c)
{
    const auto id = companyParam(c, c.req.pathParams.value(QStringLiteral("id")));
    if (!id)
        return;
    const auto company = m_engine.company(*id);
    if (!company)
        return fail(c, company.error());
    reply(c, http::HttpResponse::json(200, companyJson(*company)));
}

// {"name"}: the company's new name (audited as company.rename).
void CsApi::renameCompany(Call &c)
{
    const auto id = companyParam(c, c.req.pathParams.value(QStringLiteral("id")));
    if (!id)
        return;
    const auto body = jsonBody(c);
    if (!body)
        return;
    if (!body->value(QLatin1String("name")).isString())
        return fail(c, cs::invalid(QStringLiteral("name"), QStringLiteral("name is required")));
    const auto renamed = m_engine.renameCompany(*id, body->value(QLatin1String("name")).toString(), c.actor);
    if (!renamed)
        return fail(c, renamed.error());
    reply(c, http::HttpResponse::json(200, companyJson(*renamed)));
}

} // namespace tierdesk::api
