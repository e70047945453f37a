// The Lex V2 runtime family against botocore's lexv2-runtime client (tests/api/lex/lex_client.py):
// RecognizeText, RecognizeUtterance (text, and audio spoken by Flite, the answer's audio recognised
// back by PocketSphinx), PutSession, GetSession, DeleteSession; a wrong signature and another
// company's bot as botocore reads them; a caller's order found by its spoken digits; a call for a
// person closed with its queue.
#include "tests/api/platform/PlatformTestSupport.h"
#include "tests/support/TestPaths.h"

#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"

#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QJsonObject attributes(const QJsonObject &state)
{
    return state.value(QLatin1String("sessionAttributes")).toObject();
}

QString actionType(const QJsonObject &state)
{
    return state.value(QLatin1String("dialogAction")).toObject().value(QLatin1String("type")).toString();
}

QString slotToElicit(const QJsonObject &state)
{
    return state.value(QLatin1String("dialogAction")).toObject().value(QLatin1String("slotToElicit")).toString();
}

QString messagesText(const QJsonArray &messages)
{
    QStringList out;
    for (const QJsonValue &m : messages)
        out << m.toObject().value(QLatin1String("content")).toString();
    return out.join(QLatin1Char(' '));
}

} // namespace

class TestLexApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase() { m_server.stop(); }
    void textAskingAboutAnOrderElicitsItsNumber();
    void spokenOrderNumberFindsTheOrder();
    void askingForAPersonClosesWithTheQueue();
    void utteranceAsTextAnswersInHeaders();
    void sessionsArePutReadAndDeleted();
    void wrongSignatureIsAccessDenied();
    void otherCompanysBotIsNotFound();
    void badInputIsAValidationError();

private:
    QJsonObject call(QJsonObject c) const;
    // Runs the calls through botocore; one result per call.
    QJsonArray run(const QJsonArray &calls, const QString &secret = {}) const;
    QJsonObject ok(const QJsonObject &c) const;
    // Flite's rms voice saying `text`, as the raw 16 kHz s16le file botocore sends.
    QString speechFile(const QString &text, const QString &name) const;
    QString heard(const QString &pcmFile) const;

    ServerFixture m_server;
    SigV4Key m_key;
    QString m_python;
    QTemporaryDir m_dir;
};

void TestLexApi::initTestCase()
{
    m_python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    QVERIFY2(!m_python.isEmpty(), "python3 is needed (and python3-botocore)");
    QString error;
    QVERIFY2(m_server.start({}, false, &error), qPrintable(error));
    m_key = issueSigV4Key(m_server);
    QVERIFY(m_key.isValid());
}

QJsonObject TestLexApi::call(QJsonObject c) const
{
    if (!c.contains(QLatin1String("botId")))
        c.insert(QStringLiteral("botId"), m_server.companyId());
    return c;
}

QJsonArray TestLexApi::run(const QJsonArray &calls, const QString &secret) const
{
    QJsonArray withBots;
    for (const QJsonValue &c : calls)
        withBots.append(call(c.toObject()));
    const QJsonObject spec{{QStringLiteral("endpoint"), QStringLiteral("http://127.0.0.1:%1").arg(m_server.port())},
        {QStringLiteral("region"), QString::fromLatin1(m_key.region)},
        {QStringLiteral("accessKeyId"), QString::fromLatin1(m_key.accessKeyId)},
        {QStringLiteral("secretAccessKey"), secret.isEmpty() ? QString::fromLatin1(m_key.secretAccessKey) : secret},
        {QStringLiteral("calls"), withBots}};
    QProcess p;
    QSignalSpy finished(&p, &QProcess::finished);
    p.start(m_python, {sourceDir() + QStringLiteral("/tests/api/lex/lex_client.py")});
    p.write(QJsonDocument(spec).toJson(QJsonDocument::Compact));
    p.closeWriteChannel();
    // The server runs in this thread: the event loop turns while botocore waits for it.
    if (!finished.wait(240000) || p.exitCode() != 0) {
        qWarning("lex_client.py: %s", p.readAllStandardError().constData());
        return {};
    }
    const QJsonArray out = QJsonDocument::fromJson(p.readAllStandardOutput()).array();
    if (out.size() != calls.size())
        qWarning("lex_client.py answered %d of %d calls", int(out.size()), int(calls.size()));
    return out;
}

QJsonObject TestLexApi::ok(const QJsonObject &c) const
{
    const QJsonArray out = run({c});
    const QJsonObject r = out.at(0).toObject();
    if (!r.value(QLatin1String("ok")).toBool())
        qWarning("%s", QJsonDocument(r).toJson(QJsonDocument::Compact).constData());
    return r.value(QLatin1String("response")).toObject();
}

QString TestLexApi::speechFile(const QString &text, const QString &name) const
{
    const voice::SpeechSynthesizer rms(voice::SpeechSynthesizer::Voice::Rms);
    voice::Pcm pcm = voice::silence(300);
    const voice::Pcm said = rms.synthesize(text);
    pcm.insert(pcm.end(), said.begin(), said.end());
    const voice::Pcm after = voice::silence(300);
    pcm.insert(pcm.end(), after.begin(), after.end());
    QFile f(m_dir.filePath(name));
    if (!f.open(QIODevice::WriteOnly) || f.write(voice::pcmToLittleEndian(pcm)) <= 0)
        return {};
    return f.fileName();
}

QString TestLexApi::heard(const QString &pcmFile) const
{
    QFile f(pcmFile);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    auto recognizer = voice::SpeechRecognizer::create();
    if (!recognizer)
        return {};
    const voice::Pcm pcm = voice::pcmFromLittleEndian(f.readAll());
    recognizer.value()->start();
    recognizer.value()->feed(pcm);
    return recognizer.value()->finish().text;
}

// An anonymous caller asks about an order: the AI cannot see any, so it asks for the number
// (ElicitSlot orderId), with Tierdesk's intent, sentiment and session attributes.
void TestLexApi::textAskingAboutAnOrderElicitsItsNumber()
{
    const QJsonObject r = ok(
        {{QStringLiteral("op"), QStringLiteral("text")}, {QStringLiteral("sessionId"), QStringLiteral("anon-call-1")},
            {QStringLiteral("text"), QStringLiteral("Where is my order?")}});
    const QJsonObject state = r.value(QLatin1String("sessionState")).toObject();
    QCOMPARE(r.value(QLatin1String("sessionId")).toString(), QStringLiteral("anon-call-1"));
    QCOMPARE(actionType(state), QStringLiteral("ElicitSlot"));
    QCOMPARE(slotToElicit(state), QStringLiteral("orderId"));
    QCOMPARE(state.value(QLatin1String("intent")).toObject().value(QLatin1String("name")).toString(),
        QStringLiteral("order_status"));
    QVERIFY(attributes(state).value(QLatin1String("tierdeskSessionId")).toString().startsWith(QLatin1String("sess_")));
    QCOMPARE(attributes(state).value(QLatin1String("tier")).toString(), QStringLiteral("AI_REP"));
    const QJsonArray messages = r.value(QLatin1String("messages")).toArray();
    QVERIFY(!messages.isEmpty());
    QCOMPARE(messages.at(0).toObject().value(QLatin1String("contentType")).toString(), QStringLiteral("PlainText"));
    const QJsonObject first = r.value(QLatin1String("interpretations")).toArray().at(0).toObject();
    QVERIFY(first.value(QLatin1String("nluConfidence")).toObject().value(QLatin1String("score")).toDouble() > 0);
    const QString sentiment
        = first.value(QLatin1String("sentimentResponse")).toObject().value(QLatin1String("sentiment")).toString();
    QVERIFY2(QStringList({QStringLiteral("NEUTRAL"), QStringLiteral("NEGATIVE")}).contains(sentiment),
        qPrintable(sentiment));
}

// The number said after ElicitSlot orderId is decoded with the digits grammar. An anonymous caller
// is asked for it and says it: the engine reads ORD-10005, which is not theirs, and says so. Ben,
// known by his phone, is asked for it by the contact flow (PutSession) and hears his order's status.
void TestLexApi::spokenOrderNumberFindsTheOrder()
{
    const QString audio = speechFile(QStringLiteral("order one zero zero zero five"), QStringLiteral("order.pcm"));
    QVERIFY(!audio.isEmpty());
    const QString reply = m_dir.filePath(QStringLiteral("reply.pcm"));
    auto admin = m_server.client(api::Role::Admin);
    const HttpResult phone = admin->put(
        withQuery(QStringLiteral("/api/cs/customers/cust_ben"), {{QStringLiteral("companyId"), m_server.companyId()}}),
        {{QStringLiteral("name"), QStringLiteral("Benjamin Okafor")},
            {QStringLiteral("email"), QStringLiteral("ben.okafor@example.com")},
            {QStringLiteral("phone"), QStringLiteral("+15550100")}});
    QVERIFY2(phone.status == 200 || phone.status == 201, describe(phone));
    const QJsonObject spoken{{QStringLiteral("op"), QStringLiteral("utterance")},
        {QStringLiteral("contentType"), QStringLiteral("audio/l16; rate=16000; channels=1")},
        {QStringLiteral("responseContentType"), QStringLiteral("audio/pcm")}, {QStringLiteral("audioFile"), audio},
        {QStringLiteral("replyAudioFile"), reply}};
    QJsonObject anonymous = spoken;
    anonymous.insert(QStringLiteral("sessionId"), QStringLiteral("anon-call-2"));
    anonymous.remove(QStringLiteral("replyAudioFile"));
    QJsonObject ben = spoken;
    ben.insert(QStringLiteral("sessionId"), QStringLiteral("ben-call-1"));
    const QJsonObject elicit{{QStringLiteral("type"), QStringLiteral("ElicitSlot")},
        {QStringLiteral("slotToElicit"), QStringLiteral("orderId")}};
    const QJsonArray out = run({QJsonObject{{QStringLiteral("op"), QStringLiteral("text")},
                                    {QStringLiteral("sessionId"), QStringLiteral("anon-call-2")},
                                    {QStringLiteral("text"), QStringLiteral("Where is my order?")}},
        anonymous,
        QJsonObject{{QStringLiteral("op"), QStringLiteral("put")},
            {QStringLiteral("sessionId"), QStringLiteral("ben-call-1")},
            {QStringLiteral("sessionState"),
                QJsonObject{{QStringLiteral("dialogAction"), elicit},
                    {QStringLiteral("sessionAttributes"),
                        QJsonObject{{QStringLiteral("callerNumber"), QStringLiteral("+1 555 0100")}}}}}},
        ben});
    QCOMPARE(out.size(), 4);
    const QString all = QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
    for (const QJsonValue &v : out)
        QVERIFY2(v.toObject().value(QLatin1String("ok")).toBool(), qPrintable(all.left(2000)));
    QCOMPARE(slotToElicit(out.at(0)
                              .toObject()
                              .value(QLatin1String("response"))
                              .toObject()
                              .value(QLatin1String("sessionState"))
                              .toObject()),
        QStringLiteral("orderId"));
    for (int i : {1, 3}) {
        const QJsonObject said = out.at(i).toObject().value(QLatin1String("response")).toObject();
        QCOMPARE(
            said.value(QLatin1String("inputTranscript")).toString(), QStringLiteral("order one zero zero zero five"));
        QCOMPARE(said.value(QLatin1String("inputMode")).toString(), QStringLiteral("Speech"));
        const QJsonObject slot = said.value(QLatin1String("sessionState"))
                                     .toObject()
                                     .value(QLatin1String("intent"))
                                     .toObject()
                                     .value(QLatin1String("slots"))
                                     .toObject()
                                     .value(QLatin1String("orderId"))
                                     .toObject()
                                     .value(QLatin1String("value"))
                                     .toObject();
        QCOMPARE(slot.value(QLatin1String("interpretedValue")).toString(), QStringLiteral("ORD-10005"));
        QCOMPARE(
            slot.value(QLatin1String("originalValue")).toString(), QStringLiteral("order one zero zero zero five"));
    }
    // Not the anonymous caller's order: nothing about it is told.
    const QString refused = messagesText(
        out.at(1).toObject().value(QLatin1String("response")).toObject().value(QLatin1String("messages")).toArray());
    QVERIFY2(!refused.contains(QLatin1String("delivered")), qPrintable(refused));
    const QJsonObject said = out.at(3).toObject().value(QLatin1String("response")).toObject();
    QCOMPARE(said.value(QLatin1String("contentType")).toString(), QStringLiteral("audio/pcm"));
    const QString text = messagesText(said.value(QLatin1String("messages")).toArray());
    QVERIFY2(text.contains(QLatin1String("ORD-10005")) && text.contains(QLatin1String("delivered")), qPrintable(text));
    QVERIFY(said.value(QLatin1String("audioBytes")).toInt() > 16000); // more than half a second of speech
    // The answer's audio, recognised back: the order said digit by digit and its item.
    const QString back = heard(reply);
    QVERIFY2(back.contains(QLatin1String("one zero zero zero five")) && back.contains(QLatin1String("hiking pants")),
        qPrintable(back));
}

void TestLexApi::askingForAPersonClosesWithTheQueue()
{
    const QJsonObject r = ok(
        {{QStringLiteral("op"), QStringLiteral("text")}, {QStringLiteral("sessionId"), QStringLiteral("person-call-1")},
            {QStringLiteral("text"), QStringLiteral("I want to talk to a person")}});
    const QJsonObject state = r.value(QLatin1String("sessionState")).toObject();
    QCOMPARE(actionType(state), QStringLiteral("Close"));
    QCOMPARE(attributes(state).value(QLatin1String("tier")).toString(), QStringLiteral("HUMAN_AGENT"));
    QVERIFY2(!attributes(state).value(QLatin1String("queue")).toString().isEmpty(),
        QJsonDocument(state).toJson().constData());
}

void TestLexApi::utteranceAsTextAnswersInHeaders()
{
    const QJsonObject r = ok({{QStringLiteral("op"), QStringLiteral("utterance")},
        {QStringLiteral("sessionId"), QStringLiteral("text-utterance-1")},
        {QStringLiteral("contentType"), QStringLiteral("text/plain; charset=utf-8")},
        {QStringLiteral("responseContentType"), QStringLiteral("text/plain; charset=utf-8")},
        {QStringLiteral("text"), QStringLiteral("Hello, what is your return policy?")},
        {QStringLiteral("sessionState"),
            QJsonObject{{QStringLiteral("sessionAttributes"),
                QJsonObject{{QStringLiteral("channel"), QStringLiteral("chat")}}}}}});
    QCOMPARE(
        r.value(QLatin1String("inputTranscript")).toString(), QStringLiteral("Hello, what is your return policy?"));
    QCOMPARE(r.value(QLatin1String("inputMode")).toString(), QStringLiteral("Text"));
    QCOMPARE(r.value(QLatin1String("audioBytes")).toInt(), 0);
    QVERIFY(!r.value(QLatin1String("messages")).toArray().isEmpty());
    QVERIFY(!r.value(QLatin1String("interpretations")).toArray().isEmpty());
    const QJsonObject state = r.value(QLatin1String("sessionState")).toObject();
    QCOMPARE(attributes(state).value(QLatin1String("channel")).toString(), QStringLiteral("chat"));
    const QString id = attributes(state).value(QLatin1String("tierdeskSessionId")).toString();
    auto admin = m_server.client(api::Role::Admin);
    const HttpResult s = admin->get(QStringLiteral("/api/cs/sessions/") + id);
    QVERIFY2(s.status == 200, describe(s));
    QCOMPARE(s.json().value(QLatin1String("channel")).toString(), QStringLiteral("chat"));
}

void TestLexApi::sessionsArePutReadAndDeleted()
{
    const QJsonObject put{{QStringLiteral("op"), QStringLiteral("put")},
        {QStringLiteral("sessionId"), QStringLiteral("put-call-1")},
        {QStringLiteral("sessionState"),
            QJsonObject{
                {QStringLiteral("dialogAction"), QJsonObject{{QStringLiteral("type"), QStringLiteral("ElicitIntent")}}},
                {QStringLiteral("sessionAttributes"),
                    QJsonObject{{QStringLiteral("contactId"), QStringLiteral("c-42")}}}}},
        {QStringLiteral("messages"),
            QJsonArray{QJsonObject{{QStringLiteral("content"), QStringLiteral("Welcome to the order line")},
                {QStringLiteral("contentType"), QStringLiteral("PlainText")}}}},
        {QStringLiteral("responseContentType"), QStringLiteral("audio/pcm")}};
    const QJsonObject get{
        {QStringLiteral("op"), QStringLiteral("get")}, {QStringLiteral("sessionId"), QStringLiteral("put-call-1")}};
    const QJsonObject del{
        {QStringLiteral("op"), QStringLiteral("delete")}, {QStringLiteral("sessionId"), QStringLiteral("put-call-1")}};
    const QJsonObject text{{QStringLiteral("op"), QStringLiteral("text")},
        {QStringLiteral("sessionId"), QStringLiteral("put-call-1")}, {QStringLiteral("text"), QStringLiteral("hello")}};
    const QJsonArray out = run({put, get, text, del, get, del});
    QCOMPARE(out.size(), 6);
    const QString all = QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
    for (int i = 0; i < 5; ++i)
        QVERIFY2(out.at(i).toObject().value(QLatin1String("ok")).toBool() == (i != 4), qPrintable(all));
    const QJsonObject putAnswer = out.at(0).toObject().value(QLatin1String("response")).toObject();
    QVERIFY(putAnswer.value(QLatin1String("audioBytes")).toInt() > 16000);
    QCOMPARE(attributes(putAnswer.value(QLatin1String("sessionState")).toObject())
                 .value(QLatin1String("contactId"))
                 .toString(),
        QStringLiteral("c-42"));
    const QJsonObject got = out.at(1).toObject().value(QLatin1String("response")).toObject();
    QCOMPARE(got.value(QLatin1String("sessionId")).toString(), QStringLiteral("put-call-1"));
    QCOMPARE(
        attributes(got.value(QLatin1String("sessionState")).toObject()).value(QLatin1String("contactId")).toString(),
        QStringLiteral("c-42"));
    const QJsonObject spoke = out.at(2).toObject().value(QLatin1String("response")).toObject();
    QCOMPARE(
        attributes(spoke.value(QLatin1String("sessionState")).toObject()).value(QLatin1String("contactId")).toString(),
        QStringLiteral("c-42")); // kept from PutSession
    QCOMPARE(
        out.at(3).toObject().value(QLatin1String("response")).toObject().value(QLatin1String("sessionId")).toString(),
        QStringLiteral("put-call-1"));
    QCOMPARE(out.at(4).toObject().value(QLatin1String("code")).toString(), QStringLiteral("ResourceNotFoundException"));
    QCOMPARE(out.at(5).toObject().value(QLatin1String("status")).toInt(), 404);
}

void TestLexApi::wrongSignatureIsAccessDenied()
{
    const QJsonArray out = run({QJsonObject{{QStringLiteral("op"), QStringLiteral("text")},
                                   {QStringLiteral("sessionId"), QStringLiteral("bad-sig-1")},
                                   {QStringLiteral("text"), QStringLiteral("hello")}}},
        QStringLiteral("not-the-secret-of-this-key-0123456789"));
    const QJsonObject r = out.at(0).toObject();
    QCOMPARE(r.value(QLatin1String("ok")).toBool(), false);
    QCOMPARE(r.value(QLatin1String("status")).toInt(), 403);
    QCOMPARE(r.value(QLatin1String("code")).toString(), QStringLiteral("AccessDeniedException"));
    QVERIFY(!r.value(QLatin1String("message")).toString().isEmpty());
}

void TestLexApi::otherCompanysBotIsNotFound()
{
    const QString other = m_server.createCompany(QStringLiteral("Another Shop"));
    QVERIFY(!other.isEmpty());
    const QJsonArray out = run({QJsonObject{{QStringLiteral("op"), QStringLiteral("text")},
        {QStringLiteral("botId"), other}, {QStringLiteral("sessionId"), QStringLiteral("other-bot-1")},
        {QStringLiteral("text"), QStringLiteral("hello")}}});
    const QJsonObject r = out.at(0).toObject();
    QCOMPARE(r.value(QLatin1String("status")).toInt(), 404);
    QCOMPARE(r.value(QLatin1String("code")).toString(), QStringLiteral("ResourceNotFoundException"));
}

void TestLexApi::badInputIsAValidationError()
{
    const QString tooLong(1025, QLatin1Char('a'));
    const QJsonArray out
        = run({QJsonObject{{QStringLiteral("op"), QStringLiteral("text")},
                   {QStringLiteral("sessionId"), QStringLiteral("bad-1")}, {QStringLiteral("text"), tooLong}},
            QJsonObject{{QStringLiteral("op"), QStringLiteral("text")},
                {QStringLiteral("localeId"), QStringLiteral("fr_FR")},
                {QStringLiteral("sessionId"), QStringLiteral("bad-2")},
                {QStringLiteral("text"), QStringLiteral("bonjour")}},
            QJsonObject{{QStringLiteral("op"), QStringLiteral("utterance")},
                {QStringLiteral("sessionId"), QStringLiteral("bad-3")},
                {QStringLiteral("contentType"), QStringLiteral("audio/l16; rate=8000; channels=1")},
                {QStringLiteral("text"), QStringLiteral("not audio at 8 kHz")}}});
    QCOMPARE(out.size(), 3);
    for (const QJsonValue &v : out) {
        QCOMPARE(v.toObject().value(QLatin1String("status")).toInt(), 400);
        QCOMPARE(v.toObject().value(QLatin1String("code")).toString(), QStringLiteral("ValidationException"));
    }
    QVERIFY(out.at(2).toObject().value(QLatin1String("message")).toString().contains(QLatin1String("16 kHz")));
    // Not through botocore: a body that is no JSON, an unknown operation, both in Lex's error body.
    HttpClient raw(m_server.port());
    const HttpResult unknown = raw.send(
        "POST", QStringLiteral("/bots/x/botAliases/y/botLocales/en_US/sessions/s1/nothing"), "{}", {}, false);
    QCOMPARE(unknown.status, 404);
    QCOMPARE(unknown.header("x-amzn-errortype"), QByteArray("ResourceNotFoundException"));
    QVERIFY(!unknown.json().value(QLatin1String("message")).toString().isEmpty());
}

QTEST_GUILESS_MAIN(TestLexApi)
#include "tst_lexapi.moc"
