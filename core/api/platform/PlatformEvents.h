#pragma once

#include "core/engine/SessionEngine.h"

#include <QObject>

namespace tierdesk::api {

// Seed 000's webhook events, queued on the engine's outbox (signed and retried
// like every webhook: docs/api.md, "Webhooks") for the webhooks subscribed to them:
// conversation.created when any session starts, sentiment.negative when a
// customer message reads FRUSTRATED, ANGRY or IRATE. escalation.created is seed
// 002's event (the support agent API queues it for its tickets). Queued from the
// engine's committed session events, each in its own group-commit batch.
class PlatformEvents : public QObject {
    Q_OBJECT

public:
    static QStringList events(); // conversation.created, escalation.created, sentiment.negative

    explicit PlatformEvents(SessionEngine &engine, QObject *parent = nullptr);

private:
    void onEvent(const SessionEvent &event);

    SessionEngine &m_engine;
};

} // namespace tierdesk::api
