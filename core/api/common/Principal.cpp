#include "core/api/common/Principal.h"

namespace tierdesk::api {

std::optional<Role> parseRole(const QString &name)
{
    if (name == QLatin1String("client"))
        return Role::Client;
    if (name == QLatin1String("agent"))
        return Role::Agent;
    if (name == QLatin1String("supervisor"))
        return Role::Supervisor;
    if (name == QLatin1String("admin"))
        return Role::Admin;
    return std::nullopt;
}

QString roleName(Role r)
{
    switch (r) {
    case Role::Client:
        return QStringLiteral("client");
    case Role::Agent:
        return QStringLiteral("agent");
    case Role::Supervisor:
        return QStringLiteral("supervisor");
    case Role::Admin:
        return QStringLiteral("admin");
    }
    return {};
}

} // namespace tierdesk::api
