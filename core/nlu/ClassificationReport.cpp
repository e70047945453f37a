#include "core/nlu/ClassificationReport.h"

namespace tierdesk::nlu {

namespace {

double ratio(int a, int b)
{
    return b > 0 ? double(a) / b : 0.0;
}

double rounded(double v)
{
    return qRound(v * 10000) / 10000.0;
}

} // namespace

void ClassificationReport::add(const QString &truth, const QString &predicted)
{
    ++m_total;
    ++m_labels[truth].support;
    ++m_labels[predicted].predicted;
    if (truth == predicted) {
        ++m_correct;
        ++m_labels[truth].truePositives;
    }
}

double ClassificationReport::accuracy() const
{
    return ratio(m_correct, m_total);
}

double ClassificationReport::f1(const Counts &c)
{
    const double p = ratio(c.truePositives, c.predicted);
    const double r = ratio(c.truePositives, c.support);
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

double ClassificationReport::macroF1() const
{
    if (m_labels.isEmpty())
        return 0.0;
    double sum = 0;
    for (const Counts &c : m_labels)
        sum += f1(c);
    return sum / double(m_labels.size());
}

QJsonObject ClassificationReport::perLabel() const
{
    QJsonObject out;
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it) {
        const Counts &c = it.value();
        out.insert(it.key(),
            QJsonObject{{QStringLiteral("precision"), rounded(ratio(c.truePositives, c.predicted))},
                {QStringLiteral("recall"), rounded(ratio(c.truePositives, c.support))},
                {QStringLiteral("f1"), rounded(f1(c))}, {QStringLiteral("support"), c.support}});
    }
    return out;
}

} // namespace tierdesk::nlu
