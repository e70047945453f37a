#include "ui/dialogs/ResolveDialog.h"

#include "ui/models/Display.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QPushButton>

namespace tierdesk::ui {

QStringList ResolveDialog::resolutionTypes()
{
    // Seed 001's ResolutionType, but ESCALATED_TO_HUMAN (a person is resolving).
    return {QStringLiteral("ISSUE_RESOLVED"), QStringLiteral("INFORMATION_PROVIDED"),
        QStringLiteral("REFUND_PROCESSED"), QStringLiteral("REPLACEMENT_SENT"), QStringLiteral("CREDIT_APPLIED"),
        QStringLiteral("SUBSCRIPTION_MODIFIED"), QStringLiteral("CUSTOMER_SATISFIED"), QStringLiteral("UNRESOLVED")};
}

ResolveDialog::ResolveDialog(QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("resolveDialog"));
    setWindowTitle(tr("Resolve the conversation"));
    m_type = new QComboBox(this);
    m_type->setObjectName(QStringLiteral("resolutionType"));
    for (const QString &t : resolutionTypes())
        m_type->addItem(display::enumLabel(t), t);
    m_summary = new QPlainTextEdit(this);
    m_summary->setObjectName(QStringLiteral("resolutionSummary"));
    m_summary->setPlaceholderText(tr("What was done (at most 2000 characters)"));
    m_summary->setTabChangesFocus(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Resolve"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Outcome"), m_type);
    form->addRow(tr("Summary"), m_summary);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(420, sizeHint().height());
}

QString ResolveDialog::resolutionType() const
{
    return m_type->currentData().toString();
}

QString ResolveDialog::summary() const
{
    return m_summary->toPlainText().trimmed().left(2000);
}

void ResolveDialog::setResolutionType(const QString &type)
{
    m_type->setCurrentIndex(qMax(0, m_type->findData(type)));
}

void ResolveDialog::setSummary(const QString &summary)
{
    m_summary->setPlainText(summary);
}

} // namespace tierdesk::ui
