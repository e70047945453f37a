#include "core/voice/SpeechRecognizer.h"

#include "core/voice/ProfanityFilter.h"
#include "core/voice/SharedLanguageModel.h"
#include "core/voice/SpeechVocabulary.h"
#include "core/voice/SphinxLog.h"

#include <pocketsphinx.h>
#include <sphinxbase/feat.h>

#include <QDir>
#include <QFileInfo>

#include <cmath>

namespace tierdesk::voice {

namespace {

const char kDigitsSearch[] = "digits";
const char kLanguageModelSearch[] = "words";

// Words the decoder adds that nobody said: sentence marks, silence, noise, and the grammar's empty
// transitions ("(NULL)").
bool isFiller(const char *word)
{
    return word[0] == '<' || word[0] == '[' || word[0] == '+' || word[0] == '(';
}

// "to(2)" is the dictionary's second pronunciation of "to": the word is what is before "(".
QString plainWord(const char *word)
{
    QString w = QString::fromUtf8(word);
    const qsizetype paren = w.indexOf(u'(');
    return paren > 0 ? w.left(paren) : w;
}

// Below this acoustic score per frame, a word of the grammar is not what was said (see below).
constexpr double kForcedWordScore = -40.0;

// How sure a turn decoded with the digits grammar is. The grammar's lattice has one path, so its
// posterior is always 1 and says nothing; what does is how well the audio fits the words found:
// the acoustic score per frame of the words (sphinxbase's log base 1.0001, scaled down by 2^10).
// Measured on Flite's voices: digits said as digits score -12 to -19 a frame, other speech forced
// into digits -32 to -37. A logistic curve centred between the two gives 0.95+ and 0.05-.
double digitsConfidence(double acousticScorePerFrame)
{
    constexpr double centre = -25.0;
    constexpr double width = 2.5;
    return 1.0 / (1.0 + std::exp((centre - acousticScorePerFrame) / width));
}

} // namespace

QString SpeechRecognizer::defaultModelDir()
{
    return QStringLiteral(TIERDESK_POCKETSPHINX_MODEL_DIR);
}

QString SpeechRecognizer::digitsGrammar()
{
    return QStringLiteral("#JSGF V1.0;\n"
                          "grammar digits;\n"
                          "public <answer> = [<cue>] <digit>+;\n"
                          "<cue> = order [number] | number;\n"
                          "<digit> = zero | oh | one | two | three | four | five | six | seven | eight | nine;\n");
}

Result<std::unique_ptr<SpeechRecognizer>> SpeechRecognizer::create(const Options &options)
{
    silenceSphinxLog();
    const QDir dir(options.modelDir.isEmpty() ? defaultModelDir() : options.modelDir);
    const QByteArray hmm = QFile::encodeName(dir.filePath(QStringLiteral("en-us")));
    const QByteArray lm = QFile::encodeName(dir.filePath(QStringLiteral("en-us.lm.bin")));
    const QByteArray modelDict = QFile::encodeName(dir.filePath(QStringLiteral("cmudict-en-us.dict")));
    for (const QByteArray &path : {hmm, lm, modelDict}) {
        if (!QFileInfo::exists(QFile::decodeName(path)))
            return makeError(ErrorKind::Unavailable,
                QStringLiteral("speech recognition model missing: %1 (Debian package pocketsphinx-en-us)")
                    .arg(QFile::decodeName(path)));
    }
    const Result<QString> vocabulary
        = SpeechVocabulary::dictionary(dir.path(), options.vocabularySize, options.extraWords);
    if (!vocabulary)
        return vocabulary.error();
    const QByteArray dict = QFile::encodeName(*vocabulary);
    // -remove_silence no: every 10 ms of audio is one decoder frame, so word times are audio times
    // (the front end's own silence removal would drop frames). The Endpointer decides what is silence.
    // -fwdflat no: the second, flat-lexicon pass runs over the whole turn when it ends, after the
    // caller stopped speaking: measured on 1,780 words of four voices, it took 100 of the 110 ms a
    // turn's end cost and changed the word error rate by less than 0.5 %.
    // No -lm: the language model is loaded once for a few decoders (SharedLanguageModel), as -lm would
    // load it (ps_set_lm_file reads it with the decoder's configuration and sets it the same way).
    cmd_ln_t *config = cmd_ln_init(nullptr, ps_args(), TRUE, "-hmm", hmm.constData(), "-dict", dict.constData(),
        "-remove_silence", "no", "-fwdflat", options.flatPass ? "yes" : "no", static_cast<char *>(nullptr));
    if (!config)
        return makeError(ErrorKind::Unavailable, QStringLiteral("speech recognition: configuration refused"));
    ps_decoder_t *decoder = ps_init(config);
    cmd_ln_free_r(config); // the decoder holds its own reference
    if (!decoder)
        return makeError(ErrorKind::Unavailable, QStringLiteral("speech recognition: the model did not load"));
    std::unique_ptr<SpeechRecognizer> recognizer(new SpeechRecognizer);
    recognizer->m_decoder = decoder;
    recognizer->m_options = options;
    recognizer->m_languageModel = SharedLanguageModel::forDecoder(lm, decoder);
    if (!recognizer->m_languageModel)
        return makeError(ErrorKind::Unavailable, QStringLiteral("speech recognition: the language model did not load"));
    {
        const std::lock_guard<std::recursive_mutex> inUse(recognizer->m_languageModel->inUse());
        if (ps_set_lm(decoder, kLanguageModelSearch, recognizer->m_languageModel->model()) != 0
            || ps_set_search(decoder, kLanguageModelSearch) != 0)
            return makeError(
                ErrorKind::Unavailable, QStringLiteral("speech recognition: the language model was refused"));
    }
    recognizer->m_lmSearch = QByteArray(kLanguageModelSearch);
    static_assert(sizeof(mfcc_t) == sizeof(float), "sphinxbase built with floating-point features");
    cmn_t *cmn = ps_get_feat(decoder)->cmn_struct;
    recognizer->m_initialMean.resize(size_t(cmn->veclen));
    cmn_live_get(cmn, recognizer->m_initialMean.data());
    if (ps_set_jsgf_string(decoder, kDigitsSearch, digitsGrammar().toLatin1().constData()) != 0)
        return makeError(ErrorKind::Internal, QStringLiteral("speech recognition: the digits grammar was refused"));
    return recognizer;
}

SpeechRecognizer::~SpeechRecognizer()
{
    if (!m_decoder)
        return;
    if (!m_languageModel) { // made without one (a failed create)
        ps_free(m_decoder);
        return;
    }
    const std::lock_guard<std::recursive_mutex> inUse(m_languageModel->inUse()); // it lets go of the shared model
    ps_free(m_decoder);
}

std::shared_ptr<std::recursive_mutex> SpeechRecognizer::languageModelInUse() const
{
    return {m_languageModel, &m_languageModel->inUse()}; // the model lives as long as its lock is held on to
}

void SpeechRecognizer::expectDigits()
{
    m_digitsNext = true;
}

void SpeechRecognizer::forgetVoice()
{
    cmn_live_set(ps_get_feat(m_decoder)->cmn_struct, m_initialMean.data());
}

void SpeechRecognizer::start(qint64 callMs)
{
    const std::lock_guard<std::recursive_mutex> inUse(m_languageModel->inUse());
    if (m_inTurn)
        ps_end_utt(m_decoder);
    m_digitsNow = m_digitsNext;
    m_digitsNext = false;
    ps_set_search(m_decoder, m_digitsNow ? kDigitsSearch : m_lmSearch.constData());
    // A new stream numbers frames from 0 again; the acoustic model's running mean (CMN) is kept, so
    // a decoder adapts to its caller over the call.
    ps_start_stream(m_decoder);
    ps_start_utt(m_decoder);
    m_inTurn = true;
    m_turnStartMs = callMs;
    m_turnSamples = 0;
    m_partial.clear();
}

bool SpeechRecognizer::feed(const Pcm &frame)
{
    return feed(frame.data(), frame.size());
}

bool SpeechRecognizer::feed(const int16_t *samples, size_t count)
{
    if (!m_inTurn || count == 0)
        return false;
    const std::lock_guard<std::recursive_mutex> inUse(m_languageModel->inUse());
    const size_t before = m_turnSamples / kFrameSamples;
    ps_process_raw(m_decoder, samples, count, FALSE, FALSE);
    m_turnSamples += count;
    // The partial words are a backtrace through the search: every 200 ms is live enough for a
    // transcript and costs little.
    if (m_turnSamples / kFrameSamples / 10 == before / 10)
        return false;
    const QString now = hypothesis();
    if (now == m_partial)
        return false;
    m_partial = now;
    return true;
}

QString SpeechRecognizer::hypothesis() const
{
    int32 score = 0;
    const char *hyp = ps_get_hyp(m_decoder, &score);
    const QString text = hyp ? QString::fromUtf8(hyp).simplified() : QString();
    return m_options.maskProfanity ? ProfanityFilter::mask(text) : text;
}

Recognition SpeechRecognizer::finish()
{
    if (!m_inTurn)
        return {};
    const std::lock_guard<std::recursive_mutex> inUse(m_languageModel->inUse());
    ps_end_utt(m_decoder);
    m_inTurn = false;
    Recognition r = collect(m_digitsNow);
    m_digitsNow = false;
    m_partial.clear();
    return r;
}

// The words with their times, and the confidence. With the language model the confidence is the
// mean of the words' posterior probabilities in the turn's lattice (ps_get_prob computes them; a
// word the lattice is sure of is near 1, one among many alternatives near 0). With the digits
// grammar, see digitsConfidence().
Recognition SpeechRecognizer::collect(bool digits) const
{
    Recognition r;
    r.digits = digits;
    ps_get_prob(m_decoder);
    logmath_t *logmath = ps_get_logmath(m_decoder);
    double posteriors = 0;
    double acoustic = 0;
    int frames = 0;
    int first = -1;
    int last = -1;
    for (ps_seg_t *seg = ps_seg_iter(m_decoder); seg; seg = ps_seg_next(seg)) {
        const char *word = ps_seg_word(seg);
        if (isFiller(word))
            continue;
        int startFrame = 0;
        int endFrame = 0;
        ps_seg_frames(seg, &startFrame, &endFrame);
        int32 ascr = 0, lscr = 0, lback = 0;
        const int32 posterior = ps_seg_prob(seg, &ascr, &lscr, &lback);
        // A grammar forces its words onto whatever it hears: a breath or the hiss after the last digit
        // becomes one more digit. Such a word fits the audio badly: it is dropped from the words, and
        // still counts against the confidence.
        const int wordFrames = endFrame - startFrame + 1;
        acoustic += ascr;
        frames += wordFrames;
        if (digits && double(ascr) / wordFrames < kForcedWordScore)
            continue;
        posteriors += std::min(1.0, logmath_exp(logmath, posterior));
        if (first < 0)
            first = startFrame;
        last = endFrame;
        r.words << plainWord(word);
    }
    if (r.words.isEmpty())
        return r; // confidence 0: nothing was heard
    const QString text = r.words.join(u' ');
    r.text = m_options.maskProfanity ? ProfanityFilter::mask(text) : text;
    if (m_options.maskProfanity)
        r.words = r.text.split(u' ');
    // A decoder frame is 10 ms.
    r.startMs = m_turnStartMs + qint64(first) * 10;
    r.endMs = m_turnStartMs + qint64(last + 1) * 10;
    r.confidence = digits ? digitsConfidence(acoustic / std::max(frames, 1)) : posteriors / r.words.size();
    return r;
}

} // namespace tierdesk::voice
