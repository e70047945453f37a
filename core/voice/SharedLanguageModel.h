#pragma once

#include <QByteArray>

#include <memory>
#include <mutex>

struct ngram_model_s;
struct ps_decoder_s;

namespace tierdesk::voice {

// A language model loaded once and used by a few decoders (SpeechRecognizer): it is most of a
// decoder's memory (27 of its 48 MB) and of its load time. sphinxbase's n-gram trie keeps its last
// lookup's history and back-off weights inside the model (lm_trie.c's hist_cache and
// backoff_cache), and counts its users without a lock, so decoders sharing one must not use it at
// the same moment: each holds inUse() while it decodes, loads or is freed. A copy serves at most
// kDecodersPerCopy decoders, and a pool thread that finds a call's copy in use runs another call
// meanwhile (DecoderPool::Lane::setGate), so sharing costs the calls little time. A copy is freed
// with its last decoder. Any thread may call forDecoder().
class SharedLanguageModel {
public:
    static constexpr int kDecodersPerCopy = 4;

    // A loaded copy of the model at `path` with room for one more decoder, else a new copy read
    // with `decoder`'s configuration (its language weight) and log tables. Null when it cannot be read.
    static std::shared_ptr<SharedLanguageModel> forDecoder(const QByteArray &path, ps_decoder_s *decoder);
    // Copies of the model at `path` loaded now (what the sharing saves is measured with it).
    static int copies(const QByteArray &path);

    ~SharedLanguageModel();
    SharedLanguageModel(const SharedLanguageModel &) = delete;
    SharedLanguageModel &operator=(const SharedLanguageModel &) = delete;

    ngram_model_s *model() const { return m_model; }
    // Recursive: a call's lane holds it around a job (DecoderPool::Lane::setGate) whose decoder takes it again.
    std::recursive_mutex &inUse() { return m_inUse; }

private:
    explicit SharedLanguageModel(ngram_model_s *model) : m_model(model) { }

    ngram_model_s *m_model;
    std::recursive_mutex m_inUse;
};

} // namespace tierdesk::voice
