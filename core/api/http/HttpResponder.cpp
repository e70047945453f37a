#include "core/api/http/HttpResponder.h"

#include "core/api/http/ResponderState.h"

namespace tierdesk::http {

HttpResponder::HttpResponder(std::shared_ptr<detail::ResponderState> state) : d(std::move(state)) { }

HttpResponder HttpResponder::capturing(std::function<void(HttpResponse &&)> sink)
{
    auto state = std::make_shared<detail::ResponderState>();
    state->capture = std::move(sink);
    return HttpResponder(std::move(state));
}

void HttpResponder::send(HttpResponse response) const
{
    if (!d || d->sent)
        return;
    d->sent = true;
    if (HttpConnection *c = d->connection.data())
        c->deliver(d->sequence, std::move(response));
    else if (d->capture)
        d->capture(std::move(response));
}

bool HttpResponder::isConnected() const
{
    return d && ((d->connection && d->connection->isOpen()) || d->capture);
}

bool HttpResponder::isSent() const
{
    return d && d->sent;
}

} // namespace tierdesk::http
