#include "core/nlu/IntentFeatures.h"

#include "core/nlu/text/Tokenizer.h"

#include <QStringList>

#include <algorithm>

namespace tierdesk::nlu {

namespace {

constexpr int kMinCharGram = 2;
constexpr int kMaxCharGram = 5;

enum class FeatureKind : quint8 { Word = 1, Bigram = 2, CharGram = 3 };

// FNV-1a over the kind and the UTF-16 code units: stable across runs and platforms,
// which matters because stored models keep these hashes.
quint64 hashOf(FeatureKind kind, QStringView a, QStringView b = {})
{
    quint64 h = 14695981039346656037ull;
    auto mix = [&h](quint64 v) {
        h ^= v;
        h *= 1099511628211ull;
    };
    mix(quint64(kind));
    for (const QChar c : a)
        mix(c.unicode());
    if (!b.isEmpty()) {
        mix(0x20);
        for (const QChar c : b)
            mix(c.unicode());
    }
    return h;
}

QString wordForm(const Token &t)
{
    switch (t.kind) {
    case Token::Kind::Number:
        return QStringLiteral("<num>");
    case Token::Kind::OrderId:
        return QStringLiteral("<order>");
    default:
        return t.norm;
    }
}

void addCharGrams(const QString &word, std::vector<quint64> *out)
{
    if (word.startsWith(QLatin1Char('<')))
        return; // placeholders carry no spelling
    const QString padded = QLatin1Char(' ') + word + QLatin1Char(' ');
    const int size = int(padded.size());
    for (int n = kMinCharGram; n <= kMaxCharGram; ++n) {
        for (int i = 0; i + n <= size; ++i)
            out->push_back(hashOf(FeatureKind::CharGram, QStringView(padded).mid(i, n)));
        if (n >= size)
            break; // the whole padded word was the last n-gram
    }
}

} // namespace

QStringList IntentFeatures::words(const QString &text)
{
    return words(Tokenizer::tokenize(text));
}

QStringList IntentFeatures::words(const QList<Token> &tokens)
{
    QStringList out;
    for (const Token &t : tokens) {
        const bool mark = t.kind == Token::Kind::Punctuation
            && (t.norm.contains(QLatin1Char('?')) || t.norm.contains(QLatin1Char('!')));
        if (t.isWordLike() || t.kind == Token::Kind::Emoji || t.kind == Token::Kind::Symbol)
            out << wordForm(t);
        else if (mark)
            out << (t.norm.contains(QLatin1Char('?')) ? QStringLiteral("?") : QStringLiteral("!"));
    }
    return out;
}

std::vector<HashedFeature> IntentFeatures::extract(const QString &text)
{
    return extract(Tokenizer::tokenize(text));
}

std::vector<HashedFeature> IntentFeatures::extract(const QList<Token> &tokens)
{
    const QStringList ws = words(tokens);
    std::vector<quint64> hashes;
    hashes.reserve(size_t(ws.size()) * 24 + 4);
    QStringView previous = u"<s>";
    for (const QString &w : ws) {
        hashes.push_back(hashOf(FeatureKind::Word, w));
        hashes.push_back(hashOf(FeatureKind::Bigram, previous, w));
        addCharGrams(w, &hashes);
        previous = w;
    }
    if (!ws.isEmpty())
        hashes.push_back(hashOf(FeatureKind::Bigram, previous, u"</s>"));

    std::sort(hashes.begin(), hashes.end());
    std::vector<HashedFeature> out;
    out.reserve(hashes.size());
    for (const quint64 h : hashes) {
        if (!out.empty() && out.back().hash == h)
            out.back().count += 1;
        else
            out.push_back({h, 1});
    }
    return out;
}

} // namespace tierdesk::nlu
