#pragma once

#include "core/voice/AudioFrame.h"
#include "core/voice/DecoderPool.h"
#include "core/voice/Endpointer.h"
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>

namespace tierdesk::voice {

// One caller turn, as the conversation takes it: what was said (or typed on the keypad), how
// sure the recogniser is, and where it is in the call's audio.
struct CallerTurn {
    QString text; // empty: sound that was not words
    double confidence = 0;
    qint64 startMs = 0;
    qint64 endMs = 0;
    bool digits = false; // heard with the digits grammar, or typed
    bool keypad = false; // typed on the keypad (DTMF)
};

// A call's audio (DESIGN.md, "Calls"; practice 19): the caller's frames in, the caller's turns
// out, the AI's speech out. It knows no transport: a door (the web call's WebSocket, SIP, Lex)
// hands it the caller's audio as 16 kHz s16le and sends on what audio() gives.
//
// Lives on the thread of its door (the engine thread), where the caller's audio is only cut into
// turns (an energy sum per frame); recognition and synthesis run on the call's lane of the
// DecoderPool, in order, and their results come back here as signals. The AI's speech leaves paced: at most leadMs
// ahead of real time, so that when the caller starts speaking (callerStarted) what is still unsent is dropped and the
// AI falls silent at once (barge-in).
class Call : public QObject {
    Q_OBJECT

public:
    struct Options {
        int silencePromptMs = 8000; // voice/silencePromptSeconds: quiet after the AI spoke
        int leadMs = 200; // the AI's audio sent ahead of real time
        int paceMs = 40; // how often the pacing timer sends
        int maxKeypadDigits = 24;
        int maxPendingSpeechMs = 120000; // the AI's speech queued at most (a runaway reply is cut)
        bool waitForPlayOut = true; // spoken() once the audio sent has had the time to play (tests: once sent)
    };

    // The call's work runs on `lane`; a decoder is borrowed from the lane's pool for each turn of the
    // caller's speech (loading one takes a good half second, which no door's thread can spare) and
    // given back when the turn ends; failed() says so when none can be had.
    Call(std::shared_ptr<DecoderPool::Lane> lane, const SpeechRecognizer::Options &recognizer, SpeechSynthesizer voice,
        const Options &options, QObject *parent = nullptr);
    ~Call() override;

    // The caller's audio: 16 kHz mono s16le, any length (a partial frame waits for the rest).
    void hear(const QByteArray &pcm);
    // Keypad digits (DTMF): 0-9 collect, '#' ends the entry (a turn), '*' starts it again.
    void keypad(const QString &keys);
    // The caller's next turn is digits (an order number): the digits grammar hears it.
    void expectDigits();
    // The next key pressed is a turn by itself, no '#' needed ("press 1 to 5").
    void expectOneKey() { m_oneKey = true; }
    // Says `text` (prepared for the ear): synthesised on the lane, then sent paced.
    void say(const QString &text);
    // Drops what the AI has not said yet.
    void stopSpeaking();
    // The AI has speech queued, being made, or not yet played out.
    bool speaking() const { return m_pendingSayings > 0 || !m_out.empty() || m_playing; }
    // The caller's audio heard so far.
    qint64 heardMs() const { return samplesToMs(m_heardSamples); }

signals:
    void callerStarted(); // the caller began to speak (the AI's speech stopped)
    void partial(const QString &words);
    void turn(const tierdesk::voice::CallerTurn &turn);
    void audio(const QByteArray &pcm); // the AI's speech, 16 kHz s16le, paced
    void spoken(); // everything the AI was given to say has been sent and played out
    void silence(int times); // the caller said nothing for silencePromptMs after the AI spoke
    void failed(const QString &why); // the call cannot hear: no decoder could be had for a turn

private:
    struct Ear;
    struct Speech; // a piece of a turn for the recogniser
    struct Heard; // what the recogniser made of it, in order
    void frame(const Pcm &frame, std::vector<Speech> &speech);
    void decode(std::vector<Speech> speech);
    void onHeard(const std::vector<Heard> &heard);
    void onSynthesised(const Pcm &speech, quint64 generation);
    void pace();
    void armSilence(bool armed);
    void endKeypadEntry();

    std::shared_ptr<DecoderPool::Lane> m_lane;
    std::shared_ptr<Ear> m_ear; // touched on the lane only
    Endpointer m_endpointer;
    Pcm m_carry; // the start of a frame still to come
    bool m_silenceArmed = false;
    qint64 m_quietMs = 0;
    int m_silenceTimes = 0;
    SpeechSynthesizer m_voice;
    Options m_options;
    qint64 m_heardSamples = 0;
    // The AI's speech: what waits to be sent, and the clock it is sent by.
    std::deque<Pcm> m_out;
    int m_pendingSayings = 0;
    quint64 m_generation = 0; // stopSpeaking() forgets what is being made
    bool m_playing = false;
    QElapsedTimer m_playClock;
    qint64 m_sentSamples = 0;
    QTimer m_pacer;
    QString m_keys;
    bool m_oneKey = false;
    // The last turn's times from the endpointer's end (debug log tierdesk.calls.timing).
    QElapsedTimer m_turnClock;
    struct TurnTiming {
        qint64 recognisedMs = -1;
        qint64 finishMs = -1;
        qint64 repliedMs = -1;
    } m_timing;
};

} // namespace tierdesk::voice

Q_DECLARE_METATYPE(tierdesk::voice::CallerTurn)
