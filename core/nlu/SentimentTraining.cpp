#include "core/nlu/SentimentTraining.h"

#include "core/nlu/TrainingData.h"

#include <QFile>
#include <QTextStream>

namespace tierdesk::nlu {

Result<QList<LabelledSentence>> loadUciSentences(const QString &dir)
{
    QList<LabelledSentence> out;
    for (const char *name : {"amazon_cells_labelled.txt", "yelp_labelled.txt", "imdb_labelled.txt"}) {
        QFile file(dir + QLatin1Char('/') + QLatin1String(name));
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            return makeError(
                ErrorKind::NotFound, QStringLiteral("cannot open %1: %2").arg(file.fileName(), file.errorString()));
        QTextStream in(&file);
        in.readLine(); // header
        QString line;
        while (in.readLineInto(&line)) {
            const int tab = int(line.lastIndexOf(QLatin1Char('\t')));
            if (tab > 0)
                out.append({line.left(tab).trimmed(), line.mid(tab + 1).trimmed() == QLatin1String("1")});
        }
    }
    return out;
}

QList<LabelledSentence> trainPart(const QList<LabelledSentence> &all)
{
    QList<LabelledSentence> out;
    for (const LabelledSentence &s : all) {
        if (!isHeldOut(s.text))
            out.append(s);
    }
    return out;
}

QList<LabelledSentence> heldOutPart(const QList<LabelledSentence> &all)
{
    QList<LabelledSentence> out;
    for (const LabelledSentence &s : all) {
        if (isHeldOut(s.text))
            out.append(s);
    }
    return out;
}

QList<SentimentExample> sentimentExamples(const SentimentAnalyzer &analyzer, const QList<LabelledSentence> &sentences)
{
    QList<SentimentExample> out;
    out.reserve(sentences.size());
    for (const LabelledSentence &s : sentences)
        out.append({analyzer.features(s.text), s.positive});
    return out;
}

double BinaryEvaluation::accuracy() const
{
    return n ? double(truePositive + trueNegative) / n : 0.0;
}

double BinaryEvaluation::macroF1() const
{
    const auto f1 = [](int tp, int fp, int fn) { return tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0.0; };
    return (f1(truePositive, falsePositive, falseNegative) + f1(trueNegative, falseNegative, falsePositive)) / 2.0;
}

BinaryEvaluation evaluateBinary(const SentimentAnalyzer &analyzer, const QList<LabelledSentence> &sentences)
{
    BinaryEvaluation e;
    for (const LabelledSentence &s : sentences) {
        const bool predicted = analyzer.analyze(s.text).score >= 0.5;
        ++e.n;
        if (predicted)
            (s.positive ? e.truePositive : e.falsePositive)++;
        else
            (s.positive ? e.falseNegative : e.trueNegative)++;
    }
    return e;
}

} // namespace tierdesk::nlu
