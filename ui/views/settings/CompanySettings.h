#pragma once

#include "ui/views/settings/FieldErrors.h"

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;

namespace tierdesk::ui {

class ApiClient;
struct ApiError;
class PlansModel;

// Settings › Company (admins; docs/api.md, "The company's profile, policies and voice"): how
// customers reach the company, its time zone and currency; its policies (the return window, longer
// for some customer tiers, the order statuses a customer may still cancel, the self-service links,
// the membership and its plans); and the AI's voice (its name, greeting and the company's guidance
// to a language model). Read with GET /api/cs/config; Save sends only these three sections (the
// server merges them into the rest). A value the server refuses is named under its field.
class CompanySettings : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMaxGuidance = 4000; // characters of ai.guidance

    explicit CompanySettings(ApiClient &client, QWidget *parent = nullptr);

    PlansModel &plans() { return *m_plans; }
    // What Save sends: {"company", "policies", "ai": {"persona", "greeting", "guidance"}}.
    QJsonObject body() const;
    // The error shown under an API field ("company.currency", "policies.plans"), "" when none.
    QString fieldError(const QString &field) const { return m_errors.error(field); }

public slots:
    void refresh();
    void save();

signals:
    void loaded();
    void saved();

private:
    QWidget *buildProfile();
    QWidget *buildPolicies();
    QWidget *buildTierWindows(QWidget *parent);
    QWidget *buildPlans(QWidget *parent);
    QWidget *buildVoice();
    void showConfig(const QJsonObject &config);
    void showPolicies(const QJsonObject &policies);
    void addTierWindow(const QString &tier, int days);
    QJsonObject policiesBody() const;
    void showError(const ApiError &e);
    void showCurrency();
    void countGuidance();
    void say(const QString &text, bool error);

    ApiClient &m_client;
    FieldErrors m_errors;
    // profile
    QLineEdit *m_website;
    QLineEdit *m_email;
    QLineEdit *m_phone;
    QComboBox *m_timeZone;
    QComboBox *m_currency;
    QLabel *m_currencySample;
    // policies
    QSpinBox *m_returnWindow;
    QTableWidget *m_tierWindows;
    QLineEdit *m_cancellable;
    QLineEdit *m_selfOrders;
    QLineEdit *m_selfReturns;
    QLineEdit *m_selfAccount;
    QLineEdit *m_selfSubscription;
    QLineEdit *m_membership;
    PlansModel *m_plans;
    QTableView *m_planTable;
    // the AI's voice
    QLineEdit *m_persona;
    QLineEdit *m_greeting;
    QPlainTextEdit *m_guidance;
    QLabel *m_guidanceCount;
    QPushButton *m_save;
    QLabel *m_message;
};

} // namespace tierdesk::ui
