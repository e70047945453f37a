#pragma once

#include <QGroupBox>
#include <QJsonArray>

class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace tierdesk::ui {

class ApiClient;

// "What the AI reads": a question typed here is ranked over the company's passages as the AI
// ranks a customer's (GET /api/cs/kb/search), and the passages it would read are shown best
// first with their article's title, section heading, text, score and the page they came from.
// So a person sees why the AI answered as it did, or why it could not.
class PassagesBox : public QGroupBox {
    Q_OBJECT

public:
    static constexpr int kPassages = 5;

    explicit PassagesBox(ApiClient &client, QWidget *parent = nullptr);
    // The passages of the last answer, as the API gave them.
    const QJsonArray &passages() const { return m_passages; }

public slots:
    void ask(const QString &question);

signals:
    void answered();

private:
    void show(const QJsonArray &passages);

    ApiClient &m_client;
    QLineEdit *m_question;
    QPushButton *m_ask;
    QTextBrowser *m_view;
    QJsonArray m_passages;
    int m_generation = 0; // only the latest question's answer is shown
};

} // namespace tierdesk::ui
