#pragma once

#include <QJsonObject>
#include <QMap>
#include <QString>

// Accuracy, per-label precision / recall / F1 and their macro average, as
// scikit-learn's classification_report computes them (labels seen as truth or guess).
namespace tierdesk::nlu {

class ClassificationReport {
public:
    void add(const QString &truth, const QString &predicted);

    int count() const { return m_total; }
    double accuracy() const;
    double macroF1() const;
    // {"label": {"precision", "recall", "f1", "support"}, ...}
    QJsonObject perLabel() const;

private:
    struct Counts {
        int truePositives = 0;
        int predicted = 0;
        int support = 0;
    };
    static double f1(const Counts &c);

    QMap<QString, Counts> m_labels;
    int m_total = 0;
    int m_correct = 0;
};

} // namespace tierdesk::nlu
