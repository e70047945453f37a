// GatedRegex: the stems decide whether the expression runs; and, over every labelled
// utterance of resources/nlu and the public Bitext and UCI sentences, the engine's gated
// expressions (verifying mode) never had a match hidden by their stems.
#include "EngineFixture.h"
#include "core/common/GatedRegex.h"
#include "tests/support/TestPaths.h"

#include <QFile>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

QRegularExpression caseless(const char *pattern)
{
    return QRegularExpression(QString::fromUtf8(pattern),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
}

// One column of a data file's lines that start with `prefix` (plain fields only: a
// quoted one is skipped), at most `limit` of them.
QStringList texts(const QString &path, QChar separator, int column, int limit, const QString &prefix = {})
{
    QStringList out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return out;
    while (!f.atEnd() && out.size() < limit) {
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!line.startsWith(prefix) || line.startsWith(u'#'))
            continue;
        const QString field = line.section(separator, column, column);
        if (!field.isEmpty() && !field.startsWith(u'"'))
            out << field.left(500);
    }
    return out;
}

} // namespace

class TestGatedRegex : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { GatedRegex::setVerifying(true); }

    void stemsDecideWhetherItRuns()
    {
        const GatedRegex refund(caseless(R"(\b(?:refund|money back)\b)"), {"refund", "money back"});
        QVERIFY(refund.matches(QStringLiteral("I want a REFUND now")));
        QCOMPARE(refund.match(QStringLiteral("Money Back please")).captured(0), QStringLiteral("Money Back"));
        QVERIFY(!refund.mayMatch(QStringLiteral("where is my order")));
        const QRegularExpressionMatch none = refund.match(QStringLiteral("where is my order"));
        QVERIFY(!none.hasMatch());
        QVERIFY(none.captured(0).isEmpty());
        QVERIFY(!refund.globalMatch(QStringLiteral("nothing here")).hasNext());
        // Case-folded as PCRE folds: the long s and the Kelvin sign open the gate too.
        QVERIFY(refund.mayMatch(QStringLiteral("REFUNDſ")));
        const GatedRegex ok(caseless(R"(\bok\b)"), {"ok"});
        QVERIFY(ok.matches(QStringLiteral("O\u212A then")));
    }

    void verifyingRecordsAHiddenMatch()
    {
        // A wrong stem list: the expression matches "cancel" but only "refund" opens it.
        const GatedRegex wrong(caseless(R"(\bcancel\b)"), {"refund"});
        const qsizetype before = GatedRegex::hiddenMatches().size();
        QVERIFY(!wrong.matches(QStringLiteral("please cancel it")));
        const QStringList hidden = GatedRegex::hiddenMatches();
        QCOMPARE(hidden.size(), before + 1);
        QVERIFY(hidden.last().endsWith(QLatin1String("please cancel it")));
    }

    void engineGatesHideNothingOverTheLabelledData()
    {
        EngineFixture f;
        QVERIFY(f.setUp());
        const QString shared = sharedDataDir();
        QStringList corpus = texts(sourceDir() + QStringLiteral("/resources/nlu/intents.tsv"), u'\t', 1, 5000);
        corpus << texts(shared + QStringLiteral("/uci_sentiment/amazon_cells_labelled.txt"), u'\t', 0, 1000);
        corpus << texts(
            shared + QStringLiteral("/bitext_customer_support/Bitext_Sample_Customer_Support_Training_Dataset.csv"),
            u',', 2, 1500, QStringLiteral("customer support,"));
        QVERIFY2(corpus.size() > 4000, qPrintable(QString::number(corpus.size())));
        const qsizetype before = GatedRegex::hiddenMatches().size();
        QString session;
        for (qsizetype i = 0; i < corpus.size(); ++i) {
            if (i % 25 == 0) { // a short session each: every tier sees its share
                const auto s = f.open(QStringLiteral("cust_ben"));
                QVERIFY(s);
                session = s->id;
            }
            f.say(session, corpus.at(i)); // escalated or resolved sessions refuse: the analysis ran
        }
        const QStringList hidden = GatedRegex::hiddenMatches().mid(before);
        QVERIFY2(hidden.isEmpty(), qPrintable(hidden.mid(0, 20).join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestGatedRegex)
#include "tst_gatedregex.moc"
