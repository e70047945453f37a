#pragma once

// A caller's side of a call for tests: Flite's `rms` voice says the words (never a recording, never
// a stub), and silence fills the pauses, both as the 16 kHz s16le bytes a door hands a Call.
#include "core/voice/SpeechSynthesizer.h"

namespace tierdesk::test {

inline QByteArray spoken(const QString &text)
{
    static const voice::SpeechSynthesizer caller(voice::SpeechSynthesizer::Voice::Rms);
    return voice::pcmToLittleEndian(caller.synthesize(text));
}

inline QByteArray quiet(qint64 ms)
{
    return voice::pcmToLittleEndian(voice::silence(ms));
}

} // namespace tierdesk::test
