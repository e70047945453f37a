#pragma once

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;

namespace tierdesk::ui {

// Every field of a company's CS config as a form, one group per section: the AI tiers'
// capabilities and response guidelines, the human tier (phone, notification, what a
// person may refund or credit), the irate protocol with its keyword list, the escalation
// rules, SLA targets, queues and how work is assigned, which language model words the AI tiers' replies (ai), and
// which of the company's systems serves orders, customers, refunds, credits and tickets (connectors), and
// how it takes calls (voice: numbers, the AI's voice, recording, who may call). Each
// field is bound to its JSON path; config() is the config last set with the form's values written over it. The form
// itself judges nothing: ConfigView runs core's validator (the one PUT /config runs) and shows its answer here.
class ConfigForm : public QWidget {
    Q_OBJECT

public:
    explicit ConfigForm(QWidget *parent = nullptr);

    void setConfig(const QJsonObject &config);
    QJsonObject config() const;
    // `config` becomes the one the fields' values are written over, the fields keeping theirs: what
    // the form has no field for (the company's profile, policies and the AI's voice, which Settings ›
    // Company edits) follows the server while an edit here is under way. The amounts follow its currency.
    void rebase(const QJsonObject &config);
    // The field bound to a path ("irateProtocol.detectionThreshold"), or nullptr.
    QWidget *field(const QString &path) const { return m_fields.value(path); }
    // Shows the validator's "path: reason" beside its field (empty: clears every error).
    void showProblem(const QString &problem);
    // The field the last problem was shown on (nullptr when none).
    QWidget *problemField() const { return m_problemField; }
    // The registered providers offered for ai.provider besides the built-in one ("local");
    // a provider the config names stays offered even when it is not (any more) registered.
    void setProviders(const QStringList &names);
    // The company's connectors (GET /api/cs/connectors' list): each purpose offers "builtin" and
    // the connectors serving it; a connector the config names stays offered.
    void setConnectors(const QJsonArray &connectors);

signals:
    void edited();

private:
    QGroupBox *tierGroup(const QString &key, const QString &title);
    QGroupBox *repliesGroup();
    QGroupBox *humanGroup();
    QGroupBox *irateGroup();
    QGroupBox *rulesGroup();
    QGroupBox *deskGroup();
    QGroupBox *aiGroup();
    QGroupBox *connectorsGroup();
    QGroupBox *callsGroup();
    void sipAccessRows(QFormLayout *form);
    void showCallAccess(); // the warning while the numbers take calls from anyone
    void offerProvider(const QString &name);
    void offerConnector(const QString &path, const QString &name);
    QGroupBox *group(const QString &section, const QString &title, QFormLayout **form);
    void capabilityRows(QFormLayout *form, const QString &prefix);
    void showCurrency();
    QWidget *bind(const QString &path, QWidget *w);
    QWidget *check(const QString &path, const QString &text);
    QWidget *amount(const QString &path);
    QWidget *whole(const QString &path, int max, const QString &suffix = {});

    QJsonValue read(const QString &path, QWidget *w) const;
    void write(QWidget *w, const QString &path, const QJsonValue &v);

    QHash<QString, QWidget *> m_fields;
    QList<QDoubleSpinBox *> m_amounts; // in the company's currency
    QHash<QString, QLabel *> m_errors; // by section: "aiRep", "irateProtocol", "desk", ...
    QJsonObject m_config;
    QWidget *m_problemField = nullptr;
    QLabel *m_openCalls = nullptr;
};

} // namespace tierdesk::ui
