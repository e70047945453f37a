#include "ui/WheelGuard.h"

#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QScrollBar>

namespace tierdesk::ui {
namespace {

// A widget whose value the wheel would step. Scroll bars are what the wheel is for.
bool holdsAValue(const QObject *o)
{
    return qobject_cast<const QAbstractSpinBox *>(o) || qobject_cast<const QComboBox *>(o)
        || (qobject_cast<const QAbstractSlider *>(o) && !qobject_cast<const QScrollBar *>(o));
}

} // namespace

void WheelGuard::install()
{
    QCoreApplication *app = QCoreApplication::instance();
    if (!app || app->findChild<WheelGuard *>(QString(), Qt::FindDirectChildrenOnly))
        return;
    app->installEventFilter(new WheelGuard(app));
}

bool WheelGuard::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::Polish && event->type() != QEvent::Wheel)
        return false;
    if (!holdsAValue(watched))
        return false;
    auto *widget = static_cast<QWidget *>(watched);
    if (event->type() == QEvent::Polish) {
        // Qt::WheelFocus would let the wheel focus the box and then change it.
        if ((widget->focusPolicy() & Qt::WheelFocus) == Qt::WheelFocus)
            widget->setFocusPolicy(Qt::StrongFocus);
        return false;
    }
    if (widget->hasFocus())
        return false;
    // Not delivered, and left unaccepted: QApplication passes it on to the parents (the page scrolls).
    event->ignore();
    return true;
}

} // namespace tierdesk::ui
