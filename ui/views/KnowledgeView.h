#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableView;

namespace tierdesk::ui {

class ApiClient;
class KbModel;

// The knowledge base the AI tiers answer from: search it as they rank it, read and edit an
// article (title, category, keywords, content, steps, related articles), make or delete one.
class KnowledgeView : public QWidget {
    Q_OBJECT

public:
    explicit KnowledgeView(ApiClient &client, QWidget *parent = nullptr);
    KbModel &model() { return *m_model; }
    qint64 currentId() const { return m_id; }

public slots:
    void refresh();
    // Imports a folder (or file) of Markdown/JSON articles with a progress bar; the
    // "Import..." button asks for the folder first.
    void importFolder(const QString &path);

signals:
    void status(const QString &text);

private:
    QWidget *buildEditor();
    void open(qint64 id);
    void fill(const QJsonObject &article);
    void startNew();
    void save();
    void removeCurrent();
    void say(const QString &text, bool error = false);
    QJsonObject edited() const;

    ApiClient &m_client;
    KbModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_filter;
    QTableView *m_table;
    QLineEdit *m_title;
    QComboBox *m_category;
    QLineEdit *m_keywords;
    QPlainTextEdit *m_content;
    QPlainTextEdit *m_steps;
    QLineEdit *m_related;
    QLabel *m_source;
    QLabel *m_message;
    QPushButton *m_save;
    QPushButton *m_delete;
    QPushButton *m_import;
    QProgressBar *m_progress;
    QTimer m_searchDelay;
    QTimer m_deleteArmed; // a first click on Delete arms it for a few seconds; the second deletes
    qint64 m_id = 0; // the article in the editor; 0: a new one
};

} // namespace tierdesk::ui
