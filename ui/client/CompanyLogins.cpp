#include "ui/client/CompanyLogins.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace tierdesk::ui {

void CompanyLogins::put(const CompanyLogin &login)
{
    remove(login.companyId);
    m_logins.append(login);
}

void CompanyLogins::remove(const QString &companyId)
{
    m_logins.removeIf([&](const CompanyLogin &l) { return l.companyId == companyId; });
}

std::optional<CompanyLogin> CompanyLogins::find(const QString &companyId) const
{
    for (const CompanyLogin &l : m_logins)
        if (l.companyId == companyId)
            return l;
    return std::nullopt;
}

QList<CompanyLogin> CompanyLogins::all() const
{
    QList<CompanyLogin> out = m_logins;
    std::sort(out.begin(), out.end(), [](const CompanyLogin &a, const CompanyLogin &b) {
        const int byName = a.companyName.compare(b.companyName, Qt::CaseInsensitive);
        return byName != 0 ? byName < 0 : a.companyId < b.companyId;
    });
    return out;
}

QByteArray CompanyLogins::toJson() const
{
    QJsonArray list;
    for (const CompanyLogin &l : m_logins)
        if (l.remembered)
            list.append(
                QJsonObject{{QStringLiteral("companyId"), l.companyId}, {QStringLiteral("companyName"), l.companyName},
                    {QStringLiteral("email"), l.email}, {QStringLiteral("token"), QString::fromLatin1(l.token)}});
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

CompanyLogins CompanyLogins::fromJson(const QByteArray &json)
{
    CompanyLogins out;
    for (const QJsonValue &v : QJsonDocument::fromJson(json).array()) {
        const QJsonObject o = v.toObject();
        CompanyLogin l{o.value(QLatin1String("companyId")).toString(), o.value(QLatin1String("companyName")).toString(),
            o.value(QLatin1String("email")).toString(), o.value(QLatin1String("token")).toString().toLatin1(), true};
        if (!l.companyId.isEmpty() && !l.token.isEmpty())
            out.put(l);
    }
    return out;
}

} // namespace tierdesk::ui
