#pragma once

// Internal: the state an HttpResponder shares with the connection that made it.

#include "core/api/http/HttpConnection.h"

#include <QPointer>

#include <functional>

namespace tierdesk::http::detail {

struct ResponderState {
    QPointer<HttpConnection> connection; // null once the connection object is gone
    quint64 sequence = 0; // position in the connection's reply order
    bool sent = false;
    // Set only by HttpResponder::capturing(): takes the reply when there is no connection.
    std::function<void(HttpResponse &&)> capture;
};

} // namespace tierdesk::http::detail
