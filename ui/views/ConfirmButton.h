#pragma once

#include <QPushButton>
#include <QTimer>

namespace tierdesk::ui {

// A button for what cannot be undone (delete, revoke): the first click asks
// ("Click again to ..."), a second click within 4 s emits confirmed().
class ConfirmButton : public QPushButton {
    Q_OBJECT

public:
    ConfirmButton(const QString &text, const QString &askText, QWidget *parent = nullptr);
    bool isArmed() const { return m_armed.isActive(); }
    void disarm();

signals:
    void confirmed();

private:
    QString m_text;
    QString m_ask;
    QTimer m_armed;
};

} // namespace tierdesk::ui
