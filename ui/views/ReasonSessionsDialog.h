#pragma once

#include <QDate>
#include <QDialog>

class QLabel;
class QTableView;

namespace tierdesk::ui {

class ApiClient;
class ReasonSessionsModel;

// The analytics' click-through on a reason for contact: that reason's sessions started in the
// page's range (GET /api/cs/sessions?reason=, the newest 200), "n of total" of them listed.
// Double-clicking one asks for it to be opened.
class ReasonSessionsDialog : public QDialog {
    Q_OBJECT

public:
    static constexpr int kLimit = 200;

    ReasonSessionsDialog(
        ApiClient &client, const QString &reason, const QDate &from, const QDate &to, QWidget *parent = nullptr);
    const QString &reason() const { return m_reason; }
    ReasonSessionsModel &model() { return *m_model; }

signals:
    void loaded();
    void openSession(const QString &sessionId);

private:
    void load();

    ApiClient &m_client;
    QString m_reason;
    QDate m_from;
    QDate m_to;
    ReasonSessionsModel *m_model;
    QTableView *m_table;
    QLabel *m_count;
};

} // namespace tierdesk::ui
