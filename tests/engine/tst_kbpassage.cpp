#include "core/engine/KbPassage.h"

#include <QFile>
#include <QTest>

using namespace tierdesk;

class TestKbPassage : public QObject
{
    Q_OBJECT

private slots:
    void theListItemAboutWhatWasAskedIsChosen();
    void twoThingsAskedTwoPassages();
    void nothingSharedNothingChosen();
};

namespace {
QString article(const char *name)
{
    QFile f(QStringLiteral(":/kb/%1.md").arg(QLatin1String(name)));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
} // namespace

void TestKbPassage::theListItemAboutWhatWasAskedIsChosen()
{
    const QString care = article("care-instructions");
    QVERIFY(!care.isEmpty());
    const QString merino = answeringPassage(care, QStringLiteral("how do i wash the merino tee?? dont want it to shrink"));
    QVERIFY2(merino.contains(QLatin1String("lay flat to dry")), qPrintable(merino));
    QVERIFY2(!merino.contains(QLatin1String("**")), qPrintable(merino)); // markup removed
    const QString boots = answeringPassage(care, QStringLiteral("how should i clean my hiking boots after a muddy trail"));
    QVERIFY2(boots.contains(QLatin1String("away from direct heat")), qPrintable(boots));
    QVERIFY2(!boots.contains(QLatin1String("Merino")), qPrintable(boots));
}

void TestKbPassage::twoThingsAskedTwoPassages()
{
    const QString contact = article("contact-and-hours");
    QVERIFY(!contact.isEmpty());
    const QString answer = answeringPassage(contact, QStringLiteral("whats your phone number and when are you open"));
    QVERIFY2(answer.contains(QLatin1String("415 555 9999")), qPrintable(answer));
}

void TestKbPassage::nothingSharedNothingChosen()
{
    QCOMPARE(answeringPassage(article("care-instructions"), QStringLiteral("tell me a joke")), QString());
    QCOMPARE(answeringPassage(article("care-instructions"), QStringLiteral("how do i")), QString());
}

QTEST_GUILESS_MAIN(TestKbPassage)
#include "tst_kbpassage.moc"
