#pragma once

#include "ui/models/JsonRowsModel.h"

#include <functional>

namespace tierdesk::ui {

// Every session a person holds, from the overview's "agents" (each with its "sessions"):
// who holds it, for how long, and its SLA state. The supervisor opens or reassigns from here.
class HeldSessionsModel : public JsonRowsModel {
    Q_OBJECT

public:
    enum Column { Customer, Queue, Agent, HeldFor, Sla, ColumnCount };
    // The session's id is IdRole.
    enum OwnRole { AgentIdRole = FirstOwnRole };

    explicit HeldSessionsModel(QObject *parent = nullptr);
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    // Flattens the overview's people into one row per held session.
    void setAgents(const QJsonArray &agents);

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

protected:
    QStringList headers() const override;
    QString display(const QJsonObject &row, int column) const override;

private:
    std::function<qint64()> m_now;
};

} // namespace tierdesk::ui
