// Calls at the desk on a real server on 127.0.0.1 (docs/calls.md, "Taking calls"): a web caller (a
// QWebSocket on /api/v1/voice with Flite's voice) asks for a person and waits in line; the test plays
// the people at the desk over /api/cs/ws (WsClient): the call rings, one accepts, speaks (Flite's
// words as binary frames) and the caller's side recognises them with PocketSphinx; hold, transfer,
// a console that drops, and a message left when nobody comes. Waits on the sockets' signals only.
#include "tests/api/ApiTestSupport.h"
#include "tests/api/WebCaller.h"
#include "tests/api/WsClient.h"

#include <QSignalSpy>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QJsonObject data(const QJsonObject &event)
{
    return event.value(QLatin1String("data")).toObject();
}

// The agent's side: the cs WebSocket with the call's audio as it arrives.
struct Person : WsClient {
    QByteArray audio;
    Person()
    {
        QObject::connect(&socket, &QWebSocket::binaryMessageReceived, [this](const QByteArray &pcm) { audio += pcm; });
    }
    void call(const char *type, const QString &callId, const QJsonObject &more = {})
    {
        QJsonObject m = more;
        m.insert(QStringLiteral("type"), QLatin1String(type));
        m.insert(QStringLiteral("callId"), callId);
        send(m);
    }
    QJsonObject waitCall(const char *type, const QString &callId = {}, int timeoutMs = 30000)
    {
        return waitFor(
            [type, callId](const QJsonObject &f) {
                return str(f, "type") == QLatin1String(type)
                    && (callId.isEmpty() || str(f, "callId") == callId || str(data(f), "callId") == callId);
            },
            timeoutMs);
    }
    // Speaks as a console sends its microphone: 100 ms a frame.
    void speak(const QString &words)
    {
        const QByteArray all = quiet(200) + spoken(words) + quiet(600);
        for (qsizetype at = 0; at < all.size(); at += 3200)
            socket.sendBinaryMessage(all.mid(at, 3200));
    }
};

} // namespace

class TestCallDesk : public QObject {
    Q_OBJECT

private slots:
    void cleanup();
    void aPersonAcceptsAndTheCallerHearsThem();
    void holdAndBackToTheAi();
    void placesInLineMoveUpAndATransferRingsAnotherQueue();
    void aConsoleThatDropsPutsTheCallBackInLine();
    void onlyPeopleOfTheCompanyTakeACall();
    void aCallTheDeskGaveToSomeoneIsTheirs();
    void nobodyComesAndTheCallerLeavesAMessage();
    void outsideBusinessHoursAMessageAtOnce();

private:
    bool startServer(const QByteArray &ini = {});
    QByteArray agent(const char *id) { return m_server->token(api::Role::Agent, {}, 3600, QLatin1String(id)); }
    bool openDesk(Person &desk, const char *agentId);
    // A caller who asked for a person: their call waits in line (the state message).
    QJsonObject callerInLine(WebCaller &caller, const QString &name, qsizetype *from);

    std::unique_ptr<ServerFixture> m_server;
    QByteArray m_key;
};

bool TestCallDesk::startServer(const QByteArray &ini)
{
    m_server = std::make_unique<ServerFixture>();
    QString error;
    if (!m_server->start(ini, false, &error)) {
        qWarning() << error;
        return false;
    }
    const HttpResult r = m_server->client(api::Role::Admin)
                             ->post(QStringLiteral("/api/cs/tokens"),
                                 {{QStringLiteral("kind"), QStringLiteral("widget")},
                                     {QStringLiteral("name"), QStringLiteral("web")}});
    m_key = r.json().value(QLatin1String("key")).toString().toUtf8();
    const QStringList queues{QStringLiteral("orders"), QStringLiteral("inquiries"), QStringLiteral("complaints")};
    return r.status == 201
        && m_server->addAgent(QStringLiteral("agt_ann"), QStringLiteral("Ann Archer"), QStringLiteral("agent"), queues)
        && m_server->addAgent(QStringLiteral("agt_bob"), QStringLiteral("Bob Baker"), QStringLiteral("agent"), queues);
}

void TestCallDesk::cleanup()
{
    m_server.reset();
}

bool TestCallDesk::openDesk(Person &desk, const char *agentId)
{
    return desk.open(m_server->port(), agent(agentId),
        {{QStringLiteral("type"), QStringLiteral("subscribe")}, {QStringLiteral("companyId"), m_server->companyId()}});
}

QJsonObject TestCallDesk::callerInLine(WebCaller &caller, const QString &name, qsizetype *from)
{
    if (!caller.open(m_server->port(), m_key) || caller.start(name).isEmpty())
        return {};
    caller.say(QStringLiteral("i want to talk to a person"));
    return caller.waitState(QStringLiteral("queued"), from);
}

void TestCallDesk::aPersonAcceptsAndTheCallerHearsThem()
{
    QVERIFY(startServer());
    Person ann;
    QVERIFY(openDesk(ann, "agt_ann"));
    WebCaller caller;
    qsizetype at = 0;
    const QJsonObject queued = callerInLine(caller, QStringLiteral("Dana"), &at);
    QVERIFY2(!queued.isEmpty(), "the call never went in line");
    QCOMPARE(str(queued, "queue"), QStringLiteral("inquiries")); // the desk's queue for the session
    QCOMPARE(queued.value(QLatin1String("position")).toInt(), 1);
    QVERIFY(!caller.waitSaid(QStringLiteral("ai_rep"), QStringLiteral("number 1 in line"), &at).isEmpty());

    // The desk rings: the call, its conversation, queue, caller and place.
    const QJsonObject ringing = data(ann.waitCall("call.queued"));
    const QString callId = str(ringing, "callId");
    const QString sessionId = str(ringing, "sessionId");
    QVERIFY(callId.startsWith(QLatin1String("call_")));
    QCOMPARE(str(ringing, "queue"), QStringLiteral("inquiries"));
    QCOMPARE(str(ringing, "callerName"), QStringLiteral("Dana"));
    QCOMPARE(ringing.value(QLatin1String("position")).toInt(), 1);

    ann.call("call.accept", callId);
    const QJsonObject accepted = ann.waitCall("call.accepted", callId);
    QCOMPARE(str(accepted, "sessionId"), sessionId);
    QCOMPARE(accepted.value(QLatin1String("sampleRate")).toInt(), 16000);
    QCOMPARE(str(data(ann.waitCall("call.taken", callId)), "agentId"), QStringLiteral("agt_ann"));
    const QJsonObject withAgent = caller.waitState(QStringLiteral("agent"), &at);
    QVERIFY(!withAgent.isEmpty());
    // The conversation is Ann's, as a claim makes it.
    const HttpResult s
        = m_server->client(api::Role::Admin)
              ->get(QStringLiteral("/api/cs/sessions/%1?companyId=%2").arg(sessionId, m_server->companyId()));
    QCOMPARE(s.json()
                 .value(QLatin1String("desk"))
                 .toObject()
                 .value(QLatin1String("assignee"))
                 .toObject()
                 .value(QLatin1String("id"))
                 .toString(),
        QStringLiteral("agt_ann"));

    // Ann speaks: the caller hears her words.
    const qsizetype before = withAgent.value(QLatin1String("_audioAt")).toInteger();
    ann.speak(QStringLiteral("can i change my delivery address"));
    QVERIFY(caller.waitAudio(before, 2 * 32000));
    QSignalSpy more(&caller.socket, &QWebSocket::binaryMessageReceived);
    while (more.wait(1500)) { } // the rest of her words
    const QString heard = recognised(caller.audio.mid(before));
    QVERIFY2(heard.contains(QLatin1String("delivery address")), qPrintable(heard));
    // Her words are recognised too: her message in the conversation, a line of the caller's transcript.
    QVERIFY(!caller.waitSaid(QStringLiteral("human_agent"), QStringLiteral("delivery address"), &at).isEmpty());
    const QJsonObject hers = ann.waitFor(
        [&](const QJsonObject &f) {
            const QJsonObject m = data(f).value(QLatin1String("message")).toObject();
            return str(f, "type") == QLatin1String("message") && str(m, "role") == QLatin1String("human_agent")
                && str(m, "content").contains(QLatin1String("delivery address"));
        },
        30000);
    QVERIFY2(!hers.isEmpty(), "the person's words are not in the conversation");

    // The caller speaks: Ann hears it, and the words are written into the conversation.
    const qsizetype annHad = ann.audio.size();
    caller.say(QStringLiteral("where is my order"));
    QVERIFY(QTest::qWaitFor([&] { return ann.audio.size() - annHad >= 32000; }, 20000));
    const QJsonObject written = ann.waitFor(
        [&](const QJsonObject &f) {
            return str(f, "type") == QLatin1String("message") && str(f, "sessionId") == sessionId
                && str(data(f).value(QLatin1String("customerMessage")).toObject(), "content")
                       .contains(QLatin1String("order"));
        },
        30000);
    QVERIFY2(!written.isEmpty(), "the caller's words are not in the conversation");

    // Ann hangs up: the call ends for everyone, the conversation stays hers.
    ann.call("call.hangup", callId);
    QVERIFY(!ann.waitCall("call.hungup", callId).isEmpty());
    QCOMPARE(str(data(ann.waitCall("call.ended", callId)), "reason"), QStringLiteral("agent"));
    QCOMPARE(str(caller.waitFor([](const QJsonObject &m) { return WebCaller::type(m) == QLatin1String("ended"); }, &at),
                 "reason"),
        QStringLiteral("agent"));
}

void TestCallDesk::holdAndBackToTheAi()
{
    QVERIFY(startServer());
    Person ann;
    QVERIFY(openDesk(ann, "agt_ann"));
    WebCaller caller;
    qsizetype at = 0;
    QVERIFY(!callerInLine(caller, QStringLiteral("Eve"), &at).isEmpty());
    const QString callId = str(data(ann.waitCall("call.queued")), "callId");
    ann.call("call.accept", callId);
    QVERIFY(!ann.waitCall("call.accepted", callId).isEmpty());
    QVERIFY(!caller.waitState(QStringLiteral("agent"), &at).isEmpty());

    // On hold the caller hears the hold message, not Ann.
    ann.call("call.hold", callId);
    QVERIFY(!ann.waitCall("call.held", callId).isEmpty());
    const QJsonObject held = caller.waitState(QStringLiteral("hold"), &at);
    QVERIFY(!held.isEmpty());
    QVERIFY(!caller.waitSaid(QStringLiteral("ai_rep"), QStringLiteral("hold"), &at).isEmpty());
    ann.speak(QStringLiteral("can i change my delivery address"));
    ann.call("call.unhold", callId);
    QVERIFY(!ann.waitCall("call.resumed", callId).isEmpty());
    const QJsonObject resumed = caller.waitState(QStringLiteral("agent"), &at);
    QVERIFY(!resumed.isEmpty());
    const QString whileHeld = recognised(caller.audio.mid(held.value(QLatin1String("_audioAt")).toInteger(),
        resumed.value(QLatin1String("_audioAt")).toInteger() - held.value(QLatin1String("_audioAt")).toInteger()));
    QVERIFY2(!whileHeld.contains(QLatin1String("delivery")), qPrintable(whileHeld));

    // Back to the AI: it answers the caller again, and the desk stops ringing for it.
    ann.call("call.transfer", callId, {{QStringLiteral("to"), QStringLiteral("ai")}});
    QCOMPARE(str(ann.waitCall("call.transferred", callId), "to"), QStringLiteral("ai"));
    QVERIFY(!caller.waitState(QStringLiteral("ai"), &at).isEmpty());
    QVERIFY(!caller.waitSaid(QStringLiteral("ai_rep"), QStringLiteral("back with the assistant"), &at).isEmpty());
    const QJsonObject update = ann.waitFor([&](const QJsonObject &f) {
        return str(f, "type") == QLatin1String("call.updated") && str(data(f), "state") == QLatin1String("ai");
    });
    QVERIFY(!update.isEmpty());
    caller.say(QStringLiteral("where is my order"));
    QVERIFY(!caller
                 .waitFor(
                     [](const QJsonObject &m) {
                         return WebCaller::type(m) == QLatin1String("transcript")
                             && str(m, "role").startsWith(QLatin1String("ai_"))
                             && m.value(QLatin1String("final")).toBool()
                             && !str(m, "text").contains(QLatin1String("assistant"));
                     },
                     &at)
                 .isEmpty());
}

void TestCallDesk::placesInLineMoveUpAndATransferRingsAnotherQueue()
{
    QVERIFY(startServer());
    Person ann;
    QVERIFY(openDesk(ann, "agt_ann"));
    WebCaller first, second;
    qsizetype a = 0, b = 0;
    QCOMPARE(callerInLine(first, QStringLiteral("Finn"), &a).value(QLatin1String("position")).toInt(), 1);
    QCOMPARE(callerInLine(second, QStringLiteral("Gail"), &b).value(QLatin1String("position")).toInt(), 2);
    QVERIFY(!second.waitSaid(QStringLiteral("ai_rep"), QStringLiteral("number 2 in line"), &b).isEmpty());
    const QString firstCall = str(data(ann.waitCall("call.queued")), "callId");
    QVERIFY(!ann.waitCall("call.queued").isEmpty());

    ann.call("call.accept", firstCall);
    QVERIFY(!ann.waitCall("call.accepted", firstCall).isEmpty());
    const QJsonObject movedUp = second.waitState(QStringLiteral("queued"), &b);
    QCOMPARE(movedUp.value(QLatin1String("position")).toInt(), 1);

    // Ann sends the first caller on to the complaints queue: in line there, first.
    ann.call("call.transfer", firstCall, {{QStringLiteral("queue"), QStringLiteral("complaints")}});
    QCOMPARE(str(ann.waitCall("call.transferred", firstCall), "to"), QStringLiteral("complaints"));
    const QJsonObject again = first.waitState(QStringLiteral("queued"), &a);
    QCOMPARE(str(again, "queue"), QStringLiteral("complaints"));
    QCOMPARE(again.value(QLatin1String("position")).toInt(), 1);
    const QJsonObject rings = data(ann.waitCall("call.queued", firstCall));
    QCOMPARE(str(rings, "queue"), QStringLiteral("complaints"));
    // A queue the company does not have is refused.
    ann.call("call.accept", firstCall);
    QVERIFY(!ann.waitCall("call.accepted", firstCall).isEmpty());
    ann.call("call.transfer", firstCall, {{QStringLiteral("queue"), QStringLiteral("nowhere")}});
    QCOMPARE(str(ann.waitCall("error", firstCall).value(QLatin1String("error")).toObject(), "code"),
        QStringLiteral("CS_011"));
}

void TestCallDesk::aConsoleThatDropsPutsTheCallBackInLine()
{
    QVERIFY(startServer());
    Person bob;
    QVERIFY(openDesk(bob, "agt_bob"));
    WebCaller caller;
    qsizetype at = 0;
    QVERIFY(!callerInLine(caller, QStringLiteral("Hana"), &at).isEmpty());
    QString callId;
    {
        Person ann;
        QVERIFY(openDesk(ann, "agt_ann"));
        callId = str(data(ann.waitCall("call.queued")), "callId");
        ann.call("call.accept", callId);
        QVERIFY(!ann.waitCall("call.accepted", callId).isEmpty());
        QVERIFY(!caller.waitState(QStringLiteral("agent"), &at).isEmpty());
        // Bob cannot take Ann's call, nor act on it.
        bob.call("call.accept", callId);
        QVERIFY(!bob.waitCall("error", callId).isEmpty());
        bob.call("call.hangup", callId);
        QCOMPARE(str(bob.waitCall("error", callId).value(QLatin1String("error")).toObject(), "code"),
            QStringLiteral("CS_028"));
        QSignalSpy gone(&ann.socket, &QWebSocket::disconnected);
        ann.socket.abort(); // her console is cut off
    }
    const QJsonObject back = caller.waitState(QStringLiteral("queued"), &at);
    QCOMPARE(back.value(QLatin1String("position")).toInt(), 1);
    QVERIFY(!caller.waitSaid(QStringLiteral("ai_rep"), QStringLiteral("back in line"), &at).isEmpty());
    QVERIFY(!bob.waitCall("call.queued", callId).isEmpty()); // it rings again
    bob.call("call.accept", callId);
    QVERIFY(!bob.waitCall("call.accepted", callId).isEmpty());
    QVERIFY(!caller.waitState(QStringLiteral("agent"), &at).isEmpty());
}

void TestCallDesk::onlyPeopleOfTheCompanyTakeACall()
{
    QVERIFY(startServer());
    WebCaller caller;
    qsizetype at = 0;
    QVERIFY(!callerInLine(caller, QStringLiteral("Ivo"), &at).isEmpty());
    Person ann; // came after the call: told of it at once
    QVERIFY(openDesk(ann, "agt_ann"));
    const QString callId = str(data(ann.waitCall("call.queued")), "callId");
    QVERIFY(!callId.isEmpty());
    WsClient customer;
    QVERIFY(customer.open(m_server->port(), m_server->token(api::Role::Client)));
    customer.send({{QStringLiteral("type"), QStringLiteral("call.accept")}, {QStringLiteral("callId"), callId}});
    QCOMPARE(str(customer.waitFor(QStringLiteral("error")).value(QLatin1String("error")).toObject(), "code"),
        QStringLiteral("CS_013"));
    const QString other = m_server->createCompany(QStringLiteral("Elsewhere"));
    WsClient stranger;
    QVERIFY(stranger.open(m_server->port(), m_server->token(api::Role::Agent, other, 3600, QStringLiteral("agt_x"))));
    stranger.send({{QStringLiteral("type"), QStringLiteral("call.accept")}, {QStringLiteral("callId"), callId}});
    QCOMPARE(str(stranger.waitFor(QStringLiteral("error")).value(QLatin1String("error")).toObject(), "code"),
        QStringLiteral("CS_014"));
    ann.call("call.dance", callId);
    QCOMPARE(
        str(ann.waitCall("error", callId).value(QLatin1String("error")).toObject(), "code"), QStringLiteral("CS_011"));
    // Audio from a connection without a call goes nowhere; the call still waits.
    stranger.socket.sendBinaryMessage(QByteArray(3200, '\0'));
    ann.call("call.accept", callId);
    QVERIFY(!ann.waitCall("call.accepted", callId).isEmpty());
    QVERIFY(!caller.waitState(QStringLiteral("agent"), &at).isEmpty());
    // A frame over 64 KiB closes her connection (1009); the call goes back in line, not lost.
    QSignalSpy closed(&ann.socket, &QWebSocket::disconnected);
    ann.socket.sendBinaryMessage(QByteArray(70 * 1024, '\0'));
    QVERIFY(closed.wait(10000));
    QCOMPARE(ann.socket.closeCode(), QWebSocketProtocol::CloseCodeTooMuchData);
    QCOMPARE(caller.waitState(QStringLiteral("queued"), &at).value(QLatin1String("position")).toInt(), 1);
}

void TestCallDesk::aCallTheDeskGaveToSomeoneIsTheirs()
{
    QVERIFY(startServer());
    const HttpResult put = m_server->client(api::Role::Admin)
                               ->put(QStringLiteral("/api/cs/config"),
                                   {{QStringLiteral("companyId"), m_server->companyId()},
                                       {QStringLiteral("desk"),
                                           QJsonObject{{QStringLiteral("assignment"), QStringLiteral("automatic")}}}});
    QCOMPARE(put.status, 200);
    Person ann, bob; // both present: the desk gives the conversation to one of them
    QVERIFY(openDesk(ann, "agt_ann"));
    QVERIFY(openDesk(bob, "agt_bob"));
    WebCaller caller;
    qsizetype at = 0;
    QVERIFY(!callerInLine(caller, QStringLiteral("Lou"), &at).isEmpty());
    const QJsonObject given = data(ann.waitFor(
        [](const QJsonObject &f) {
            return str(f, "type").startsWith(QLatin1String("call.")) && !str(data(f), "assigneeId").isEmpty();
        },
        30000));
    const QString assignee = str(given, "assigneeId");
    QVERIFY2(assignee == QLatin1String("agt_ann") || assignee == QLatin1String("agt_bob"), qPrintable(assignee));
    const QString callId = str(given, "callId");
    Person &chosen = assignee == QLatin1String("agt_ann") ? ann : bob;
    Person &other = assignee == QLatin1String("agt_ann") ? bob : ann;
    other.call("call.accept", callId);
    QCOMPARE(str(other.waitCall("error", callId).value(QLatin1String("error")).toObject(), "code"),
        QStringLiteral("CS_025"));
    chosen.call("call.accept", callId);
    QVERIFY(!chosen.waitCall("call.accepted", callId).isEmpty());
    QVERIFY(!caller.waitState(QStringLiteral("agent"), &at).isEmpty());
}

void TestCallDesk::nobodyComesAndTheCallerLeavesAMessage()
{
    QVERIFY(startServer("[voice]\nmaxWaitSeconds=10\n"));
    WebCaller caller;
    qsizetype at = 0;
    const QJsonObject queued = callerInLine(caller, QStringLiteral("Jo"), &at);
    QVERIFY(!queued.isEmpty());
    const QString sessionId = caller.messages.first().value(QLatin1String("sessionId")).toString();
    QVERIFY(!caller.waitState(QStringLiteral("message"), &at, 30000).isEmpty());
    QVERIFY(!caller.waitSaid(QStringLiteral("ai_rep"), QStringLiteral("leave your message"), &at).isEmpty());
    caller.say(QStringLiteral("can i change my delivery address"));
    QVERIFY(!caller.waitSaid(QStringLiteral("ai_rep"), QStringLiteral("we have your message"), &at).isEmpty());
    const QJsonObject ended
        = caller.waitFor([](const QJsonObject &m) { return WebCaller::type(m) == QLatin1String("ended"); }, &at);
    QCOMPARE(str(ended, "reason"), QStringLiteral("message"));

    // The message waits in the queue as the conversation's customer message.
    const HttpResult s
        = m_server->client(api::Role::Admin)
              ->get(QStringLiteral("/api/cs/sessions/%1?companyId=%2").arg(sessionId, m_server->companyId()));
    QCOMPARE(s.status, 200);
    const QJsonArray messages = s.json().value(QLatin1String("messages")).toArray();
    QVERIFY(!messages.isEmpty());
    const QJsonObject last = messages.last().toObject();
    QCOMPARE(str(last, "role"), QStringLiteral("customer"));
    QVERIFY2(str(last, "content").contains(QLatin1String("delivery address")), qPrintable(str(last, "content")));
    const QJsonObject voicemail
        = s.json().value(QLatin1String("metadata")).toObject().value(QLatin1String("voicemail")).toObject();
    QVERIFY(str(voicemail, "callId").startsWith(QLatin1String("call_")));
    QCOMPARE(str(s.json().value(QLatin1String("desk")).toObject(), "queue"), QStringLiteral("inquiries"));
}

void TestCallDesk::outsideBusinessHoursAMessageAtOnce()
{
    QVERIFY(startServer());
    // Open every day, but today is a holiday: closed now.
    QJsonArray allDay; // [["00:00", "24:00"]], built step by step: clang reads QJsonArray{QJsonArray{...}} as a copy
    allDay.append(QJsonArray{QStringLiteral("00:00"), QStringLiteral("24:00")});
    QJsonObject weekly;
    for (const char *day : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        weekly.insert(QLatin1String(day), allDay);
    const HttpResult put
        = m_server->client(api::Role::Admin)
              ->put(QStringLiteral("/api/cs/config"),
                  {{QStringLiteral("companyId"), m_server->companyId()},
                      {QStringLiteral("desk"),
                          QJsonObject{{QStringLiteral("businessHours"),
                              QJsonObject{{QStringLiteral("timeZone"), QStringLiteral("UTC")},
                                  {QStringLiteral("weekly"), weekly},
                                  {QStringLiteral("holidays"),
                                      QJsonArray{QDateTime::currentDateTimeUtc().date().toString(Qt::ISODate)}}}}}}});
    QVERIFY2(put.status == 200, put.body.constData());
    WebCaller caller;
    qsizetype at = 0;
    QVERIFY(!callerInLine(caller, QStringLiteral("Kai"), &at).isEmpty());
    QVERIFY(!caller.waitState(QStringLiteral("message"), &at).isEmpty());
    QVERIFY(!caller.waitSaid(QStringLiteral("ai_rep"), QStringLiteral("closed"), &at).isEmpty());
}

QTEST_GUILESS_MAIN(TestCallDesk)
#include "tst_calldesk.moc"
