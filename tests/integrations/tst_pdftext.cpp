// PdfText: the text of PDFs made here, with Qt's QPdfWriter (embedded fonts, several pages) and
// Tierdesk's own report writer; PDFs without text (a scanned image, an empty page), one locked by
// a password, corrupt ones, and the size bound.
#include "core/integrations/PdfWriter.h"
#include "core/integrations/web/PdfText.h"

#include <QBuffer>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QTest>

using namespace tierdesk;
using namespace tierdesk::web;

namespace {

// Pages drawn by `paint` on a QPdfWriter, which embeds the fonts it uses.
template <typename Paint> QByteArray qtPdf(Paint paint)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setResolution(72);
        QPainter painter(&writer);
        paint(writer, painter);
    }
    return buffer.data();
}

// A PDF written by hand, object by object, with its cross-reference table.
QByteArray handMadePdf(const QList<QByteArray> &objects, const QByteArray &trailer = {})
{
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets.append(pdf.size());
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    const QByteArray count = QByteArray::number(objects.size() + 1);
    pdf += "xref\n0 " + count + "\n0000000000 65535 f \n";
    for (const qsizetype offset : offsets)
        pdf += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + count + " /Root 1 0 R " + trailer + ">>\nstartxref\n" + QByteArray::number(xref)
        + "\n%%EOF\n";
    return pdf;
}

const QList<QByteArray> kEmptyPage{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"};

void expectError(const QByteArray &pdf, ErrorKind kind, const QString &message)
{
    const auto pages = PdfText::pages(pdf);
    QVERIFY(!pages);
    QCOMPARE(pages.error().kind, kind);
    QCOMPARE(pages.error().message, message);
}

} // namespace

class TestPdfText : public QObject {
    Q_OBJECT

private slots:
    void qtWrittenPages();
    void reportWriterPages();
    void scanHasNoText();
    void emptyPageHasNoText();
    void lockedByPassword();
    void corrupt_data();
    void corrupt();
    void sizeBound();
};

void TestPdfText::qtWrittenPages()
{
    const QByteArray pdf = qtPdf([](QPdfWriter &writer, QPainter &painter) {
        painter.setFont(QFont(QStringLiteral("DejaVu Sans"), 12));
        painter.drawText(72, 72, QStringLiteral("Refunds take 5 business days."));
        painter.drawText(72, 88, QStringLiteral("Returns are free."));
        writer.newPage();
        painter.drawText(72, 72, QStringLiteral("Café crème – 4,50 €"));
    });
    const auto pages = PdfText::pages(pdf);
    QVERIFY2(pages, qPrintable(pages ? QString() : pages.error().message));
    QCOMPARE(pages->size(), 2);
    QCOMPARE(pages->at(0), QStringLiteral("Refunds take 5 business days.\nReturns are free."));
    QCOMPARE(pages->at(1), QStringLiteral("Café crème – 4,50 €"));
}

void TestPdfText::reportWriterPages()
{
    ReportTable table;
    table.title = QStringLiteral("Shipping rates");
    table.notes = {QStringLiteral("Valid from 2024-05-01")};
    table.columns = {QStringLiteral("Country"), QStringLiteral("Days")};
    for (int i = 0; i < 120; ++i)
        table.rows.append({QStringLiteral("Country %1").arg(i), QString::number(i % 7 + 1)});
    const auto pages = PdfText::pages(pdf::render(table));
    QVERIFY2(pages, qPrintable(pages ? QString() : pages.error().message));
    QVERIFY(pages->size() > 1);
    QVERIFY(pages->first().contains(QLatin1String("Shipping rates")));
    QVERIFY(pages->first().contains(QLatin1String("Valid from 2024-05-01")));
    QVERIFY(pages->first().contains(QLatin1String("Country 0")));
    QVERIFY(pages->last().contains(QLatin1String("Country 119")));
    QVERIFY(pages->last().contains(QStringLiteral("Page %1 of %1").arg(pages->size())));
}

void TestPdfText::scanHasNoText()
{
    const QByteArray pdf = qtPdf([](QPdfWriter &, QPainter &painter) {
        QImage scan(400, 300, QImage::Format_RGB32);
        scan.fill(Qt::white);
        QPainter ink(&scan);
        ink.fillRect(40, 40, 300, 12, Qt::black); // a line of "text", as pixels
        ink.end();
        painter.drawImage(QRect(72, 72, 400, 300), scan);
    });
    QVERIFY(pdf.contains("/Image"));
    expectError(pdf, ErrorKind::InvalidArgument, QStringLiteral("no text"));
}

void TestPdfText::emptyPageHasNoText()
{
    expectError(handMadePdf(kEmptyPage), ErrorKind::InvalidArgument, QStringLiteral("no text"));
}

void TestPdfText::lockedByPassword()
{
    // The standard security handler (RC4, revision 2) with a user password: the empty password
    // does not open it (its /U does not match), so nothing can be read without the password.
    QList<QByteArray> objects = kEmptyPage;
    objects.append(
        "<< /Filter /Standard /V 1 /R 2 /P -4 /O <" + QByteArray(64, 'a') + "> /U <" + QByteArray(64, 'b') + "> >>");
    const QByteArray id = '<' + QByteArray(32, '1') + '>';
    expectError(handMadePdf(objects, "/Encrypt 4 0 R /ID [" + id + ' ' + id + "] "), ErrorKind::InvalidArgument,
        QStringLiteral("the PDF is locked by a password"));
}

void TestPdfText::corrupt_data()
{
    QTest::addColumn<QByteArray>("pdf");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("not a pdf") << QByteArray("<html><body>Not found</body></html>");
    QTest::newRow("header only") << QByteArray("%PDF-1.7\n");
    QTest::newRow("garbage objects") << QByteArray("%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 9 0 R\nxref\ntrailer");
}

void TestPdfText::corrupt()
{
    QFETCH(QByteArray, pdf);
    expectError(pdf, ErrorKind::InvalidArgument, QStringLiteral("not a readable PDF"));
}

void TestPdfText::sizeBound()
{
    const auto pages = PdfText::pages(QByteArray(PdfText::kMaxBytes + 1, ' '));
    QVERIFY(!pages);
    QCOMPARE(pages.error().kind, ErrorKind::LimitExceeded);
}

QTEST_MAIN(TestPdfText)
#include "tst_pdftext.moc"
