#include "ui/views/ConfirmButton.h"

namespace tierdesk::ui {

ConfirmButton::ConfirmButton(const QString &text, const QString &askText, QWidget *parent)
    : QPushButton(text, parent), m_text(text), m_ask(askText)
{
    m_armed.setSingleShot(true);
    m_armed.setInterval(4000);
    connect(&m_armed, &QTimer::timeout, this, &ConfirmButton::disarm);
    connect(this, &QPushButton::clicked, this, [this] {
        if (!m_armed.isActive()) {
            setText(m_ask);
            m_armed.start();
            return;
        }
        disarm();
        emit confirmed();
    });
}

void ConfirmButton::disarm()
{
    m_armed.stop();
    setText(m_text);
}

} // namespace tierdesk::ui
