#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace tierdesk::ui {

// The tiers are meant to grow in authority (AI Rep < AI Manager < human agent). The validator
// allows any caps, so a config may give a lower tier more room than the one it escalates to
// (an AI Rep that refunds $500 while the AI Manager stops at $100): said, not refused.
class CapabilityOrder {
    Q_DECLARE_TR_FUNCTIONS(tierdesk::ui::CapabilityOrder)

public:
    // One sentence per pair of tiers and kind of money where the lower one may do more.
    static QStringList warnings(const QJsonObject &config);
};

} // namespace tierdesk::ui
