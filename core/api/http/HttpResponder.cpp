#include "core/api/http/HttpResponder.h"

#include "core/api/http/ResponderState.h"

namespace tierdesk::http {

HttpResponder::HttpResponder(std::shared_ptr<detail::ResponderState> state)
    : d(std::move(state))
{
}

void HttpResponder::send(HttpResponse response) const
{
    if (!d || d->sent)
        return;
    d->sent = true;
    if (HttpConnection *c = d->connection.data())
        c->deliver(d->sequence, std::move(response));
}

bool HttpResponder::isConnected() const
{
    return d && d->connection && d->connection->isOpen();
}

bool HttpResponder::isSent() const
{
    return d && d->sent;
}

} // namespace tierdesk::http
