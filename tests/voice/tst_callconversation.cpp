// A call's conversation with the real engine (the demo store on a SQLite file): Flite's voice is
// the caller, PocketSphinx hears it, each turn is a customer message with metadata.asr, and the
// AI's replies come back as speech. Waits on signals only.
#include "core/voice/calls/CallConversation.h"
#include "core/voice/calls/CallWords.h"
#include "tests/engine/EngineFixture.h"

#include "tests/voice/CallerAudio.h"

#include <QSignalSpy>

#include <cmath>

using namespace tierdesk;
using namespace tierdesk::voice;
using tierdesk::test::quiet;
using tierdesk::test::spoken;

namespace {

// A whistle that is loud but no words: the recogniser makes nothing of it (a low hum, by contrast,
// is heard as "but", one word with nothing to doubt it by).
QByteArray hum(qint64 ms)
{
    Pcm tone(static_cast<size_t>(msToSamples(ms)));
    for (size_t i = 0; i < tone.size(); ++i)
        tone[i] = static_cast<int16_t>(6000 * std::sin(2 * M_PI * 440.0 * double(i) / kSampleRate));
    return pcmToLittleEndian(tone);
}

} // namespace

class TestCallConversation : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void callerAsksAndIsAnswered();
    void orderNumberIsHeardAsDigits();
    void notUnderstoodTwiceOffersAPerson();
    void quietCallerIsLetGo();
    void aResolvedCallIsRatedOnTheKeypad();

private:
    bool startCall(const QString &customerId);
    void hear(const QByteArray &pcm);
    // Waits for the next thing the AI says (a reply, or the call's own words).
    QString nextAiWords();
    QList<Message> messages();

    std::unique_ptr<test::EngineFixture> m_fx;
    std::unique_ptr<DecoderPool> m_pool;
    std::unique_ptr<Call> m_call;
    std::unique_ptr<CallConversation> m_talk;
    std::unique_ptr<QSignalSpy> m_said;
    int m_read = 0;
};

void TestCallConversation::init()
{
    m_fx = std::make_unique<test::EngineFixture>();
    QVERIFY(m_fx->setUp());
    m_pool = std::make_unique<DecoderPool>(2, 4);
    Call::Options options;
    options.leadMs = 600000;
    options.waitForPlayOut = false;
    options.silencePromptMs = 1000;
    m_call = std::make_unique<Call>(m_pool->openLane(), SpeechRecognizer::Options{}, SpeechSynthesizer(), options);
    m_talk = std::make_unique<CallConversation>(*m_fx->engine, *m_call, m_fx->companyId);
    m_said = std::make_unique<QSignalSpy>(m_talk.get(), &CallConversation::transcript);
    connect(m_call.get(), &Call::turn, this,
        [](const CallerTurn &t) { qInfo("heard '%s' (%.2f)", qPrintable(t.text), t.confidence); });
    m_read = 0;
}

void TestCallConversation::cleanup()
{
    m_said.reset();
    m_talk.reset();
    m_call.reset();
    m_pool->waitForDone();
    m_pool.reset();
    m_fx.reset();
}

bool TestCallConversation::startCall(const QString &customerId)
{
    std::optional<Result<Session>> started;
    CallConversation::Caller caller;
    caller.customerId = customerId;
    m_talk->start(caller, [&started](Result<Session> s) { started = std::move(s); });
    QSignalSpy state(m_talk.get(), &CallConversation::stateChanged);
    if (!started && !state.wait(10000))
        return false;
    return started && started->ok();
}

void TestCallConversation::hear(const QByteArray &pcm)
{
    const QByteArray all = quiet(300) + pcm + quiet(800);
    for (qsizetype at = 0; at < all.size(); at += kFrameBytes)
        m_call->hear(all.mid(at, kFrameBytes));
}

QString TestCallConversation::nextAiWords()
{
    while (true) {
        while (m_read < m_said->count()) {
            const QList<QVariant> entry = m_said->at(m_read++);
            if (entry.at(0).toString() != QLatin1String("customer"))
                return entry.at(1).toString();
        }
        if (!m_said->wait(20000))
            return {};
    }
}

QList<Message> TestCallConversation::messages()
{
    const auto s = m_fx->engine->session(m_fx->companyId, m_talk->sessionId());
    return s ? s->messages : QList<Message>();
}

void TestCallConversation::callerAsksAndIsAnswered()
{
    QVERIFY(startCall(QStringLiteral("cust_ben")));
    QVERIFY2(nextAiWords().contains(QLatin1String("Northwind")), "no greeting");
    const auto s = m_fx->engine->session(m_fx->companyId, m_talk->sessionId());
    QVERIFY(s && s->channel == Channel::Voice);
    hear(spoken(QStringLiteral("i want to talk to a person")));
    const QString reply = nextAiWords();
    QVERIFY2(!reply.isEmpty(), "no reply");
    const QList<Message> stored = messages();
    QVERIFY(!stored.isEmpty());
    const Message &said = stored.first();
    QCOMPARE(said.role, QStringLiteral("customer"));
    QVERIFY2(said.content.contains(QLatin1String("person")), qPrintable(said.content));
    QVERIFY(said.meta.asr);
    QVERIFY(said.meta.asr->confidence > CallConversation::kMinConfidence);
    QVERIFY(said.meta.asr->endMs > said.meta.asr->startMs);
    QVERIFY(!said.meta.asr->digits);
}

void TestCallConversation::orderNumberIsHeardAsDigits()
{
    QVERIFY(startCall(QString()));
    nextAiWords(); // the greeting
    hear(spoken(QStringLiteral("where is my order")));
    const QString ask = nextAiWords();
    QVERIFY2(ask.contains(QLatin1String("order number")), qPrintable(ask));
    hear(spoken(QStringLiteral("one zero zero zero four")));
    nextAiWords();
    const QList<Message> stored = messages();
    const auto number = std::find_if(stored.cbegin(), stored.cend(),
        [](const Message &m) { return m.role == QLatin1String("customer") && m.meta.asr && m.meta.asr->digits; });
    QVERIFY(number != stored.cend());
    QCOMPARE(number->content, QStringLiteral("ORD-10004"));
}

void TestCallConversation::notUnderstoodTwiceOffersAPerson()
{
    QVERIFY(startCall(QStringLiteral("cust_ben")));
    nextAiWords();
    hear(hum(900));
    QCOMPARE(nextAiWords(), callWords(CallWord::NotUnderstood, Language::En));
    hear(hum(900));
    QCOMPARE(nextAiWords(), callWords(CallWord::OfferPerson, Language::En));
    QSignalSpy state(m_talk.get(), &CallConversation::stateChanged);
    hear(spoken(QStringLiteral("yes please")));
    QVERIFY(state.wait(20000));
    QCOMPARE(state.last().first().toString(), QStringLiteral("queued"));
    const auto s = m_fx->engine->session(m_fx->companyId, m_talk->sessionId());
    QVERIFY(s && s->currentTier == Tier::HumanAgent);
    const QList<Message> stored = messages();
    QVERIFY(std::none_of(stored.cbegin(), stored.cend(), // hums are not words: nothing was posted
        [](const Message &m) { return m.role == QLatin1String("customer"); }));
}

void TestCallConversation::quietCallerIsLetGo()
{
    QSignalSpy spoken(m_call.get(), &Call::spoken);
    QVERIFY(startCall(QStringLiteral("cust_ben")));
    nextAiWords();
    QVERIFY(spoken.count() > 0 || spoken.wait(10000)); // the greeting went out
    QSignalSpy hangUp(m_talk.get(), &CallConversation::hangUp);
    hear(quiet(1200));
    QCOMPARE(nextAiWords(), callWords(CallWord::StillThere, Language::En));
    QVERIFY(spoken.wait(10000));
    hear(quiet(1200));
    QCOMPARE(nextAiWords(), callWords(CallWord::Goodbye, Language::En));
    QVERIFY(hangUp.wait(10000));
    QCOMPARE(hangUp.first().first().toString(), QStringLiteral("silence"));
    QVERIFY(m_talk->ended());
    const auto s = m_fx->engine->session(m_fx->companyId, m_talk->sessionId());
    QCOMPARE(s->metadata.value(QStringLiteral("callEnded")).toString(), QStringLiteral("silence"));
}

// Resolved while the caller is on the line (here by a person, through the engine's resolve): the
// caller is asked to press 1 to 5, a keypad "4" is the session's rating, thanked, and the call ends.
void TestCallConversation::aResolvedCallIsRatedOnTheKeypad()
{
    QSignalSpy spoken(m_call.get(), &Call::spoken);
    QVERIFY(startCall(QStringLiteral("cust_ben")));
    nextAiWords();
    Resolution done;
    done.type = ResolutionType::IssueResolved;
    done.summary = QStringLiteral("Answered on the phone");
    const Result<Session> resolved = m_fx->engine->resolve(
        m_fx->companyId, m_talk->sessionId(), done, Actor(QStringLiteral("admin"), QStringLiteral("admin")));
    QVERIFY(resolved.ok());
    QCOMPARE(nextAiWords(), callWords(CallWord::RatingAsk, Language::En));
    QSignalSpy hangUp(m_talk.get(), &CallConversation::hangUp);
    m_call->keypad(QStringLiteral("9")); // not a rating: the question stands
    m_call->keypad(QStringLiteral("4")); // one key, no hash
    QCOMPARE(nextAiWords(), callWords(CallWord::RatingThanks, Language::En));
    QVERIFY(hangUp.wait(10000));
    QCOMPARE(hangUp.first().first().toString(), QStringLiteral("goodbye"));
    const auto rating = m_fx->engine->ratings().find(m_fx->companyId, m_talk->sessionId(), Actor());
    QVERIFY(rating && rating->has_value());
    QCOMPARE((*rating)->rating, 4);
    QCOMPARE((*rating)->channel, QStringLiteral("voice"));
}

QTEST_GUILESS_MAIN(TestCallConversation)
#include "tst_callconversation.moc"
