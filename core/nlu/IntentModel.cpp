#include "core/nlu/IntentModel.h"

#include "core/nlu/IntentFeatures.h"

#include <QDataStream>
#include <QIODevice>

#include <algorithm>
#include <cmath>

namespace tierdesk::nlu {

namespace {

constexpr quint32 kMagic = 0x5444494d; // "TDIM"
constexpr quint16 kFormatVersion = 1;
// A stored model is refused above these sizes rather than allocated blindly.
constexpr quint32 kMaxClasses = 10000;
constexpr quint64 kMaxWeights = 200u * 1000u * 1000u;

template <typename T> void writeArray(QDataStream &out, const std::vector<T> &values)
{
    for (const T v : values)
        out << v;
}

template <typename T> bool readArray(QDataStream &in, std::vector<T> *values, quint64 count)
{
    values->resize(size_t(count));
    for (T &v : *values)
        in >> v;
    return in.status() == QDataStream::Ok;
}

} // namespace

void IntentModel::buildIndex()
{
    size_t slotCount = 16;
    while (slotCount < featureHashes.size() * 2)
        slotCount *= 2;
    index.assign(slotCount, -1);
    const size_t mask = slotCount - 1;
    for (size_t column = 0; column < featureHashes.size(); ++column) {
        size_t slot = size_t(featureHashes[column] >> 7) & mask;
        while (index[slot] >= 0)
            slot = (slot + 1) & mask;
        index[slot] = int(column);
    }
}

int IntentModel::columnOf(quint64 hash) const
{
    if (!index.empty()) {
        const size_t mask = index.size() - 1;
        for (size_t slot = size_t(hash >> 7) & mask;; slot = (slot + 1) & mask) {
            const int column = index[slot];
            if (column < 0 || featureHashes[size_t(column)] == hash)
                return column;
        }
    }
    const auto it = std::lower_bound(featureHashes.cbegin(), featureHashes.cend(), hash);
    return it != featureHashes.cend() && *it == hash ? int(it - featureHashes.cbegin()) : -1;
}

SparseVector IntentModel::vectorize(const QString &text) const
{
    return vectorize(Tokenizer::tokenize(text));
}

SparseVector IntentModel::vectorize(const QList<Token> &tokens) const
{
    SparseVector x;
    const std::vector<HashedFeature> features = IntentFeatures::extract(tokens);
    std::vector<std::pair<int, float>> cells;
    cells.reserve(features.size());
    double norm = 0;
    for (const HashedFeature &f : features) {
        const int column = columnOf(f.hash);
        if (column < 0)
            continue; // unseen features say nothing about the intent
        const float tf = f.count > 1 ? 1.0f + std::log(f.count) : 1.0f; // sublinear tf
        const float value = tf * idf[size_t(column)];
        cells.emplace_back(column, value);
        norm += double(value) * value;
    }
    std::sort(cells.begin(), cells.end());
    const float scale = norm > 0 ? float(1.0 / std::sqrt(norm)) : 0.0f;
    x.columns.reserve(cells.size());
    x.values.reserve(cells.size());
    for (const auto &[column, value] : cells) {
        x.columns.push_back(column);
        x.values.push_back(value * scale);
    }
    return x;
}

std::vector<double> IntentModel::scores(const SparseVector &x) const
{
    const size_t n = size_t(classes.size());
    std::vector<double> s(bias.cbegin(), bias.cend());
    s.resize(n, 0.0);
    for (size_t i = 0; i < x.columns.size(); ++i) {
        const float *row = weights.data() + size_t(x.columns[i]) * n;
        const double v = x.values[i];
        for (size_t c = 0; c < n; ++c)
            s[c] += v * row[c];
    }
    return s;
}

std::vector<double> IntentModel::probabilities(const std::vector<double> &scores) const
{
    std::vector<double> p(scores.size(), 0.0);
    if (scores.empty())
        return p;
    const double best = std::max(*std::max_element(scores.cbegin(), scores.cend()), double(noIntentScore));
    const double t = temperature > 0 ? double(temperature) : 1.0;
    double sum = std::exp((double(noIntentScore) - best) / t);
    for (size_t c = 0; c < scores.size(); ++c) {
        p[c] = std::exp((scores[c] - best) / t);
        sum += p[c];
    }
    for (double &v : p)
        v /= sum;
    return p;
}

size_t IntentModel::memoryBytes() const
{
    return featureHashes.capacity() * sizeof(quint64) + idf.capacity() * sizeof(float)
        + weights.capacity() * sizeof(float) + bias.capacity() * sizeof(float) + index.capacity() * sizeof(int);
}

QByteArray IntentModel::serialize() const
{
    QByteArray payload;
    {
        QDataStream out(&payload, QIODevice::WriteOnly);
        out.setVersion(QDataStream::Qt_6_4);
        out.setFloatingPointPrecision(QDataStream::SinglePrecision);
        out << classes << temperature << noIntentScore << outOfScopeThreshold << qint32(trainingExamples)
            << quint64(featureHashes.size());
        writeArray(out, featureHashes);
        writeArray(out, idf);
        writeArray(out, weights);
        writeArray(out, bias);
    }
    QByteArray bytes;
    QDataStream header(&bytes, QIODevice::WriteOnly);
    header << kMagic << kFormatVersion;
    bytes += qCompress(payload, 6);
    return bytes;
}

Result<IntentModel> IntentModel::deserialize(const QByteArray &bytes)
{
    const auto bad = [](const char *why) {
        return makeError(
            ErrorKind::InvalidArgument, QStringLiteral("not a Tierdesk intent model: ") + QLatin1String(why));
    };
    QDataStream header(bytes);
    quint32 magic = 0;
    quint16 version = 0;
    header >> magic >> version;
    if (header.status() != QDataStream::Ok || magic != kMagic)
        return bad("wrong header");
    if (version != kFormatVersion)
        return bad("unknown format version");
    const QByteArray payload = qUncompress(bytes.mid(6));
    if (payload.isEmpty())
        return bad("damaged data");

    IntentModel m;
    QDataStream in(payload);
    in.setVersion(QDataStream::Qt_6_4);
    in.setFloatingPointPrecision(QDataStream::SinglePrecision);
    qint32 examples = 0;
    quint64 features = 0;
    in >> m.classes >> m.temperature >> m.noIntentScore >> m.outOfScopeThreshold >> examples >> features;
    m.trainingExamples = examples;
    const quint64 n = quint64(m.classes.size());
    if (in.status() != QDataStream::Ok || n == 0 || n > kMaxClasses || features * n > kMaxWeights)
        return bad("implausible sizes");
    if (features * (12 + 4 * n) + 4 * n > quint64(payload.size()))
        return bad("truncated data");
    if (!readArray(in, &m.featureHashes, features) || !readArray(in, &m.idf, features)
        || !readArray(in, &m.weights, features * n) || !readArray(in, &m.bias, n) || !in.atEnd())
        return bad("truncated data");
    if (!std::is_sorted(m.featureHashes.cbegin(), m.featureHashes.cend()))
        return bad("unsorted vocabulary");
    m.buildIndex();
    return m;
}

} // namespace tierdesk::nlu
