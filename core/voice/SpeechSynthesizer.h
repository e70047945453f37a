#pragma once

#include "core/voice/AudioFrame.h"

#include <QString>

#include <optional>

struct cst_voice_struct;

namespace tierdesk::voice {

// Speech out: Flite with one of its 16 kHz US English voices, "slt" (a woman's) or "rms" (a
// man's); a company setting chooses. Text goes through EarText before it comes here.
//
// Flite is not thread-safe where it keeps process-wide state: registering a voice (and the lexicon
// and language setup it triggers) and synthesis itself (its error jump buffer and the voices' shared
// feature tables are globals). So each voice is registered once for the process, never freed, and
// synthesis is serialised by one lock: a sentence takes tens of milliseconds, so one synthesis at a
// time is still dozens of sentences a second for all calls together.
class SpeechSynthesizer {
public:
    enum class Voice { Slt, Rms };

    explicit SpeechSynthesizer(Voice voice = Voice::Slt);

    static std::optional<Voice> voiceNamed(const QString &name); // "slt", "rms"
    static QString voiceName(Voice voice);
    Voice voice() const { return m_voice; }

    // The text spoken, as 16 kHz mono samples (empty for empty text). Safe from any thread.
    Pcm synthesize(const QString &text) const;

private:
    static cst_voice_struct *registered(Voice voice);

    Voice m_voice;
};

} // namespace tierdesk::voice
