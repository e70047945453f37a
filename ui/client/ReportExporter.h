#pragma once

#include <QImage>
#include <QObject>
#include <QStringList>

namespace tierdesk::ui {

// Writes an analytics report to a file on a worker thread, reporting progress:
// CSV (the table as it is) or PDF (title, key figures with their change, the charts as images,
// then the table over as many pages as it needs; QPdfWriter).
class ReportExporter : public QObject {
    Q_OBJECT

public:
    // A key figure as the page shows it: "Escalated", "10.5 %", "−1.0 pts".
    struct Figure {
        QString label;
        QString value;
        QString change;
    };
    // What goes into a PDF, captured on the GUI thread (charts are widgets there).
    struct Report {
        QString title;
        QString subtitle;
        QList<Figure> figures;
        QList<QImage> charts;
        QStringList header;
        QList<QStringList> rows;
    };

    explicit ReportExporter(QObject *parent = nullptr) : QObject(parent) { }

    void writeCsv(const QString &path, const QByteArray &csv);
    void writePdf(const QString &path, const Report &report);
    bool busy() const { return m_busy; }

signals:
    void progress(int percent);
    // `error` is empty on success.
    void finished(const QString &path, const QString &error);

private:
    void start(const QString &path, std::function<QString(const std::function<void(int)> &)> work);
    bool m_busy = false;
};

} // namespace tierdesk::ui
