#include "ui/ConsoleLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

namespace tierdesk::ui {
namespace {

// Our translators are children of the application with this name, so a second
// install() replaces them instead of stacking.
const QString kTranslatorName = QStringLiteral("tierdeskTranslator");

QString settingValue()
{
    return QSettings().value(QLatin1String(ConsoleLanguage::settingsKey)).toString().trimmed();
}

QTranslator *loaded(QCoreApplication *app, const QLocale &locale, const QString &name, const QString &dir)
{
    auto *t = new QTranslator(app);
    t->setObjectName(kTranslatorName);
    if (!t->load(locale, name, QStringLiteral("_"), dir)) {
        delete t;
        return nullptr;
    }
    QCoreApplication::installTranslator(t);
    return t;
}

} // namespace

QLocale ConsoleLanguage::chosen()
{
    const QString language = settingValue();
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

QString ConsoleLanguage::install(QCoreApplication *app, const QLocale &locale, bool setDefaultLocale)
{
    for (QTranslator *old : app->findChildren<QTranslator *>(kTranslatorName, Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
    if (setDefaultLocale)
        QLocale::setDefault(locale);
    // English is the source language: only its plural forms are loaded. QTranslator::load()
    // walks locale.uiLanguages() (LANGUAGE=fr:de gives fr, de); stop before it falls
    // through to German when English comes first, as in LANGUAGE=en:de.
    const QStringList wanted = locale.uiLanguages();
    if (wanted.isEmpty() || wanted.first().startsWith(QLatin1String("en")) || wanted.first() == QLatin1String("C")) {
        loaded(app, QLocale(QLocale::English), QStringLiteral("tierdesk"), QStringLiteral(":/i18n"));
        return {};
    }
    const QTranslator *console = loaded(app, locale, QStringLiteral("tierdesk"), QStringLiteral(":/i18n"));
    if (!console) { // a language the console does not speak: English, with its plurals
        loaded(app, QLocale(QLocale::English), QStringLiteral("tierdesk"), QStringLiteral(":/i18n"));
        return {};
    }
    loaded(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return console->language().section(QLatin1Char('_'), 0, 0);
}

QString ConsoleLanguage::installChosen(QCoreApplication *app)
{
    const bool explicitChoice = !settingValue().isEmpty();
    return install(app, chosen(), explicitChoice);
}

} // namespace tierdesk::ui
