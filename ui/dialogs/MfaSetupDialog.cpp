#include "ui/dialogs/MfaSetupDialog.h"

#include "ui/dialogs/MfaSetupPanel.h"

#include <QDialogButtonBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace tierdesk::ui {

MfaSetupDialog::MfaSetupDialog(ApiClient &client, QWidget *parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("mfaSetupDialog"));
    setWindowTitle(tr("Set up a second factor"));
    m_panel = new MfaSetupPanel(client, this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_panel);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Once the codes are shown the factor is on: leaving is "Continue", not "Cancel".
    connect(m_panel, &MfaSetupPanel::completed, this, &QDialog::accept);
    setMinimumWidth(440);
}

} // namespace tierdesk::ui
