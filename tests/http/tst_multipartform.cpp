// multipart/form-data bodies (RFC 7578) as POST /api/cs/kb/files receives them: parts with their
// field and file names, types and bytes (binary too), quoted parameters, and what is no form.
#include "core/api/http/MultipartForm.h"

#include <QtTest>

using tierdesk::http::MultipartForm;

class TestMultipartForm : public QObject {
    Q_OBJECT

private slots:
    void partsAreReadAsSent()
    {
        const QByteArray binary("%PDF-\x00\x01\r\n--notTheBoundary\r\n\xff", 28);
        const QByteArray body = "--b0und\r\n"
                                "Content-Disposition: form-data; name=\"file\"; filename=\"manual v2.pdf\"\r\n"
                                "Content-Type: application/pdf\r\n\r\n"
            + binary
            + "\r\n--b0und\r\n"
              "content-disposition: form-data; name=file; filename=\"say \\\"hi\\\".md\"\r\n\r\n"
              "# Hi\r\n\r\n--b0und--\r\n";
        const auto form = MultipartForm::parse("multipart/form-data; boundary=b0und", body);
        QVERIFY2(form, qPrintable(form ? QString() : form.error().message));
        QCOMPARE(form->parts.size(), 2);
        QCOMPARE(form->parts.at(0).name, QStringLiteral("file"));
        QCOMPARE(form->parts.at(0).fileName, QStringLiteral("manual v2.pdf"));
        QCOMPARE(form->parts.at(0).contentType, QByteArray("application/pdf"));
        QCOMPARE(form->parts.at(0).data, binary);
        QCOMPARE(form->parts.at(1).name, QStringLiteral("file"));
        QCOMPARE(form->parts.at(1).fileName, QStringLiteral("say \"hi\".md"));
        QCOMPARE(form->parts.at(1).data, QByteArray("# Hi\r\n"));
    }

    // A parameter is read whole: a quoted value holding "; name=" names nothing, and the file's
    // name may come first.
    void parametersAreReadWhole()
    {
        const QByteArray body = "--b\r\n"
                                "Content-Disposition: form-data; filename=\"a; name=evil\"; NAME=\"file\"\r\n\r\n"
                                "x\r\n--b--\r\n";
        const auto form = MultipartForm::parse("multipart/form-data; boundary=b", body);
        QVERIFY2(form, qPrintable(form ? QString() : form.error().message));
        QCOMPARE(form->parts.size(), 1);
        QCOMPARE(form->parts.at(0).name, QStringLiteral("file"));
        QCOMPARE(form->parts.at(0).fileName, QStringLiteral("a; name=evil"));
    }

    void aQuotedBoundaryAndAnEmptyFormRead()
    {
        const auto form = MultipartForm::parse("Multipart/Form-Data; boundary=\"a b\"", "--a b--\r\n");
        QVERIFY(form);
        QVERIFY(form->parts.isEmpty());
    }

    void whatIsNoFormIsRefused_data()
    {
        QTest::addColumn<QByteArray>("type");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not multipart") << QByteArray("application/json") << QByteArray("{}");
        QTest::newRow("no boundary") << QByteArray("multipart/form-data") << QByteArray("--x\r\n\r\n--x--");
        QTest::newRow("boundary absent") << QByteArray("multipart/form-data; boundary=x") << QByteArray("hello");
        QTest::newRow("never closed") << QByteArray("multipart/form-data; boundary=x")
                                      << QByteArray("--x\r\nContent-Disposition: form-data; name=f\r\n\r\ndata");
        QTest::newRow("a part without headers")
            << QByteArray("multipart/form-data; boundary=x") << QByteArray("--x\r\nno headers\r\n--x--");
        QTest::newRow("garbage after a delimiter")
            << QByteArray("multipart/form-data; boundary=x") << QByteArray("--xyz");
        // Found by fuzz_multipart_form: a lone CR inside a quoted name.
        QTest::newRow("a control character in a name")
            << QByteArray("multipart/form-data; boundary=x")
            << QByteArray("--x\r\nContent-Disposition: form-data; name=\"fi\rle\"\r\n\r\ndata\r\n--x--");
        QTest::newRow("boundary too long") << QByteArray("multipart/form-data; boundary=" + QByteArray(71, 'b'))
                                           << QByteArray("--" + QByteArray(71, 'b') + "--");
    }
    void whatIsNoFormIsRefused()
    {
        QFETCH(QByteArray, type);
        QFETCH(QByteArray, body);
        const auto form = MultipartForm::parse(type, body);
        QVERIFY(!form);
        QVERIFY(!form.error().message.isEmpty());
    }

    void partsBeyondTheLimitAreRefused()
    {
        QByteArray body;
        for (int i = 0; i <= MultipartForm::kMaxParts; ++i)
            body += "--x\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n";
        body += "--x--";
        QVERIFY(!MultipartForm::parse("multipart/form-data; boundary=x", body));
    }
};

QTEST_GUILESS_MAIN(TestMultipartForm)
#include "tst_multipartform.moc"
