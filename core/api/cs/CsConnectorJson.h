#pragma once

#include "core/common/Result.h"
#include "core/engine/sources/Connectors.h"

#include <QJsonObject>

// The CS API's wire shape of connectors (docs/api.md, "Connectors"): the body of PUT
// /connectors/:name as a draft (types only; the engine checks the values), a connector as
// it is shown (never a secret), a test's answer and the call log.
namespace tierdesk::api::cs {

// InvalidArgument naming the field whose JSON type is wrong.
Result<ConnectorDraft> connectorDraft(const QString &name, const QJsonObject &body);
QJsonObject connectorJson(const Connector &c);
QJsonObject connectorTestJson(const ConnectorTest &t);
QJsonObject connectorCallJson(const ConnectorCall &call);
// An order as a source said it: only the fields it said.
QJsonObject sourcedOrderJson(const SourcedOrder &o);

} // namespace tierdesk::api::cs
