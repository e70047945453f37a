#include "ui/views/KnowledgeView.h"

#include "core/domain/Enums.h"
#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"
#include "ui/client/KbImporter.h"
#include "ui/models/Display.h"
#include "ui/models/KbModel.h"
#include "ui/models/KbSourcesModel.h"
#include "ui/views/KbGapsView.h"
#include "ui/views/KnowledgeSources.h"
#include "ui/views/PassagesBox.h"

#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace tierdesk::ui {
namespace {

QStringList linesOf(const QString &text)
{
    QStringList out;
    for (const QString &line : text.split(QLatin1Char('\n')))
        if (!line.trimmed().isEmpty())
            out << line.trimmed();
    return out;
}

} // namespace

KnowledgeView::KnowledgeView(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new KbModel(this))
{
    auto *articles = new QSplitter(this);
    articles->addWidget(buildList());
    articles->addWidget(buildEditor());
    articles->setStretchFactor(0, 3);
    articles->setStretchFactor(1, 4);
    m_sources = new KnowledgeSources(client, this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("kbTabs"));
    m_tabs->addTab(articles, tr("Articles"));
    m_tabs->addTab(m_sources, tr("Sources"));
    m_gaps = new KbGapsView(client, this);
    m_tabs->addTab(m_gaps, tr("Gaps"));
    auto *outer = new QVBoxLayout(this);
    outer->addWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentWidget() == m_sources)
            m_sources->refresh();
        else if (m_tabs->currentWidget() == m_gaps)
            m_gaps->refresh();
    });
    connect(m_gaps, &KbGapsView::status, this, &KnowledgeView::status);
    connect(m_gaps, &KbGapsView::draftReady, this, &KnowledgeView::openDraft);
    connect(m_sources, &KnowledgeSources::status, this, &KnowledgeView::status);
    connect(m_sources, &KnowledgeSources::articlesChanged, this, &KnowledgeView::refresh);

    m_searchDelay.setSingleShot(true);
    m_searchDelay.setInterval(250);
    connect(&m_searchDelay, &QTimer::timeout, this, &KnowledgeView::refresh);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchDelay.start(); });
    connect(m_filter, &QComboBox::currentIndexChanged, this, &KnowledgeView::refresh);
    connect(
        m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &current) {
            if (current.isValid())
                open(m_model->data(current, KbModel::IdRole).toLongLong());
        });
    m_deleteArmed.setSingleShot(true);
    m_deleteArmed.setInterval(4000);
    connect(&m_deleteArmed, &QTimer::timeout, this, [this] { m_delete->setText(tr("Delete")); });
    connect(&m_client, &ApiClient::agentChanged, this, &KnowledgeView::applyRole);
    applyRole();
    startNew();
}

QWidget *KnowledgeView::buildList()
{
    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("kbSearch"));
    m_search->setPlaceholderText(tr("Search the knowledge base as the AI does..."));
    m_search->setClearButtonEnabled(true);
    m_filter = new QComboBox(this);
    m_filter->setObjectName(QStringLiteral("kbFilter"));
    m_filter->addItem(tr("All categories"), QString());
    for (const QString &c : allNames<IssueCategory>())
        m_filter->addItem(display::enumLabel(c), c);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("kbTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(KbModel::Title, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();

    m_import = new QPushButton(tr("&Import..."), this);
    m_import->setObjectName(QStringLiteral("kbImport"));
    m_import->setToolTip(tr("A folder of Markdown (front matter: title, category, keywords) or JSON articles"));
    m_addFiles = new QPushButton(tr("Add &files..."), this);
    m_addFiles->setObjectName(QStringLiteral("kbAddFiles"));
    m_addFiles->setToolTip(tr("PDF, HTML, Markdown or text files, each made an article (or drop them here)"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("kbImportProgress"));
    m_progress->hide();
    m_filesResult = new QLabel(this);
    m_filesResult->setObjectName(QStringLiteral("kbFilesResult"));
    m_filesResult->setWordWrap(true);
    m_filesResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_filesResult->hide();
    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Import articles from"));
        if (!folder.isEmpty())
            importFolder(folder);
    });
    connect(m_addFiles, &QPushButton::clicked, this, [this] {
        const QString filter
            = tr("Articles (%1)").arg(QStringLiteral("*.") + fileSuffixes().join(QStringLiteral(" *.")));
        const QStringList files = QFileDialog::getOpenFileNames(this, tr("Add files as articles"), {}, filter);
        if (!files.isEmpty())
            uploadFiles(files);
    });

    auto *listSide = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_filter);
    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_import);
    actions->addWidget(m_addFiles);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_progress);
    listLayout->addWidget(m_filesResult);
    listLayout->addLayout(actions);
    m_passages = new PassagesBox(m_client, this);
    auto *side = new QSplitter(Qt::Vertical, this);
    side->addWidget(listSide);
    side->addWidget(m_passages);
    side->setStretchFactor(0, 3);
    side->setStretchFactor(1, 2);
    return side;
}

QWidget *KnowledgeView::buildEditor()
{
    auto *editor = new QWidget(this);
    auto *form = new QFormLayout;
    m_source = new QLabel(editor);
    m_source->setObjectName(QStringLiteral("kbSource"));
    m_source->setWordWrap(true);
    m_source->setOpenExternalLinks(true);
    m_title = new QLineEdit(editor);
    m_title->setObjectName(QStringLiteral("kbTitle"));
    m_title->setMaxLength(200);
    m_category = new QComboBox(editor);
    m_category->setObjectName(QStringLiteral("kbCategory"));
    for (const QString &c : allNames<IssueCategory>())
        m_category->addItem(display::enumLabel(c), c);
    m_keywords = new QLineEdit(editor);
    m_keywords->setObjectName(QStringLiteral("kbKeywords"));
    m_keywords->setPlaceholderText(tr("comma-separated: what customers say when they mean this"));
    m_content = new QPlainTextEdit(editor);
    m_content->setObjectName(QStringLiteral("kbContent"));
    m_steps = new QPlainTextEdit(editor);
    m_steps->setObjectName(QStringLiteral("kbSteps"));
    m_steps->setPlaceholderText(tr("one step a line"));
    m_steps->setMaximumHeight(90);
    m_related = new QLineEdit(editor);
    m_related->setObjectName(QStringLiteral("kbRelated"));
    m_related->setPlaceholderText(tr("slugs of related articles, comma-separated"));
    form->addRow(m_source);
    form->addRow(tr("&Title"), m_title);
    form->addRow(tr("C&ategory"), m_category);
    form->addRow(tr("&Keywords"), m_keywords);
    form->addRow(tr("C&ontent"), m_content);
    form->addRow(tr("&Steps"), m_steps);
    form->addRow(tr("&Related"), m_related);

    auto *fresh = new QPushButton(tr("&New article"), editor);
    fresh->setObjectName(QStringLiteral("kbNew"));
    m_save = new QPushButton(tr("Sa&ve"), editor);
    m_save->setObjectName(QStringLiteral("kbSave"));
    m_save->setDefault(true);
    m_delete = new QPushButton(tr("Delete"), editor);
    m_delete->setObjectName(QStringLiteral("kbDelete"));
    m_message = new QLabel(editor);
    m_message->setObjectName(QStringLiteral("kbMessage"));
    m_message->setWordWrap(true);
    connect(fresh, &QPushButton::clicked, this, &KnowledgeView::startNew);
    connect(m_save, &QPushButton::clicked, this, &KnowledgeView::save);
    connect(m_delete, &QPushButton::clicked, this, &KnowledgeView::removeCurrent);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(fresh);
    buttons->addStretch(1);
    buttons->addWidget(m_delete);
    buttons->addWidget(m_save);
    auto *layout = new QVBoxLayout(editor);
    layout->addLayout(form, 1);
    layout->addWidget(m_message);
    layout->addLayout(buttons);
    return editor;
}

QString KnowledgeView::originOf(const QJsonObject &a)
{
    const int views = a.value(QLatin1String("views")).toInt();
    const QJsonObject source = a.value(QLatin1String("source")).toObject();
    const QString kind = source.value(QLatin1String("kind")).toString();
    const QString url = source.value(QLatin1String("url")).toString().toHtmlEscaped();
    QString text;
    if (kind.isEmpty())
        text = tr("Your company's article (%1), read %n time(s).", nullptr, views)
                   .arg(a.value(QLatin1String("slug")).toString().toHtmlEscaped());
    else if (kind == QLatin1String("file"))
        text = tr("From the file %1, read %n time(s).", nullptr, views).arg(QStringLiteral("<b>%1</b>").arg(url));
    else
        text = tr("Imported from %1 %2, read %n time(s).", nullptr, views)
                   .arg(KbSourcesModel::kindLabel(kind).toHtmlEscaped(),
                       QStringLiteral("<a href=\"%1\">%1</a>").arg(url));
    // A person's change since: the source's later syncs leave this article alone.
    if (a.value(QLatin1String("edited")).toBool())
        text += QStringLiteral(" <b>%1</b>").arg(tr("Edited since by a person: syncs leave it alone.").toHtmlEscaped());
    return text;
}

void KnowledgeView::refresh()
{
    if (isAdmin() && m_tabs->currentWidget() == m_sources)
        m_sources->refresh();
    ApiReply *r = m_client.kbList(m_search->text(), m_filter->currentData().toString());
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &body) {
        m_model->setArticles(body.value(QLatin1String("articles")).toArray());
        if (const int row = m_model->rowOf(m_id); row >= 0)
            m_table->selectRow(row);
        emit status(tr("%n article(s)", nullptr, body.value(QLatin1String("total")).toInt()));
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
}

void KnowledgeView::open(qint64 id)
{
    if (id == m_id)
        return;
    ApiReply *r = m_client.kbArticle(id);
    connect(r, &ApiReply::succeeded, this, &KnowledgeView::fill);
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
}

void KnowledgeView::fill(const QJsonObject &a)
{
    m_id = a.value(QLatin1String("id")).toInteger();
    m_title->setText(a.value(QLatin1String("title")).toString());
    if (const int i = m_category->findData(a.value(QLatin1String("category")).toString()); i >= 0)
        m_category->setCurrentIndex(i);
    QStringList keywords;
    for (const QJsonValue &k : a.value(QLatin1String("keywords")).toArray())
        keywords << k.toString();
    m_keywords->setText(keywords.join(QStringLiteral(", ")));
    m_content->setPlainText(a.value(QLatin1String("content")).toString());
    QStringList steps;
    for (const QJsonValue &s : a.value(QLatin1String("steps")).toArray())
        steps << s.toString();
    m_steps->setPlainText(steps.join(QLatin1Char('\n')));
    QStringList related;
    for (const QJsonValue &s : a.value(QLatin1String("relatedArticles")).toArray())
        related << s.toString();
    m_related->setText(related.join(QStringLiteral(", ")));
    m_source->setText(originOf(a));
    m_delete->setEnabled(m_id > 0);
    m_delete->setText(tr("Delete"));
    m_message->clear();
}

void KnowledgeView::openDraft(const QJsonObject &draft)
{
    m_tabs->setCurrentIndex(0);
    m_table->clearSelection();
    QJsonObject article = draft;
    article.remove(QStringLiteral("id"));
    fill(article);
    const QJsonArray refused = draft.value(QLatin1String("guardNotes")).toArray();
    if (draft.value(QLatin1String("wordedBy")).toString() == QLatin1String("model"))
        m_source->setText(tr("A draft the AI (%1) wrote from what your team answered: check it, then save it.")
                              .arg(draft.value(QLatin1String("model")).toString()));
    else if (!refused.isEmpty())
        m_source->setText(tr("The AI's draft stated what your team never said (%1), so the questions and answers "
                             "are quoted instead: edit them, then save.")
                              .arg(refused.first().toString()));
    else
        m_source->setText(tr("A draft from what customers asked and what your team answered: edit it, then save it."));
    m_delete->setEnabled(false);
}

void KnowledgeView::startNew()
{
    fill(QJsonObject{{QStringLiteral("category"), QStringLiteral("GENERAL_INQUIRY")}});
    m_source->setText(tr("A new article for your company."));
    m_delete->setEnabled(false);
    m_table->clearSelection();
}

QJsonObject KnowledgeView::edited() const
{
    QJsonArray related;
    for (const QString &slug : m_related->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        related.append(slug.trimmed());
    return {{QStringLiteral("title"), m_title->text().trimmed()},
        {QStringLiteral("category"), m_category->currentData().toString()},
        {QStringLiteral("keywords"), m_keywords->text()}, {QStringLiteral("content"), m_content->toPlainText()},
        {QStringLiteral("steps"), QJsonArray::fromStringList(linesOf(m_steps->toPlainText()))},
        {QStringLiteral("relatedArticles"), related}};
}

void KnowledgeView::save()
{
    ApiReply *r = m_client.kbSave(m_id, edited());
    m_save->setEnabled(false);
    connect(r, &ApiReply::finished, this, [this] { m_save->setEnabled(true); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &saved) {
        // A person's change to an imported article marks it edited; the PUT's answer still says
        // what the article was before the write, so it is said here at once.
        QJsonObject article = saved;
        if (article.contains(QLatin1String("source")))
            article.insert(QStringLiteral("edited"), true);
        fill(article);
        say(tr("Saved. The AI answers from these words from the next message on."));
        refresh();
        if (isSupervisor())
            m_gaps->refresh(); // the questions the article now answers are no longer gaps
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        const QString field = e.details.value(QLatin1String("field")).toString();
        say(field.isEmpty() ? e.message : tr("%1 (%2)").arg(e.message, field), true);
    });
}

void KnowledgeView::removeCurrent()
{
    if (m_id == 0)
        return;
    if (!m_deleteArmed.isActive()) { // the first click asks, the second within 4 s deletes
        m_delete->setText(tr("Click again to delete"));
        m_deleteArmed.start();
        return;
    }
    m_deleteArmed.stop();
    ApiReply *r = m_client.kbDelete(m_id);
    connect(r, &ApiReply::succeeded, this, [this] {
        say(tr("Deleted."));
        startNew();
        refresh();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
}

void KnowledgeView::importFolder(const QString &path)
{
    auto *importer = new KbImporter(m_client, this);
    m_import->setEnabled(false);
    m_progress->setRange(0, 0); // busy until the files are read
    m_progress->show();
    connect(importer, &KbImporter::progress, this, [this](int done, int total, const QString &file) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
        m_progress->setFormat(tr("%v of %m: %1").arg(QFileInfo(file).fileName()));
    });
    connect(
        importer, &KbImporter::finished, this, [this, importer](int created, int updated, const QStringList &failures) {
            importer->deleteLater();
            m_import->setEnabled(true);
            m_progress->hide();
            const QString summary = tr("Imported: %1 new, %2 updated.").arg(created).arg(updated);
            say(failures.isEmpty()
                    ? summary
                    : summary + QLatin1Char(' ') + tr("Not imported: %1").arg(failures.join(QStringLiteral("; "))),
                !failures.isEmpty());
            refresh();
        });
    importer->start(path);
}

const QStringList &KnowledgeView::fileSuffixes()
{
    static const QStringList suffixes{QStringLiteral("pdf"), QStringLiteral("html"), QStringLiteral("htm"),
        QStringLiteral("md"), QStringLiteral("markdown"), QStringLiteral("txt")};
    return suffixes;
}

bool KnowledgeView::isAdmin() const
{
    return m_client.agent().value(QLatin1String("role")).toString() == QLatin1String("admin");
}

bool KnowledgeView::isSupervisor() const
{
    const QString role = m_client.agent().value(QLatin1String("role")).toString();
    return role == QLatin1String("supervisor") || role == QLatin1String("admin");
}

void KnowledgeView::applyRole()
{
    // Sources and files are the admin's (the API answers others 403).
    const bool admin = isAdmin();
    m_tabs->setTabVisible(m_tabs->indexOf(m_sources), admin);
    m_tabs->setTabVisible(m_tabs->indexOf(m_gaps), isSupervisor()); // what the AI could not answer
    m_addFiles->setVisible(admin);
    setAcceptDrops(admin);
}

void KnowledgeView::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    const bool files = std::any_of(urls.begin(), urls.end(), [](const QUrl &u) { return u.isLocalFile(); });
    if (isAdmin() && files)
        event->acceptProposedAction();
}

void KnowledgeView::dropEvent(QDropEvent *event)
{
    if (!isAdmin())
        return;
    QStringList paths;
    for (const QUrl &u : event->mimeData()->urls())
        if (u.isLocalFile())
            paths << u.toLocalFile();
    if (paths.isEmpty())
        return;
    event->acceptProposedAction();
    uploadFiles(paths);
}

void KnowledgeView::uploadFiles(const QStringList &paths)
{
    QList<ApiClient::KbFile> files;
    QStringList notSent; // "name: reason" for what never left this machine
    qint64 total = 0;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        QFile f(path);
        if (info.isDir())
            notSent << tr("%1: a folder (Import... reads folders)").arg(info.fileName());
        else if (files.size() >= kMaxFiles)
            notSent << tr("%1: at most %2 files at once").arg(info.fileName()).arg(kMaxFiles);
        else if (info.size() > kMaxFileBytes || total + info.size() > kMaxUploadBytes)
            notSent << tr("%1: too large (20 MB a file, 110 MB at once)").arg(info.fileName());
        else if (!f.open(QIODevice::ReadOnly))
            notSent << tr("%1: %2").arg(info.fileName(), f.errorString());
        else {
            files.append({info.fileName(), f.readAll()});
            total += info.size();
        }
    }
    if (files.isEmpty()) {
        showUploaded({}, notSent);
        return;
    }
    m_addFiles->setEnabled(false);
    m_progress->setRange(0, 0); // busy while the server reads them
    m_progress->setFormat(QString());
    m_progress->show();
    ApiReply *r = m_client.kbUploadFiles(files);
    connect(r, &ApiReply::finished, this, [this] {
        m_addFiles->setEnabled(true);
        m_progress->hide();
    });
    connect(r, &ApiReply::succeeded, this, [this, notSent](const QJsonObject &body) {
        showUploaded(body, notSent);
        refresh();
    });
    connect(r, &ApiReply::failed, this,
        [this, notSent](const ApiError &e) { showUploaded({}, QStringList{e.message} + notSent); });
}

void KnowledgeView::showUploaded(const QJsonObject &body, const QStringList &notSent)
{
    QStringList made;
    for (const QJsonValue &v : body.value(QLatin1String("articles")).toArray())
        made << v.toObject().value(QLatin1String("title")).toString().toHtmlEscaped();
    QStringList failed;
    for (const QJsonValue &v : body.value(QLatin1String("failed")).toArray())
        failed << tr("%1: %2").arg(v.toObject().value(QLatin1String("file")).toString(),
            v.toObject().value(QLatin1String("error")).toString());
    failed << notSent;
    QString html = made.isEmpty()
        ? tr("No article was made.")
        : tr("%n article(s) made: %1", nullptr, int(made.size())).arg(made.join(QStringLiteral(", ")));
    html = QStringLiteral("<span style='color:#166534'>%1</span>").arg(made.isEmpty() ? html.toHtmlEscaped() : html);
    if (!failed.isEmpty()) {
        html += QStringLiteral("<br><span style='color:#b91c1c'>%1</span><ul style='margin:0'>")
                    .arg(tr("Not read:").toHtmlEscaped());
        for (const QString &f : std::as_const(failed))
            html += QStringLiteral("<li style='color:#b91c1c'>%1</li>").arg(f.toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    m_filesResult->setText(html);
    m_filesResult->show();
    emit status(made.isEmpty() ? tr("No article was made.") : tr("%n article(s) made", nullptr, int(made.size())));
    emit filesUploaded();
}

void KnowledgeView::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QStringLiteral("color:#166534;"));
    m_message->setText(text);
    emit status(text);
}

} // namespace tierdesk::ui
