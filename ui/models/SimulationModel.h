#pragma once

#include "ui/models/JsonRowsModel.h"

namespace tierdesk::ui {

// The sessions a what-if run (POST /api/cs/config/simulate) reports as changed: how the
// first escalation moves, and where and why it happens before and after the change.
class SimulationModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Session, Change, Before, After, ColumnCount };
    enum OwnRole { SessionIdRole = IdRole, ChangeRole = FirstOwnRole };

    explicit SimulationModel(QObject *parent = nullptr);
    // The whole answer of the simulate call: its changed sessions become the rows.
    void setReport(const QJsonObject &report);
    const QJsonObject &report() const { return m_report; }
    // "2 of 3 sessions would change — escalate earlier: 1 · no longer escalate: 1" (and a note when truncated).
    QString summary() const;

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString changeLabel(const QString &change);
    // "Irate customer → AI Manager at message 3" ("No escalation" for null).
    static QString escalationLabel(const QJsonValue &escalation);

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;

private:
    QJsonObject m_report;
};

} // namespace tierdesk::ui
