#include "ui/views/AnalyticsView.h"

#include "ui/client/ApiClient.h"
#include "ui/client/ReportExporter.h"
#include "ui/models/AnalyticsModel.h"
#include "ui/models/Display.h"
#include "ui/views/AnalyticsCharts.h"
#include "ui/views/ReasonSessionsDialog.h"

#include <QAbstractBarSeries>
#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDateEdit>
#include <QFileDialog>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace tierdesk::ui {
namespace {

QDateEdit *dateEdit(const QString &name, const QDate &date, QWidget *parent)
{
    auto *edit = new QDateEdit(date, parent);
    edit->setObjectName(name);
    edit->setCalendarPopup(true);
    edit->setDisplayFormat(QLocale().dateFormat(QLocale::ShortFormat));
    return edit;
}

// The model's tiers, channels and agents with their satisfaction and ratings only.
class RatingsFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QString section
            = sourceModel()->index(row, AnalyticsModel::Section, parent).data(AnalyticsModel::ValueRole).toString();
        return section == QLatin1String("tier") || section == QLatin1String("channel")
            || section == QLatin1String("agent");
    }
    bool filterAcceptsColumn(int column, const QModelIndex &) const override
    {
        return column == AnalyticsModel::Section || column == AnalyticsModel::Name
            || column == AnalyticsModel::Satisfaction || column == AnalyticsModel::Ratings;
    }
};

} // namespace

AnalyticsView::AnalyticsView(ApiClient &client, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(new AnalyticsModel(this)), m_exporter(new ReportExporter(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(buildControls());
    // Below the controls the page scrolls when the window is too low for the tiles, the charts at
    // their least height and the table (longer German captions at 800 px), rather than squeezing them.
    auto *content = new QWidget(this);
    auto *page = new QVBoxLayout(content);
    page->setContentsMargins(0, 0, 0, 0);
    page->addWidget(buildFigures());
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("analyticsScroll"));
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);

    auto *split = new QSplitter(Qt::Vertical, content);
    QWidget *grid = buildCharts(split);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("analyticsTable"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setToolTip(tr("Double-click a reason for contact to list its sessions"));
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &index) {
        if (m_model->index(index.row(), AnalyticsModel::Section).data(AnalyticsModel::ValueRole).toString()
            == QLatin1String("contact"))
            showReason(m_model->index(index.row(), AnalyticsModel::Name).data(AnalyticsModel::ValueRole).toString());
    });
    auto *bottom = new QSplitter(Qt::Horizontal, split);
    bottom->addWidget(m_table);
    bottom->addWidget(buildRatings());
    bottom->setStretchFactor(0, 3);
    bottom->setStretchFactor(1, 2);
    bottom->setMinimumHeight(110); // a few of the table's rows, also when the page scrolls
    split->addWidget(grid);
    split->addWidget(bottom);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    page->addWidget(split, 1);
    scroll->setWidget(content);
    layout->addWidget(scroll, 1);

    connect(m_exporter, &ReportExporter::progress, m_progress, &QProgressBar::setValue);
    connect(m_exporter, &ReportExporter::finished, this, [this](const QString &path, const QString &error) {
        m_csv->setEnabled(true);
        m_pdf->setEnabled(true);
        m_progress->hide();
        say(error.isEmpty() ? tr("Exported %1").arg(path) : tr("Export failed: %1").arg(error), !error.isEmpty());
        emit exported(path, error);
    });
}

QWidget *AnalyticsView::buildControls()
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    m_from = dateEdit(QStringLiteral("analyticsFrom"), today.addDays(-29), bar);
    m_to = dateEdit(QStringLiteral("analyticsTo"), today, bar);
    m_group = new QComboBox(bar);
    m_group->setObjectName(QStringLiteral("analyticsGroup"));
    m_group->addItem(tr("By day"), QStringLiteral("day"));
    m_group->addItem(tr("By week"), QStringLiteral("week"));
    m_group->addItem(tr("By month"), QStringLiteral("month"));
    m_refresh = new QPushButton(tr("Refresh"), bar);
    m_refresh->setObjectName(QStringLiteral("analyticsRefresh"));
    m_csv = new QPushButton(tr("Export CSV..."), bar);
    m_csv->setObjectName(QStringLiteral("analyticsCsv"));
    m_pdf = new QPushButton(tr("Export PDF..."), bar);
    m_pdf->setObjectName(QStringLiteral("analyticsPdf"));
    m_progress = new QProgressBar(bar);
    m_progress->setObjectName(QStringLiteral("analyticsProgress"));
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_message = new QLabel(bar);
    m_message->setObjectName(QStringLiteral("analyticsMessage"));
    // A long message is cut at the window's edge (the tooltip has it all) rather than widening the page.
    m_message->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    row->addWidget(new QLabel(tr("From"), bar));
    row->addWidget(m_from);
    row->addWidget(new QLabel(tr("to"), bar));
    row->addWidget(m_to);
    row->addWidget(m_group);
    row->addWidget(m_refresh);
    row->addWidget(m_message, 1);
    row->addWidget(m_progress);
    row->addWidget(m_csv);
    row->addWidget(m_pdf);
    connect(m_refresh, &QPushButton::clicked, this, &AnalyticsView::refresh);
    connect(m_group, &QComboBox::currentIndexChanged, this, &AnalyticsView::refresh);
    connect(m_csv, &QPushButton::clicked, this, [this] {
        const QString path = askPath(QStringLiteral("csv"));
        if (!path.isEmpty())
            exportCsv(path);
    });
    connect(m_pdf, &QPushButton::clicked, this, [this] {
        const QString path = askPath(QStringLiteral("pdf"));
        if (!path.isEmpty())
            exportPdf(path);
    });
    return bar;
}

// Two rows of four: what happened over time on top, the breakdowns below. The views keep the names
// analyticsChart0..7 in the order showCharts() builds them.
QWidget *AnalyticsView::buildCharts(QWidget *parent)
{
    static const QList<QPoint> kPlaces{{0, 0}, {0, 1}, {0, 3}, {1, 1}, {1, 2}, {1, 3}, {1, 0}, {0, 2}};
    auto *grid = new QWidget(parent);
    auto *chartsLayout = new QGridLayout(grid);
    chartsLayout->setContentsMargins(0, 0, 0, 0);
    for (int i = 0; i < kPlaces.size(); ++i) {
        auto *view = new QChartView(grid);
        view->setObjectName(QStringLiteral("analyticsChart%1").arg(i));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(150);
        chartsLayout->addWidget(view, kPlaces.at(i).x(), kPlaces.at(i).y());
        m_charts.append(view);
    }
    return grid;
}

// What customers said when asked how it went, per tier, channel and person.
QWidget *AnalyticsView::buildRatings()
{
    auto *box = new QGroupBox(tr("Customer satisfaction"), this);
    auto *filter = new RatingsFilter(box);
    filter->setSourceModel(m_model);
    m_ratings = new QTableView(box);
    m_ratings->setObjectName(QStringLiteral("analyticsRatings"));
    m_ratings->setModel(filter);
    m_ratings->verticalHeader()->hide();
    m_ratings->horizontalHeader()->setStretchLastSection(true);
    m_ratings->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_ratings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *note = new QLabel(tr("A session's satisfaction is its customer's rating (1 to 5) when one was given, "
                               "else estimated from the final sentiment. An agent's figure counts only the "
                               "ratings customers gave."),
        box);
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("color: palette(mid)"));
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(m_ratings, 1);
    layout->addWidget(note);
    return box;
}

QWidget *AnalyticsView::buildFigures()
{
    auto *tiles = new QWidget(this);
    auto *grid = new QGridLayout(tiles);
    grid->setContentsMargins(0, 4, 0, 4);
    grid->setHorizontalSpacing(18); // a wide value ("1 min 30 s") never runs into the next
    int column = 0;
    int callColumn = 0;
    for (const QString &key : AnalyticsModel::figures()) {
        if (key == QLatin1String("resolvedSessions") || key == QLatin1String("escalations.total")
            || key == QLatin1String("desk.handled") || key == QLatin1String("desk.avgHandleTime")
            || key == QLatin1String("calls.avgHandleTime"))
            continue; // the rates say it; the table has the rest
        auto *value = new QLabel(QStringLiteral("-"), tiles);
        value->setObjectName(QStringLiteral("figure_") + key);
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.6);
        big.setBold(true);
        value->setFont(big);
        auto *change = new QLabel(tiles);
        change->setObjectName(QStringLiteral("change_") + key);
        auto *caption = new QLabel(AnalyticsModel::figureLabel(key), tiles);
        caption->setStyleSheet(QStringLiteral("color: palette(mid)"));
        caption->setWordWrap(true); // longer captions (German) take two lines, not the value's room
        caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        // Two rows of tiles: the AI's figures and cost, then satisfaction, sentiment, escalation and
        // the people's; the calls' on a third. A tile is its value, its change and its caption.
        const bool call = key.startsWith(QLatin1String("calls."));
        const int row = call ? 6 : column / 8 * 3;
        const int at = call ? callColumn++ : column++ % 8;
        grid->addWidget(value, row, at);
        grid->addWidget(change, row + 1, at);
        grid->addWidget(caption, row + 2, at);
        m_figures.append({key, value, change});
    }
    return tiles;
}

void AnalyticsView::setRange(const QDate &from, const QDate &to)
{
    m_from->setDate(from);
    m_to->setDate(to);
}

const AnalyticsView::Tile *AnalyticsView::tileOf(const QString &key) const
{
    for (const Tile &tile : m_figures)
        if (tile.key == key)
            return &tile;
    return nullptr;
}

QString AnalyticsView::figure(const QString &key) const
{
    const Tile *tile = tileOf(key);
    return tile ? tile->value->text() : QString();
}

QString AnalyticsView::change(const QString &key) const
{
    const Tile *tile = tileOf(key);
    return tile ? tile->change->text() : QString();
}

QPair<QDate, QDate> AnalyticsView::previousRange(const QDate &from, const QDate &to)
{
    const qint64 days = from.daysTo(to) + 1;
    return {from.addDays(-days), from.addDays(-1)};
}

void AnalyticsView::refresh()
{
    const QDate from = m_from->date();
    const QDate to = m_to->date();
    if (from > to) {
        say(tr("The start date is after the end date."), true);
        return;
    }
    say(tr("Loading..."));
    const int request = ++m_pending;
    // Both answers are shown together; the previous range only compares, so its failure leaves
    // the changes at "—" and the figures still show.
    struct Answers {
        QJsonObject current;
        QJsonObject previous;
        int left = 2;
    };
    auto answers = std::make_shared<Answers>();
    const auto arrived = [this, request, answers, from, to] {
        if (--answers->left == 0 && request == m_pending) // an older answer than the one asked for last is dropped
            display(answers->current, answers->previous, from, to);
    };
    ApiReply *current = m_client.analytics(from, to, m_group->currentData().toString());
    connect(current, &ApiReply::succeeded, this, [answers, arrived](const QJsonObject &report) {
        answers->current = report;
        arrived();
    });
    connect(current, &ApiReply::failed, this, [this](const ApiError &e) { say(e.message, true); });
    const auto [before, last] = previousRange(from, to);
    ApiReply *previous = m_client.analytics(before, last, QString());
    connect(previous, &ApiReply::succeeded, this, [answers, arrived](const QJsonObject &report) {
        answers->previous = report;
        arrived();
    });
    connect(previous, &ApiReply::failed, this, [arrived](const ApiError &) { arrived(); });
}

void AnalyticsView::display(const QJsonObject &report, const QJsonObject &previous, const QDate &from, const QDate &to)
{
    m_shownFrom = from;
    m_shownTo = to;
    m_model->setReport(report, previous);
    m_table->resizeColumnsToContents();
    m_ratings->resizeColumnsToContents();
    showFigures();
    showCharts(report);
    const auto [before, last] = previousRange(from, to);
    say(tr(
        "%n session(s) from %1 to %2, compared with %3 to %4", nullptr, figure(QStringLiteral("totalSessions")).toInt())
            .arg(display::date(from), display::date(to), display::date(before), display::date(last)));
    emit loaded();
}

// Each tile: its value, and under it the change against the previous range, green when better.
void AnalyticsView::showFigures()
{
    const auto [before, last] = previousRange(m_shownFrom, m_shownTo);
    const auto orDash = [](const QString &text) { return text.isEmpty() ? QStringLiteral("—") : text; };
    for (int row : m_model->rowsOf(QStringLiteral("overview"))) {
        const Tile *tile = tileOf(m_model->index(row, AnalyticsModel::Name).data(AnalyticsModel::ValueRole).toString());
        if (!tile)
            continue; // a figure the table shows but no tile
        tile->value->setText(orDash(m_model->index(row, AnalyticsModel::Value).data().toString()));
        const QModelIndex change = m_model->index(row, AnalyticsModel::Change);
        tile->change->setText(orDash(change.data().toString()));
        const QVariant trend = change.data(AnalyticsModel::TrendRole);
        tile->change->setStyleSheet(!trend.isValid() || trend.toInt() == AnalyticsModel::Same
                ? QStringLiteral("color: palette(mid)")
                : trend.toInt() == AnalyticsModel::Better ? QStringLiteral("color: #15803d")
                                                          : QStringLiteral("color: #b91c1c"));
        tile->change->setToolTip(tr("Previous range, %1 to %2: %3")
                                     .arg(display::date(before), display::date(last),
                                         orDash(m_model->index(row, AnalyticsModel::Previous).data().toString())));
    }
}

void AnalyticsView::showCharts(const QJsonObject &report)
{
    const QList<QChart *> charts{charts::sessionsOverTime(report), charts::satisfactionOverTime(report),
        charts::resolutionRates(report), charts::escalationReasons(report), charts::sentimentDistribution(report),
        charts::deskSla(report), charts::contactReasons(report), charts::aiResolutionShare(report)};
    for (int i = 0; i < charts.size(); ++i) {
        QChart *old = m_charts.at(i)->chart();
        m_charts.at(i)->setChart(charts.at(i));
        delete old; // setChart() leaves the previous chart to us
    }
    // A reason's bar lists its sessions: the bar's category is the reason's name.
    QChartView *reasons = m_charts.at(6);
    reasons->setCursor(Qt::PointingHandCursor);
    auto *bars = qobject_cast<QAbstractBarSeries *>(reasons->chart()->series().value(0));
    auto *names = qobject_cast<QBarCategoryAxis *>(reasons->chart()->axes(Qt::Vertical).value(0));
    if (bars && names)
        connect(bars, &QAbstractBarSeries::clicked, this,
            [this, names](int index, QBarSet *) { showReason(names->categories().value(index)); });
}

void AnalyticsView::showReason(const QString &reason)
{
    if (reason.isEmpty() || !m_shownFrom.isValid())
        return;
    auto *dialog = new ReasonSessionsDialog(m_client, reason, m_shownFrom, m_shownTo, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &ReasonSessionsDialog::openSession, this, [this](const QString &id) { emit openSession(id, true); });
    dialog->show();
}

QString AnalyticsView::askPath(const QString &suffix)
{
    const QString name = QStringLiteral("tierdesk-analytics-%1-%2.%3")
                             .arg(m_shownFrom.toString(Qt::ISODate), m_shownTo.toString(Qt::ISODate), suffix);
    return QFileDialog::getSaveFileName(
        this, tr("Export analytics"), name, suffix == QLatin1String("pdf") ? tr("PDF (*.pdf)") : tr("CSV (*.csv)"));
}

void AnalyticsView::exportCsv(const QString &path)
{
    if (m_exporter->busy() || m_model->rowCount() == 0)
        return say(tr("Nothing to export yet."), true);
    m_csv->setEnabled(false);
    m_pdf->setEnabled(false);
    m_progress->show();
    m_exporter->writeCsv(path, m_model->toCsv());
}

void AnalyticsView::exportPdf(const QString &path)
{
    if (m_exporter->busy() || m_model->rowCount() == 0)
        return say(tr("Nothing to export yet."), true);
    ReportExporter::Report report;
    report.title = tr("Tierdesk analytics");
    const auto [before, last] = previousRange(m_shownFrom, m_shownTo);
    report.subtitle = tr("%1 to %2, company %3; changes against %4 to %5")
                          .arg(display::date(m_shownFrom), display::date(m_shownTo), m_client.companyId(),
                              display::date(before), display::date(last));
    for (const Tile &tile : std::as_const(m_figures))
        report.figures.append({AnalyticsModel::figureLabel(tile.key), tile.value->text(), tile.change->text()});
    // Charts are widgets: drawn into images here, on the GUI thread, at a print-friendly size.
    for (QChartView *view : std::as_const(m_charts)) {
        QImage image(QSize(1400, 800), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        view->chart()->scene()->render(&painter, QRectF(), view->chart()->sceneBoundingRect());
        report.charts.append(image);
    }
    for (int c = 0; c < m_model->columnCount(); ++c)
        report.header.append(m_model->headerData(c, Qt::Horizontal).toString());
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_model->columnCount(); ++c)
            cells.append(m_model->index(r, c).data().toString());
        report.rows.append(cells);
    }
    m_csv->setEnabled(false);
    m_pdf->setEnabled(false);
    m_progress->show();
    m_exporter->writePdf(path, report);
}

void AnalyticsView::say(const QString &text, bool error)
{
    m_message->setText(text);
    m_message->setToolTip(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b91c1c") : QString());
    emit status(text);
}

} // namespace tierdesk::ui
