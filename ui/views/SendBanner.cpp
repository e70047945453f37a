#include "ui/views/SendBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace tierdesk::ui {

SendBanner::SendBanner(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("staleBanner"));
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(QStringLiteral("#staleBanner { background:#fff1c2; border:1px solid #e8c55c; border-radius:4px; }"));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("sendBannerText"));
    m_text->setWordWrap(true);
    m_force = new QPushButton(tr("Send anyway"), this);
    m_force->setObjectName(QStringLiteral("sendAnyway"));
    m_read = new QPushButton(tr("I've read it"), this);
    m_read->setObjectName(QStringLiteral("markRead"));
    m_dontSend = new QPushButton(tr("Don't send"), this);
    m_dontSend->setObjectName(QStringLiteral("dontSend"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(10, 6, 6, 6);
    row->addWidget(m_text, 1);
    row->addWidget(m_read);
    row->addWidget(m_dontSend);
    row->addWidget(m_force);
    connect(m_force, &QPushButton::clicked, this, &SendBanner::sendAnyway);
    connect(m_read, &QPushButton::clicked, this, &SendBanner::markRead);
    connect(m_dontSend, &QPushButton::clicked, this, &SendBanner::dontSend);
    hide();
}

void SendBanner::say(const QString &text, Offers offers)
{
    m_text->setText(text);
    m_force->setVisible(offers.testFlag(OfferSend));
    m_read->setVisible(offers.testFlag(OfferRead));
    m_dontSend->setVisible(offers.testFlag(OfferDontSend));
    show();
}

QString SendBanner::text() const
{
    return m_text->text();
}

} // namespace tierdesk::ui
