#pragma once

#include "core/engine/SessionEngine.h"

#include <functional>

namespace tierdesk {

// A connection to SessionEngine::sessionEvent made only while its owner wants the
// events. Live events cost a copy of the session on every message, and the
// engine builds none while nothing is connected (SessionEngine::eventsWanted),
// so a listener connects only while it has somebody to tell.
class SessionEventTap {
public:
    using Handler = std::function<void(const SessionEvent &)>;

    // `context` owns the handler: the connection ends with it.
    SessionEventTap(SessionEngine &engine, QObject *context, Handler handler);
    ~SessionEventTap() { listen(false); }
    SessionEventTap(const SessionEventTap &) = delete;
    SessionEventTap &operator=(const SessionEventTap &) = delete;

    void listen(bool on);
    // Listens while `wanted()` holds: asked now, and again whenever a webhook or a company's
    // e-mail notifications change (SessionEngine::subscriptionsChanged).
    void listenWhile(std::function<bool()> wanted);
    bool listening() const { return bool(m_connection); }

private:
    SessionEngine &m_engine;
    QObject *m_context;
    Handler m_handler;
    QMetaObject::Connection m_connection;
};

} // namespace tierdesk
