#include "ui/client/ReportExporter.h"

#include <QCoreApplication>
#include <QFile>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QPointer>
#include <QSaveFile>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace tierdesk::ui {
namespace {

QString saveCsv(const QString &path, const QByteArray &csv)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit())
        return file.errorString();
    return {};
}

// Lays the report out top to bottom on A4 pages, 150 dpi.
class PdfLayout {
public:
    explicit PdfLayout(QPdfWriter &writer) : m_writer(writer), m_painter(&writer)
    {
        m_width = m_painter.viewport().width();
        m_height = m_painter.viewport().height();
    }
    bool ok() const { return m_painter.isActive(); }

    void text(const QString &line, int pointSize, bool bold = false)
    {
        QFont font = m_painter.font();
        font.setPointSize(pointSize);
        font.setBold(bold);
        m_painter.setFont(font);
        const int h = m_painter.fontMetrics().height() * 13 / 10;
        room(h);
        m_painter.drawText(QRect(0, m_y, m_width, h), Qt::AlignLeft | Qt::AlignVCenter, line);
        m_y += h;
    }
    void image(const QImage &img)
    {
        const QSize size = img.size().scaled(m_width, m_height / 2, Qt::KeepAspectRatio);
        room(size.height());
        m_painter.drawImage(QRect(QPoint(0, m_y), size), img);
        m_y += size.height() + m_height / 60;
    }
    void row(const QStringList &cells, bool bold)
    {
        QFont font = m_painter.font();
        font.setPointSize(8);
        font.setBold(bold);
        m_painter.setFont(font);
        const int h = m_painter.fontMetrics().height() * 14 / 10;
        room(h);
        const int column = m_width / std::max<qsizetype>(1, cells.size());
        for (int i = 0; i < cells.size(); ++i)
            m_painter.drawText(QRect(i * column, m_y, column - 10, h), Qt::AlignLeft | Qt::AlignVCenter, cells.at(i));
        m_y += h;
    }
    void gap() { m_y += m_height / 50; }

private:
    void room(int h)
    {
        if (m_y + h > m_height && m_y > 0) {
            m_writer.newPage();
            m_y = 0;
        }
    }
    QPdfWriter &m_writer;
    QPainter m_painter;
    int m_width = 0;
    int m_height = 0;
    int m_y = 0;
};

QString savePdf(const QString &path, const ReportExporter::Report &r, const std::function<void(int)> &progress)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setResolution(150);
    writer.setTitle(r.title);
    writer.setCreator(QStringLiteral("Tierdesk"));
    PdfLayout page(writer);
    if (!page.ok())
        return QCoreApplication::translate("tierdesk::ui::ReportExporter", "Could not write %1").arg(path);
    page.text(r.title, 16, true);
    page.text(r.subtitle, 10);
    page.gap();
    for (const ReportExporter::Figure &f : r.figures)
        page.text(QCoreApplication::translate("tierdesk::ui::ReportExporter", "%1: %2 (change: %3)")
                      .arg(f.label, f.value, f.change),
            10);
    page.gap();
    const int steps = int(r.charts.size() + r.rows.size() / 50 + 1);
    int done = 0;
    for (const QImage &chart : r.charts) {
        page.image(chart);
        progress(++done * 100 / steps);
    }
    page.row(r.header, true);
    for (int i = 0; i < r.rows.size(); ++i) {
        page.row(r.rows.at(i), false);
        if (i % 50 == 49)
            progress(++done * 100 / steps);
    }
    return {};
}

} // namespace

void ReportExporter::writeCsv(const QString &path, const QByteArray &csv)
{
    start(path, [path, csv](const std::function<void(int)> &) { return saveCsv(path, csv); });
}

void ReportExporter::writePdf(const QString &path, const Report &report)
{
    start(path, [path, report](const std::function<void(int)> &progress) {
        const QString error = savePdf(path, report, progress);
        if (!error.isEmpty())
            QFile::remove(path);
        return error;
    });
}

void ReportExporter::start(const QString &path, std::function<QString(const std::function<void(int)> &)> work)
{
    m_busy = true;
    emit progress(0);
    QPointer<ReportExporter> self(this);
    // Progress and the outcome come back to the GUI thread as queued calls (the
    // application as their context: the exporter may be gone by then).
    (void)QtConcurrent::run([self, path, work = std::move(work)] {
        const auto report = [self](int percent) {
            QMetaObject::invokeMethod(
                qApp,
                [self, percent] {
                    if (self)
                        emit self->progress(percent);
                },
                Qt::QueuedConnection);
        };
        const QString error = work(report);
        QMetaObject::invokeMethod(
            qApp,
            [self, path, error] {
                if (!self)
                    return;
                self->m_busy = false;
                emit self->progress(100);
                emit self->finished(path, error);
            },
            Qt::QueuedConnection);
    });
}

} // namespace tierdesk::ui
