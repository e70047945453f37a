#pragma once

#include "core/api/lex/LexCall.h"
#include "core/api/lex/LexConversation.h"

namespace tierdesk::api {

// RecognizeUtterance: POST .../sessions/{sessionId}/utterance. The body is the caller's audio
// (audio/l16; rate=16000; channels=1: 16 kHz 16-bit little-endian mono PCM, at most kMaxAudioBytes)
// or text (text/plain; charset=utf-8); the session state and request attributes come in
// x-amz-lex-session-state and x-amz-lex-request-attributes (base64 of JSON, gzip or not). Audio is
// recognised off the engine thread (the digits grammar when the last answer asked for the order
// number), the words go to the engine as a chat message does, and the answer is Lex's headers
// (gzip then base64) with the reply spoken as 16 kHz PCM when Response-Content-Type is audio/pcm.
class LexUtteranceController {
public:
    static constexpr qint64 kMaxAudioBytes = 10LL * 1024 * 1024; // about 5.5 minutes at 16 kHz

    static void recognize(const LexCallPtr &c);

private:
    struct Request {
        bool audio = false;
        bool speakReply = false;
        QJsonObject sessionState;
        QJsonObject requestAttributes;
        bool echoAttributes = false;
    };
    static std::optional<Request> read(const LexCallPtr &c);
    static void heard(const LexCallPtr &c, const Request &r, LexConversation::Utterance u);
    static void answer(
        const LexCallPtr &c, const Request &r, const QString &transcript, const LexConversation::Answer &a);
    static void send(const LexCallPtr &c, const Request &r, const QString &transcript, const LexConversation::Answer &a,
        const QByteArray &audio);
};

} // namespace tierdesk::api
