#include "core/voice/calls/CallConversation.h"

#include "core/common/Ids.h"
#include "core/engine/dialogue/Answers.h"
#include "core/voice/EarText.h"
#include "core/voice/OrderNumberSpeech.h"
#include "core/voice/calls/CallWords.h"

namespace tierdesk::voice {
namespace {

bool startsWithNo(const QString &text)
{
    const QString t = text.trimmed().toLower();
    for (const char *no : {"no", "nope", "nein", "not now", "don't", "do not"})
        if (t == QLatin1String(no) || t.startsWith(QLatin1String(no) + QLatin1Char(' ')))
            return true;
    return false;
}

} // namespace

CallConversation::CallConversation(SessionEngine &engine, Call &call, QString companyId, QObject *parent)
    : QObject(parent), m_engine(engine), m_call(call), m_companyId(std::move(companyId))
{
    connect(&m_call, &Call::turn, this, &CallConversation::onTurn);
    connect(&m_call, &Call::silence, this, &CallConversation::onSilence);
    connect(&m_call, &Call::spoken, this, [this] {
        if (m_goodbyeSaid && !m_ended) {
            end(m_goodbyeReason);
            emit hangUp(m_goodbyeReason);
        } else if (m_awaitingRating && !m_ratingWindow.isActive()) {
            m_ratingWindow.start(); // the question was heard: the window runs from here
        }
    });
    m_ratingWindow.setSingleShot(true);
    m_ratingWindow.setInterval(kRatingWindowMs);
    connect(&m_ratingWindow, &QTimer::timeout, this, [this] {
        if (m_awaitingRating)
            sayGoodbye(CallWord::RatingNone);
    });
    // However it was resolved (the AI, a person, the API), the caller still on the line is asked.
    connect(&m_engine, &SessionEngine::sessionEvent, this, [this](const SessionEvent &e) {
        // Resolved by the caller's own turn: asked once its reply is said (onReply).
        if (e.type == SessionEventType::Resolved && e.session && e.session->id == m_sessionId && m_postsInFlight == 0)
            askRating();
    });
}

void CallConversation::askRating()
{
    if (m_ended || m_ratingAsked || m_sessionId.isEmpty())
        return;
    const Result<Company> company = m_engine.company(m_companyId);
    const auto rated = m_engine.ratings().find(m_companyId, m_sessionId, m_actor);
    if (!company || !company->config.ratings.voice || !rated || rated->has_value())
        return;
    // Kept as the session's survey (kind voice): asked once, whatever happens to this call.
    const qint64 now = m_engine.clock().nowMs();
    m_survey = Survey{ids::random(QStringLiteral("srv_")), m_companyId, m_sessionId, QStringLiteral("voice"),
        m_callerNumber, QByteArray(), now, now + kRatingWindowMs + kQuestionMs, 0, 0};
    Store &store = m_engine.core().store();
    if (!store.batch().run([&] { return bool(store.surveys().insert(m_survey)); }))
        return; // asked before (another door), or not writable: no question
    m_ratingAsked = true;
    m_awaitingRating = true;
    m_turnTaker = nullptr; // a message being left is over: the conversation is
    speak(callWords(CallWord::RatingAsk, m_language));
    m_call.expectOneKey();
}

void CallConversation::answerRating(const CallerTurn &turn)
{
    const int rating = turn.keypad ? SatisfactionSurveys::ratingIn(turn.text) : 0;
    if (rating == 0) { // words, or another key: the window runs on
        if (turn.keypad)
            m_call.expectOneKey();
        return;
    }
    const qint64 now = m_engine.clock().nowMs();
    const auto stored = m_engine.ratings().rate(m_companyId, m_sessionId, {rating, QString()}, m_actor, [&] {
        const Result<bool> first = m_engine.core().store().surveys().answer(m_survey.id, rating, now);
        return first && *first;
    });
    sayGoodbye(stored ? CallWord::RatingThanks : CallWord::RatingNone);
}

void CallConversation::sayGoodbye(CallWord word)
{
    m_awaitingRating = false;
    m_ratingWindow.stop();
    m_goodbyeSaid = true; // once said, the call ends (Call::spoken)
    m_goodbyeReason = QStringLiteral("goodbye");
    speak(callWords(word, m_language));
}

void CallConversation::start(const Caller &caller, std::function<void(Result<Session>)> done)
{
    const Result<Company> company = m_engine.company(m_companyId);
    if (!company)
        return done(company.error());
    m_companyName = company->name;
    m_callerNumber = caller.number;
    m_language = company->config.language;
    CreateSessionRequest req;
    req.companyId = m_companyId;
    req.customerId = caller.customerId.isEmpty() ? ids::random(QStringLiteral("caller_")) : caller.customerId;
    req.customerName = caller.name.isEmpty() ? QStringLiteral("Caller") : caller.name;
    req.channel = Channel::Voice;
    m_actor = Actor(caller.via.isEmpty() ? QStringLiteral("caller:") + req.customerId : caller.via,
        QStringLiteral("visitor"), caller.address, req.customerId);
    m_engine.createSession(
        req, m_actor, this, [this, done = std::move(done)](Result<Session> s, const std::optional<MessageOutcome> &) {
            if (!s)
                return done(std::move(s));
            m_sessionId = s->id;
            done(std::move(s)); // the door says the call started, then the caller is greeted
            emit stateChanged(QStringLiteral("ai"), {});
            speak(callWords(m_recorded ? CallWord::GreetingRecorded : CallWord::Greeting, m_language, m_companyName));
        });
}

void CallConversation::end(const QString &reason)
{
    if (m_ended)
        return;
    m_ended = true;
    m_call.stopSpeaking();
    if (!m_sessionId.isEmpty()) // kept with the session: how the call ended
        m_engine.setMetadataEntry(m_companyId, m_sessionId, QStringLiteral("callEnded"), reason, m_actor);
    emit stateChanged(QStringLiteral("ended"), {});
}

void CallConversation::onTurn(const CallerTurn &turn)
{
    if (m_ended || m_sessionId.isEmpty())
        return;
    if (m_awaitingRating)
        return answerRating(turn);
    if (m_turnTaker)
        return m_turnTaker(turn);
    if (m_queued && turn.text.trimmed().isEmpty())
        return; // a sound while waiting for or talking to a person: nothing to write down
    const bool unclear = turn.text.isEmpty() || (!turn.keypad && turn.confidence < kMinConfidence);
    if (unclear && !m_queued) {
        ++m_unclear;
        if (m_unclear >= kMaxUnclear && !m_personOffered) {
            m_personOffered = true;
            speak(callWords(CallWord::OfferPerson, m_language));
        } else {
            speak(callWords(CallWord::NotUnderstood, m_language));
        }
        return;
    }
    m_unclear = 0;
    if (m_personOffered)
        return answerOfferOfAPerson(turn);
    post(turn);
}

void CallConversation::answerOfferOfAPerson(const CallerTurn &turn)
{
    m_personOffered = false;
    if (startsWithNo(turn.text)) {
        speak(callWords(CallWord::NoPerson, m_language));
        return;
    }
    if (!dialogue::startsWithYes(turn.text))
        return post(turn); // a new question instead of an answer
    emit transcript(QStringLiteral("customer"), turn.text, true);
    const Result<Session> s = m_engine.escalate(m_companyId, m_sessionId, EscalationReason::CustomerRequest,
        Tier::HumanAgent, QStringLiteral("The caller asked for a person after not being understood twice"), m_actor);
    if (!s) {
        speak(callWords(CallWord::Trouble, m_language));
        return;
    }
    m_queued = true;
    speak(callWords(CallWord::Connecting, m_language));
    emit stateChanged(QStringLiteral("queued"), {});
}

QString CallConversation::orderPattern() const
{
    const Result<CsConfig> config = m_engine.config(m_companyId);
    return OrderNumberSpeech::patternOrStore(config ? config->connectors.orderNumberPattern : QString());
}

QString CallConversation::engineText(const CallerTurn &turn) const
{
    return turn.digits ? OrderNumberSpeech::engineText(turn.text.split(u' ', Qt::SkipEmptyParts), orderPattern())
                       : turn.text;
}

void CallConversation::post(const CallerTurn &turn)
{
    emit transcript(QStringLiteral("customer"),
        turn.digits ? OrderNumberSpeech::meant(turn.text, orderPattern()) : turn.text, true);
    MessageMeta meta;
    meta.asr = AsrMeta{turn.confidence, turn.startMs, turn.endMs, turn.digits, turn.keypad};
    ++m_postsInFlight;
    m_engine.postMessage(
        m_companyId, m_sessionId, engineText(turn), m_actor, this,
        [this](Result<MessageOutcome> outcome) {
            --m_postsInFlight;
            onReply(outcome);
        },
        meta);
}

void CallConversation::onReply(const Result<MessageOutcome> &outcome)
{
    if (m_ended)
        return;
    if (!outcome) {
        if (!m_queued) // with a person (or in line) the words are only written down: nothing to say
            speak(callWords(CallWord::Trouble, m_language));
        return;
    }
    if (const std::optional<Message> &reply = outcome->aiResponse) {
        emit transcript(reply->role, reply->content, true);
        m_call.say(EarText::prepare(reply->content, m_language));
        const TurnReading &r = outcome->reading; // the AI waits for an order's number: heard as digits
        if (r.needsOrderNumber || r.awaitingSlot == QLatin1String("order_id"))
            m_call.expectDigits();
    }
    if (outcome->session.status == SessionStatus::Resolved)
        askRating(); // after the AI's last words

    if (outcome->session.currentTier == Tier::HumanAgent && !m_queued) {
        m_queued = true;
        if (!outcome->aiResponse)
            speak(callWords(CallWord::Connecting, m_language));
        emit stateChanged(QStringLiteral("queued"), {});
    }
}

void CallConversation::backToAi()
{
    if (m_ended || !m_queued)
        return;
    m_queued = false;
    m_unclear = 0;
    m_personOffered = false;
    emit stateChanged(QStringLiteral("ai"), {});
    speak(callWords(CallWord::BackToAi, m_language));
}

void CallConversation::onSilence(int times)
{
    if (m_ended || m_queued)
        return; // waiting in line, quiet is fine
    if (times < 2) {
        speak(callWords(CallWord::StillThere, m_language));
        return;
    }
    m_goodbyeSaid = true;
    speak(callWords(CallWord::Goodbye, m_language));
}

void CallConversation::speak(const QString &text)
{
    emit transcript(QStringLiteral("ai_rep"), text, true);
    m_call.say(EarText::prepare(text, m_language));
}

} // namespace tierdesk::voice
