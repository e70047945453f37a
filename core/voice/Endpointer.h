#pragma once

#include "core/voice/AudioFrame.h"

#include <deque>

namespace tierdesk::voice {

// Voice activity on a caller's audio: when a turn starts (the AI's speech stops then: barge-in)
// and when it ends (the caller has been silent for endSilenceMs). Frame by frame, no thread and no
// timer: the call's own audio is its clock.
//
// PocketSphinx 5prealpha (Debian 12) has no ps_endpointer_t, so this is an energy detector: a frame
// is voiced when its level is well above the line's noise floor, which it learns from the quiet
// frames. A turn starts after startMs of mostly voiced frames and ends after endSilenceMs of
// unvoiced ones (the hangover keeps the pauses inside a sentence within it). It listens to the
// caller's side only; an echo of the AI's own voice must be cancelled before it (by the phone or the
// browser), or the AI would interrupt itself.
class Endpointer {
public:
    struct Options {
        int startMs = 60; // voiced audio needed to start a turn
        int endSilenceMs = 500; // silence that ends it
        int preRollMs = 200; // audio kept from before the start, for the recogniser
        double marginDb = 12.0; // how far above the noise floor voiced is
        double minimumDb = -50.0; // nothing quieter is speech, however quiet the line
    };
    enum class Event { None, SpeechStarted, SpeechEnded };

    Endpointer() : Endpointer(Options{}) { }
    explicit Endpointer(const Options &options);

    // One frame of kFrameSamples samples (other lengths are taken as they are).
    Event process(const Pcm &frame);
    bool inSpeech() const { return m_inSpeech; }
    // Where the current or last turn started and ended in the call (first and past-the-last voiced
    // audio), and how much audio has been processed.
    qint64 speechStartMs() const { return m_startMs; }
    qint64 speechEndMs() const { return m_endMs; }
    qint64 positionMs() const { return samplesToMs(m_samples); }
    // On SpeechStarted: the frames from preRollMs before the turn's start up to and with this one,
    // to feed the recogniser first, so the turn's first sound is not lost.
    std::vector<Pcm> preRoll() const { return {m_recent.begin(), m_recent.end()}; }
    double noiseFloorDb() const { return m_noiseDb; }

private:
    bool voiced(double levelDb);
    Event startOrWait(bool isVoiced, qint64 frameStart);
    Event endOrWait(bool isVoiced, qint64 frameStart, qint64 frameEnd);

    Options m_options;
    qint64 m_samples = 0;
    bool m_inSpeech = false;
    double m_noiseDb = -70.0;
    std::deque<bool> m_window; // the last startMs of frames: voiced or not
    std::deque<qint64> m_windowStarts;
    std::deque<Pcm> m_recent; // pre-roll
    int m_silentMs = 0;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
    qint64 m_lastVoicedEndMs = 0;
};

} // namespace tierdesk::voice
