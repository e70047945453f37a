#include "core/engine/reply/LocalResponder.h"
#include "core/nlu/Intents.h"

#include <QtTest>

#include <optional>

using namespace tierdesk;

class TestLocalResponder : public QObject {
    Q_OBJECT

private slots:
    void quotesTheOpeningOfTheArticleAsItIsNow();
};

namespace {

// The local responder's answer from one article to a message none of its passages answers
// (so it quotes the article's opening), for an analysis sure of a billing question.
QString replyFrom(const KbArticle &article, const QString &message)
{
    const Session session;
    const Customer customer;
    MessageAnalysis analysis;
    analysis.intent.intent = QLatin1String(nlu::intent::BillingQuestion);
    analysis.intent.confidence = 0.9;
    analysis.intent.category = IssueCategory::Billing;
    const ActionReport actions;
    const std::optional<EscalationDecision> escalation;
    const QList<KbHit> knowledge{KbHit{article, -1.0, false, {}}};
    TierCapabilities caps;
    caps.tone = QStringLiteral("concise");
    LocalResponder responder;
    return responder.compose({session, customer, analysis, actions, escalation, knowledge, caps, message}).content;
}

} // namespace

void TestLocalResponder::quotesTheOpeningOfTheArticleAsItIsNow()
{
    KbArticle article;
    article.id = 7;
    article.slug = QStringLiteral("invoices");
    article.title = QStringLiteral("Invoices");
    article.category = QStringLiteral("BILLING");
    article.body = QStringLiteral("Invoices are sent monthly. Each one lists every charge.\n\nMore below.");
    const QString message = QStringLiteral("zzzz qqqq");
    QVERIFY2(replyFrom(article, message).contains(QLatin1String("Invoices are sent monthly.")),
        qPrintable(replyFrom(article, message)));
    // The article is edited; its text keeps its length.
    article.body = QStringLiteral("Receipts are sent monthly. Each one lists every charge.\n\nMore below.");
    const QString after = replyFrom(article, message);
    QVERIFY2(after.contains(QLatin1String("Receipts are sent monthly.")), qPrintable(after));
}

QTEST_GUILESS_MAIN(TestLocalResponder)
#include "tst_localresponder.moc"
