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
struct Fnv1a {
    quint64 h = 14695981039346656037ull;
    void mix(quint64 v)
    {
        h ^= v;
        h *= 1099511628211ull;
    }
};

quint64 hashOf(FeatureKind kind, QStringView a, QStringView b = {})
{
    Fnv1a f;
    f.mix(quint64(kind));
    for (const QChar c : a)
        f.mix(c.unicode());
    if (!b.isEmpty()) {
        f.mix(0x20);
        for (const QChar c : b)
            f.mix(c.unicode());
    }
    return f.h;
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

// The character n-grams of 2 to 5 of the word padded with a space on each side. Those
// starting at one place share their beginning, and FNV-1a goes character by character:
// each is hashed on from the one before (the hashes of hashOf(CharGram, gram)).
void addCharGrams(const QString &word, std::vector<quint64> *out)
{
    if (word.startsWith(QLatin1Char('<')))
        return; // placeholders carry no spelling
    const qsizetype size = word.size() + 2;
    const auto padded
        = [&word, size](qsizetype i) { return i == 0 || i == size - 1 ? u' ' : word.at(i - 1).unicode(); };
    for (qsizetype start = 0; start + kMinCharGram <= size; ++start) {
        Fnv1a f;
        f.mix(quint64(FeatureKind::CharGram));
        for (qsizetype n = 1; n <= kMaxCharGram && start + n <= size; ++n) {
            f.mix(padded(start + n - 1));
            if (n >= kMinCharGram)
                out->push_back(f.h);
        }
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
