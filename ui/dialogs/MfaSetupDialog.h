#pragma once

#include <QDialog>

namespace tierdesk::ui {

class ApiClient;
class MfaSetupPanel;

// Settings › Sign-in's "Set up": the second factor's setup (MfaSetupPanel) in a dialog of its
// own, accepted once the recovery codes are saved. Shown with open().
class MfaSetupDialog : public QDialog {
    Q_OBJECT

public:
    explicit MfaSetupDialog(ApiClient &client, QWidget *parent = nullptr);
    MfaSetupPanel *panel() const { return m_panel; }

private:
    MfaSetupPanel *m_panel;
};

} // namespace tierdesk::ui
