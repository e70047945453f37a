#pragma once

#include <QJsonArray>
#include <QJsonObject>

namespace tierdesk {

// The leaves that differ between two configs, as [{"path", "before", "after"}] with
// dotted paths ("irateProtocol.detectionThreshold"), in key order. Arrays are leaves
// (a keyword list is shown whole). Written into the audit of PUT /config.
QJsonArray configChanges(const QJsonObject &before, const QJsonObject &after);

} // namespace tierdesk
