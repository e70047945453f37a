#include "core/store/OidcSettingsRepo.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace tierdesk {

namespace {

const QString kColumns = QStringLiteral("company_id, issuer, client_id, client_secret, allowed_domains, role_claim,"
                                        " role_map, default_role, create_agents, password_login,"
                                        " break_glass_agent_id, updated_at");

QString compact(const QJsonDocument &doc)
{
    return QString::fromUtf8(doc.toJson(QJsonDocument::Compact));
}

QString roleMapText(const QMap<QString, QString> &map)
{
    QJsonObject o;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        o.insert(it.key(), it.value());
    return compact(QJsonDocument(o));
}

QMap<QString, QString> roleMapOf(const QByteArray &text)
{
    QMap<QString, QString> out;
    const QJsonObject o = QJsonDocument::fromJson(text).object();
    for (auto it = o.constBegin(); it != o.constEnd(); ++it)
        out.insert(it.key(), it.value().toString());
    return out;
}

} // namespace

Status OidcSettingsRepo::put(const OidcSettings &s, const SecretSealer &sealer)
{
    const QByteArray sealed = sealer.seal(s.clientSecret);
    if (sealed.isEmpty())
        return makeError(ErrorKind::Internal, QStringLiteral("the store was given no data key to seal the secret"));
    QSqlQuery &q
        = m_db.statement(QStringLiteral("INSERT INTO oidc_settings(%1) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                                        " ON CONFLICT (company_id) DO UPDATE SET issuer = excluded.issuer,"
                                        " client_id = excluded.client_id,"
                                        " client_secret = excluded.client_secret,"
                                        " allowed_domains = excluded.allowed_domains,"
                                        " role_claim = excluded.role_claim, role_map = excluded.role_map,"
                                        " default_role = excluded.default_role,"
                                        " create_agents = excluded.create_agents,"
                                        " password_login = excluded.password_login,"
                                        " break_glass_agent_id = excluded.break_glass_agent_id,"
                                        " updated_at = excluded.updated_at")
                             .arg(kColumns));
    return m_db.status(m_db.exec(q,
        {s.companyId, s.issuer, s.clientId, QString::fromLatin1(sealed),
            compact(QJsonDocument(QJsonArray::fromStringList(s.allowedDomains))), s.roleClaim, roleMapText(s.roleMap),
            s.defaultRole, s.createAgents ? 1 : 0, s.passwordLogin ? 1 : 0, s.breakGlassAgentId, s.updatedAt}));
}

std::optional<OidcSettings> OidcSettingsRepo::find(const QString &companyId, const SecretSealer &sealer)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("SELECT %1 FROM oidc_settings WHERE company_id = ?").arg(kColumns));
    if (!m_db.exec(q, {companyId}) || !q.next())
        return std::nullopt;
    OidcSettings s;
    s.companyId = q.value(0).toString();
    s.issuer = q.value(1).toString();
    s.clientId = q.value(2).toString();
    const Result<QByteArray> secret = sealer.open(q.value(3).toString().toLatin1());
    s.clientSecret = secret ? *secret : QByteArray();
    for (const QJsonValue &d : QJsonDocument::fromJson(q.value(4).toString().toUtf8()).array())
        s.allowedDomains << d.toString();
    s.roleClaim = q.value(5).toString();
    s.roleMap = roleMapOf(q.value(6).toString().toUtf8());
    s.defaultRole = q.value(7).toString();
    s.createAgents = q.value(8).toInt() != 0;
    s.passwordLogin = q.value(9).toInt() != 0;
    s.breakGlassAgentId = q.value(10).toString();
    s.updatedAt = q.value(11).toLongLong();
    q.finish();
    return s;
}

Result<bool> OidcSettingsRepo::remove(const QString &companyId)
{
    QSqlQuery &q = m_db.statement(QStringLiteral("DELETE FROM oidc_settings WHERE company_id = ?"));
    if (!m_db.exec(q, {companyId}))
        return m_db.lastFailure();
    return q.numRowsAffected() > 0;
}

} // namespace tierdesk
