#pragma once

#include "core/common/Result.h"
#include "core/voice/AudioFrame.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <mutex>
#include <vector>

struct ps_decoder_s;

namespace tierdesk::voice {

class SharedLanguageModel;

// What a caller said in one turn.
struct Recognition {
    QString text; // the words, lower case, fillers dropped, profanity masked; empty when none
    QStringList words;
    double confidence = 0; // 0..1, how sure the decoder is (SpeechRecognizer.cpp says how it is derived)
    qint64 startMs = 0; // where the words start and end in the call's audio
    qint64 endMs = 0;
    bool digits = false; // decoded with the digits grammar
};

// Speech in: one PocketSphinx decoder for one call, fed 16 kHz frames as they arrive. One turn is
// start(), feed() for each frame, finish(). Not thread-safe: a call's decoder is used by one thread
// at a time (DecoderPool's lanes see to it), never by the engine thread.
//
// The decoder uses PocketSphinx's US English acoustic model, its default trigram language model and
// the CMU dictionary's pronunciations of the words listened for (SpeechVocabulary). For an answer that is digits (an
// order number), expectDigits() switches to a JSGF grammar for that one turn: digit words, "oh", and an optional
// "order" / "number" in front.
class SpeechRecognizer {
public:
    struct Options {
        QString modelDir; // the folder holding en-us/, en-us.lm.bin and cmudict-en-us.dict; empty: the packaged one
        bool maskProfanity = true;
        // The language model's most likely words listened for (SpeechVocabulary); 0: all of them.
        int vocabularySize = 20000;
        QStringList extraWords; // listened for too, when the model knows them (lower case)
        // PocketSphinx's second, flat-lexicon pass over a turn when it ends (its default; off here: see
        // create()). On only to measure what it costs (bench/vocabulary_bench.cpp).
        bool flatPass = false;
    };

    // Fails (Unavailable) when the model cannot be loaded.
    static Result<std::unique_ptr<SpeechRecognizer>> create(const Options &options);
    static Result<std::unique_ptr<SpeechRecognizer>> create() { return create(Options{}); }
    ~SpeechRecognizer();
    SpeechRecognizer(const SpeechRecognizer &) = delete;
    SpeechRecognizer &operator=(const SpeechRecognizer &) = delete;

    // The next turn is decoded with the digits grammar; finish() returns to the language model.
    void expectDigits();
    // The next turn starts from the model's own cepstral mean, as a new decoder's first does, not
    // from the voice heard so far: for one-off utterances of different callers (Lex's), whose
    // words must not depend on who spoke to the decoder before. A call's decoder keeps adapting.
    void forgetVoice();
    // A turn begins. callMs: where its first fed sample is in the call's audio.
    void start(qint64 callMs = 0);
    // Decodes a frame (any length, usually kFrameSamples). True when the partial words changed.
    bool feed(const Pcm &frame);
    bool feed(const int16_t *samples, size_t count);
    // The words so far in this turn (masked like the final ones).
    QString partial() const { return m_partial; }
    // The turn's words; an empty Recognition when none was started.
    Recognition finish();
    bool inTurn() const { return m_inTurn; }
    // The lock this decoder takes while it decodes: its language model is shared with a few others
    // (SharedLanguageModel); a lane running its jobs may hold it around them (DecoderPool::Lane::setGate).
    std::shared_ptr<std::recursive_mutex> languageModelInUse() const;

    static QString defaultModelDir();
    static QString digitsGrammar();

private:
    SpeechRecognizer() = default;
    QString hypothesis() const; // with the language model in use
    Recognition collect(bool digits) const; // the same

    ps_decoder_s *m_decoder = nullptr;
    std::shared_ptr<SharedLanguageModel> m_languageModel; // held while the decoder decodes
    Options m_options;
    std::vector<float> m_initialMean; // the cepstral mean (CMN) the model starts a decoder with
    QByteArray m_lmSearch; // the language model's search, the decoder's first
    bool m_inTurn = false;
    bool m_digitsNext = false;
    bool m_digitsNow = false;
    qint64 m_turnStartMs = 0;
    size_t m_turnSamples = 0;
    QString m_partial;
};

} // namespace tierdesk::voice
