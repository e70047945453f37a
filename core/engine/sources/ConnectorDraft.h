#pragma once

#include "core/domain/Connector.h"

#include <QMap>
#include <QStringList>

namespace tierdesk {

// What an admin gives to register a connector (docs/api.md, "Connectors"): values as
// they came, checked by Connectors::put (ConnectorCheck) into a Connector.
struct ConnectorDraft {
    QString name;
    QString kind;
    QStringList purposes;
    QString url;
    QString authType = QStringLiteral("none");
    QString username; // basic
    QString headerName; // header
    QString accessKeyId; // sigv4
    QString region; // sigv4
    QString service; // sigv4 (default lambda)
    QByteArray secret; // token, password, header value or secretAccessKey
    int timeoutMs = 5000;
    QMap<QString, ConnectorRequest> requests; // by purpose name
    QMap<QString, FieldPointers> fields; // by purpose name
    QByteArray webhookSecret; // stripe
};

} // namespace tierdesk
