#pragma once

#include <QJsonObject>
#include <QWidget>

class QDateEdit;
class QLabel;
class QPushButton;
class QScrollArea;
class QTabWidget;
class QTableView;

namespace tierdesk::ui {

class ApiClient;
class ConfigForm;
class ConfigHistoryModel;
class SimulationModel;
class ModelTrialModel;

// The admin's configuration editor: every field of the company's CS config (ConfigForm),
// judged as it is edited by api/cs's validateConfig, the code PUT /config runs. A change
// to the irate protocol, the escalation rules or a tier's capabilities or switch is first
// replayed over the stored conversations of a period (POST /config/simulate, "What if…"):
// the first Save of such a change shows what it would have done, the next one saves it.
// An edited "ai" section is tried the same way on request: the what-if's second tab shows the
// replies the candidate model would have sent, as the reply guard judged them.
// Below, the history of config changes from the audit log, field by field. The company's profile,
// policies and the AI's voice are Settings › Company's: this page neither shows nor sends them, and
// follows their changes (the caps are in the company's currency) without losing an edit under way.
class ConfigView : public QWidget {
    Q_OBJECT

public:
    explicit ConfigView(ApiClient &client, QWidget *parent = nullptr);

    ConfigForm &form() { return *m_form; }
    SimulationModel &simulation() { return *m_simulation; }
    ModelTrialModel &modelTrial() { return *m_trial; }
    ConfigHistoryModel &history() { return *m_history; }
    // The validator's answer for the form as it is ("" when valid).
    const QString &problem() const { return m_problem; }
    bool canSave() const;
    void setPeriod(const QDate &from, const QDate &to);
    // True when saving the form needs a what-if first (and none was run for it).
    bool needsWhatIf() const;

    // Signed in to another company: the page loads that company's config when shown next.
    void forgetCompany();

public slots:
    void refresh();
    void save();
    void simulate();
    void revert();

signals:
    void openSession(const QString &sessionId, bool readOnly);
    void status(const QString &text);
    void loaded();
    void saved();
    void saveRefused(const QString &why);
    void simulated();
    void historyLoaded();
    void providersLoaded();
    void connectorsLoaded();

protected:
    void showEvent(QShowEvent *event) override;

private:
    static constexpr int kEscalationTab = 0;
    static constexpr int kModelTab = 1;
    static QString whatIfHint(); // the what-if's summary line before a run

    QWidget *buildWhatIf();
    QWidget *buildEscalationChanges();
    QWidget *buildModelTrial();
    // A what-if's answer in its two tabs; an empty one clears them.
    void showWhatIf(const QJsonObject &report);
    QWidget *buildHistory();
    void validate();
    void fitForm(); // the form pane never narrower than the form (it grows with open business hours)
    void showConfig(const QJsonObject &config);
    void takeConfig(const QJsonObject &config);
    void loadHistory();
    void loadProviders();
    void loadConnectors();
    void say(const QString &text, bool error = false);
    QJsonObject body() const;

    ApiClient &m_client;
    ConfigForm *m_form;
    SimulationModel *m_simulation;
    ModelTrialModel *m_trial;
    ConfigHistoryModel *m_history;
    QLabel *m_title;
    QLabel *m_message;
    QLabel *m_capWarning;
    QScrollArea *m_scroll;
    QPushButton *m_save;
    QPushButton *m_revert;
    QDateEdit *m_from;
    QDateEdit *m_to;
    QPushButton *m_whatIf;
    QLabel *m_summary;
    QTableView *m_simulationTable;
    QTabWidget *m_whatIfTabs;
    QTableView *m_trialTable;
    QLabel *m_trialSummary;
    QTableView *m_historyTable;
    QJsonObject m_loaded; // as the server has it (without companyId)
    QJsonObject m_simulatedFor; // the config the shown what-if ran with
    QString m_problem;
    bool m_everLoaded = false;
};

} // namespace tierdesk::ui
