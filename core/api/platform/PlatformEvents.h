#pragma once

#include "core/engine/SessionEngine.h"
#include "core/engine/pipeline/SessionEventTap.h"

#include <QObject>

namespace tierdesk::api {

// Seed 000's webhook events, queued on the engine's outbox (signed and retried
// like every webhook: docs/api.md, "Webhooks") for the webhooks subscribed to them:
// conversation.created when any session starts, sentiment.negative when a
// customer message reads FRUSTRATED, ANGRY or IRATE. escalation.created is seed
// 002's event (the support agent API queues it for its tickets). Queued from the
// engine's committed session events, each in its own group-commit batch, and
// only while some webhook subscribes to them (no listener, no event per message).
class PlatformEvents : public QObject {
    Q_OBJECT

public:
    static QStringList events(); // conversation.created, escalation.created, sentiment.negative

    explicit PlatformEvents(SessionEngine &engine, QObject *parent = nullptr);
    bool listening() const { return m_events.listening(); }

private:
    void onEvent(const SessionEvent &event);

    SessionEngine &m_engine;
    SessionEventTap m_events;
};

} // namespace tierdesk::api
