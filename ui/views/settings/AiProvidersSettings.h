#pragma once

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace tierdesk::ui {

class AiProvidersModel;
class ApiClient;
class ConfirmButton;
struct ApiError;

// Settings > AI providers (admins): the company's language-model providers (name, kind,
// base URL, whether a key is kept, timeout, prices), a form to add one (the API key is
// write-only: sent once, never shown again), Remove (a second click confirms), and Test:
// one short request to the selected provider with a model the admin names, answered with
// the latency and the model's words or the provider's error.
class AiProvidersSettings : public QWidget {
    Q_OBJECT

public:
    explicit AiProvidersSettings(ApiClient &client, QWidget *parent = nullptr);
    AiProvidersModel &model() { return *m_model; }
    QString selectedName() const;
    QString testResult() const;

public slots:
    void refresh();

signals:
    void loaded();
    void added();
    void removed();
    void tested();

private:
    QWidget *buildAddForm();
    QWidget *buildTest();
    void add();
    void remove();
    void test();
    void followSelection();
    void followKind();
    void say(const QString &text, bool error = false);
    void sayError(const ApiError &e);

    ApiClient &m_client;
    AiProvidersModel *m_model;
    QTableView *m_table;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_baseUrl;
    QLineEdit *m_apiKey;
    QSpinBox *m_timeout;
    QDoubleSpinBox *m_priceInput;
    QDoubleSpinBox *m_priceOutput;
    QPushButton *m_add;
    ConfirmButton *m_remove;
    QLineEdit *m_testModel;
    QPushButton *m_test;
    QLabel *m_testResult;
    QLabel *m_message;
};

} // namespace tierdesk::ui
