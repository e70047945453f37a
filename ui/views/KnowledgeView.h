#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;

namespace tierdesk::ui {

class ApiClient;
class KbModel;
class KbGapsView;
class KnowledgeSources;
class PassagesBox;

// The knowledge base the AI tiers answer from: search it as they rank it, read and edit an
// article (title, category, keywords, content, steps, related articles; an imported one says
// where it came from), make or delete one, and see the passages the AI reads for a question.
// A supervisor or admin has the Gaps tab (what the AI could not answer, drafted into articles).
// An admin also has the Sources tab (the company's help center kept in sync) and gives files
// (PDF, HTML, Markdown, text) by dropping them on the view or with "Add files...".
class KnowledgeView : public QWidget {
    Q_OBJECT

public:
    explicit KnowledgeView(ApiClient &client, QWidget *parent = nullptr);
    KbModel &model() { return *m_model; }
    qint64 currentId() const { return m_id; }
    QTabWidget *tabs() const { return m_tabs; }
    KnowledgeSources *sources() const { return m_sources; }
    KbGapsView *gaps() const { return m_gaps; }
    PassagesBox *passages() const { return m_passages; }
    // What POST /api/cs/kb/files takes at once.
    static constexpr int kMaxFiles = 20;
    static constexpr qint64 kMaxFileBytes = 20LL * 1024 * 1024;
    static constexpr qint64 kMaxUploadBytes = 110LL * 1024 * 1024;
    // Every file type /api/cs/kb/files reads, as suffixes.
    static const QStringList &fileSuffixes();

public slots:
    void refresh();
    // Imports a folder (or file) of Markdown/JSON articles with a progress bar; the
    // "Import..." button asks for the folder first.
    void importFolder(const QString &path);
    // Gives the files to POST /api/cs/kb/files and shows what became of each (admin).
    void uploadFiles(const QStringList &paths);

signals:
    void status(const QString &text);
    // An upload's answer was shown (its articles made, its files failed).
    void filesUploaded();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *buildList();
    QWidget *buildEditor();
    bool isAdmin() const;
    bool isSupervisor() const;
    // A gap's draft (KbGapsView::draftReady) in the editor as a new article.
    void openDraft(const QJsonObject &draft);
    // Where an article came from (its source and address, or its file) and whether a person edited it.
    static QString originOf(const QJsonObject &article);
    void applyRole();
    void showUploaded(const QJsonObject &body, const QStringList &notSent);
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
    QPushButton *m_addFiles;
    QLabel *m_filesResult;
    QProgressBar *m_progress;
    QTabWidget *m_tabs;
    KnowledgeSources *m_sources;
    KbGapsView *m_gaps;
    PassagesBox *m_passages;
    QTimer m_searchDelay;
    QTimer m_deleteArmed; // a first click on Delete arms it for a few seconds; the second deletes
    qint64 m_id = 0; // the article in the editor; 0: a new one
};

} // namespace tierdesk::ui
