#pragma once

#include "core/engine/SessionEngine.h"
#include "core/voice/calls/CallSettings.h"

#include <QList>
#include <QObject>
#include <QPointer>

namespace tierdesk {
class Desk;
}

namespace tierdesk::voice {

class CallWaiting;
class LiveCall;

// The calls waiting for a person (docs/calls.md, "Taking calls"): each call whose conversation the
// desk queued is in the queue the desk put its session in, numbered among its company's waiting
// calls of that queue by the time the desk queued them (a call put back in line keeps its place).
// A waiting call hears its place at once and now and then after (CallWaiting); when one leaves the
// line, the others move up and are told. Lives on the engine thread, in the CallCenter.
class CallLine : public QObject {
    Q_OBJECT

public:
    CallLine(SessionEngine &engine, const CallSettings &settings, QObject *parent = nullptr);
    ~CallLine() override;

    // The desk whose items say each call's queue; none: every call waits in the queue it names.
    void setDesk(Desk *desk) { m_desk = desk; }
    // A call's state changed (LiveCall::setState, before it says so): into the line, or out of it.
    void placed(LiveCall *call);
    // The company's waiting calls, in order (every queue).
    QList<LiveCall *> waiting(const QString &companyId) const;

private:
    struct Waiter {
        QPointer<LiveCall> call;
        QString companyId;
        QString queue;
        qint64 since = 0; // when the desk queued the session
        quint64 arrival = 0; // ties broken by who came first
        QPointer<CallWaiting> waiting;
    };
    int find(const LiveCall *call) const;
    // Places of the company's calls of `queue`, told to those that moved (but `quiet`).
    void renumber(const QString &companyId, const QString &queue, const LiveCall *quiet);
    void leave(int index);
    bool companyClosed(const QString &companyId) const;

    SessionEngine &m_engine;
    CallSettings m_settings;
    Desk *m_desk = nullptr;
    QList<Waiter> m_waiting;
    quint64 m_arrivals = 0;
};

} // namespace tierdesk::voice
