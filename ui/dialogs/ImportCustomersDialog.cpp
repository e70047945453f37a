#include "ui/dialogs/ImportCustomersDialog.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ApiReply.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

// What the server reads at most (docs/api.md, "Import").
constexpr qint64 kMaxImportBytes = 50LL * 1024 * 1024;

ImportCustomersDialog::FileHook &fileHook()
{
    static ImportCustomersDialog::FileHook hook;
    return hook;
}

} // namespace

void ImportCustomersDialog::setFileHook(FileHook hook)
{
    fileHook() = std::move(hook);
}

QString ImportCustomersDialog::chooseFile(QWidget *parent)
{
    if (fileHook())
        return fileHook()();
    return QFileDialog::getOpenFileName(parent, tr("Import customers"), QString(),
        tr("Customers (*.csv *.ndjson *.jsonl);;CSV (*.csv);;All files (*)"));
}

ImportCustomersDialog::ImportCustomersDialog(ApiClient &client, const QString &path, QWidget *parent)
    : QDialog(parent), m_client(client), m_path(path)
{
    setObjectName(QStringLiteral("importCustomersDialog"));
    setWindowTitle(tr("Import customers from %1").arg(QFileInfo(path).fileName()));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("importSummary"));
    m_summary->setWordWrap(true);
    m_failed = new QTableWidget(0, 3, this);
    m_failed->setObjectName(QStringLiteral("importFailed"));
    m_failed->setHorizontalHeaderLabels({tr("Line"), tr("Field"), tr("Reason")});
    m_failed->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_failed->verticalHeader()->hide();
    m_failed->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_failed->horizontalHeader()->setStretchLastSection(true);
    m_failed->hide();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_import = m_buttons->addButton(tr("&Import"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importRun"));
    m_import->setEnabled(false);
    connect(m_import, &QPushButton::clicked, this, &ImportCustomersDialog::importNow);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_failed, 1);
    layout->addWidget(m_buttons);
    resize(620, 420);

    QFile file(path);
    const QString suffix = QFileInfo(path).suffix().toLower();
    m_type
        = suffix == QLatin1String("ndjson") || suffix == QLatin1String("jsonl") ? "application/x-ndjson" : "text/csv";
    if (file.size() > kMaxImportBytes) {
        m_stage = Stage::Failed;
        m_summary->setText(tr("%1 is larger than the 50 MB an import may be.").arg(QFileInfo(path).fileName()));
    } else if (!file.open(QIODevice::ReadOnly)) {
        m_stage = Stage::Failed;
        m_summary->setText(tr("%1 cannot be read: %2").arg(QFileInfo(path).fileName(), file.errorString()));
    } else {
        m_data = file.readAll();
        run(true);
    }
}

void ImportCustomersDialog::importNow()
{
    if (m_stage == Stage::Checked)
        run(false);
}

void ImportCustomersDialog::run(bool dryRun)
{
    m_stage = dryRun ? Stage::Checking : Stage::Importing;
    m_import->setEnabled(false);
    m_summary->setText(dryRun ? tr("Checking %1 (nothing is written yet)...").arg(QFileInfo(m_path).fileName())
                              : tr("Importing %1...").arg(QFileInfo(m_path).fileName()));
    ApiReply *r = m_client.importCustomers(m_data, m_type, dryRun);
    connect(r, &ApiReply::succeeded, this, [this, dryRun](const QJsonObject &report) { showReport(report, dryRun); });
    connect(r, &ApiReply::failed, this, [this](const ApiError &e) {
        m_stage = Stage::Failed;
        m_summary->setText(tr("The import was refused: %1").arg(e.message));
    });
}

QString ImportCustomersDialog::summary() const
{
    return m_summary->text();
}

void ImportCustomersDialog::showReport(const QJsonObject &report, bool dryRun)
{
    m_report = report;
    const int created = report.value(QLatin1String("created")).toInt();
    const int updated = report.value(QLatin1String("updated")).toInt();
    const int unchanged = report.value(QLatin1String("unchanged")).toInt();
    const QJsonArray failed = report.value(QLatin1String("failed")).toArray();
    const int refused = qMax(int(failed.size()), report.value(QLatin1String("failedCount")).toInt());
    const QString counts = dryRun
        ? tr("Checked; nothing is written yet. Importing would create %1, update %2 and leave %3 unchanged.")
              .arg(created)
              .arg(updated)
              .arg(unchanged)
        : tr("Imported: %1 created, %2 updated, %3 unchanged.").arg(created).arg(updated).arg(unchanged);
    const QString refusedText = refused == 0 ? QString()
        : dryRun ? tr("%n row(s) would be refused; the others can be imported:", nullptr, refused)
                 : tr("%n row(s) were refused:", nullptr, refused);
    m_summary->setText(refusedText.isEmpty() ? counts : counts + QLatin1Char('\n') + refusedText);
    m_failed->setRowCount(0);
    for (const QJsonValue &v : failed) {
        const QJsonObject f = v.toObject();
        const int row = m_failed->rowCount();
        m_failed->insertRow(row);
        m_failed->setItem(row, 0, new QTableWidgetItem(QString::number(f.value(QLatin1String("line")).toInt())));
        m_failed->setItem(row, 1, new QTableWidgetItem(f.value(QLatin1String("field")).toString()));
        m_failed->setItem(row, 2, new QTableWidgetItem(f.value(QLatin1String("error")).toString()));
    }
    m_failed->setVisible(!failed.isEmpty());
    if (dryRun) {
        m_stage = Stage::Checked;
        m_import->setEnabled(created + updated > 0);
        m_import->setDefault(true);
        return;
    }
    m_stage = Stage::Imported;
    m_import->hide();
    m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    emit imported(report);
}

} // namespace tierdesk::ui
