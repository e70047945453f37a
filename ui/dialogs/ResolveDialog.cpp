#include "ui/dialogs/ResolveDialog.h"

#include "ui/models/Display.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
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
    m_summary->setPlaceholderText(tr("What was done, for your team (at most 2000 characters)"));
    m_summary->setTabChangesFocus(true);
    m_summary->setMaximumHeight(fontMetrics().lineSpacing() * 5 + 12);
    m_sendClosing = new QCheckBox(tr("Send the customer a closing message"), this);
    m_sendClosing->setObjectName(QStringLiteral("sendClosingMessage"));
    m_sendClosing->setChecked(true);
    m_closing = new QPlainTextEdit(this);
    m_closing->setObjectName(QStringLiteral("closingMessage"));
    m_closing->setPlaceholderText(tr("Loading the closing message…"));
    m_closing->setTabChangesFocus(true);
    m_closing->setMaximumHeight(fontMetrics().lineSpacing() * 7 + 12);
    m_closingNote = new QLabel(this);
    m_closingNote->setObjectName(QStringLiteral("closingMessageNote"));
    m_closingNote->setWordWrap(true);
    m_closingNote->setStyleSheet(QStringLiteral("color:#5f6b7a;"));
    m_next = new QCheckBox(tr("Then open the next conversation"), this);
    m_next->setObjectName(QStringLiteral("openNextConversation"));
    m_next->setChecked(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("Resolve"));
    auto *form = new QFormLayout(this);
    form->addRow(tr("Outcome"), m_type);
    form->addRow(tr("Summary"), m_summary);
    form->addRow(m_sendClosing);
    form->addRow(tr("To the customer"), m_closing);
    form->addRow(QString(), m_closingNote);
    form->addRow(m_next);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_sendClosing, &QCheckBox::toggled, this, &ResolveDialog::updateClosing);
    connect(m_closing, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_settingDefault) {
            m_closingEdited = true;
            m_closingKnown = true;
        }
        updateClosing();
    });
    updateClosing();
    resize(480, sizeHint().height());
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

void ResolveDialog::setDefaultClosingMessage(const QString &text)
{
    if (m_closingEdited)
        return;
    m_settingDefault = true;
    m_closing->setPlainText(text);
    m_settingDefault = false;
    m_closingKnown = true;
    updateClosing();
}

void ResolveDialog::closingMessageUnavailable()
{
    if (m_closingEdited)
        return;
    m_closing->setPlaceholderText(tr("The usual closing message (write here to send your own)"));
}

std::optional<QString> ResolveDialog::closingMessage() const
{
    if (!m_sendClosing->isChecked())
        return QString();
    if (!m_closingKnown)
        return std::nullopt;
    return m_closing->toPlainText().trimmed().left(kMaxClosingChars);
}

void ResolveDialog::setClosingMessage(const QString &text)
{
    m_closing->setPlainText(text); // as typed: the agent's words from now on
}

void ResolveDialog::setSendClosingMessage(bool send)
{
    m_sendClosing->setChecked(send);
}

bool ResolveDialog::openNext() const
{
    return m_next->isChecked();
}

void ResolveDialog::setOpenNext(bool next)
{
    m_next->setChecked(next);
}

void ResolveDialog::updateClosing()
{
    const bool send = m_sendClosing->isChecked();
    m_closing->setEnabled(send);
    const int length = m_closing->toPlainText().trimmed().size();
    const bool tooLong = send && length > kMaxClosingChars;
    if (!send)
        m_closingNote->setText(tr("The customer gets no closing message."));
    else if (tooLong)
        m_closingNote->setText(tr("%1 characters: at most %2 fit.").arg(length).arg(kMaxClosingChars));
    else if (m_closingKnown && length == 0)
        m_closingNote->setText(tr("Empty: the customer gets no closing message."));
    else
        m_closingNote->setText(tr("The customer gets this when you resolve."));
    m_closingNote->setStyleSheet(tooLong ? QStringLiteral("color:#9b1c1c;") : QStringLiteral("color:#5f6b7a;"));
    m_ok->setEnabled(!tooLong);
}

} // namespace tierdesk::ui
