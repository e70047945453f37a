#include "core/voice/Call.h"

#include "core/voice/Endpointer.h"

#include <QLoggingCategory>
#include <QPointer>

#include <algorithm>
#include <utility>

namespace tierdesk::voice {

// Where an AI turn's time goes (bench/sip_calls.sh, docs/calls.md): QT_LOGGING_RULES="tierdesk.calls.timing=true".
Q_LOGGING_CATEGORY(lcTurnTiming, "tierdesk.calls.timing", QtWarningMsg)

// What the recogniser made of a piece of the caller's speech, in the order it happened.
struct Call::Heard {
    enum Kind { Partial, Ended } kind = Partial;
    QString words; // Partial
    Recognition recognition; // Ended
    qint64 finishMs = 0; // Ended: the wall time the recogniser took to finish the turn
};

// A piece of the caller's turn for the recogniser, as the endpointer cut it.
struct Call::Speech {
    enum Kind { Start, Feed, End } kind = Feed;
    qint64 startMs = 0; // Start: where the turn's first sample is in the call
    Pcm frame; // Feed
};

// The call's ear, used on the call's lane only: a recogniser borrowed from the pool while the caller
// speaks (from a turn's start to its end), none while they are silent.
struct Call::Ear {
    std::weak_ptr<DecoderPool::Lane> lane; // told which language model the decoder shares (setGate)
    std::shared_ptr<RecognizerPool> pool;
    SpeechRecognizer::Options options;
    std::unique_ptr<SpeechRecognizer> recognizer; // during a turn
    bool digitsNext = false; // the next turn is an answer of digits (expectDigits)
    QString failure; // why no recogniser could be had for the turn; the call is told

    ~Ear() { giveBack(); }
    std::vector<Heard> decode(const std::vector<Speech> &speech);
    bool borrow();
    void giveBack()
    {
        if (!recognizer)
            return;
        if (const std::shared_ptr<DecoderPool::Lane> on = lane.lock())
            on->setGate(nullptr);
        pool->give(std::move(recognizer), options, reinterpret_cast<quintptr>(this));
    }
};

bool Call::Ear::borrow()
{
    if (recognizer)
        return true;
    Result<std::unique_ptr<SpeechRecognizer>> lent = pool->take(options, reinterpret_cast<quintptr>(this));
    if (!lent) {
        failure = lent.error().message;
        return false;
    }
    recognizer = std::move(*lent);
    if (const std::shared_ptr<DecoderPool::Lane> on = lane.lock())
        on->setGate(recognizer->languageModelInUse());
    if (std::exchange(digitsNext, false))
        recognizer->expectDigits();
    return true;
}

std::vector<Call::Heard> Call::Ear::decode(const std::vector<Speech> &speech)
{
    std::vector<Heard> out;
    bool partialChanged = false;
    for (const Speech &s : speech) {
        if (s.kind == Speech::Start && borrow()) {
            recognizer->start(s.startMs);
        } else if (s.kind == Speech::Feed && recognizer) {
            partialChanged = recognizer->feed(s.frame) || partialChanged;
        } else if (s.kind == Speech::End && recognizer) {
            QElapsedTimer finishing;
            finishing.start();
            Recognition recognition = recognizer->finish();
            out.push_back({Heard::Ended, {}, std::move(recognition), finishing.elapsed()});
            partialChanged = false;
            giveBack(); // the caller is silent again: the decoder serves another call meanwhile
        }
    }
    if (partialChanged && recognizer)
        out.insert(out.begin(), {Heard::Partial, recognizer->partial(), {}});
    return out;
}

Call::Call(std::shared_ptr<DecoderPool::Lane> lane, const SpeechRecognizer::Options &recognizer,
    SpeechSynthesizer voice, const Options &options, QObject *parent)
    : QObject(parent), m_lane(std::move(lane)), m_ear(std::make_shared<Ear>()), m_voice(voice), m_options(options)
{
    m_ear->lane = m_lane;
    m_ear->pool = m_lane->recognizers();
    m_ear->options = recognizer;
    m_pacer.setInterval(qMax(5, options.paceMs));
    connect(&m_pacer, &QTimer::timeout, this, &Call::pace);
}

Call::~Call() = default; // jobs on the lane hold the ear; what they find gone they drop

void Call::hear(const QByteArray &pcm)
{
    const Pcm samples = pcmFromLittleEndian(pcm);
    m_heardSamples += static_cast<qint64>(samples.size());
    m_carry.insert(m_carry.end(), samples.begin(), samples.end());
    std::vector<Speech> speech;
    size_t at = 0;
    for (; at + kFrameSamples <= m_carry.size(); at += kFrameSamples)
        frame(Pcm(m_carry.begin() + static_cast<std::ptrdiff_t>(at),
                  m_carry.begin() + static_cast<std::ptrdiff_t>(at + kFrameSamples)),
            speech);
    m_carry.erase(m_carry.begin(), m_carry.begin() + static_cast<std::ptrdiff_t>(at));
    if (!speech.empty())
        decode(std::move(speech));
}

// Endpointing is an energy sum per frame, done here as the audio comes: a turn's start stops the
// AI at once, and a turn's end is known when it is posted, so its lane goes ahead of the calls
// whose callers are still speaking.
void Call::frame(const Pcm &f, std::vector<Speech> &speech)
{
    const Endpointer::Event event = m_endpointer.process(f);
    if (event == Endpointer::Event::SpeechStarted) {
        // The turn's first sound, this frame with it: the recogniser's clock starts at the first of them.
        const std::vector<Pcm> before = m_endpointer.preRoll();
        qint64 beforeSamples = 0;
        for (const Pcm &p : before)
            beforeSamples += static_cast<qint64>(p.size());
        speech.push_back({Speech::Start, m_endpointer.positionMs() - samplesToMs(beforeSamples), {}});
        for (const Pcm &p : before)
            speech.push_back({Speech::Feed, 0, p});
        armSilence(false);
        stopSpeaking(); // barge-in
        m_keys.clear();
        emit callerStarted();
        return;
    }
    if (event == Endpointer::Event::SpeechEnded) {
        m_turnClock.start();
        speech.push_back({Speech::End, 0, {}});
        return;
    }
    if (m_endpointer.inSpeech()) {
        speech.push_back({Speech::Feed, 0, f});
        return;
    }
    if (m_silenceArmed && (m_quietMs += kFrameMs) >= qMax(kFrameMs, m_options.silencePromptMs)) {
        m_silenceArmed = false; // armed again when the AI has spoken again
        emit silence(++m_silenceTimes);
    }
}

void Call::decode(std::vector<Speech> speech)
{
    const bool turnEnds
        = std::any_of(speech.begin(), speech.end(), [](const Speech &s) { return s.kind == Speech::End; });
    const QPointer<Call> self(this);
    m_lane->post(
        [ear = m_ear, speech = std::move(speech), self] {
            std::vector<Heard> heard = ear->decode(speech);
            if (!ear->failure.isEmpty()) { // no decoder could be had: the call cannot hear
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, why = std::exchange(ear->failure, {})] {
                        if (self)
                            emit self->failed(why);
                    },
                    Qt::QueuedConnection);
                return;
            }
            if (heard.empty())
                return;
            QMetaObject::invokeMethod(
                self.data(),
                [self, heard = std::move(heard)] {
                    if (self)
                        self->onHeard(heard);
                },
                Qt::QueuedConnection);
        },
        turnEnds ? DecoderPool::Lane::Priority::Urgent : DecoderPool::Lane::Priority::Normal);
}

void Call::onHeard(const std::vector<Heard> &heard)
{
    for (const Heard &h : heard) {
        if (h.kind == Heard::Partial)
            emit partial(h.words);
        else {
            if (m_turnClock.isValid())
                m_timing = {m_turnClock.elapsed(), h.finishMs, -1};
            emit turn(CallerTurn{h.recognition.text, h.recognition.confidence, h.recognition.startMs,
                h.recognition.endMs, h.recognition.digits, false});
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
            if (m_oneKey) {
                m_oneKey = false;
                endKeypadEntry();
            }
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
    m_lane->post([ear = m_ear] { ear->digitsNext = true; });
}

void Call::say(const QString &text)
{
    if (text.trimmed().isEmpty())
        return;
    ++m_pendingSayings;
    armSilence(false);
    if (m_turnClock.isValid() && m_timing.repliedMs < 0)
        m_timing.repliedMs = m_turnClock.elapsed();
    const QPointer<Call> self(this);
    m_lane->post(
        [voice = m_voice, text, self, generation = m_generation] {
            Pcm speech = voice.synthesize(text);
            QMetaObject::invokeMethod(
                self.data(),
                [self, speech = std::move(speech), generation] {
                    if (self)
                        self->onSynthesised(speech, generation);
                },
                Qt::QueuedConnection);
        },
        DecoderPool::Lane::Priority::Urgent); // the caller waits for it
}

void Call::onSynthesised(const Pcm &speech, quint64 generation)
{
    if (generation != m_generation) // interrupted while it was being made (and no longer counted)
        return;
    m_pendingSayings = qMax(0, m_pendingSayings - 1);
    if (m_turnClock.isValid() && m_timing.repliedMs >= 0) {
        qCDebug(lcTurnTiming).nospace() << "AI turn: recognised at " << m_timing.recognisedMs << " ms (finishing "
                                        << m_timing.finishMs << " ms), replied at " << m_timing.repliedMs
                                        << " ms, spoken at " << m_turnClock.elapsed() << " ms";
        m_turnClock.invalidate();
    }
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
    m_silenceArmed = armed;
    m_quietMs = 0;
}

} // namespace tierdesk::voice
