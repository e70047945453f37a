#pragma once

#include "core/domain/Connector.h"

#include <QByteArray>

namespace tierdesk {

// How the connectors table keeps a connector's structured parts as text: the `http`
// kind's requests and field pointers, and the auth's public parameters (never its secret).
namespace connectorcodec {
QByteArray encodeRequests(const QMap<ConnectorPurpose, ConnectorRequest> &requests);
QMap<ConnectorPurpose, ConnectorRequest> decodeRequests(const QByteArray &text);
QByteArray encodeFields(const QMap<ConnectorPurpose, FieldPointers> &fields);
QMap<ConnectorPurpose, FieldPointers> decodeFields(const QByteArray &text);
QByteArray encodeAuthParams(const ConnectorAuth &auth);
void decodeAuthParams(const QByteArray &text, ConnectorAuth *auth);
QString encodePurposes(const QList<ConnectorPurpose> &purposes);
QList<ConnectorPurpose> decodePurposes(const QString &text);
} // namespace connectorcodec

} // namespace tierdesk
