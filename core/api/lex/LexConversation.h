#pragma once

#include "core/api/lex/LexCall.h"
#include "core/api/lex/LexJson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <functional>

namespace tierdesk::api {

// A Lex session and the Tierdesk session behind it (docs/calls.md, "Lex V2 runtime"). A Lex
// sessionId names one Tierdesk session of the company: the first one under an id derived from the
// company and the Lex id (no table keeps the pair); once it is resolved, or after DeleteSession,
// the next call starts another, which the first one's metadata points to (lexCurrent). Each
// session keeps its last Lex state (the session state with the client's attributes, and the
// interpretations) in its metadata (lex). Every call runs on the engine thread.
class LexConversation {
public:
    // One caller turn: the words go to the engine exactly as a chat message does.
    struct Utterance {
        QString text; // what the engine reads
        QString transcript; // what Lex reports as heard (the recognised words for audio)
        QString spokenOrderId; // the words said for an order number, when digits were expected
        QJsonObject sessionState; // the client's, checked (lexjson::sessionState); empty when none
        QJsonObject requestAttributes;
    };
    // What Lex answers: the session state, interpretations and messages.
    struct Answer {
        QString tierdeskSessionId;
        QJsonObject sessionState;
        QJsonArray interpretations;
        QJsonArray messages;
        QString reply; // the messages' text, for speech
    };
    using Done = std::function<void(Result<Answer>)>;

    static void converse(const LexCallPtr &c, const Utterance &u, Done done);
    // PutSession: the session state set (the Tierdesk session made when there is none, with no message).
    static void put(const LexCallPtr &c, const QJsonObject &sessionState, const QJsonArray &messages, Done done);
    // GetSession: the stored state and the last reply; NotFound when the Lex session has none.
    static Result<Answer> stored(const LexCallPtr &c);
    // DeleteSession: the Lex session ends (an AI conversation is resolved; one a person has stays in
    // its queue); the next call starts a new one. NotFound when there is none.
    static Status remove(const LexCallPtr &c);
    // Whether the last answer asked for the order number (the next audio is decoded as digits).
    static bool expectsDigits(const LexCallPtr &c);

private:
    struct Found {
        std::optional<Session>
            current; // the one in use (maybe resolved); none before the first call or after DeleteSession
        QString anchorId; // the first session's id for this Lex id
        QString newId; // the id a new session takes
    };
    static Found find(const LexCallPtr &c);
    static void start(const LexCallPtr &c, const Found &found, const QJsonObject &attributes, const QString &text,
        std::function<void(Result<Session>, std::optional<MessageOutcome>)> then);
    static Result<CreateSessionRequest> newSession(
        const LexCallPtr &c, const Found &found, const QJsonObject &attributes, const QString &text);
    static QString callerOf(const LexCallPtr &c, const QJsonObject &attributes);
    static void answered(const LexCallPtr &c, const Utterance &u, const Session &s, const QJsonObject &stored,
        const std::optional<MessageOutcome> &outcome, const Done &done);
    static lexjson::DialogAction actionOf(const Session &s, const MessageOutcome *outcome);
    static QJsonObject attributesOf(
        const LexCallPtr &c, const Session &s, const QJsonObject &stored, const QJsonObject &given);
    static Status keep(const LexCallPtr &c, const Session &s, const Answer &a);
};

} // namespace tierdesk::api
