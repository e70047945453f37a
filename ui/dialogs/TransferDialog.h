#pragma once

#include <QDialog>

class QComboBox;
class QPlainTextEdit;

namespace tierdesk::ui {

// Hand a session to an AI tier (it answers the next message) or to another
// queue of people. Shown with open(), never exec(): tests fill and accept it.
class TransferDialog : public QDialog {
    Q_OBJECT

public:
    TransferDialog(const QStringList &queues, QWidget *parent = nullptr);

    QString targetTier() const;
    QString queue() const; // empty unless the target is HUMAN_AGENT
    QString notes() const;
    void setTargetTier(const QString &tier);
    void setQueue(const QString &queue);
    void setNotes(const QString &notes);

private:
    QComboBox *m_tier;
    QComboBox *m_queue;
    QPlainTextEdit *m_notes;
};

} // namespace tierdesk::ui
