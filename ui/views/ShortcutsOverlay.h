#pragma once

#include <QFrame>
#include <QList>
#include <QPair>

namespace tierdesk::ui {

// F1: every shortcut of the console over the window; any key or click closes it.
class ShortcutsOverlay : public QFrame {
    Q_OBJECT

public:
    using Entry = QPair<QString, QString>; // keys, what they do
    ShortcutsOverlay(const QList<Entry> &entries, QWidget *parent);
    void toggle();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;

private:
    void fit();
};

} // namespace tierdesk::ui
