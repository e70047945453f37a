#pragma once

#include <QString>

namespace tierdesk {

// The name this process answers as, so that behind a proxy one can tell which of several
// servers on one database answered (GET /api/cs/health): TIERDESK_INSTANCE when set,
// else "<host name>-<process id>".
QString instanceName();

} // namespace tierdesk
