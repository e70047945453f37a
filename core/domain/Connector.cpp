#include "core/domain/Connector.h"

#include "core/domain/NameTable.h"

namespace tierdesk {

namespace {

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
    return nameIn(kConnectorKinds, kind);
}

std::optional<ConnectorKind> parseConnectorKind(const QString &name)
{
    return parseIn(kConnectorKinds, name);
}

QStringList connectorKindNames()
{
    return namesIn(kConnectorKinds);
}

QString toString(ConnectorPurpose purpose)
{
    return nameIn(kConnectorPurposes, purpose);
}

std::optional<ConnectorPurpose> parseConnectorPurpose(const QString &name)
{
    return parseIn(kConnectorPurposes, name);
}

QStringList connectorPurposeNames()
{
    return namesIn(kConnectorPurposes);
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
    return nameIn(kConnectorAuthTypes, type);
}

std::optional<ConnectorAuth::Type> parseConnectorAuthType(const QString &name)
{
    return parseIn(kConnectorAuthTypes, name);
}

QStringList connectorAuthTypeNames()
{
    return namesIn(kConnectorAuthTypes);
}

} // namespace tierdesk
