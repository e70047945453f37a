#pragma once

#include <QFrame>

#include <functional>

class QLabel;
class QPushButton;

namespace tierdesk::ui {

// The notice above everything in the window (the engine could not start, secrets not kept in
// a keyring): its text, an optional button beside it and a × that closes it. Hidden while empty.
class NoticeBar : public QFrame {
    Q_OBJECT

public:
    explicit NoticeBar(QWidget *parent = nullptr);

    // Shows `text` (empty: hides the bar); showing one removes the previous one's action.
    void showNotice(const QString &text);
    // A button beside the notice (e.g. "Move secrets into the keyring").
    void offerAction(const QString &label, std::function<void()> action);

signals:
    // Closed with its × button.
    void dismissed();

private:
    QLabel *m_text;
    QPushButton *m_action;
    std::function<void()> m_callback;
};

} // namespace tierdesk::ui
