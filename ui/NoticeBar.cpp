#include "ui/NoticeBar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace tierdesk::ui {

NoticeBar::NoticeBar(QWidget *parent) : QFrame(parent)
{
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("noticeBar"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setStyleSheet(QStringLiteral("color:#5c4300;"));
    m_action = new QPushButton(this);
    m_action->setObjectName(QStringLiteral("noticeAction"));
    m_action->hide();
    connect(m_action, &QPushButton::clicked, this, [this] {
        if (m_callback)
            m_callback();
    });
    auto *close = new QPushButton(QStringLiteral("×"), this);
    close->setObjectName(QStringLiteral("noticeClose"));
    close->setFlat(true);
    close->setToolTip(tr("Close this notice"));
    connect(close, &QPushButton::clicked, this, [this] {
        showNotice({});
        emit dismissed();
    });
    setStyleSheet(QStringLiteral("QFrame{background:#fff1c2; border-bottom:1px solid #e8c55c;}"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(12, 8, 12, 8);
    row->addWidget(m_text, 1);
    row->addWidget(m_action);
    row->addWidget(close);
    hide();
}

void NoticeBar::showNotice(const QString &text)
{
    m_text->setText(text);
    setVisible(!text.isEmpty());
    offerAction({}, {});
}

void NoticeBar::offerAction(const QString &label, std::function<void()> action)
{
    m_action->setText(label);
    m_callback = std::move(action);
    m_action->setVisible(!label.isEmpty() && m_callback);
}

} // namespace tierdesk::ui
