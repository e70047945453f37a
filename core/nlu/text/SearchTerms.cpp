#include "core/nlu/text/SearchTerms.h"

#include "core/nlu/text/StopWords.h"

#include <QRegularExpression>

#include <libstemmer.h>

#include <memory>

namespace tierdesk::nlu {
namespace {

struct StemmerDeleter {
    void operator()(sb_stemmer *s) const { sb_stemmer_delete(s); }
};

// libstemmer's stemmers keep state between calls: one per thread.
sb_stemmer *englishStemmer()
{
    thread_local const std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("english", "UTF_8"));
    return stemmer.get();
}

QStringList words(const QString &text)
{
    static const QRegularExpression word(QStringLiteral("[\\p{L}\\p{N}]+"));
    QStringList out;
    auto it = word.globalMatch(text.toLower());
    while (it.hasNext()) {
        const QString w = it.next().captured(0);
        if ((w.size() > 1 || w.at(0).isDigit()) && !StopWords::isSearchNoise(w))
            out << w;
    }
    return out;
}

} // namespace

QString SearchTerms::stem(const QString &lowerCaseWord)
{
    sb_stemmer *stemmer = englishStemmer();
    const QByteArray utf8 = lowerCaseWord.toUtf8();
    if (!stemmer || utf8.size() > 64) // a run that long is no word to stem (a hash, a token)
        return lowerCaseWord;
    const sb_symbol *stemmed
        = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol *>(utf8.constData()), int(utf8.size()));
    if (!stemmed)
        return lowerCaseWord;
    return QString::fromUtf8(reinterpret_cast<const char *>(stemmed), sb_stemmer_length(stemmer));
}

QStringList SearchTerms::of(const QString &text)
{
    QStringList out;
    for (const QString &w : words(text))
        out << stem(w);
    return out;
}

QStringList SearchTerms::ofQuery(const QString &text)
{
    QStringList out;
    for (const QString &w : words(text.left(kMaxQueryChars))) {
        const QString term = stem(w);
        if (!out.contains(term))
            out << term;
        if (out.size() >= kMaxQueryTerms)
            break;
    }
    return out;
}

} // namespace tierdesk::nlu
