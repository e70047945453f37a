#include "core/integrations/CsvWriter.h"
#include "core/integrations/PdfWriter.h"
#include "core/integrations/ReportFiles.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace tierdesk;

class TestReportWriters : public QObject {
    Q_OBJECT

private:
    static ReportTable sample(int rows)
    {
        ReportTable t{QStringLiteral("Conversation analysis"), {QStringLiteral("Period: 2025-02-01 to 2025-02-28")},
            {QStringLiteral("date"), QStringLiteral("conversation_id"), QStringLiteral("summary")}, {}};
        for (int i = 0; i < rows; ++i)
            t.rows << QStringList{QStringLiteral("2025-02-%1").arg(i % 28 + 1, 2, 10, QLatin1Char('0')),
                QStringLiteral("conv-%1").arg(i), QStringLiteral("row %1 (late)").arg(i)};
        return t;
    }

    // Every xref entry must point at "<n> 0 obj" and startxref at the xref table.
    static void checkXref(const QByteArray &pdf)
    {
        const qsizetype startxref = pdf.lastIndexOf("startxref\n");
        QVERIFY(startxref > 0);
        const qsizetype xref = pdf.mid(startxref + 10).split('\n').first().toLongLong();
        QVERIFY(pdf.mid(xref).startsWith("xref\n0 "));
        const QList<QByteArray> lines = pdf.mid(xref).split('\n');
        const int size = lines.at(1).split(' ').at(1).toInt();
        QVERIFY(size > 3);
        for (int n = 1; n < size; ++n) {
            const qsizetype offset = lines.at(2 + n).left(10).toLongLong();
            QVERIFY2(pdf.mid(offset).startsWith(QByteArray(QByteArray::number(n) + " 0 obj\n")),
                qPrintable(QString::number(n)));
        }
        QVERIFY(pdf.endsWith("%%EOF\n"));
    }

private slots:
    void csvHasHeaderAndRows()
    {
        const QByteArray csv = csv::render(sample(2));
        QCOMPARE(csv,
            QByteArray("date,conversation_id,summary\r\n2025-02-01,conv-0,row 0 (late)\r\n"
                       "2025-02-02,conv-1,row 1 (late)\r\n"));
    }

    void csvQuotesAndGuards_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("plain") << QStringLiteral("order") << QByteArray("order");
        QTest::newRow("comma") << QStringLiteral("a, b") << QByteArray("\"a, b\"");
        QTest::newRow("quote") << QStringLiteral("say \"hi\"") << QByteArray("\"say \"\"hi\"\"\"");
        QTest::newRow("newline") << QStringLiteral("two\nlines") << QByteArray("\"two\nlines\"");
        QTest::newRow("formula") << QStringLiteral("=HYPERLINK(\"x\")") << QByteArray("\"'=HYPERLINK(\"\"x\"\")\"");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QByteArray("'@SUM(A1)");
        QTest::newRow("negative number") << QStringLiteral("-0.25") << QByteArray("-0.25");
        QTest::newRow("utf8") << QStringLiteral("Grüße") << QStringLiteral("Grüße").toUtf8();
    }
    void csvQuotesAndGuards()
    {
        QFETCH(QString, value);
        QFETCH(QByteArray, expected);
        QCOMPARE(csv::field(value), expected);
    }

    void csvPadsShortRows()
    {
        ReportTable t{{}, {}, {QStringLiteral("a"), QStringLiteral("b")}, {{QStringLiteral("1")}}};
        QCOMPARE(csv::render(t), QByteArray("a,b\r\n1,\r\n"));
    }

    void pdfIsWellFormed()
    {
        const QByteArray pdf = pdf::render(sample(3));
        QVERIFY(pdf.startsWith("%PDF-1.4\n"));
        checkXref(pdf);
        QVERIFY(pdf.contains("(Conversation analysis) Tj"));
        QVERIFY(pdf.contains("(row 2 \\(late\\)) Tj"));
        QVERIFY(pdf.contains("/Count 1 >>"));
        QVERIFY(pdf.contains("(Page 1 of 1) Tj"));
        // Each content stream's /Length is its exact byte count.
        static const QRegularExpression stream(QStringLiteral("/Length (\\d+) >>\\nstream\\n"));
        const QString text = QString::fromLatin1(pdf);
        for (auto it = stream.globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            const qsizetype begin = m.capturedEnd();
            QCOMPARE(text.indexOf(QStringLiteral("endstream"), begin) - begin, m.captured(1).toLongLong());
        }
    }

    void pdfBreaksPages()
    {
        const QByteArray pdf = pdf::render(sample(200));
        checkXref(pdf);
        QVERIFY(pdf.contains("/Count 4 >>"));
        QVERIFY(pdf.contains("(Page 4 of 4) Tj"));
        QVERIFY(pdf.contains("(conv-199) Tj"));
        // The header row repeats on every page.
        QCOMPARE(pdf.count("(conversation_id) Tj"), 4);
    }

    void pdfEscapesText()
    {
        QCOMPARE(pdf::escapeText(QStringLiteral("a(b)c\\d")), QByteArray("a\\(b\\)c\\\\d"));
        QCOMPARE(pdf::escapeText(QStringLiteral("Grüße €")),
            QByteArray("Gr\xfc\xdf"
                       "e ?"));
        QCOMPARE(pdf::escapeText(QStringLiteral("x\ny")), QByteArray("x y"));
    }

    void filesAreOwnerOnly()
    {
        QTemporaryDir dir;
        ReportFiles files(dir.filePath(QStringLiteral("reports")));
        QVERIFY(!files.formatOf(QStringLiteral("co_1"), QStringLiteral("rep-1")));
        QVERIFY(files.write(QStringLiteral("co_1"), QStringLiteral("rep-1"), QStringLiteral("csv"), "a,b\r\n"));
        QCOMPARE(
            files.formatOf(QStringLiteral("co_1"), QStringLiteral("rep-1")).value_or(QString()), QStringLiteral("csv"));
        QCOMPARE(files.read(QStringLiteral("co_1"), QStringLiteral("rep-1"), QStringLiteral("csv")).value(),
            QByteArray("a,b\r\n"));
        const QString path = files.path(QStringLiteral("co_1"), QStringLiteral("rep-1"), QStringLiteral("csv"));
        // 0600 and 0700: owner bits (0x7000 in Qt's flags), nothing for group (0x0070) or others (0x0007).
        constexpr auto kOwner = QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner;
        constexpr auto kOthers = QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup
            | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther;
        QCOMPARE(QFile::permissions(path) & (kOwner | kOthers), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(QFile::permissions(files.root()) & (kOwner | kOthers), kOwner);
        QCOMPARE(QFile::permissions(files.root() + QStringLiteral("/co_1")) & (kOwner | kOthers), kOwner);
        QVERIFY(!QFile::exists(path + QStringLiteral(".part")));
        // Another company does not see it.
        QVERIFY(!files.formatOf(QStringLiteral("co_2"), QStringLiteral("rep-1")));
    }

    void filesRefuseBadNames()
    {
        QTemporaryDir dir;
        ReportFiles files(dir.path());
        QVERIFY(!files.write(QStringLiteral(".."), QStringLiteral("rep-1"), QStringLiteral("csv"), "x"));
        QVERIFY(!files.write(QStringLiteral("co"), QStringLiteral("../x"), QStringLiteral("csv"), "x"));
        QVERIFY(!files.write(QStringLiteral("co"), QStringLiteral("rep"), QStringLiteral("exe"), "x"));
        QVERIFY(!files.read(QStringLiteral("co"), QStringLiteral("../../etc/passwd"), QStringLiteral("csv")));
    }
};

QTEST_APPLESS_MAIN(TestReportWriters)
#include "tst_reportwriters.moc"
