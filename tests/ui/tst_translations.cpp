// The console's German: the .qm built from translations/tierdesk_de.ts and
// embedded under :/i18n, the language choice (the setting, else the system),
// a window built under the German translator, and the .ts itself (every
// placeholder, accelerator, tag and symbol of the source kept).
#include "tests/support/TestPaths.h"
#include "ui/ConsoleLanguage.h"
#include "ui/MainWindow.h"
#include "ui/client/ApiClient.h"
#include "ui/models/Display.h"

#include <QFile>
#include <QLibraryInfo>
#include <QListWidget>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace tierdesk;
using namespace tierdesk::ui;

namespace {

struct TsMessage {
    QString context;
    QString source;
    QStringList translations; // one, or each plural form
    bool unfinished = false;
};

QList<TsMessage> readTs(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<TsMessage> out;
    QString context;
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            out.append({context, {}, {}, false});
        } else if (xml.name() == QLatin1String("source") && !out.isEmpty()) {
            out.last().source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation") && !out.isEmpty()) {
            out.last().unfinished = !xml.attributes().value(QLatin1String("type")).isEmpty();
            QString text; // plain, or whitespace between <numerusform>s
            while (!xml.atEnd()
                && !(xml.readNext() == QXmlStreamReader::EndElement && xml.name() == QLatin1String("translation"))) {
                if (xml.isCharacters())
                    text += xml.text();
                else if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    out.last().translations << xml.readElementText();
            }
            if (!text.trimmed().isEmpty())
                out.last().translations << text;
        }
    }
    return xml.hasError() ? QList<TsMessage>{} : out;
}

// What a translation must carry over from its source, sorted so order may change:
// %1..%99, %n, %v, %m; accelerators (&x, not &nbsp;); HTML tags; the status symbols.
QStringList markers(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(?:\\d+|n|v|m)|&(?![a-z]+;)\\w|<[^>]+>|[●◐○★·—]"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QString m = it.next().captured();
        found << (m.startsWith(QLatin1Char('&')) ? QStringLiteral("&") : m); // the letter may differ
    }
    found.sort();
    return found;
}

} // namespace

class TestTranslations : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void embeddedGermanTranslatesKnownStrings();
    void settingChoosesTheLanguage_data();
    void settingChoosesTheLanguage();
    void installSwitchesLanguageBothWays();
    void englishFirstLoadsOnlyItsPlurals();
    void windowBuiltInGermanShowsGermanNavigation();
    void everyMessageTranslatedWithItsPlaceholders();

private:
    QTemporaryDir m_config;
    QLocale m_defaultLocale;
};

void TestTranslations::initTestCase()
{
    QVERIFY(m_config.isValid());
    // QSettings reads its location once, on first use: a private one for this test.
    qputenv("XDG_CONFIG_HOME", m_config.path().toLocal8Bit());
    QCoreApplication::setOrganizationName(QStringLiteral("Tierdesk"));
    QCoreApplication::setApplicationName(QStringLiteral("tierdesk"));
    m_defaultLocale = QLocale();
}

void TestTranslations::cleanup()
{
    QSettings().remove(QLatin1String(ConsoleLanguage::settingsKey));
    ConsoleLanguage::install(qApp, QLocale(QLocale::English));
    QLocale::setDefault(m_defaultLocale);
}

void TestTranslations::embeddedGermanTranslatesKnownStrings()
{
    QTranslator de;
    QVERIFY(de.load(QStringLiteral(":/i18n/tierdesk_de.qm")));
    QCOMPARE(de.language(), QStringLiteral("de_DE"));
    QCOMPARE(de.translate("tierdesk::ui::MainWindow", "Queue"), QStringLiteral("Warteschlange"));
    QCOMPARE(de.translate("tierdesk::ui::MainWindow", "Knowledge base"), QStringLiteral("Wissensdatenbank"));
    QCOMPARE(de.translate("Display", "Irate customer"), QStringLiteral("Wütender Kunde"));
    QCOMPARE(de.translate("tierdesk::ui::SupervisorView", "%n waiting", nullptr, 2), QStringLiteral("%n wartend"));
    QCOMPARE(de.translate("tierdesk::ui::ConversationView",
                   "The customer wrote %n new message(s) while you were typing. Your reply was not sent.", nullptr, 1)
                 .left(30),
        QStringLiteral("Der Kunde hat %n neue Nachrich"));
    QVERIFY(de.translate("tierdesk::ui::MainWindow", "a string nobody wrote").isEmpty());
}

void TestTranslations::settingChoosesTheLanguage_data()
{
    QTest::addColumn<QString>("setting");
    QTest::addColumn<QLocale::Language>("language");
    QTest::newRow("German") << QStringLiteral("de") << QLocale::German;
    QTest::newRow("English") << QStringLiteral("en") << QLocale::English;
    QTest::newRow("the system's") << QString() << QLocale::system().language();
}

void TestTranslations::settingChoosesTheLanguage()
{
    QFETCH(QString, setting);
    QFETCH(QLocale::Language, language);
    QSettings().setValue(QLatin1String(ConsoleLanguage::settingsKey), setting);
    QCOMPARE(ConsoleLanguage::chosen().language(), language);
}

void TestTranslations::installSwitchesLanguageBothWays()
{
    QSettings().setValue(QLatin1String(ConsoleLanguage::settingsKey), QStringLiteral("de"));
    QCOMPARE(ConsoleLanguage::installChosen(qApp), QStringLiteral("de"));
    QCOMPARE(display::enumLabel(QStringLiteral("IRATE_CUSTOMER")), QStringLiteral("Wütender Kunde"));
    QCOMPARE(display::titleCase(QStringLiteral("urgent")), QStringLiteral("Dringend"));
    QCOMPARE(display::tierLabel(QStringLiteral("AI_MANAGER")), QStringLiteral("KI-Manager"));
    QCOMPARE(QLocale().language(), QLocale::German); // an explicit choice sets the default locale
    // Qt's own strings follow when qtbase_de.qm is installed (qt6-translations-l10n).
    if (QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + QStringLiteral("/qtbase_de.qm")))
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Abbrechen"));

    QSettings().setValue(QLatin1String(ConsoleLanguage::settingsKey), QStringLiteral("en"));
    QCOMPARE(ConsoleLanguage::installChosen(qApp), QString());
    QCOMPARE(display::enumLabel(QStringLiteral("IRATE_CUSTOMER")), QStringLiteral("Irate customer"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
    // An unknown code still reads as words, in any language.
    QCOMPARE(display::enumLabel(QStringLiteral("SOMETHING_NEW")), QStringLiteral("Something new"));
}

void TestTranslations::englishFirstLoadsOnlyItsPlurals()
{
    const auto articles
        = [](int n) { return QCoreApplication::translate("tierdesk::ui::KnowledgeView", "%n article(s)", nullptr, n); };
    QCOMPARE(ConsoleLanguage::install(qApp, QLocale(QStringLiteral("en_GB"))), QString());
    // English's plural forms only: one article, two articles.
    QCOMPARE(articles(1), QStringLiteral("1 article"));
    QCOMPARE(articles(2), QStringLiteral("2 articles"));
    QCOMPARE(articles(0), QStringLiteral("0 articles"));
    QCOMPARE(ConsoleLanguage::install(qApp, QLocale(QStringLiteral("de_AT"))), QStringLiteral("de"));
    QCOMPARE(articles(1), QStringLiteral("1 Artikel"));
    QCOMPARE(ConsoleLanguage::install(qApp, QLocale(QStringLiteral("fr_FR"))), QString()); // no French yet
    QCOMPARE(articles(3), QStringLiteral("3 articles")); // English, with its plurals
    QCOMPARE(display::titleCase(QStringLiteral("orders")), QStringLiteral("Orders"));
}

void TestTranslations::windowBuiltInGermanShowsGermanNavigation()
{
    QCOMPARE(ConsoleLanguage::install(qApp, QLocale(QLocale::German, QLocale::Germany)), QStringLiteral("de"));
    ApiClient client;
    MainWindow w(client);
    auto *nav = w.findChild<QListWidget *>(QStringLiteral("navigation"));
    QVERIFY(nav);
    QStringList texts;
    for (int i = 0; i < nav->count(); ++i)
        texts << nav->item(i)->text();
    QCOMPARE(texts.mid(1),
        (QStringList{QStringLiteral("Gespräch"), QStringLiteral("Kunden"), QStringLiteral("Wissensdatenbank"),
            QStringLiteral("Auswertungen"), QStringLiteral("Live-Übersicht"), QStringLiteral("Konfiguration"),
            QStringLiteral("Einstellungen")}));
    QVERIFY2(texts.first().startsWith(QLatin1String("Warteschlange")), qPrintable(texts.first()));
}

void TestTranslations::everyMessageTranslatedWithItsPlaceholders()
{
    const QList<TsMessage> messages = readTs(test::sourceDir() + QStringLiteral("/translations/tierdesk_de.ts"));
    QVERIFY(messages.size() > 300);
    QStringList problems;
    for (const TsMessage &m : messages) {
        const QString where = m.context + QStringLiteral(": ") + m.source;
        if (m.unfinished || m.translations.isEmpty()) {
            problems << QStringLiteral("not translated: ") + where;
            continue;
        }
        const QStringList wanted = markers(m.source);
        for (const QString &t : m.translations)
            if (markers(t) != wanted)
                problems << QStringLiteral("%1 -> %2: %3 in the source, %4 in the translation")
                                .arg(where, t, wanted.join(QLatin1Char(' ')), markers(t).join(QLatin1Char(' ')));
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
