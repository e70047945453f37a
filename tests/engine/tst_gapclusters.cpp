// GapClusters: questions that ask the same thing in other words are one group, questions that
// share only a word many ask are not, a group's first question stays first, and a question with
// no terms is in no group. The terms are given as the store keeps them (stems).
#include "core/engine/knowledge/GapClusters.h"

#include <QTest>

using namespace tierdesk;

namespace {

QStringList t(const char *terms)
{
    return QString::fromLatin1(terms).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

} // namespace

class TestGapClusters : public QObject {
    Q_OBJECT

private slots:
    void theSameTermsAreOneGroup()
    {
        const QList<QList<int>> groups = GapClusters::group({t("ship canada"), t("ship canada"), t("gift wrap")});
        QCOMPARE(groups, (QList<QList<int>>{{0, 1}, {2}}));
    }

    void aParaphraseMeetsOnItsRareWords()
    {
        // "order" is in most questions and weighs little; "canada" and "ship" in few.
        const QList<QStringList> asked{t("ship canada"), t("order late"), t("order cancel"), t("order track"),
            t("ship order canada"), t("order refund"), t("possibl ship canada")};
        const QList<QList<int>> groups = GapClusters::group(asked);
        QCOMPARE(groups.first(), (QList<int>{0, 4, 6}));
        // Each order question alone: they share only "order".
        QCOMPARE(groups.size(), 5);
        QVERIFY(GapClusters::similarity(asked.at(0), asked.at(4), asked) >= GapClusters::kJoin);
        QVERIFY(GapClusters::similarity(asked.at(1), asked.at(2), asked) < GapClusters::kJoin);
    }

    void theFirstQuestionStaysFirst()
    {
        // The later, longer question is more like the others, but the group keeps its first.
        const QList<QList<int>> groups
            = GapClusters::group({t("gift wrap"), t("gift wrap present card"), t("gift wrap present")});
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.first().first(), 0);
    }

    void aQuestionWithoutTermsIsInNoGroup()
    {
        const QList<QList<int>> groups = GapClusters::group({QStringList(), t("kayak rent"), QStringList()});
        QCOMPARE(groups, (QList<QList<int>>{{1}}));
    }

    void similarityIsOneForTheSameTermsAndNoneForOthers()
    {
        const QList<QStringList> all{t("ship canada"), t("gift wrap")};
        QCOMPARE(GapClusters::similarity(all.at(0), all.at(0), all), 1.0);
        QCOMPARE(GapClusters::similarity(all.at(0), all.at(1), all), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestGapClusters)
#include "tst_gapclusters.moc"
