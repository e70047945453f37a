// The whole per-message NLU as the engine runs it: MessageAnalyzer::analyze (sentiment,
// intent with the default model, slots, escalation cues, irate protocol), one message at
// a time over the `text` column of CSV files. Prints one JSON object:
//   build/bench/tierdesk_nlu_message_bench FILE.csv [FILE.csv ...]
#include "core/engine/pipeline/MessageAnalysis.h"
#include "core/nlu/LabelledCsv.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <algorithm>
#include <cmath>
#include <vector>

using namespace tierdesk;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QStringList texts;
    for (const QString &path : app.arguments().mid(1)) {
        const auto rows = nlu::readLabelledCsv(path);
        if (!rows) {
            QTextStream(stderr) << rows.error().message << Qt::endl;
            return 2;
        }
        for (const nlu::LabelledText &r : *rows)
            texts << r.text;
    }
    const MessageAnalyzer analyzer; // trains the default intent model
    const IrateProtocol protocol;
    std::vector<qint64> ns;
    ns.reserve(size_t(texts.size()));
    int sink = 0;
    QElapsedTimer timer;
    for (const QString &text : std::as_const(texts)) {
        timer.start();
        sink += int(analyzer.analyze(text, protocol).intent.intent.size());
        ns.push_back(timer.nsecsElapsed());
    }
    std::sort(ns.begin(), ns.end());
    auto us = [&](double q) {
        const size_t i = std::min(ns.size() - 1, size_t(std::max(0.0, std::ceil(q * double(ns.size())) - 1)));
        return ns.empty() ? 0.0 : qRound(double(ns[i]) / 100.0) / 10.0;
    };
    const QJsonObject out{{QStringLiteral("n"), int(ns.size())}, {QStringLiteral("p50_us"), us(0.5)},
        {QStringLiteral("p99_us"), us(0.99)}, {QStringLiteral("max_us"), us(1.0)}, {QStringLiteral("sink"), sink}};
    QTextStream(stdout) << QJsonDocument(out).toJson(QJsonDocument::Compact) << Qt::endl;
    return 0;
}
