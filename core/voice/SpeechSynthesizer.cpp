#include "core/voice/SpeechSynthesizer.h"

#include "core/voice/Resampler.h"

#include <flite/flite.h>

#include <mutex>

extern "C" {
cst_voice *register_cmu_us_slt(const char *voxdir);
cst_voice *register_cmu_us_rms(const char *voxdir);
}

namespace tierdesk::voice {

namespace {

std::mutex &fliteLock()
{
    static std::mutex lock;
    return lock;
}

} // namespace

SpeechSynthesizer::SpeechSynthesizer(Voice voice) : m_voice(voice) { }

std::optional<SpeechSynthesizer::Voice> SpeechSynthesizer::voiceNamed(const QString &name)
{
    if (name == u"slt")
        return Voice::Slt;
    if (name == u"rms")
        return Voice::Rms;
    return std::nullopt;
}

QString SpeechSynthesizer::voiceName(Voice voice)
{
    return voice == Voice::Rms ? QStringLiteral("rms") : QStringLiteral("slt");
}

// Called with fliteLock() held: flite_init and the registration functions touch Flite's globals.
// The voices live as long as the process (Flite's own programs never unregister them either).
cst_voice *SpeechSynthesizer::registered(Voice voice)
{
    static bool initialised = false;
    static cst_voice *slt = nullptr;
    static cst_voice *rms = nullptr;
    if (!initialised) {
        flite_init();
        initialised = true;
    }
    cst_voice *&slot = voice == Voice::Rms ? rms : slt;
    if (!slot)
        slot = voice == Voice::Rms ? register_cmu_us_rms(nullptr) : register_cmu_us_slt(nullptr);
    return slot;
}

Pcm SpeechSynthesizer::synthesize(const QString &text) const
{
    const QByteArray utf8 = text.simplified().toUtf8();
    if (utf8.isEmpty())
        return {};
    Pcm pcm;
    int rate = kSampleRate;
    {
        const std::lock_guard<std::mutex> guard(fliteLock());
        cst_wave *wave = flite_text_to_wave(utf8.constData(), registered(m_voice));
        if (!wave)
            return {};
        pcm.assign(wave->samples, wave->samples + wave->num_samples);
        rate = wave->sample_rate;
        delete_wave(wave);
    }
    // Both voices are 16 kHz; a voice at another rate is converted rather than played too fast.
    if (rate != kSampleRate) {
        Resampler resampler(rate, kSampleRate);
        pcm = resampler.process(pcm);
    }
    return pcm;
}

} // namespace tierdesk::voice
