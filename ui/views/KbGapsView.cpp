#include "ui/views/KbGapsView.h"

#include "ui/client/ApiClient.h"
#include "ui/models/KbGapsModel.h"
#include "ui/views/ConfirmButton.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace tierdesk::ui {

KbGapsView::KbGapsView(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new KbGapsModel(this))
{
    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("kbGapsRange"));
    m_range->addItem(tr("Last 7 days"), 7);
    m_range->addItem(tr("Last 30 days"), 30);
    m_range->addItem(tr("Last 90 days"), 90);
    m_range->addItem(tr("All time"), 0);
    m_range->setCurrentIndex(1);
    auto *reload = new QPushButton(tr("Refresh"), this);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("kbGapsSummary"));
    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Asked in:"), this));
    top->addWidget(m_range);
    top->addWidget(reload);
    top->addWidget(m_summary, 1);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("kbGapsTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setWordWrap(false);
    for (int column = 0; column < KbGapsModel::ColumnCount; ++column)
        m_table->horizontalHeader()->setSectionResizeMode(
            column, column == KbGapsModel::Question ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(buildDetail());
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(reload, &QPushButton::clicked, this, &KbGapsView::refresh);
    connect(m_range, &QComboBox::currentIndexChanged, this, &KbGapsView::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &KbGapsView::showCurrent);
    connect(m_draft, &QPushButton::clicked, this, &KbGapsView::draftCurrent);
    connect(m_dismiss, &ConfirmButton::confirmed, this, &KbGapsView::dismissCurrent);
    showCurrent();
}

QWidget *KbGapsView::buildDetail()
{
    auto *box = new QWidget(this);
    m_title = new QLabel(box);
    m_title->setObjectName(QStringLiteral("kbGapTitle"));
    m_title->setWordWrap(true);
    m_examples = new QListWidget(box);
    m_examples->setObjectName(QStringLiteral("kbGapExamples"));
    m_examples->setMaximumHeight(m_examples->fontMetrics().lineSpacing() * 7); // the five wordings, no more
    m_draft = new QPushButton(tr("Draft an article"), box);
    m_draft->setObjectName(QStringLiteral("kbGapDraft"));
    m_draft->setToolTip(tr("Opens a new article with the questions and what your team answered, to edit and save"));
    m_dismiss = new ConfirmButton(tr("Dismiss"), tr("Dismiss: sure?"), box);
    m_dismiss->setObjectName(QStringLiteral("kbGapDismiss"));
    m_dismiss->setToolTip(tr("Hides this group; the same question asked later shows again"));
    m_message = new QLabel(box);
    m_message->setObjectName(QStringLiteral("kbGapMessage"));
    m_message->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_draft);
    buttons->addWidget(m_dismiss);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(new QLabel(tr("Asked as:"), box));
    layout->addWidget(m_examples, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    return box;
}

int KbGapsView::days() const
{
    return m_range->currentData().toInt();
}

QString KbGapsView::currentId() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->keyOf(current.row()) : QString();
}

void KbGapsView::refresh()
{
    const QString keep = currentId();
    ApiReply *r = m_client.kbGaps(days());
    connect(r, &ApiReply::succeeded, this, [this, keep](const QJsonObject &body) {
        const QJsonArray gaps = body.value(QLatin1String("gaps")).toArray();
        m_model->setRows(gaps);
        int questions = 0;
        for (const QJsonValue &g : gaps)
            questions += g.toObject().value(QLatin1String("questions")).toInt();
        m_summary->setText(gaps.isEmpty()
                ? tr("Nothing unanswered: the AI answered every question it was asked.")
                : tr("%n group(s) of questions the AI could not answer", nullptr, int(gaps.size()))
                    + tr(", %n question(s) in all", nullptr, questions));
        select(keep);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
}

void KbGapsView::select(const QString &id)
{
    const int row = id.isEmpty() ? -1 : m_model->rowOf(id);
    if (row >= 0)
        m_table->selectRow(row);
    else
        m_table->setCurrentIndex({});
    showCurrent();
}

void KbGapsView::showCurrent()
{
    const QModelIndex current = m_table->currentIndex();
    const QJsonObject gap = current.isValid() ? m_model->row(current.row()) : QJsonObject();
    m_examples->clear();
    m_draft->setEnabled(!gap.isEmpty());
    m_dismiss->setEnabled(!gap.isEmpty());
    m_dismiss->disarm();
    if (gap.isEmpty()) {
        m_title->setText(tr("Choose a question to see how customers asked it."));
        return;
    }
    m_title->setText(tr("<b>%1</b><br>Asked %n time(s)", nullptr, gap.value(QLatin1String("questions")).toInt())
                         .arg(gap.value(QLatin1String("label")).toString().toHtmlEscaped()));
    for (const QJsonValue &e : gap.value(QLatin1String("examples")).toArray())
        m_examples->addItem(e.toString());
}

void KbGapsView::draftCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    ApiReply *r = m_client.kbGapDraft(id);
    m_draft->setEnabled(false);
    connect(r, &ApiReply::finished, this, [this] { m_draft->setEnabled(!currentId().isEmpty()); });
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &draft) {
        say(tr("A draft is open under Articles: edit it and save it to answer these questions."));
        emit draftReady(draft);
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
}

void KbGapsView::dismissCurrent()
{
    const QString id = currentId();
    if (id.isEmpty())
        return;
    ApiReply *r = m_client.kbGapDismiss(id);
    connect(r, &ApiReply::succeeded, this, [this](const QJsonObject &) {
        say(tr("Dismissed."));
        refresh();
    });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
}

void KbGapsView::say(const QString &text, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color:#b91c1c;") : QStringLiteral("color:#166534;"));
    m_message->setText(text);
    emit status(text);
}

} // namespace tierdesk::ui
