#pragma once

#include <QElapsedTimer>
#include <QFrame>
#include <QJsonObject>
#include <QTimer>

class QLabel;
class QMenu;
class QPushButton;
class QToolButton;

namespace tierdesk::ui {

// The call the person is on, above its conversation: who calls and through which queue, how long
// it has lasted, and Mute, Hold, Transfer (to a queue, or back to the AI) and Hang up. Hidden
// without a call.
class CallBar : public QFrame {
    Q_OBJECT

public:
    explicit CallBar(QWidget *parent = nullptr);

    // The call as the server describes it; a new call starts the clock.
    void showCall(const QJsonObject &call);
    void clear();
    // The company's queues, for Transfer.
    void setQueues(const QStringList &queues);

    QString callerText() const;
    QString durationText() const;
    QString sessionId() const { return m_sessionId; }

signals:
    void muteToggled(bool muted);
    void holdToggled(bool held);
    void transferRequested(const QString &queue);
    void backToAiRequested();
    void hangUpRequested();

private:
    void tick();
    void fillTransferMenu();

    QLabel *m_caller;
    QLabel *m_duration;
    QPushButton *m_mute;
    QPushButton *m_hold;
    QToolButton *m_transfer;
    QMenu *m_transferMenu;
    QPushButton *m_hangUp;
    QStringList m_queues;
    QString m_callId;
    QString m_sessionId;
    QElapsedTimer m_since;
    QTimer m_clock;
};

} // namespace tierdesk::ui
