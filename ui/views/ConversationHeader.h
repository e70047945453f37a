#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QWidget>

class QLabel;
class QMenu;
class QPushButton;
class QToolButton;

namespace tierdesk::ui {

// The conversation's heading: the customer (a web visitor by the name they gave), what the
// session is and who holds it, and the buttons to claim, release, act, transfer, snooze and
// resolve, enabled as the session and the person allow. The session id is in the title's
// tooltip and its "Copy session id" action, not in the heading.
class ConversationHeader : public QWidget {
    Q_OBJECT

public:
    struct State {
        QString sessionId;
        QJsonObject session; // GET session
        QJsonObject queueItem; // the queue's line ({} when in no queue)
        QJsonObject me; // the signed-in agent
        bool readOnly = false;
    };

    explicit ConversationHeader(QWidget *parent = nullptr);

    void setState(const State &state);
    // A reply, a note and AI help may be written (open, not resolved, not watched).
    bool workable() const { return m_workable; }
    bool mayAct() const;
    bool maySnooze() const;
    QString title() const;

signals:
    void claimClicked();
    void releaseClicked();
    void transferClicked();
    void resolveClicked();
    void actClicked();
    void snoozeChosen(const QDateTime &until);
    void snoozePickRequested();

private:
    QMenu *buildSnoozeMenu(QWidget *parent);
    QString customerName() const;
    QStringList facts() const;

    State m_state;
    bool m_workable = false;
    QLabel *m_title;
    QLabel *m_subtitle;
    QPushButton *m_claim;
    QPushButton *m_release;
    QPushButton *m_transfer;
    QPushButton *m_resolve;
    QPushButton *m_act;
    QToolButton *m_snooze;
};

} // namespace tierdesk::ui
