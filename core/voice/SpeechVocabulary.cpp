#include "core/voice/SpeechVocabulary.h"

#include "core/voice/SphinxLog.h"

#include <pocketsphinx.h>
#include <sphinxbase/ngram_model.h>

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLoggingCategory>
#include <QSaveFile>
#include <QSet>
#include <QStandardPaths>

#include <algorithm>
#include <mutex>

namespace tierdesk::voice {
namespace {

Q_LOGGING_CATEGORY(lcVocabulary, "tierdesk.calls.speech")

const QString kModelDictionary = QStringLiteral("cmudict-en-us.dict");
const QString kLanguageModel = QStringLiteral("en-us.lm.bin");

// The model's words, most likely first (by their unigram probability). Read once per process: the
// language model loads in about 0.2 s.
Result<QStringList> wordsByLikelihood(const QString &lmPath)
{
    static std::mutex lock;
    static QHash<QString, QStringList> ranked;
    const std::lock_guard<std::mutex> guard(lock);
    if (const auto known = ranked.constFind(lmPath); known != ranked.constEnd())
        return *known;
    silenceSphinxLog();
    logmath_t *logmath = logmath_init(1.0001, 0, 0);
    ngram_model_t *model = ngram_model_read(nullptr, QFile::encodeName(lmPath).constData(), NGRAM_AUTO, logmath);
    if (!model) {
        logmath_free(logmath);
        return makeError(ErrorKind::Unavailable, QStringLiteral("speech recognition: the language model did not load"));
    }
    const int32 count = static_cast<int32>(ngram_model_get_counts(model)[0]);
    std::vector<std::pair<int32, QString>> scored;
    scored.reserve(static_cast<size_t>(count));
    for (int32 id = 0; id < count; ++id) {
        const char *word = ngram_word(model, id);
        if (word && word[0] != '<') // <s>, </s>, <UNK>: the decoder's own
            scored.emplace_back(ngram_score(model, word, nullptr), QString::fromUtf8(word));
    }
    ngram_model_free(model);
    logmath_free(logmath);
    std::stable_sort(scored.begin(), scored.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
    QStringList words;
    words.reserve(static_cast<qsizetype>(scored.size()));
    for (auto &s : scored)
        words << std::move(s.second);
    ranked.insert(lmPath, words);
    return words;
}

// The folder the dictionaries are written to: the user's own (not a shared /tmp, where another
// user could leave a file under the expected name).
QString cacheFolder()
{
    QString base = QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation);
    if (base.isEmpty())
        base = QDir::homePath() + QStringLiteral("/.cache");
    return base + QStringLiteral("/tierdesk/speech");
}

// Keeps the dictionary's lines whose word (before "(2)", the second pronunciation) is wanted.
Result<QByteArray> dictionaryLines(const QString &dictPath, const QSet<QString> &wanted)
{
    QFile dict(dictPath);
    if (!dict.open(QIODevice::ReadOnly))
        return makeError(ErrorKind::Unavailable, QStringLiteral("speech recognition: cannot read ") + dictPath);
    QByteArray out;
    while (!dict.atEnd()) {
        const QByteArray line = dict.readLine();
        qsizetype end = 0;
        while (end < line.size() && line[end] != ' ' && line[end] != '\t' && line[end] != '(')
            ++end;
        if (end > 0 && wanted.contains(QString::fromUtf8(line.left(end))))
            out += line.endsWith('\n') ? line : line + '\n';
    }
    return out;
}

} // namespace

Result<QString> SpeechVocabulary::dictionary(const QString &modelDir, int size, const QStringList &extraWords)
{
    // Each decoder of a call asks: the answer is kept for the process, while its file is there.
    static std::mutex lock;
    static QHash<QString, QString> made;
    const QString key = modelDir + u'\n' + QString::number(size) + u'\n' + extraWords.join(u' ');
    {
        const std::lock_guard<std::mutex> guard(lock);
        if (const auto known = made.constFind(key); known != made.constEnd() && QFileInfo::exists(*known))
            return *known;
    }
    Result<QString> path = write(modelDir, size, extraWords);
    if (path) {
        const std::lock_guard<std::mutex> guard(lock);
        made.insert(key, *path);
    }
    return path;
}

Result<QString> SpeechVocabulary::write(const QString &modelDir, int size, const QStringList &extraWords)
{
    const QDir dir(modelDir);
    const QString dictPath = dir.filePath(kModelDictionary);
    if (size <= 0)
        return dictPath;
    const Result<QStringList> ranked = wordsByLikelihood(dir.filePath(kLanguageModel));
    if (!ranked)
        return ranked.error();
    QSet<QString> wanted(ranked->begin(), ranked->begin() + std::min<qsizetype>(size, ranked->size()));
    const QSet<QString> known(ranked->begin(), ranked->end());
    for (const QString &w : extraWords)
        if (known.contains(w)) // a word the model does not know would never be heard
            wanted.insert(w);
    QStringList sorted = wanted.values();
    sorted.sort();
    // Named after the model's two files (a newer package is another vocabulary) and the words.
    const auto fileIdentity = [](const QString &path) -> QByteArray {
        const QFileInfo file(path);
        return path.toUtf8() + '\n' + QByteArray::number(file.size()) + '\n'
            + QByteArray::number(file.lastModified().toMSecsSinceEpoch()) + '\n';
    };
    QCryptographicHash name(QCryptographicHash::Sha256);
    const QByteArray identity
        = fileIdentity(dictPath) + fileIdentity(dir.filePath(kLanguageModel)) + sorted.join(u'\n').toUtf8();
    name.addData(identity);
    const QString path = cacheFolder() + QStringLiteral("/vocabulary-")
        + QString::fromLatin1(name.result().toHex().left(24)) + QStringLiteral(".dict");
    if (QFileInfo::exists(path))
        return path;
    const Result<QByteArray> lines = dictionaryLines(dictPath, wanted);
    if (!lines)
        return lines.error();
    QSaveFile file(path); // written whole or not at all: another decoder may be reading the name
    if (!QDir().mkpath(cacheFolder()) || !file.open(QIODevice::WriteOnly) || file.write(*lines) != lines->size()
        || !file.commit()) {
        // Calls are still heard, with every word of the model, at about twice the CPU.
        qCWarning(lcVocabulary).noquote() << "cannot write" << path << "(the cache folder: XDG_CACHE_HOME);"
                                          << "calls are heard with the whole dictionary";
        return dictPath;
    }
    return path;
}

} // namespace tierdesk::voice
