#pragma once

#include <QString>

namespace tierdesk {

// Whether a person could answer a queue now (presence comes from the server
// host). Without one set, the desk assumes nobody is available.
class AgentAvailability {
public:
    virtual ~AgentAvailability() = default;
    virtual bool anyAvailable(const QString &companyId, const QString &queue) const = 0;
    // This person is connected and not away.
    virtual bool isAvailable(const QString &agentId) const = 0;
};

} // namespace tierdesk
