#pragma once

#include "core/voice/Call.h"

#include <QObject>
#include <QStringList>
#include <QTimer>

namespace tierdesk {
class SessionEngine;
}

namespace tierdesk::voice {

class LiveCall;

// A message left by a caller nobody could take (docs/calls.md, "Taking calls"): offered, then the
// caller's words as the recogniser hears them until a pause, kept as one customer message of the
// conversation, which waits in its queue; the session's metadata.voicemail holds the number to call
// back (the caller's, when the door knows it). Then goodbye, and the call ends ("message"). A caller
// who hangs up while speaking leaves what was said so far.
class CallMessage : public QObject {
    Q_OBJECT

public:
    static constexpr int kPauseMs = 3000; // quiet after words: the message is over
    static constexpr int kNothingSaidMs = 15000; // no word after the offer: goodbye
    static constexpr int kMaxMessageMs = 120000; // the longest message
    static constexpr int kMaxChars = 4000; // a customer message's limit

    CallMessage(SessionEngine &engine, LiveCall &call, bool closed, QObject *parent = nullptr);

private:
    enum class Phase { Offering, Listening, Closing };
    void listen();
    void onTurn(const CallerTurn &turn);
    void finish();
    void save();

    SessionEngine &m_engine;
    LiveCall &m_call;
    Phase m_phase = Phase::Offering;
    QStringList m_words;
    CallerTurn m_first;
    double m_confidence = 1;
    bool m_saved = false;
    QTimer m_quiet;
    QTimer m_longest;
};

} // namespace tierdesk::voice
