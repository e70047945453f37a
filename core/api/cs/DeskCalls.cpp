#include "core/api/cs/DeskCalls.h"

#include "core/api/cs/CsErrors.h"
#include "core/api/http/WebSocket.h"
#include "core/common/Time.h"
#include "core/engine/desk/Desk.h"
#include "core/voice/calls/CallWords.h"

#include <QJsonDocument>

namespace tierdesk::api {
namespace {

const QString kQueued = QStringLiteral("queued");
const QString kAgent = QStringLiteral("agent");
const QString kHold = QStringLiteral("hold");

} // namespace

DeskCalls::DeskCalls(voice::CallCenter &calls, Desk &desk, SessionEngine &engine, QObject *parent)
    : QObject(parent), m_calls(calls), m_desk(desk), m_engine(engine),
      m_deskEvents(engine, this, [this](const SessionEvent &event) { onDeskEvent(event); })
{
    connect(&calls, &voice::CallCenter::callChanged, this, &DeskCalls::onCallChanged);
    connect(&calls, &voice::CallCenter::callEnded, this, &DeskCalls::onCallEnded);
}

DeskCalls::~DeskCalls()
{
    for (const Taken &t : std::as_const(m_taken))
        disconnect(t.audio);
}

QJsonObject DeskCalls::callJson(const voice::LiveCall &call) const
{
    QJsonObject o{{QStringLiteral("callId"), call.id()}, {QStringLiteral("sessionId"), call.sessionId()},
        {QStringLiteral("state"), call.state()}, {QStringLiteral("door"), call.door()},
        {QStringLiteral("callerName"), call.callerName()},
        {QStringLiteral("startedAt"), timefmt::iso(call.startedAtMs())}};
    if (!call.queue().isEmpty())
        o.insert(QStringLiteral("queue"), call.queue());
    if (call.position() > 0)
        o.insert(QStringLiteral("position"), call.position());
    if (!call.callerNumber().isEmpty())
        o.insert(QStringLiteral("callerNumber"), call.callerNumber());
    if (call.state() == kQueued)
        if (const std::optional<QueueItem> item = m_desk.item(call.sessionId()); item && item->item.claimed())
            o.insert(QStringLiteral("assigneeId"), item->item.assigneeId);
    return o;
}

QList<QJsonObject> DeskCalls::waiting(const QString &companyId) const
{
    QList<QJsonObject> list;
    for (const voice::LiveCall *call : m_calls.line().waiting(companyId))
        list.append(callJson(*call));
    return list;
}

Actor DeskCalls::actorOf(const Principal &who, const http::WebSocket *socket)
{
    Actor a{who.subject.isEmpty() ? who.tokenId : who.subject, roleName(who.role),
        socket ? socket->peerAddress().toString() : QString()};
    a.displayName = who.displayName.isEmpty() ? a.subject : who.displayName;
    return a;
}

void DeskCalls::answer(http::WebSocket *socket, const QJsonObject &message)
{
    if (socket)
        socket->sendTextMessage(QString::fromUtf8(QJsonDocument(message).toJson(QJsonDocument::Compact)));
}

void DeskCalls::refuse(http::WebSocket *socket, const Error &error, const QString &callId)
{
    QJsonObject e{
        {QStringLiteral("code"), QLatin1String(cs::errorCode(error))}, {QStringLiteral("message"), error.message}};
    if (!error.details.isEmpty())
        e.insert(QStringLiteral("details"), error.details);
    answer(socket,
        {{QStringLiteral("type"), QStringLiteral("error")}, {QStringLiteral("callId"), callId},
            {QStringLiteral("error"), e}});
}

void DeskCalls::onMessage(
    http::WebSocket *socket, const Principal &who, const QString &type, const QJsonObject &message)
{
    const QString callId = message.value(QLatin1String("callId")).toString().left(64);
    static const QStringList kTypes{QStringLiteral("call.accept"), QStringLiteral("call.hold"),
        QStringLiteral("call.unhold"), QStringLiteral("call.transfer"), QStringLiteral("call.hangup")};
    if (!kTypes.contains(type))
        return refuse(socket,
            makeError(ErrorKind::InvalidArgument,
                QStringLiteral("type must be call.accept, call.hold, call.unhold, call.transfer or call.hangup")),
            callId);
    if (who.role < Role::Agent)
        return refuse(
            socket, makeError(ErrorKind::Forbidden, QStringLiteral("Calls are taken by people at the desk")), callId);
    voice::LiveCall *call = m_calls.find(callId);
    if (!call || call->companyId() != who.company || call->hasEnded())
        return refuse(socket, makeError(ErrorKind::NotFound, QStringLiteral("Call not found")), callId);
    if (type == QLatin1String("call.accept"))
        return accept(socket, who, call);
    const auto held = m_taken.constFind(callId);
    if (held == m_taken.cend() || held->socket != socket)
        return refuse(socket,
            makeError(ErrorKind::Conflict, ErrorDetail::NotClaimedByYou, QStringLiteral("This call is not yours")),
            callId);
    if (type == QLatin1String("call.hold") || type == QLatin1String("call.unhold"))
        return hold(socket, call, type == QLatin1String("call.hold"));
    if (type == QLatin1String("call.transfer"))
        return transfer(socket, who, call, message);
    letGo(callId); // call.hangup
    answer(socket, {{QStringLiteral("type"), QStringLiteral("call.hungup")}, {QStringLiteral("callId"), callId}});
    call->end(QStringLiteral("agent"));
}

void DeskCalls::accept(http::WebSocket *socket, const Principal &who, voice::LiveCall *call)
{
    if (call->state() != kQueued)
        return refuse(
            socket, makeError(ErrorKind::Conflict, QStringLiteral("The call is not waiting for a person")), call->id());
    for (const Taken &t : std::as_const(m_taken))
        if (t.socket == socket || (t.who.company == who.company && t.who.subject == who.subject))
            return refuse(
                socket, makeError(ErrorKind::Conflict, QStringLiteral("You are on a call already")), call->id());
    // The conversation becomes theirs as a claim does: the desk's rules, audit and events.
    const Result<Session> claimed = m_desk.claim(who.company, call->sessionId(), actorOf(who, socket));
    if (!claimed)
        return refuse(socket, claimed.error(), call->id());
    const QString id = call->id();
    Taken t{call, socket, who, false, {}, earFor(call, who)};
    t.audio = connect(call, &voice::LiveCall::callerAudio, this, [this, id](const QByteArray &pcm) {
        const auto it = m_taken.constFind(id);
        if (it != m_taken.cend() && it->socket && !it->held)
            it->socket->sendBinaryMessage(pcm);
    });
    m_taken.insert(id, t);
    call->audioCall().stopSpeaking(); // the words for the line end when a person answers
    answer(socket,
        {{QStringLiteral("type"), QStringLiteral("call.accepted")}, {QStringLiteral("callId"), id},
            {QStringLiteral("sessionId"), call->sessionId()}, {QStringLiteral("sampleRate"), 16000}});
    call->setState(kAgent, {});
}

void DeskCalls::hold(http::WebSocket *socket, voice::LiveCall *call, bool held)
{
    Taken &t = m_taken[call->id()];
    if (t.held != held) {
        t.held = held;
        call->setState(held ? kHold : kAgent, {}); // said first, then heard
        voice::CallConversation &talk = call->conversation();
        if (held)
            talk.speak(voice::callWords(voice::CallWord::Hold, talk.language()));
        else
            call->audioCall().stopSpeaking();
    }
    answer(socket,
        {{QStringLiteral("type"), held ? QStringLiteral("call.held") : QStringLiteral("call.resumed")},
            {QStringLiteral("callId"), call->id()}});
}

void DeskCalls::transfer(
    http::WebSocket *socket, const Principal &who, voice::LiveCall *call, const QJsonObject &message)
{
    const bool toAi = message.value(QLatin1String("to")).toString() == QLatin1String("ai");
    const QString queue = message.value(QLatin1String("queue")).toString().left(64);
    if (!toAi && queue.isEmpty())
        return refuse(socket,
            makeError(ErrorKind::InvalidArgument, QStringLiteral("transfer needs a queue, or \"to\": \"ai\""),
                {{QStringLiteral("field"), QStringLiteral("queue")}}),
            call->id());
    const Result<Session> moved = m_desk.transfer(who.company, call->sessionId(), toAi ? Tier::AiRep : Tier::HumanAgent,
        queue, message.value(QLatin1String("notes")).toString(), actorOf(who, socket));
    if (!moved)
        return refuse(socket, moved.error(), call->id());
    letGo(call->id());
    answer(socket,
        {{QStringLiteral("type"), QStringLiteral("call.transferred")}, {QStringLiteral("callId"), call->id()},
            {QStringLiteral("to"), toAi ? QStringLiteral("ai") : queue}});
    voice::CallConversation &talk = call->conversation();
    call->audioCall().stopSpeaking();
    if (toAi)
        return talk.backToAi();
    call->setState(kQueued, queue);
    talk.speak(voice::callWords(voice::CallWord::Connecting, talk.language()));
}

std::shared_ptr<voice::Call> DeskCalls::earFor(voice::LiveCall *call, const Principal &who)
{
    voice::DecoderPool &pool = m_calls.pool();
    if (pool.openLanes() >= m_calls.settings().maxCalls / 2)
        return nullptr;
    std::shared_ptr<voice::DecoderPool::Lane> lane = pool.openLane();
    if (!lane)
        return nullptr;
    auto ear = std::make_shared<voice::Call>(
        std::move(lane), m_calls.settings().speech, voice::SpeechSynthesizer(), voice::Call::Options{});
    const QPointer<voice::LiveCall> heard(call);
    const QString companyId = who.company;
    const Actor actor = actorOf(who, nullptr);
    connect(ear.get(), &voice::Call::turn, this, [this, heard, companyId, actor](const voice::CallerTurn &turn) {
        const QString text = turn.text.simplified();
        if (!heard || text.isEmpty() || turn.confidence < voice::CallConversation::kMinConfidence)
            return;
        AgentReply said;
        said.content = text.left(Desk::kMaxReplyChars);
        said.force = true; // spoken: nothing to check against what the caller said meanwhile
        if (m_desk.reply(companyId, heard->sessionId(), said, actor))
            emit heard->transcript(QStringLiteral("human_agent"), said.content, true);
    });
    return ear;
}

void DeskCalls::letGo(const QString &callId)
{
    const Taken t = m_taken.take(callId);
    disconnect(t.audio);
}

void DeskCalls::onAudio(http::WebSocket *socket, const QByteArray &pcm)
{
    if (pcm.size() > kMaxAudioFrameBytes)
        return;
    for (const Taken &t : std::as_const(m_taken)) {
        if (t.socket != socket)
            continue;
        if (t.held || !t.call)
            return;
        const QByteArray whole = pcm.size() % 2 ? pcm.left(pcm.size() - 1) : pcm; // whole samples only
        t.call->sendToCaller(whole);
        if (t.ear)
            t.ear->hear(whole);
        return;
    }
}

void DeskCalls::onClosed(http::WebSocket *socket)
{
    QStringList lost;
    for (auto it = m_taken.cbegin(); it != m_taken.cend(); ++it)
        if (it->socket == socket || !it->socket)
            lost << it.key();
    for (const QString &id : std::as_const(lost)) {
        const Taken t = m_taken.value(id);
        letGo(id);
        if (!t.call || t.call->hasEnded())
            continue;
        // Nobody holds the conversation now: the next person to accept the call claims it.
        m_desk.release(t.who.company, t.call->sessionId(), actorOf(t.who, nullptr));
        voice::CallConversation &talk = t.call->conversation();
        t.call->audioCall().stopSpeaking();
        t.call->setState(kQueued, {}); // its place is said after these words (CallWaiting)
        talk.speak(voice::callWords(voice::CallWord::BackInLine, talk.language()));
    }
}

void DeskCalls::onCallChanged(voice::LiveCall *call)
{
    const QString state = call->state();
    const auto said = m_said.constFind(call->id());
    if (said == m_said.cend() && state != kQueued)
        return; // a call with the AI only is no business of the desk's
    const QString before = said == m_said.cend() ? QString() : said->state;
    QJsonObject data = callJson(*call);
    m_said.insert(call->id(), Said{state, call->sessionId(), data.value(QLatin1String("assigneeId")).toString()});
    m_deskEvents.listen(true);
    QString type = QStringLiteral("call.updated");
    if (state == kQueued && before != kQueued)
        type = QStringLiteral("call.queued"); // the consoles ring
    else if (state == kAgent && before != kAgent && before != kHold)
        type = QStringLiteral("call.taken");
    const auto t = m_taken.constFind(call->id());
    if (t != m_taken.cend()) {
        data.insert(QStringLiteral("agentId"), t->who.subject);
        data.insert(QStringLiteral("agentName"), t->who.displayName.isEmpty() ? t->who.subject : t->who.displayName);
    }
    emit callEvent(call->companyId(), call->sessionId(), type, data, t != m_taken.cend() ? t->socket.data() : nullptr);
}

void DeskCalls::onCallEnded(const QString &callId, const QString &companyId, const QString &reason)
{
    const Taken t = m_taken.value(callId);
    letGo(callId);
    const auto said = m_said.constFind(callId);
    if (said == m_said.cend())
        return;
    const QString sessionId = said->sessionId;
    m_said.remove(callId);
    m_deskEvents.listen(!m_said.isEmpty());
    emit callEvent(companyId, sessionId, QStringLiteral("call.ended"),
        {{QStringLiteral("callId"), callId}, {QStringLiteral("sessionId"), sessionId},
            {QStringLiteral("state"), QStringLiteral("ended")}, {QStringLiteral("reason"), reason}},
        t.socket.data());
}

void DeskCalls::onDeskEvent(const SessionEvent &event)
{
    if (event.type != SessionEventType::QueueUpdated && event.type != SessionEventType::QueueAdded)
        return;
    for (auto it = m_said.cbegin(); it != m_said.cend(); ++it) {
        if (it->sessionId != event.sessionId || it->state != kQueued)
            continue;
        const QString assignee = event.queueItem ? event.queueItem->item.assigneeId : QString();
        if (voice::LiveCall *call = m_calls.find(it.key()); call && assignee != it->assigneeId)
            return onCallChanged(call); // rings for them only now
        return;
    }
}

} // namespace tierdesk::api
