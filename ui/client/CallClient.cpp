#include "ui/client/CallClient.h"

#include "ui/client/ApiClient.h"

#include <QJsonArray>

namespace tierdesk::ui {
namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

} // namespace

CallClient::CallClient(ApiClient &client, QObject *parent) : QObject(parent), m_client(client)
{
    EventStream &events = client.events();
    connect(&events, &EventStream::callMessage, this, &CallClient::onMessage);
    connect(&events, &EventStream::audioArrived, this, [this](const QByteArray &pcm) {
        if (onCall())
            emit audio(pcm);
    });
    // A new connection: the server put the call back in line and tells of the calls waiting anew.
    connect(&events, &EventStream::stateChanged, this, [this](EventStream::State state) {
        if (state == EventStream::State::Connected)
            return;
        if (onCall())
            finish(QStringLiteral("disconnected"));
        m_calls.clear();
        m_order.clear();
        emit ringingChanged();
    });
}

QStringList CallClient::myQueues() const
{
    QStringList queues;
    for (const QJsonValue &q : m_client.agent().value(QLatin1String("queues")).toArray())
        queues << q.toString();
    return queues;
}

QList<QJsonObject> CallClient::ringing() const
{
    QList<QJsonObject> list;
    if (onCall())
        return list;
    const QStringList queues = myQueues();
    for (const QString &id : m_order) {
        const QJsonObject call = m_calls.value(id);
        const QString assignee = str(call, "assigneeId"); // the desk gave it to someone: it rings for them
        if (str(call, "state") == QLatin1String("queued") && (queues.isEmpty() || queues.contains(str(call, "queue")))
            && (assignee.isEmpty() || assignee == m_client.agentId()))
            list.append(call);
    }
    return list;
}

void CallClient::onMessage(const QJsonObject &frame)
{
    const QString type = str(frame, "type");
    const QJsonObject data = frame.value(QLatin1String("data")).toObject();
    const QString callId = data.isEmpty() ? str(frame, "callId") : str(data, "callId");
    const bool mine = onCall() && str(m_current, "callId") == callId;
    if (type == QLatin1String("error")) {
        emit refused(frame.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString());
    } else if (type == QLatin1String("call.ended")) {
        m_calls.remove(callId);
        m_order.removeAll(callId);
        if (mine)
            finish(str(data, "reason"));
        emit ringingChanged();
    } else if (type == QLatin1String("call.accepted")) {
        m_current = m_calls.value(callId);
        m_current.insert(QStringLiteral("callId"), callId);
        m_current.insert(QStringLiteral("sessionId"), str(frame, "sessionId"));
        m_current.insert(QStringLiteral("state"), QStringLiteral("agent"));
        m_muted = false;
        emit accepted(m_current);
        emit ringingChanged();
    } else if (type == QLatin1String("call.transferred") || type == QLatin1String("call.hungup")) {
        if (mine)
            finish(type == QLatin1String("call.hungup") ? QStringLiteral("hung up") : QStringLiteral("transferred"));
    } else if (!data.isEmpty()) { // call.queued, call.taken, call.updated
        if (!m_calls.contains(callId))
            m_order.append(callId);
        m_calls.insert(callId, data);
        if (mine && str(data, "agentId") == m_client.agentId()) {
            m_current = data;
            emit currentChanged(m_current);
        }
        emit ringingChanged();
    }
}

void CallClient::command(const char *type, const QJsonObject &more)
{
    QJsonObject m = more;
    m.insert(QStringLiteral("type"), QLatin1String(type));
    m.insert(QStringLiteral("callId"), str(m_current, "callId"));
    m_client.events().send(m);
}

void CallClient::accept(const QString &callId)
{
    if (!onCall())
        m_client.events().send(
            {{QStringLiteral("type"), QStringLiteral("call.accept")}, {QStringLiteral("callId"), callId}});
}

void CallClient::setMuted(bool muted)
{
    m_muted = muted; // the console's own: nothing of the person's voice leaves it
}

void CallClient::hold(bool held)
{
    if (onCall())
        command(held ? "call.hold" : "call.unhold");
}

void CallClient::transfer(const QString &queue)
{
    if (onCall())
        command("call.transfer", {{QStringLiteral("queue"), queue}});
}

void CallClient::transferToAi()
{
    if (onCall())
        command("call.transfer", {{QStringLiteral("to"), QStringLiteral("ai")}});
}

void CallClient::hangUp()
{
    if (onCall())
        command("call.hangup");
}

void CallClient::sendAudio(const QByteArray &pcm)
{
    if (onCall() && !m_muted && !held())
        m_client.events().sendAudio(pcm);
}

void CallClient::finish(const QString &reason)
{
    const QString callId = str(m_current, "callId");
    m_current = {};
    m_muted = false;
    emit finished(callId, reason);
}

} // namespace tierdesk::ui
