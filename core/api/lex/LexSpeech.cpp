#include "core/api/lex/LexSpeech.h"

#include "core/voice/EarText.h"

namespace tierdesk::api {
namespace {

constexpr size_t kFeedSamples = 4096;

} // namespace

LexSpeech::LexSpeech(const Options &options)
    : m_options(options), m_synthesizer(options.voice), m_pool(options.maxConcurrent, options.maxInFlight)
{
}

LexSpeech::~LexSpeech()
{
    m_pool.waitForDone();
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
    auto created = voice::SpeechRecognizer::create();
    if (!created) {
        *error = created.error().message;
        return nullptr;
    }
    return std::move(created.value());
}

void LexSpeech::giveBack(std::unique_ptr<voice::SpeechRecognizer> recognizer)
{
    const std::lock_guard<std::mutex> guard(m_mutex);
    if (int(m_idle.size()) < m_options.maxConcurrent)
        m_idle.push_back(std::move(recognizer));
}

bool LexSpeech::recognize(voice::Pcm audio, bool digits, QObject *context, Heard done)
{
    const auto lane = m_pool.openLane();
    if (!lane)
        return false;
    lane->post([this, audio = std::move(audio), digits, context, done] {
        QString error;
        auto recognizer = takeRecognizer(&error);
        Result<voice::Recognition> heard
            = makeError(ErrorKind::Unavailable, QStringLiteral("speech recognition is not available: ") + error);
        if (recognizer) {
            if (digits)
                recognizer->expectDigits();
            recognizer->start(0);
            for (size_t at = 0; at < audio.size(); at += kFeedSamples)
                recognizer->feed(audio.data() + at, std::min(kFeedSamples, audio.size() - at));
            heard = recognizer->finish();
            giveBack(std::move(recognizer));
        }
        QMetaObject::invokeMethod(
            context, [done, heard] { done(heard); }, Qt::QueuedConnection);
    });
    return true;
}

bool LexSpeech::speak(const QString &text, Language language, QObject *context, Spoken done)
{
    const auto lane = m_pool.openLane();
    if (!lane)
        return false;
    lane->post([this, text, language, context, done] {
        const QByteArray pcm
            = voice::pcmToLittleEndian(m_synthesizer.synthesize(voice::EarText::prepare(text, language)));
        QMetaObject::invokeMethod(
            context, [done, pcm] { done(pcm); }, Qt::QueuedConnection);
    });
    return true;
}

} // namespace tierdesk::api
