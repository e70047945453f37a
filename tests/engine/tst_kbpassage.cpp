#include "core/engine/reply/AnswerKind.h"
#include "core/engine/reply/KbPassage.h"
#include "core/engine/reply/SectionAnswer.h"

#include <QFile>
#include <QTest>

using namespace tierdesk;

class TestKbPassage : public QObject {
    Q_OBJECT

private slots:
    void theListItemAboutWhatWasAskedIsChosen();
    void twoThingsAskedTwoPassages();
    void nothingSharedNothingChosen();
    void followUpsNegationsAndKinds();
    void confidentAnswers();
    void chargesAndWhatWasAskedAbout();
    void aHowToQuestionAsksForSteps();
    void theRankedPassagesSentencesAnswer();
    void aTopicNamedInSoManyWords();
    void stepsPastTheirNotes();
    void aWayAskedForGetsTheSentenceAndTheSteps();
    void theWayMayBeInAnotherSection();
    void anOpeningThatAnnouncesTipsGetsThem();
    void theStepsOfTheSectionNamedSo();
    void aHeadingThatAsksTheQuestionAnswersIt();
};

namespace {
QString article(const char *name)
{
    QFile f(QStringLiteral(":/demo/kb/%1.md").arg(QLatin1String(name)));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}
KbArticle parsedArticle(const char *name)
{
    return KbRepo::parseMarkdown(QLatin1String(name), article(name)).value_or(KbArticle());
}
// An article of a help center as the search found it: its ranked passages, best first.
KbHit serviceHit()
{
    KbHit hit;
    hit.article.id = 7;
    hit.article.title = QStringLiteral("Service appointments");
    const auto passage = [](const char *heading, const char *text) {
        KbPassageHit p;
        p.articleId = 7;
        p.title = QStringLiteral("Service appointments");
        p.heading = QString::fromUtf8(heading);
        p.text = QString::fromUtf8(text);
        return p;
    };
    hit.passages = {passage("Cancel a service appointment",
                        "You can cancel up to 24 hours before the slot at no charge.\n\n"
                        "- Open the Acme app and choose Workshop.\n\n"
                        "- Select the appointment and tap Cancel appointment.\n\n"
                        "The slot is then free for another rider."),
        passage("",
            "Our workshop services every bike we sell, whoever made it. Tyre pressure is checked at every "
            "service: road tyres run at 80 to 100 psi, mountain bike tyres at 25 to 35 psi.")};
    return hit;
}

} // namespace

void TestKbPassage::aHowToQuestionAsksForSteps()
{
    using passages::asksHowTo;
    QVERIFY(asksHowTo(QStringLiteral("how do i change my password")));
    QVERIFY(asksHowTo(QStringLiteral("Change your password")));
    QVERIFY(asksHowTo(QStringLiteral("Cancel a print job")));
    QVERIFY(asksHowTo(QStringLiteral("printer is spitting out the wrong document, how do i make it stop")));
    // A fact's question, a follow-up's fragment, a statement: no steps asked for.
    QVERIFY(!asksHowTo(QStringLiteral("whats the warranty on a daypack")));
    QVERIFY(!asksHowTo(QStringLiteral("do u ship to canada")));
    QVERIFY(!asksHowTo(QStringLiteral("and on a tshirt")));
    QVERIFY(!asksHowTo(QStringLiteral("Set screen brightness?")));
    QVERIFY(!asksHowTo(QStringLiteral("my boots came apart")));
    // A time or a price asked for is a fact, however it is put.
    QVERIFY(!passages::AnswerKind::of(QStringLiteral("how do i know how long it takes")).howTo);
    // "when" in an instruction's condition asks for no time; opening the question, it does.
    const auto lid = passages::AnswerKind::of(QStringLiteral("Stop the light from blinking when the bike is parked"));
    QVERIFY(lid.howTo && !lid.time);
    QVERIFY(passages::AnswerKind::of(QStringLiteral("when will my refund arrive")).time);
    QVERIFY(passages::AnswerKind::of(QStringLiteral("ok so when does it ship")).time);
    QVERIFY(passages::AnswerKind::of(QStringLiteral("my refund, when will it come?")).time);
    // Where or whether it can be done asks for the way too.
    using passages::asksForAWay;
    QVERIFY(asksForAWay(QStringLiteral("where do i see the address of my network card")));
    QVERIFY(asksForAWay(QStringLiteral("can i print on both sides?")));
    QVERIFY(asksForAWay(QStringLiteral("is there a way to pause it")));
    QVERIFY(asksForAWay(QStringLiteral("swap the mouse buttons around, i'm a lefty")));
    QVERIFY(!asksForAWay(QStringLiteral("whats the warranty on a daypack")));
    // One's own: where to find it, not what such a thing is.
    QVERIFY(asksForAWay(QStringLiteral("What is my MAC address?")));
    QVERIFY(passages::AnswerKind::of(QStringLiteral("What is my MAC address?")).defines.isEmpty());
    QVERIFY(!passages::AnswerKind::of(QStringLiteral("What is a MAC address?")).defines.isEmpty());
    QVERIFY(!asksForAWay(QStringLiteral("where is my order?")));
    QVERIFY(!passages::AnswerKind::of(QStringLiteral("can i get a refund, how much is it")).way);
    // What tells the reader what to do, and what only says what can be done.
    using passages::givesAnInstruction;
    QVERIFY(givesAnInstruction(QStringLiteral("To change the brightness, adjust the slider.")));
    QVERIFY(givesAnInstruction(QStringLiteral("Press Super+L.")));
    QVERIFY(givesAnInstruction(QStringLiteral("If it is not listed, click Add Device.")));
    QVERIFY(!givesAnInstruction(QStringLiteral("Depending on your hardware, you can change the brightness.")));
    QVERIFY(!givesAnInstruction(QStringLiteral("The slider changes the brightness.")));
}

void TestKbPassage::theRankedPassagesSentencesAnswer()
{
    const KbHit hit = serviceHit();
    // The steps of the passage about what was asked, numbered, with what they lead to.
    const SectionAnswer cancel = SectionAnswer::of(hit, QStringLiteral("Cancel a service appointment"), {}, 600);
    QCOMPARE(cancel.section, 0);
    QCOMPARE(cancel.sentences,
        QStringList({QStringLiteral("1. Open the Acme app and choose Workshop."),
            QStringLiteral("2. Select the appointment and tap Cancel appointment."),
            QStringLiteral("The slot is then free for another rider.")}));
    // As many steps as fit, the first always.
    QCOMPARE(
        SectionAnswer::of(hit, QStringLiteral("how do i cancel a service appointment"), {}, 10).sentences.size(), 1);
    // A fact: the sentence that holds it, of whichever ranked passage holds the question best
    // (not the passage's opening).
    const SectionAnswer tyres
        = SectionAnswer::of(hit, QStringLiteral("what pressure for mountain bike tyres"), {}, 600);
    QCOMPARE(tyres.section, 1);
    QCOMPARE(tyres.sentences.size(), 1);
    QVERIFY2(tyres.sentences.first().contains(QLatin1String("25 to 35 psi")), qPrintable(tyres.sentences.first()));
    // The charge asked about, in the passage that names the appointment.
    const SectionAnswer charge = SectionAnswer::of(hit, QStringLiteral("is there a charge to cancel?"), {}, 600);
    QVERIFY2(charge.sentences.join(QLatin1Char(' ')).contains(QLatin1String("no charge")),
        qPrintable(charge.sentences.join(QLatin1Char(' '))));
    // No passage, or none that shares a word: nothing.
    QVERIFY(SectionAnswer::of(KbHit{}, QStringLiteral("cancel"), {}, 600).sentences.isEmpty());
    const QStringList none = SectionAnswer::of(hit, QStringLiteral("gift vouchers"), {}, 600).sentences;
    QVERIFY2(none.isEmpty(), qPrintable(none.join(QLatin1Char('|'))));
}

void TestKbPassage::aTopicNamedInSoManyWords()
{
    KbHit hit = serviceHit();
    hit.passages.first().score = 9;
    const QList<KbHit> hits{hit};
    QVERIFY(namesPassageTopic(hits, QStringLiteral("cancel service appointment")));
    QVERIFY(namesPassageTopic(hits, QStringLiteral("cancelling service appointments"))); // stems
    QVERIFY(!namesPassageTopic(hits, QStringLiteral("cancel order")));
    QVERIFY(!namesPassageTopic(hits, QStringLiteral("appointment"))); // one word names too little
    QVERIFY(!namesPassageTopic({}, QStringLiteral("cancel service appointment")));
}

void TestKbPassage::theListItemAboutWhatWasAskedIsChosen()
{
    const QString care = article("care-instructions");
    QVERIFY(!care.isEmpty());
    const QString merino
        = answeringPassage(care, QStringLiteral("how do i wash the merino tee?? dont want it to shrink"));
    QVERIFY2(merino.contains(QLatin1String("lay flat to dry")), qPrintable(merino));
    QVERIFY2(!merino.contains(QLatin1String("**")), qPrintable(merino)); // markup removed
    const QString boots
        = answeringPassage(care, QStringLiteral("how should i clean my hiking boots after a muddy trail"));
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

void TestKbPassage::followUpsNegationsAndKinds()
{
    // A shared "not": "the email isnt coming" asks about the email that doesn't arrive.
    const QString reset = answeringPassage(article("reset-password"), QStringLiteral("the email isnt coming"),
        QStringLiteral("forgot my password how do i reset it"));
    QVERIFY2(reset.contains(QLatin1String("spam")), qPrintable(reset));
    // A prefix: "crypto" meets "cryptocurrency".
    const QString pay = answeringPassage(article("payment-methods"), QStringLiteral("what about crypto"));
    QVERIFY2(pay.contains(QLatin1String("cryptocurrency")), qPrintable(pay));
    // A phone number is what "your phone number" asks for.
    const QString phone = answeringPassage(article("contact-and-hours"), QStringLiteral("whats your phone number"));
    QVERIFY2(phone.contains(QLatin1String("415 555 9999")), qPrintable(phone));
    // "whats this trail club thing" is answered by the passage saying what Trail Club is.
    const QString club = answeringPassage(article("trail-club-plans"), QStringLiteral("whats this trail club thing"));
    QVERIFY2(club.contains(QLatin1String("$4.99")), qPrintable(club));
    QCOMPARE(searchWords(QStringLiteral("whats this trail club thing on ORD-10005")), QStringLiteral("trail club"));
    // The article's word for the customer's: "start again" is what resuming does.
    const QString pause = answeringPassage(article("trail-club-pause"), QStringLiteral("so when does it start again"));
    QVERIFY2(pause.contains(QLatin1String("resumes automatically")), qPrintable(pause));
    // "then what": the step after the last one found.
    const QString lost
        = answeringPassage(article("lost-or-stolen-package"), QStringLiteral("if it doesnt show up then what"));
    QVERIFY2(lost.contains(QLatin1String("claim")), qPrintable(lost));
}

void TestKbPassage::confidentAnswers()
{
    KbArticle warranty;
    warranty.title = QStringLiteral("Warranty on Northwind products");
    warranty.keywords = QStringLiteral("warranty, guarantee, warranty claim");
    warranty.body = article("warranty");
    QVERIFY(knowledgeAnswers(warranty, QStringLiteral("whats the warranty on a daypack")));
    QVERIFY(!knowledgeAnswers(warranty, QStringLiteral("the thing with the stuff from before isnt working")));
    QVERIFY(!knowledgeAnswers(warranty, QStringLiteral("no, the other thing. you know what i mean")));
}

void TestKbPassage::chargesAndWhatWasAskedAbout()
{
    // A question about a charge is answered by an amount, or by there being none.
    const QString paused = answeringPassage(
        article("trail-club-pause"), QStringLiteral("if i pause my plan will i get charged anything?"));
    QVERIFY2(paused.contains(QLatin1String("not charged")), qPrintable(paused));
    QCOMPARE(
        searchWords(QStringLiteral("will i get charged anything for a return")), QStringLiteral("charged fee return"));
    QVERIFY(!searchWords(QStringLiteral("how long can i pause for")).contains(QLatin1String("long")));

    // "late" names the delayed-package article, whose opening gives the time asked for;
    // the lost-package article, and a question that asks no time, get nothing from it.
    const KbArticle delayed = parsedArticle("delayed-package");
    const KbArticle lost = parsedArticle("lost-or-stolen-package");
    QVERIFY(!delayed.title.isEmpty() && !lost.title.isEmpty());
    const QString late = QStringLiteral("how long do i wait before its officially late");
    QVERIFY(leadScore(delayed, late) > 0);
    QCOMPARE(leadScore(lost, late), 0.0);
    QCOMPARE(leadScore(delayed, QStringLiteral("is it officially late")), 0.0);
    const QList<KbHit> hits{{lost, 0, false, {}}, {delayed, 0, false, {}}};
    QVERIFY(namesOneSubject(hits, 0, late));
    QVERIFY(!namesOneSubject(hits, 1, late));
}

void TestKbPassage::stepsPastTheirNotes()
{
    // A procedure whose notes sit between its steps: the steps go on after them.
    KbHit hit;
    KbPassageHit passage;
    passage.title = QStringLiteral("Pair your bike computer");
    passage.heading = QStringLiteral("Pair the sensor");
    passage.text = QStringLiteral("- Open the Acme app and choose Devices.\n\n"
                                  "- Wake the sensor by turning the crank. Its light blinks blue.\n\n"
                                  "The Devices list only shows sensors within two metres.\n\n"
                                  "- Press the Add Sensor... button under Nearby.\n\n"
                                  "The sensor's light turns green once it is paired.");
    hit.passages = {passage};
    const QString asked = QStringLiteral("how do i pair the sensor");
    const QStringList whole = SectionAnswer::of(hit, asked, {}, 600).sentences;
    QCOMPARE(whole,
        QStringList({QStringLiteral("1. Open the Acme app and choose Devices."),
            QStringLiteral("2. Wake the sensor by turning the crank. Its light blinks blue."),
            QStringLiteral("The Devices list only shows sensors within two metres."),
            QStringLiteral("3. Press the Add Sensor... button under Nearby."),
            QStringLiteral("The sensor's light turns green once it is paired.")}));
    // Tighter: the note goes first, then every sentence of a step but its first (an ellipsis
    // ends none), then the last steps.
    const int all = int(whole.join(QLatin1Char(' ')).size());
    const QStringList noNotes = SectionAnswer::of(hit, asked, {}, all - 10).sentences;
    QCOMPARE(noNotes.size(), 4);
    QVERIFY(!noNotes.contains(whole.at(2)));
    QCOMPARE(noNotes.at(1), whole.at(1));
    const QStringList firstSentences = SectionAnswer::of(hit, asked, {}, all - 70).sentences;
    QCOMPARE(firstSentences.at(1), QStringLiteral("2. Wake the sensor by turning the crank."));
    QCOMPARE(firstSentences.at(2), whole.at(3));
    QCOMPARE(SectionAnswer::of(hit, asked, {}, 50).sentences, QStringList{whole.first()});
}

void TestKbPassage::aWayAskedForGetsTheSentenceAndTheSteps()
{
    KbHit hit;
    KbPassageHit passage;
    passage.title = QStringLiteral("Ride with the left hand");
    passage.text = QStringLiteral("You can swap the brake levers so the front brake is on the left.\n\n"
                                  "- Book a workshop slot in the Acme app.\n\n"
                                  "- Choose Swap brake levers as the service.\n\n"
                                  "The swap takes about twenty minutes.");
    hit.passages = {passage};
    // Whether it can be done: the sentence that says so, then how.
    const QStringList way = SectionAnswer::of(hit, QStringLiteral("can i swap the brake levers?"), {}, 600).sentences;
    QCOMPARE(way,
        QStringList({QStringLiteral("You can swap the brake levers so the front brake is on the left."),
            QStringLiteral("1. Book a workshop slot in the Acme app."),
            QStringLiteral("2. Choose Swap brake levers as the service."),
            QStringLiteral("The swap takes about twenty minutes.")}));
    // Where they do not fit, the sentences that answer, as for a fact; a fact asked for gets no steps.
    const QStringList tight = SectionAnswer::of(hit, QStringLiteral("can i swap the brake levers?"), {}, 80).sentences;
    QCOMPARE(tight.first(), way.first());
    QVERIFY2(!tight.join(QLatin1Char(' ')).contains(QLatin1String("1. ")), qPrintable(tight.join(QLatin1Char('|'))));
    const QStringList fact = SectionAnswer::of(hit, QStringLiteral("which side is the front brake"), {}, 600).sentences;
    QVERIFY2(!fact.join(QLatin1Char(' ')).contains(QLatin1String("1. ")), qPrintable(fact.join(QLatin1Char('|'))));
}

void TestKbPassage::theWayMayBeInAnotherSection()
{
    // The page's opening says what can be done and, a sentence on, how; its section the steps.
    KbHit hit;
    KbPassageHit opening;
    opening.title = QStringLiteral("Set the light's brightness");
    opening.text = QStringLiteral("Depending on the model, you can change the brightness of the front light. "
                                  "You can change the brightness of the light in the app as well. "
                                  "To change the brightness of the light, hold its button for two seconds.");
    KbPassageHit section = opening;
    section.heading = QStringLiteral("In the app");
    section.text = QStringLiteral("- Open the Acme app and choose Light.\n\n- Move the Level slider.");
    hit.passages = {opening, section};
    const QString answer = SectionAnswer::of(hit, QStringLiteral("can i change the brightness of the light?"), {}, 600)
                               .sentences.join(QLatin1Char(' '));
    QVERIFY2(answer.contains(QLatin1String("hold its button for two seconds")), qPrintable(answer));
    QVERIFY2(answer.contains(QLatin1String("1. Open the Acme app and choose Light. 2. Move the Level slider.")),
        qPrintable(answer));
    // Where they do not fit beside the sentences, the steps alone answer a "how".
    const QString tight = SectionAnswer::of(hit, QStringLiteral("how do i set the light's brightness"), {}, 90)
                              .sentences.join(QLatin1Char(' '));
    QCOMPARE(tight, QStringLiteral("1. Open the Acme app and choose Light. 2. Move the Level slider."));
}

void TestKbPassage::anOpeningThatAnnouncesTipsGetsThem()
{
    // "go through the following tips" is no answer alone: the page's sections are the tips.
    KbHit hit;
    hit.article.title = QStringLiteral("My light does not turn on");
    hit.article.body
        = QStringLiteral("If your light does not turn on, go through the following troubleshooting tips.\n\n"
                         "## Charge the battery\n\nPlug the light in for two hours.\n\n"
                         "## Check the switch\n\nHold the button for two seconds.\n\n"
                         "### The switch is stuck\n\nBring it to a shop.\n");
    KbPassageHit opening;
    opening.title = hit.article.title;
    opening.text = QStringLiteral("If your light does not turn on, go through the following troubleshooting tips.");
    hit.passages = {opening};
    const QString answer
        = SectionAnswer::of(hit, QStringLiteral("my light does not turn on"), {}, 600).sentences.join(QLatin1Char(' '));
    QCOMPARE(answer,
        QStringLiteral("If your light does not turn on, go through the following troubleshooting tips. "
                       "1. Charge the battery. 2. Check the switch. 3. The switch is stuck."));
    // As many as fit.
    const QString tight
        = SectionAnswer::of(hit, QStringLiteral("my light does not turn on"), {}, 110).sentences.join(QLatin1Char(' '));
    QVERIFY2(tight.endsWith(QLatin1String("1. Charge the battery.")), qPrintable(tight));
}

void TestKbPassage::theStepsOfTheSectionNamedSo()
{
    // "Share your ride" is the page's own steps, not those of its section "Stop sharing your ride",
    // though the search ranked that section first (its heading holds the words too).
    KbHit hit;
    KbPassageHit stop;
    stop.title = QStringLiteral("Share your ride");
    stop.heading = QStringLiteral("Stop sharing your ride");
    stop.text = QStringLiteral("- Open the Acme app.\n\n- Tap Sharing, then Stop.");
    KbPassageHit opening = stop;
    opening.heading.clear();
    opening.text = QStringLiteral("- Open the Acme app and choose a ride.\n\n- Tap Share and pick a friend.");
    hit.passages = {stop, opening};
    QCOMPARE(SectionAnswer::of(hit, QStringLiteral("Share your ride"), {}, 600).sentences,
        QStringList({QStringLiteral("1. Open the Acme app and choose a ride."),
            QStringLiteral("2. Tap Share and pick a friend.")}));
    QCOMPARE(SectionAnswer::of(hit, QStringLiteral("how do i stop sharing my ride"), {}, 600).sentences.value(1),
        QStringLiteral("2. Tap Sharing, then Stop."));
}

void TestKbPassage::aHeadingThatAsksTheQuestionAnswersIt()
{
    // A help center's FAQ heading, "Where do they go?" under the page "Photos of your ride": the
    // question asked in its words is answered by that section, not by the opening that says
    // "photo" more often.
    KbHit hit;
    KbPassageHit opening;
    opening.title = QStringLiteral("Photos of your ride");
    opening.text = QStringLiteral("Tap the camera button to take a photo of your ride. The photo shows your route.");
    KbPassageHit where = opening;
    where.heading = QStringLiteral("Where do they go?");
    where.text = QStringLiteral("They are saved in the Rides folder of the Acme app. You can share them from there.");
    hit.passages = {opening, where};
    QCOMPARE(SectionAnswer::of(hit, QStringLiteral("Where do ride photos go?"), {}, 600).sentences.value(0),
        QStringLiteral("They are saved in the Rides folder of the Acme app."));
    // Another question word, another heading: the heading does not answer.
    QVERIFY(!SectionAnswer::of(hit, QStringLiteral("how do i take a photo of my ride"), {}, 600)
                 .sentences.join(QLatin1Char(' '))
                 .contains(QLatin1String("Rides folder")));
}

QTEST_GUILESS_MAIN(TestKbPassage)
#include "tst_kbpassage.moc"
