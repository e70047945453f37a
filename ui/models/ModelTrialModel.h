#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// The customer turns a what-if worded with a candidate language model (the "ai" part of
// POST /api/cs/config/simulate's answer): what would have gone out, and the guard's verdict.
class ModelTrialModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Turn, Customer, Reply, Verdict, Latency, Cost, ColumnCount };
    enum OwnRole { SessionIdRole = IdRole, VerdictRole = FirstOwnRole };

    explicit ModelTrialModel(QObject *parent = nullptr);
    // The report's "ai" object; empty when the run tried no model.
    void setTrial(const QJsonObject &trial);
    bool hasTrial() const { return !m_trial.isEmpty(); }
    // "large-model · 4 turns: 2 passed, 1 repaired, 1 answered locally (guard) · p50 610 ms, p95 900 ms · $0.0016"
    QString summary() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // "Passed", "Repaired", "Local reply (guard)"...
    static QString verdictLabel(const QJsonObject &turn);

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;

private:
    QJsonObject m_trial;
};

} // namespace tierdesk::ui
