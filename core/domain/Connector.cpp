#include "core/domain/Connector.h"

namespace tierdesk {

namespace {

template <typename E, std::size_t N> QString connectorNameIn(const std::pair<E, const char *> (&table)[N], E value)
{
    for (const auto &row : table)
        if (row.first == value)
            return QLatin1String(row.second);
    return {};
}

template <typename E, std::size_t N>
std::optional<E> connectorParseIn(const std::pair<E, const char *> (&table)[N], const QString &name)
{
    for (const auto &row : table)
        if (name == QLatin1String(row.second))
            return row.first;
    return std::nullopt;
}

template <typename E, std::size_t N> QStringList connectorNamesIn(const std::pair<E, const char *> (&table)[N])
{
    QStringList out;
    for (const auto &row : table)
        out << QLatin1String(row.second);
    return out;
}

const std::pair<ConnectorKind, const char *> kConnectorKinds[] = {
    {ConnectorKind::Lambda, "lambda"},
    {ConnectorKind::Http, "http"},
    {ConnectorKind::Stripe, "stripe"},
};

const std::pair<ConnectorPurpose, const char *> kConnectorPurposes[] = {
    {ConnectorPurpose::Order, "order"},
    {ConnectorPurpose::Orders, "orders"},
    {ConnectorPurpose::Customer, "customer"},
    {ConnectorPurpose::Refund, "refund"},
    {ConnectorPurpose::Credit, "credit"},
    {ConnectorPurpose::Ticket, "ticket"},
    {ConnectorPurpose::Cancel, "cancel"},
};

const std::pair<ConnectorAuth::Type, const char *> kConnectorAuthTypes[] = {
    {ConnectorAuth::Type::None, "none"},
    {ConnectorAuth::Type::Bearer, "bearer"},
    {ConnectorAuth::Type::Basic, "basic"},
    {ConnectorAuth::Type::Header, "header"},
    {ConnectorAuth::Type::SigV4, "sigv4"},
};

} // namespace

QString toString(ConnectorKind kind)
{
    return connectorNameIn(kConnectorKinds, kind);
}

std::optional<ConnectorKind> parseConnectorKind(const QString &name)
{
    return connectorParseIn(kConnectorKinds, name);
}

QStringList connectorKindNames()
{
    return connectorNamesIn(kConnectorKinds);
}

QString toString(ConnectorPurpose purpose)
{
    return connectorNameIn(kConnectorPurposes, purpose);
}

std::optional<ConnectorPurpose> parseConnectorPurpose(const QString &name)
{
    return connectorParseIn(kConnectorPurposes, name);
}

QStringList connectorPurposeNames()
{
    return connectorNamesIn(kConnectorPurposes);
}

QList<ConnectorPurpose> purposesOf(ConnectorKind kind)
{
    using P = ConnectorPurpose;
    switch (kind) {
    case ConnectorKind::Lambda:
        return {P::Order};
    case ConnectorKind::Stripe:
        return {P::Refund, P::Credit};
    case ConnectorKind::Http:
        break;
    }
    return {P::Order, P::Orders, P::Customer, P::Refund, P::Credit, P::Ticket, P::Cancel};
}

QString toString(ConnectorAuth::Type type)
{
    return connectorNameIn(kConnectorAuthTypes, type);
}

std::optional<ConnectorAuth::Type> parseConnectorAuthType(const QString &name)
{
    return connectorParseIn(kConnectorAuthTypes, name);
}

QStringList connectorAuthTypeNames()
{
    return connectorNamesIn(kConnectorAuthTypes);
}

} // namespace tierdesk
