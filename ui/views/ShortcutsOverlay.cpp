#include "ui/views/ShortcutsOverlay.h"

#include <QEvent>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace tierdesk::ui {

ShortcutsOverlay::ShortcutsOverlay(const QList<Entry> &entries, QWidget *parent) : QFrame(parent)
{
    setObjectName(QStringLiteral("shortcutsOverlay"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#shortcutsOverlay { background: rgba(24, 32, 44, 200); }"
                                 "#shortcutsCard { background: palette(base); border-radius: 8px; }"
                                 "QLabel[role=\"key\"] { font-family: monospace; font-weight: 600; padding: 2px 8px;"
                                 " background: #eef1f5; border: 1px solid #cfd6df; border-radius: 4px; }"));
    setFocusPolicy(Qt::StrongFocus);
    auto *card = new QFrame(this);
    card->setObjectName(QStringLiteral("shortcutsCard"));
    auto *grid = new QGridLayout(card);
    grid->setContentsMargins(24, 20, 24, 20);
    grid->setHorizontalSpacing(16);
    grid->setVerticalSpacing(8);
    auto *title = new QLabel(tr("Keyboard shortcuts"), card);
    QFont f = title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    title->setFont(f);
    grid->addWidget(title, 0, 0, 1, 2);
    int row = 1;
    for (const Entry &e : entries) {
        auto *key = new QLabel(e.first, card);
        key->setProperty("role", QStringLiteral("key"));
        grid->addWidget(key, row, 0, Qt::AlignRight);
        grid->addWidget(new QLabel(e.second, card), row, 1);
        ++row;
    }
    auto *hint = new QLabel(tr("Press any key to close"), card);
    hint->setStyleSheet(QStringLiteral("color:#8a94a3;"));
    grid->addWidget(hint, row, 0, 1, 2, Qt::AlignCenter);
    auto *outer = new QVBoxLayout(this);
    outer->addStretch();
    outer->addWidget(card, 0, Qt::AlignHCenter);
    outer->addStretch();
    parent->installEventFilter(this);
    hide();
}

void ShortcutsOverlay::toggle()
{
    if (isVisible()) {
        hide();
        return;
    }
    fit();
    show();
    raise();
    setFocus(Qt::ShortcutFocusReason);
}

void ShortcutsOverlay::fit()
{
    setGeometry(parentWidget()->rect());
}

bool ShortcutsOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        fit();
    return QFrame::eventFilter(watched, event);
}

void ShortcutsOverlay::keyPressEvent(QKeyEvent *event)
{
    event->accept();
    hide();
}

void ShortcutsOverlay::mousePressEvent(QMouseEvent *event)
{
    QFrame::mousePressEvent(event);
    hide();
}

} // namespace tierdesk::ui
