#pragma once

#include "core/engine/SessionEngine.h"
#include "core/voice/Call.h"

#include "core/domain/Survey.h"
#include "core/voice/calls/CallWords.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace tierdesk::voice {

// A call's conversation (DESIGN.md, "Calls"): the caller's turns become the session's customer
// messages, exactly as a chat's (channel voice, with metadata.asr), and the AI tiers' replies
// become speech, prepared for the ear. What a call needs beyond a chat is here: not having
// understood twice offers a person, a question for an order number is answered with the digits
// grammar (or the keypad), a caller gone quiet is asked if they are still there and then let go,
// and a conversation for a person is put in line. Lives on the engine thread, beside its Call.
class CallConversation : public QObject {
    Q_OBJECT

public:
    // Below it the words are not trusted. Measured with Flite's voices: clear sentences 0.50-1.0 (a
    // call's first turn on a fresh decoder is the lowest), babble (speech played backwards) 0.37.
    static constexpr double kMinConfidence = 0.4;
    static constexpr int kMaxUnclear = 2; // not understood twice: a person is offered
    // After the rating question was said, a keypad digit within this long is the call's rating.
    static constexpr int kRatingWindowMs = 10000;
    static constexpr int kQuestionMs = 10000; // about as long as the question takes to say (the survey's expiry)

    struct Caller {
        QString customerId; // empty: an anonymous caller (a customer record is made for the call)
        QString name;
        QString email;
        QString via; // who the engine records the call's messages by (a widget key, a trunk); empty: the caller
        QString address; // the caller's network address, for the audit log
        QString number{}; // the caller's phone number, when the door knows it
    };

    CallConversation(SessionEngine &engine, Call &call, QString companyId, QObject *parent = nullptr);

    // Opens the session and greets the caller; done(session) or done(error) on the engine thread.
    void start(const Caller &caller, std::function<void(Result<Session>)> done);
    // The call is recorded: the greeting says so (before start()).
    void setRecorded(bool recorded) { m_recorded = recorded; }
    // The caller hung up, or the door ended the call.
    void end(const QString &reason);

    QString sessionId() const { return m_sessionId; }
    bool ended() const { return m_ended; }
    QString companyId() const { return m_companyId; }
    Language language() const { return m_language; }
    // Who the engine records the caller's messages by.
    const Actor &actor() const { return m_actor; }

    // Says `text` to the caller (in the transcript as the AI's), prepared for the ear.
    void speak(const QString &text);
    // While set, the caller's turns go to `taker` instead of the engine (a message left in line).
    void divertTurns(std::function<void(const CallerTurn &)> taker) { m_turnTaker = std::move(taker); }
    // A person sent the conversation back to the AI tiers: they answer the caller again.
    void backToAi();

signals:
    // What was said, as the transcript shows it: role customer, ai_rep, ai_manager or human_agent.
    void transcript(const QString &role, const QString &text, bool final);
    // "ai", "queued" (with the queue), "agent", "ended".
    void stateChanged(const QString &state, const QString &queue);
    // The call is over from this side (silence, a goodbye): the door hangs up.
    void hangUp(const QString &reason);

private:
    void onTurn(const CallerTurn &turn);
    void onSilence(int times);
    // The text the engine gets for a caller's turn: a digits answer as the company's order number.
    QString engineText(const CallerTurn &turn) const;
    void post(const CallerTurn &turn);
    void onReply(const Result<MessageOutcome> &outcome);
    void answerOfferOfAPerson(const CallerTurn &turn);
    QString orderPattern() const;
    // Resolved while the caller is on the line: "press 1 to 5" (the company's ratings.voice), once.
    void askRating();
    void answerRating(const CallerTurn &turn);
    void sayGoodbye(CallWord word);

    SessionEngine &m_engine;
    Call &m_call;
    QString m_companyId;
    QString m_companyName;
    Language m_language = Language::En;
    QString m_sessionId;
    Actor m_actor;
    int m_unclear = 0;
    bool m_personOffered = false;
    bool m_queued = false;
    bool m_ended = false;
    bool m_goodbyeSaid = false;
    bool m_recorded = false;
    QString m_goodbyeReason = QStringLiteral("silence"); // why the call ends once the goodbye is said
    int m_postsInFlight = 0; // the caller's turns the engine is still answering
    Survey m_survey; // the rating asked (surveys, kind voice)
    QString m_callerNumber; // the caller's number, when the door knows it
    bool m_ratingAsked = false;
    bool m_awaitingRating = false;
    QTimer m_ratingWindow;
    std::function<void(const CallerTurn &)> m_turnTaker;
};

} // namespace tierdesk::voice
