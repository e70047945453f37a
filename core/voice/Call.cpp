#include "core/voice/Call.h"

#include "core/voice/Endpointer.h"

#include <QPointer>

namespace tierdesk::voice {

// What one piece of the caller's audio came to, in the order it happened.
struct Call::Heard {
    enum Kind { Started, Partial, Ended, Silence } kind = Started;
    QString words; // Partial
    Recognition recognition; // Ended
    int times = 0; // Silence
};

// The call's ear: endpointing and recognition, on the call's lane only.
struct Call::Ear {
    std::unique_ptr<SpeechRecognizer> recognizer;
    Endpointer endpointer;
    Pcm carry; // the start of a frame still to come
    bool silenceArmed = false;
    qint64 quietMs = 0;
    int silenceTimes = 0;
    int silencePromptMs = 0;

    std::vector<Heard> hear(const Pcm &pcm);
    void frame(const Pcm &f, std::vector<Heard> &out);
};

std::vector<Call::Heard> Call::Ear::hear(const Pcm &pcm)
{
    std::vector<Heard> out;
    if (!recognizer) // it could not be made: the call was told (failed)
        return out;
    carry.insert(carry.end(), pcm.begin(), pcm.end());
    size_t at = 0;
    for (; at + kFrameSamples <= carry.size(); at += kFrameSamples)
        frame(Pcm(carry.begin() + static_cast<std::ptrdiff_t>(at),
                  carry.begin() + static_cast<std::ptrdiff_t>(at + kFrameSamples)),
            out);
    carry.erase(carry.begin(), carry.begin() + static_cast<std::ptrdiff_t>(at));
    return out;
}

void Call::Ear::frame(const Pcm &f, std::vector<Heard> &out)
{
    const Endpointer::Event event = endpointer.process(f);
    if (event == Endpointer::Event::SpeechStarted) {
        silenceArmed = false;
        // The turn's first sound, this frame with it: the recogniser's clock starts at the first of them.
        const std::vector<Pcm> before = endpointer.preRoll();
        qint64 beforeSamples = 0;
        for (const Pcm &p : before)
            beforeSamples += static_cast<qint64>(p.size());
        recognizer->start(endpointer.positionMs() - samplesToMs(beforeSamples));
        for (const Pcm &p : before)
            recognizer->feed(p);
        out.push_back({Heard::Started, {}, {}, 0});
        return;
    }
    if (event == Endpointer::Event::SpeechEnded) {
        out.push_back({Heard::Ended, {}, recognizer->finish(), 0});
        return;
    }
    if (endpointer.inSpeech()) {
        if (recognizer->feed(f))
            out.push_back({Heard::Partial, recognizer->partial(), {}, 0});
        return;
    }
    if (silenceArmed && (quietMs += kFrameMs) >= silencePromptMs) {
        silenceArmed = false; // armed again when the AI has spoken again
        out.push_back({Heard::Silence, {}, {}, ++silenceTimes});
    }
}

Call::Call(std::shared_ptr<DecoderPool::Lane> lane, const SpeechRecognizer::Options &recognizer,
    SpeechSynthesizer voice, const Options &options, QObject *parent)
    : QObject(parent), m_lane(std::move(lane)), m_ear(std::make_shared<Ear>()), m_voice(voice), m_options(options)
{
    m_ear->silencePromptMs = qMax(kFrameMs, options.silencePromptMs);
    m_pacer.setInterval(qMax(5, options.paceMs));
    connect(&m_pacer, &QTimer::timeout, this, &Call::pace);
    const QPointer<Call> self(this);
    m_lane->post([ear = m_ear, recognizer, self] {
        Result<std::unique_ptr<SpeechRecognizer>> made = SpeechRecognizer::create(recognizer);
        if (made) {
            ear->recognizer = std::move(*made);
            return;
        }
        QMetaObject::invokeMethod(
            self.data(),
            [self, why = made.error().message] {
                if (self)
                    emit self->failed(why);
            },
            Qt::QueuedConnection);
    });
}

Call::~Call() = default; // jobs on the lane hold the ear; what they find gone they drop

void Call::hear(const QByteArray &pcm)
{
    Pcm samples = pcmFromLittleEndian(pcm);
    m_heardSamples += static_cast<qint64>(samples.size());
    const QPointer<Call> self(this);
    m_lane->post([ear = m_ear, samples = std::move(samples), self] {
        std::vector<Heard> heard = ear->hear(samples);
        if (heard.empty())
            return;
        QMetaObject::invokeMethod(
            self.data(),
            [self, heard = std::move(heard)] {
                if (self)
                    self->onHeard(heard);
            },
            Qt::QueuedConnection);
    });
}

void Call::onHeard(const std::vector<Heard> &heard)
{
    for (const Heard &h : heard) {
        switch (h.kind) {
        case Heard::Started:
            stopSpeaking(); // barge-in
            m_keys.clear();
            emit callerStarted();
            break;
        case Heard::Partial:
            emit partial(h.words);
            break;
        case Heard::Ended:
            emit turn(CallerTurn{h.recognition.text, h.recognition.confidence, h.recognition.startMs,
                h.recognition.endMs, h.recognition.digits, false});
            break;
        case Heard::Silence:
            emit silence(h.times);
            break;
        }
    }
}

void Call::keypad(const QString &keys)
{
    for (const QChar key : keys) {
        if (key == QLatin1Char('*')) {
            m_keys.clear();
        } else if (key == QLatin1Char('#')) {
            endKeypadEntry();
        } else if (key.isDigit() && m_keys.size() < m_options.maxKeypadDigits) {
            if (m_keys.isEmpty()) { // a key pressed is the caller speaking up
                stopSpeaking();
                armSilence(false);
            }
            m_keys += key;
        }
    }
}

void Call::endKeypadEntry()
{
    if (m_keys.isEmpty())
        return;
    const qint64 at = heardMs();
    const QString typed = m_keys;
    m_keys.clear();
    emit turn(CallerTurn{typed, 1.0, at, at, true, true});
}

void Call::expectDigits()
{
    m_lane->post([ear = m_ear] {
        if (ear->recognizer)
            ear->recognizer->expectDigits();
    });
}

void Call::say(const QString &text)
{
    if (text.trimmed().isEmpty())
        return;
    ++m_pendingSayings;
    armSilence(false);
    const QPointer<Call> self(this);
    m_lane->post([voice = m_voice, text, self, generation = m_generation] {
        Pcm speech = voice.synthesize(text);
        QMetaObject::invokeMethod(
            self.data(),
            [self, speech = std::move(speech), generation] {
                if (self)
                    self->onSynthesised(speech, generation);
            },
            Qt::QueuedConnection);
    });
}

void Call::onSynthesised(const Pcm &speech, quint64 generation)
{
    if (generation != m_generation) // interrupted while it was being made (and no longer counted)
        return;
    m_pendingSayings = qMax(0, m_pendingSayings - 1);
    qint64 queued = 0;
    for (const Pcm &p : m_out)
        queued += static_cast<qint64>(p.size());
    if (samplesToMs(queued) < m_options.maxPendingSpeechMs)
        for (Pcm &piece : splitFrames(speech))
            m_out.push_back(std::move(piece));
    if (!m_playing && !m_out.empty()) {
        m_playing = true;
        m_sentSamples = 0;
        m_playClock.start();
        m_pacer.start();
    }
    pace();
}

void Call::pace()
{
    if (!m_playing)
        return;
    const qint64 due = msToSamples(m_playClock.elapsed() + m_options.leadMs);
    QByteArray chunk;
    while (!m_out.empty() && m_sentSamples + static_cast<qint64>(m_out.front().size()) <= due) {
        m_sentSamples += static_cast<qint64>(m_out.front().size());
        chunk += pcmToLittleEndian(m_out.front());
        m_out.pop_front();
    }
    if (!chunk.isEmpty())
        emit audio(chunk);
    // Done once everything was sent and has had the time to play out.
    const bool playedOut = !m_options.waitForPlayOut || m_playClock.elapsed() >= samplesToMs(m_sentSamples);
    if (m_out.empty() && m_pendingSayings == 0 && playedOut) {
        m_playing = false;
        m_pacer.stop();
        armSilence(true);
        emit spoken();
    }
}

void Call::stopSpeaking()
{
    ++m_generation;
    m_pendingSayings = 0;
    m_out.clear();
    if (m_playing) {
        m_playing = false;
        m_pacer.stop();
    }
}

void Call::armSilence(bool armed)
{
    m_lane->post([ear = m_ear, armed] {
        ear->silenceArmed = armed;
        ear->quietMs = 0;
    });
}

} // namespace tierdesk::voice
