#include "ui/dialogs/TransferDialog.h"

#include "ui/models/Display.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QPushButton>

namespace tierdesk::ui {

TransferDialog::TransferDialog(const QStringList &queues, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("transferDialog"));
    setWindowTitle(tr("Transfer the conversation"));
    m_tier = new QComboBox(this);
    m_tier->setObjectName(QStringLiteral("transferTier"));
    m_tier->addItem(tr("Back to the AI Rep"), QStringLiteral("AI_REP"));
    m_tier->addItem(tr("Back to the AI Manager"), QStringLiteral("AI_MANAGER"));
    m_tier->addItem(tr("Another queue of people"), QStringLiteral("HUMAN_AGENT"));
    m_queue = new QComboBox(this);
    m_queue->setObjectName(QStringLiteral("transferQueue"));
    for (const QString &q : queues)
        m_queue->addItem(display::titleCase(q), q);
    m_notes = new QPlainTextEdit(this);
    m_notes->setObjectName(QStringLiteral("transferNotes"));
    m_notes->setPlaceholderText(tr("Why, and what the next one should know"));
    m_notes->setTabChangesFocus(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Transfer"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Hand to"), m_tier);
    form->addRow(tr("Queue"), m_queue);
    form->addRow(tr("Notes"), m_notes);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto sync = [this] { m_queue->setEnabled(m_tier->currentData().toString() == QLatin1String("HUMAN_AGENT")); };
    connect(m_tier, &QComboBox::currentIndexChanged, this, sync);
    sync();
    resize(420, sizeHint().height());
}

QString TransferDialog::targetTier() const
{
    return m_tier->currentData().toString();
}

QString TransferDialog::queue() const
{
    return m_queue->isEnabled() ? m_queue->currentData().toString() : QString();
}

QString TransferDialog::notes() const
{
    return m_notes->toPlainText().trimmed();
}

void TransferDialog::setTargetTier(const QString &tier)
{
    m_tier->setCurrentIndex(qMax(0, m_tier->findData(tier)));
}

void TransferDialog::setQueue(const QString &queue)
{
    m_queue->setCurrentIndex(qMax(0, m_queue->findData(queue)));
}

void TransferDialog::setNotes(const QString &notes)
{
    m_notes->setPlainText(notes);
}

} // namespace tierdesk::ui
