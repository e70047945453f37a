#include "core/integrations/PdfWriter.h"

namespace tierdesk::pdf {

namespace {

constexpr int kPageWidth = 595; // A4 in points
constexpr int kPageHeight = 842;
constexpr int kMargin = 50;
constexpr int kTop = kPageHeight - kMargin;
constexpr int kBottom = kMargin + 20; // room for the page number
constexpr double kTableFont = 9;
constexpr double kLeading = 12;
constexpr double kAverageGlyph = 0.52; // Helvetica's mean advance per em, to size columns

// One page's text: lines placed at (x, y) in a font size.
struct PageText {
    QByteArray ops;
    void text(double x, double y, double size, const QString &s)
    {
        ops += "BT /F1 " + QByteArray::number(size) + " Tf " + QByteArray::number(x) + ' ' + QByteArray::number(y)
            + " Td (" + escapeText(s) + ") Tj ET\n";
    }
    void rule(double y)
    {
        ops += QByteArray::number(kMargin) + ' ' + QByteArray::number(y) + " m "
            + QByteArray::number(kPageWidth - kMargin) + ' ' + QByteArray::number(y) + " l 0.5 w S\n";
    }
};

QString fit(const QString &cell, double width)
{
    const int chars = qMax(3, static_cast<int>(width / (kTableFont * kAverageGlyph)) - 1);
    QString flat = cell.simplified();
    return flat.size() <= chars ? flat : flat.left(chars - 3) + QStringLiteral("...");
}

class Layout {
public:
    explicit Layout(const ReportTable &table) : m_table(table)
    {
        const int columns = static_cast<int>(qMax<qsizetype>(1, table.columns.size()));
        m_columnWidth = double(kPageWidth - 2 * kMargin) / columns;
    }

    QList<PageText> pages()
    {
        newPage();
        m_page.text(kMargin, m_y, 16, m_table.title);
        m_y -= 24;
        for (const QString &note : m_table.notes) {
            m_page.text(kMargin, m_y, 10, note);
            m_y -= 14;
        }
        m_y -= 6;
        header();
        for (const QStringList &row : m_table.rows) {
            if (m_y < kBottom) {
                newPage();
                header();
            }
            cells(row);
        }
        m_pages << m_page;
        return m_pages;
    }

private:
    void newPage()
    {
        if (!m_page.ops.isEmpty())
            m_pages << m_page;
        m_page = {};
        m_y = kTop;
    }
    void header()
    {
        cells(m_table.columns);
        m_page.rule(m_y + kLeading - 3);
    }
    void cells(const QStringList &values)
    {
        for (int i = 0; i < m_table.columns.size(); ++i)
            m_page.text(kMargin + i * m_columnWidth, m_y, kTableFont, fit(values.value(i), m_columnWidth));
        m_y -= kLeading;
    }

    const ReportTable &m_table;
    double m_columnWidth = 0;
    double m_y = kTop;
    PageText m_page;
    QList<PageText> m_pages;
};

} // namespace

QByteArray escapeText(const QString &text)
{
    QByteArray out;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const char b = u < 0x20 ? ' ' : u > 0xff ? '?' : static_cast<char>(u);
        if (b == '(' || b == ')' || b == '\\')
            out += '\\';
        out += b;
    }
    return out;
}

QByteArray render(const ReportTable &table)
{
    QList<PageText> pages = Layout(table).pages();
    const int count = static_cast<int>(pages.size());
    for (int i = 0; i < count; ++i)
        pages[i].text(kMargin, kMargin, 8, QStringLiteral("Page %1 of %2").arg(i + 1).arg(count));

    // Objects: 1 catalog, 2 page tree, 3 font, then a page and its content stream per page.
    QList<QByteArray> objects;
    QByteArray kids;
    for (int i = 0; i < count; ++i)
        kids += QByteArray::number(4 + 2 * i) + " 0 R ";
    objects << "<< /Type /Catalog /Pages 2 0 R >>";
    objects << "<< /Type /Pages /Kids [" + kids.trimmed() + "] /Count " + QByteArray::number(count) + " >>";
    objects << "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
    for (int i = 0; i < count; ++i) {
        objects << "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + QByteArray::number(kPageWidth) + ' '
                + QByteArray::number(kPageHeight) + "] /Resources << /Font << /F1 3 0 R >> >> /Contents "
                + QByteArray::number(5 + 2 * i) + " 0 R >>";
        objects << "<< /Length " + QByteArray::number(pages[i].ops.size()) + " >>\nstream\n" + pages[i].ops
                + "endstream";
    }

    QByteArray out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
    QList<qsizetype> offsets;
    for (int i = 0; i < objects.size(); ++i) {
        offsets << out.size();
        out += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = out.size();
    out += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (qsizetype offset : offsets)
        out += QByteArray::number(offset).rightJustified(10, '0') + " 00000 n \n";
    out += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
        + QByteArray::number(xref) + "\n%%EOF\n";
    return out;
}

} // namespace tierdesk::pdf
