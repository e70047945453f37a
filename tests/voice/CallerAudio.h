#pragma once

// A caller's side of a call for tests: Flite's `rms` voice says the words (never a recording, never
// a stub), and silence fills the pauses, both as the 16 kHz s16le bytes a door hands a Call; and
// what PocketSphinx hears in the audio that comes back.
#include "core/voice/SpeechRecognizer.h"
#include "core/voice/SpeechSynthesizer.h"

#include <initializer_list>

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

inline voice::Pcm join(std::initializer_list<voice::Pcm> parts)
{
    voice::Pcm all;
    for (const voice::Pcm &p : parts)
        all.insert(all.end(), p.begin(), p.end());
    return all;
}

// What PocketSphinx hears in 16 kHz audio (a fresh decoder, one turn).
inline QString recognised(const voice::Pcm &pcm)
{
    auto ear = voice::SpeechRecognizer::create();
    if (!ear)
        return {};
    (*ear)->start();
    (*ear)->feed(pcm);
    return (*ear)->finish().text;
}

inline QString recognised(const QByteArray &pcm16le)
{
    return recognised(voice::pcmFromLittleEndian(pcm16le));
}

} // namespace tierdesk::test
