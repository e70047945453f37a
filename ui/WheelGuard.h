#pragma once

#include <QObject>

namespace tierdesk::ui {

// Scrolling a form must never change what passes under the pointer: spin boxes,
// combo boxes and sliders take the mouse wheel only while they have the focus;
// otherwise the wheel goes on to the page, which scrolls. One application-wide
// event filter does it for every form and dialog of the console; it also gives
// these widgets Qt::StrongFocus, so the wheel no longer focuses them either.
class WheelGuard : public QObject {
    Q_OBJECT

public:
    // Installs the one guard on the running application (again: nothing happens).
    static void install();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit WheelGuard(QObject *parent) : QObject(parent) { }
};

} // namespace tierdesk::ui
