#include "core/api/lex/LexSpeech.h"

#include "core/voice/EarText.h"

namespace tierdesk::api {
namespace {

constexpr size_t kFeedSamples = 4096;

} // namespace

LexSpeech::LexSpeech(const Options &options) : m_options(options), m_pool(options.pool)
{
    if (!m_pool) {
        m_ownPool = std::make_unique<voice::DecoderPool>(options.maxConcurrent, options.maxInFlight);
        m_pool = m_ownPool.get();
    }
}

LexSpeech::~LexSpeech()
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_allDone.wait(lock, [this] { return m_inFlight == 0; });
}

bool LexSpeech::post(std::function<void()> job)
{
    {
        const std::lock_guard<std::mutex> guard(m_mutex);
        if (m_inFlight >= m_options.maxInFlight)
            return false;
        ++m_inFlight;
    }
    const auto lane = m_pool->openLane();
    if (!lane) {
        const std::lock_guard<std::mutex> guard(m_mutex);
        --m_inFlight;
        return false;
    }
    lane->post([this, job = std::move(job)] {
        job();
        const std::lock_guard<std::mutex> guard(m_mutex);
        if (--m_inFlight == 0)
            m_allDone.notify_all();
    });
    return true;
}

std::unique_ptr<voice::SpeechRecognizer> LexSpeech::takeRecognizer(QString *error)
{
    {
        const std::lock_guard<std::mutex> guard(m_mutex);
        if (!m_idle.empty()) {
            auto r = std::move(m_idle.back());
            m_idle.pop_back();
            return r;
        }
    }
    auto created = voice::SpeechRecognizer::create(m_options.recognizer);
    if (!created) {
        *error = created.error().message;
        return nullptr;
    }
    return std::move(created.value());
}

void LexSpeech::giveBack(std::unique_ptr<voice::SpeechRecognizer> recognizer)
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    if (int(m_idle.size()) < m_pool->maxConcurrent())
        m_idle.push_back(std::move(recognizer));
}

bool LexSpeech::recognize(voice::Pcm audio, bool digits, QObject *context, Heard done)
{
    return post([this, audio = std::move(audio), digits, context, done] {
        QString error;
        auto recognizer = takeRecognizer(&error);
        Result<voice::Recognition> heard
            = makeError(ErrorKind::Unavailable, QStringLiteral("speech recognition is not available: ") + error);
        if (recognizer) {
            if (digits)
                recognizer->expectDigits();
            recognizer->forgetVoice(); // the last utterance may have been another caller's
            recognizer->start(0);
            for (size_t at = 0; at < audio.size(); at += kFeedSamples)
                recognizer->feed(audio.data() + at, std::min(kFeedSamples, audio.size() - at));
            heard = recognizer->finish();
            giveBack(std::move(recognizer));
        }
        QMetaObject::invokeMethod(
            context, [done, heard] { done(heard); }, Qt::QueuedConnection);
    });
}

bool LexSpeech::speak(
    const QString &text, Language language, voice::SpeechSynthesizer::Voice voice, QObject *context, Spoken done)
{
    return post([text, language, voice, context, done] {
        const QByteArray pcm = voice::pcmToLittleEndian(
            voice::SpeechSynthesizer(voice).synthesize(voice::EarText::prepare(text, language)));
        QMetaObject::invokeMethod(
            context, [done, pcm] { done(pcm); }, Qt::QueuedConnection);
    });
}

} // namespace tierdesk::api
