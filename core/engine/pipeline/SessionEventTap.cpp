#include "core/engine/pipeline/SessionEventTap.h"

namespace tierdesk {

SessionEventTap::SessionEventTap(SessionEngine &engine, QObject *context, Handler handler)
    : m_engine(engine), m_context(context), m_handler(std::move(handler))
{
}

void SessionEventTap::listen(bool on)
{
    if (on && !m_connection)
        m_connection = QObject::connect(&m_engine, &SessionEngine::sessionEvent, m_context, m_handler);
    else if (!on && m_connection) {
        QObject::disconnect(m_connection);
        m_connection = {};
    }
}

void SessionEventTap::listenWhile(std::function<bool()> wanted)
{
    const auto look = [this, wanted = std::move(wanted)] { listen(wanted()); };
    QObject::connect(&m_engine, &SessionEngine::subscriptionsChanged, m_context, look);
    look();
}

} // namespace tierdesk
