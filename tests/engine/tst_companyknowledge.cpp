// Each company's own AI: a new company (not the demo) answers only from its own knowledge and
// profile, says it does not know what neither holds and offers a person, and never says the
// demo company's facts; a company's currency and time zone are the replies' own. A real engine
// over a real SQLite file, with the demo company seeded beside it.
#include "core/engine/reply/Phrases.h"
#include "tests/engine/EngineFixture.h"

#include <QLocale>
#include <QTimeZone>

using namespace tierdesk;
using namespace tierdesk::test;

namespace {

// What none of another company's replies may hold: the demo company's contact, rules and names.
const QStringList kDemoFacts{QStringLiteral("415 555 9999"), QStringLiteral("northwind"), QStringLiteral("Trail Club"),
    QStringLiteral("30 days"), QStringLiteral("Account >"), QStringLiteral("tags attached")};

QString replyOf(const Result<MessageOutcome> &outcome)
{
    return outcome && outcome->aiResponse ? outcome->aiResponse->content : QString();
}

QStringList suggestedOf(const Result<MessageOutcome> &outcome)
{
    if (!outcome || !outcome->aiResponse || !outcome->aiResponse->meta.ai)
        return {};
    return outcome->aiResponse->meta.ai->suggestedActions;
}

} // namespace

class TestCompanyKnowledge : public QObject {
    Q_OBJECT

private slots:
    void init()
    {
        m_f = std::make_unique<EngineFixture>();
        QVERIFY(m_f->setUp());
        const auto acme = m_f->engine->createCompany(QStringLiteral("Acme Bikes"), Actor{});
        QVERIFY(acme.ok());
        m_acme = acme->id;
    }
    void cleanup() { m_f.reset(); }

    void aNewCompanySaysItDoesNotKnowAndOffersAPerson_data()
    {
        QTest::addColumn<QString>("question");
        QTest::newRow("phone") << QStringLiteral("what is your phone number?");
        QTest::newRow("returns") << QStringLiteral("what's your return policy?");
        QTest::newRow("membership") << QStringLiteral("how do I cancel my trail club membership?");
        QTest::newRow("hours") << QStringLiteral("when are you open on weekends?");
    }
    void aNewCompanySaysItDoesNotKnowAndOffersAPerson()
    {
        QFETCH(QString, question);
        const auto outcome = ask(question);
        const QString reply = replyOf(outcome);
        QVERIFY2(reply.contains(QLatin1String("I don't have information about that")), qPrintable(reply));
        QVERIFY2(reply.contains(QLatin1String("a person")), qPrintable(reply));
        QVERIFY2(suggestedOf(outcome).contains(QLatin1String("talk_to_person")), qPrintable(reply));
        // A visitor who has bought nothing is offered no help with orders they do not have.
        QVERIFY2(!reply.contains(QLatin1String("orders")), qPrintable(reply));
        for (const QString &fact : kDemoFacts)
            QVERIFY2(!reply.contains(fact, Qt::CaseInsensitive), qPrintable(fact + QStringLiteral(": ") + reply));
        QVERIFY(!actionsOf(*outcome).contains(QLatin1String("modify_subscription")));
    }

    // Asked one after another in one conversation, each is answered as unknown: the AI manager
    // that takes over after the unsure turns says so too, rather than only that it took over.
    void everyUnknownQuestionOfAConversationIsSaidToBeUnknown()
    {
        CreateSessionRequest req;
        req.companyId = m_acme;
        req.customerId = QStringLiteral("rider-2");
        const auto s = m_f->engine->createSession(req, Actor{});
        QVERIFY(s.ok());
        for (const char *question :
            {"what is your phone number?", "whats your return policy?", "how do I cancel my trail club membership?"}) {
            const QString reply
                = replyOf(m_f->engine->postMessage(m_acme, s->id, QString::fromLatin1(question), Actor{}));
            QVERIFY2(reply.contains(QLatin1String("I don't have information about that")), qPrintable(reply));
        }
    }

    void theCompanysOwnContactIsGiven()
    {
        QVERIFY(configure(
            m_acme, R"({"company": {"supportPhone": "+1 503 555 0142", "supportEmail": "help@acme-bikes.example"}})"));
        QString reply = replyOf(ask(QStringLiteral("what is your phone number?")));
        QVERIFY2(reply.contains(QLatin1String("+1 503 555 0142")), qPrintable(reply));
        QVERIFY2(reply.contains(QLatin1String("help@acme-bikes.example")), qPrintable(reply));
        QVERIFY2(!reply.contains(QLatin1String("415 555 9999")), qPrintable(reply));
        // What it does not know is still not guessed, and the contact is offered beside a person.
        reply = replyOf(ask(QStringLiteral("what's your return policy?")));
        QVERIFY2(reply.contains(QLatin1String("I don't have information about that")), qPrintable(reply));
        QVERIFY2(reply.contains(QLatin1String("+1 503 555 0142")), qPrintable(reply));
    }

    void aCompanyAnswersFromItsOwnArticles()
    {
        QVERIFY(addArticle(QStringLiteral("returns"), QStringLiteral("Our return policy"), QStringLiteral("REFUND"),
            QStringLiteral("You can return a bike within 45 days of delivery if it has been ridden less than 50 "
                           "miles. Bring it to any Acme shop or book a pickup."),
            QStringLiteral("return policy, returns, return window")));
        const QString reply = replyOf(ask(QStringLiteral("what's your return policy?")));
        QVERIFY2(reply.contains(QLatin1String("45 days")), qPrintable(reply));
        QVERIFY2(!reply.contains(QLatin1String("30 days")), qPrintable(reply));
        // The demo company keeps its own articles, and does not see Acme's.
        const QList<KbHit> demo = m_f->store->kb().search(m_f->companyId, QStringLiteral("return bike 45 days"), 5);
        for (const KbHit &hit : demo)
            QVERIFY(hit.article.companyId == m_f->companyId && !hit.article.body.contains(QLatin1String("Acme")));
    }

    // A help center's page, with sections: the AI quotes the section that answers (its steps when
    // asked how), and a request the shop's intents would read as an order's ("cancel ...") is a
    // question for the page that names it.
    void aCompanysPageIsAnsweredFromItsSection()
    {
        QVERIFY(addArticle(QStringLiteral("service"), QStringLiteral("Service appointments"),
            QStringLiteral("GENERAL_INQUIRY"),
            QStringLiteral(
                "# Service appointments\n\nOur workshop services every bike we sell, whoever made it.\n\n"
                "## Book a service\n\n- Open the Acme app and choose Workshop.\n\n- Pick a shop and a free slot.\n\n"
                "- Confirm with Book.\n\n"
                "## Cancel a service appointment\n\nYou can cancel up to 24 hours before the slot at no charge.\n\n"
                "- Open the Acme app and choose Workshop.\n\n- Select the appointment and tap Cancel appointment.\n\n"
                "## Tyre pressure\n\nWe check it at every service. Road tyres run at 80 to 100 psi; mountain bike "
                "tyres at 25 to 35 psi.\n")));

        auto outcome = ask(QStringLiteral("Cancel a service appointment"));
        QString reply = replyOf(outcome);
        QVERIFY2(
            reply.contains(QLatin1String("2. Select the appointment and tap Cancel appointment.")), qPrintable(reply));
        QVERIFY2(!reply.contains(QLatin1String("order number")), qPrintable(reply));
        QVERIFY(!suggestedOf(outcome).contains(QLatin1String("provide_order_number")));
        QVERIFY(!actionsOf(*outcome).contains(QLatin1String("cancel_order")));

        reply = replyOf(ask(QStringLiteral("how do i book a service")));
        QVERIFY2(
            reply.contains(QLatin1String("1. Open the Acme app and choose Workshop. 2. Pick a shop and a free slot.")),
            qPrintable(reply));

        reply = replyOf(ask(QStringLiteral("what pressure should my mountain bike tyres have?")));
        QVERIFY2(reply.contains(QLatin1String("25 to 35 psi")), qPrintable(reply));
        QVERIFY2(!reply.contains(QLatin1String("whoever made it")), qPrintable(reply)); // not the opening

        // Misspelt as customers type: searched as the page writes it.
        reply = replyOf(ask(QStringLiteral("how do i cancle a service apointment")));
        QVERIFY2(reply.contains(QLatin1String("tap Cancel appointment")), qPrintable(reply));
    }

    // A help center that mentions a question's words in passing does not answer it: a page that
    // likens an IP address to "your phone number" is no phone number of the company's, a colour
    // profile's "timeout policy" no return policy, a print job's "cancel" no membership's. The
    // pages are GNOME Help's (gnome-user-docs, CC BY-SA 3.0), where these replies were seen.
    void aHelpCenterThatMentionsTheWordsInPassingDoesNotAnswer_data()
    {
        QTest::addColumn<QString>("question");
        QTest::newRow("phone") << QStringLiteral("what is your phone number?");
        QTest::newRow("returns") << QStringLiteral("whats ur return policy");
        QTest::newRow("membership") << QStringLiteral("how do i cancel my trail club membership?");
    }
    void aHelpCenterThatMentionsTheWordsInPassingDoesNotAnswer()
    {
        QFETCH(QString, question);
        QVERIFY(addGnomeHelpPages());
        const auto outcome = ask(question);
        const QString reply = replyOf(outcome);
        QVERIFY2(reply.contains(QLatin1String("I don't have information about that")), qPrintable(reply));
        QVERIFY2(suggestedOf(outcome).contains(QLatin1String("talk_to_person")), qPrintable(reply));
        for (const char *page : {"IP address", "color profile", "print"})
            QVERIFY2(!reply.contains(QLatin1String(page), Qt::CaseInsensitive), qPrintable(reply));
    }

    // ... while what the pages are about is answered from them.
    void aHelpCenterAnswersWhatItsPagesAreAbout()
    {
        QVERIFY(addGnomeHelpPages());
        QString reply = replyOf(ask(QStringLiteral("how do I cancel a print job?")));
        QVERIFY2(reply.contains(QLatin1String("Show Jobs")), qPrintable(reply));
        reply = replyOf(ask(QStringLiteral("what is an IP address?")));
        QVERIFY2(reply.contains(QLatin1String("Internet Protocol address")), qPrintable(reply));
        reply = replyOf(ask(QStringLiteral("can i be told when my color profile is out of date")));
        QVERIFY2(reply.contains(QLatin1String("warning")), qPrintable(reply));
        // With the company's phone number in its profile, that is the answer, not the page's likeness.
        QVERIFY(configure(m_acme, R"({"company": {"supportPhone": "+1 503 555 0142"}})"));
        reply = replyOf(ask(QStringLiteral("what is your phone number?")));
        QVERIFY2(reply.contains(QLatin1String("+1 503 555 0142")), qPrintable(reply));
        QVERIFY2(!reply.contains(QLatin1String("IP address")), qPrintable(reply));
    }

    // A help center's guide page lists its pages, "title — what it is about": a question its line
    // answers is answered by the page the line names.
    void aGuidePagesLinePointsToThePageThatAnswers()
    {
        const QString general = QStringLiteral("GENERAL_INQUIRY");
        QVERIFY(addArticle(QStringLiteral("accounts"), QStringLiteral("Online accounts"), general,
            QStringLiteral("You can keep your online accounts in the Acme app.\n\n"
                           "Add an online account \u2014 Link your online accounts to the Acme app.\n"
                           "Remove an online account \u2014 Unlink an online account from the app.\n")));
        QVERIFY(addArticle(QStringLiteral("accounts-add"), QStringLiteral("Add an online account"), general,
            QStringLiteral("Adding an account links your rides to it.\n\n"
                           "1. Open the Acme app and choose Profile.\n"
                           "2. Tap Linked accounts, then Add.\n"
                           "3. Sign in to the account you want to add.\n")));
        const QString reply = replyOf(ask(QStringLiteral("Add an online account")));
        QVERIFY2(reply.contains(QLatin1String("Tap Linked accounts, then Add")), qPrintable(reply));
        QVERIFY2(!reply.contains(QChar(0x2014)), qPrintable(reply));
    }

    // A company in euros and Berlin: its replies state amounts as Germans write euros, and its
    // dates in its own time zone.
    void aGermanCompanyInEurosAndBerlin()
    {
        QVERIFY(m_f->configure(R"({"language": "de", "company": {"currency": "EUR", "timeZone": "Europe/Berlin"}})"));
        const auto s = m_f->open(QStringLiteral("cust_ben"));
        QVERIFY(s.ok());
        QString reply
            = replyOf(m_f->say(s->id, QStringLiteral("i want my money back for ord 10005 the pants dont fit")));
        QVERIFY2(reply.contains(QStringLiteral("79,00 €")), qPrintable(reply));
        QVERIFY2(!reply.contains(QLatin1String("$")), qPrintable(reply));

        const auto order = m_f->store->customers().findOrder(m_f->companyId, QStringLiteral("ORD-10001"));
        QVERIFY(order && order->shippedAt > 0);
        const QDateTime shipped
            = QDateTime::fromMSecsSinceEpoch(order->shippedAt, QTimeZone(QByteArrayLiteral("Europe/Berlin")));
        const QString day
            = QLocale(QLocale::German, QLocale::Germany).toString(shipped.date(), QStringLiteral("dddd, d. MMMM"));
        const auto alice = m_f->open(QStringLiteral("cust_alice"));
        QVERIFY(alice.ok());
        reply = replyOf(m_f->say(alice->id, QStringLiteral("where is my order ORD-10001")));
        QVERIFY2(reply.contains(day), qPrintable(day + QStringLiteral(" / ") + reply));
    }

    void amountsInTheCompanysCurrency_data()
    {
        QTest::addColumn<QString>("currency");
        QTest::addColumn<int>("language");
        QTest::addColumn<QString>("written");
        QTest::newRow("EUR en") << QStringLiteral("EUR") << int(Language::En) << QStringLiteral("€45.00");
        QTest::newRow("EUR de") << QStringLiteral("EUR") << int(Language::De) << QStringLiteral("45,00 €");
        QTest::newRow("USD en") << QStringLiteral("USD") << int(Language::En) << QStringLiteral("$45.00");
        QTest::newRow("USD de") << QStringLiteral("USD") << int(Language::De) << QStringLiteral("45,00 $");
        QTest::newRow("GBP en") << QStringLiteral("GBP") << int(Language::En) << QStringLiteral("£45.00");
        QTest::newRow("CHF en") << QStringLiteral("CHF") << int(Language::En) << QStringLiteral("CHF 45.00");
    }
    void amountsInTheCompanysCurrency()
    {
        QFETCH(QString, currency);
        QFETCH(int, language);
        QFETCH(QString, written);
        CompanyProfile profile;
        profile.currency = currency;
        QCOMPARE(Phrases(static_cast<Language>(language), profile).money(45), written);
    }

private:
    Result<MessageOutcome> ask(const QString &question)
    {
        CreateSessionRequest req;
        req.companyId = m_acme;
        req.customerId = QStringLiteral("rider-1");
        const auto s = m_f->engine->createSession(req, Actor{});
        if (!s)
            return s.error();
        return m_f->engine->postMessage(m_acme, s->id, question, Actor{});
    }

    bool configure(const QString &companyId, const char *json)
    {
        const auto merged = api::cs::mergeConfig(
            m_f->engine->config(companyId).value(), QJsonDocument::fromJson(QByteArray(json)).object());
        return merged.ok() && m_f->engine->updateConfig(companyId, merged.value(), {}, Actor{}).ok();
    }

    // One of Acme's own articles, stored as an admin writes it.
    bool addArticle(const QString &slug, const QString &title, const QString &category, const QString &body,
        const QString &keywords = {})
    {
        KbArticle a;
        a.companyId = m_acme;
        a.slug = slug;
        a.title = title;
        a.category = category;
        a.keywords = keywords;
        a.body = body;
        return m_f->store->batch().run([&] { return m_f->store->kb().insert(a, m_f->clock.nowMs()).ok(); })
            && m_f->store->batch().flush();
    }

    // Three pages of GNOME Help as its importer stores them, and pages beside them so that the
    // words' weights are a help center's.
    bool addGnomeHelpPages()
    {
        const QString general = QStringLiteral("GENERAL_INQUIRY");
        return addArticle(QStringLiteral("net-what-is-ip-address"), QStringLiteral("What is an IP address?"), general,
                   QStringLiteral(
                       "\u201cIP address\u201d stands for Internet Protocol address, and each device that is "
                       "connected to a network (like the internet) has one.\n\nAn IP address is similar to your "
                       "phone number. Your phone number is a unique set of numbers that identifies your phone so "
                       "that other people can call you. Similarly, an IP address is a unique set of numbers that "
                       "identifies your computer so that it can send and receive data with other computers.\n\n"
                       "Currently, most IP addresses consist of four sets of numbers, each separated by a period. "
                       "192.168.1.42 is an example of an IP address."))
            && addArticle(QStringLiteral("color-notifications"),
                QStringLiteral("Can I get notified when my color profile is inaccurate?"), general,
                QStringLiteral(
                    "You can be reminded to recalibrate your devices after a specific period of time. "
                    "Unfortunately, it is not possible to tell without recalibrating whether a device profile is "
                    "accurate, so it is best to recalibrate devices regularly.\n\nSome companies have very specific "
                    "calibration expiry policies for profiles, as an inaccurate color profile can make a huge "
                    "difference to an end product.\n\nIf you set the timeout policy and a profile is older than the "
                    "policy then a red warning triangle will be shown in the Color panel next to the profile. A "
                    "warning notification will also be shown every time you log into your computer."))
            && addArticle(QStringLiteral("printing-cancel-job"), QStringLiteral("Cancel, pause or release a print job"),
                general,
                QStringLiteral(
                    "You can cancel a pending print job and remove it from the queue in the printer settings.\n\n"
                    "## Cancel a print job\n\nIf you accidentally started printing a document, you can cancel the "
                    "print so that you do not need to waste any ink or paper.\n\n"
                    "1. Open the Activities overview and start typing Printers.\n"
                    "2. Click Printers to open the panel.\n"
                    "3. Click the Show Jobs button on the right-hand side of the Printers dialog.\n"
                    "4. Cancel the print job by clicking the stop button.\n\n"
                    "## Pause and release a print job\n\nIf you want to pause or release a print job, you can do so "
                    "by going to the jobs dialog in the printer settings and click the appropriate button."))
            && addArticle(QStringLiteral("net-wireless-connect"), QStringLiteral("Connect to a wireless network"),
                general,
                QStringLiteral("If you have a wireless-enabled computer, you can connect to a wireless network that "
                               "is within range to get access to the internet, view shared files on the network, "
                               "and so on.\n\n1. Open the system menu from the right side of the top bar.\n"
                               "2. Select Wi-Fi Not Connected.\n3. Click Select Network.\n"
                               "4. Click the name of the network you want, then click Connect."))
            && addArticle(QStringLiteral("user-changepassword"), QStringLiteral("Change your password"), general,
                QStringLiteral("It is a good idea to change your password from time to time, especially if you "
                               "think someone else knows your password.\n\n1. Open the Activities overview and "
                               "start typing Users.\n2. Click on the label next to Password. If you are changing "
                               "the password for a different user, you will first need to Unlock the panel."));
    }

    std::unique_ptr<EngineFixture> m_f;
    QString m_acme;
};

QTEST_GUILESS_MAIN(TestCompanyKnowledge)
#include "tst_companyknowledge.moc"
