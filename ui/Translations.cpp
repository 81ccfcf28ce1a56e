#include "Translations.h"

#include "core/Logging.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

namespace tideline::ui {

namespace {

QTranslator *loadTranslator(const QString &resource, QObject *owner)
{
    auto *translator = new QTranslator(owner);
    if (translator->load(resource) && QCoreApplication::installTranslator(translator))
        return translator;
    qCWarning(lcUi) << "the translation" << resource << "is missing from the resources";
    delete translator;
    return nullptr;
}

} // namespace

QList<QTranslator *> installTranslators(const QLocale &locale, QObject *owner)
{
    QList<QTranslator *> installed;
    if (locale.language() != QLocale::Chinese) {
        if (QTranslator *plurals = loadTranslator(u":/i18n/tideline_en.qm"_s, owner))
            installed.append(plurals);
        return installed;
    }
    if (QTranslator *tideline = loadTranslator(u":/i18n/tideline_zh_CN.qm"_s, owner))
        installed.append(tideline);
    // Qt's own dialogs and buttons; absent when the Qt translations package is not installed.
    auto *qt = new QTranslator(owner);
    if (qt->load(QLocale(QLocale::Chinese, QLocale::China), u"qtbase"_s, u"_"_s,
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))
        && QCoreApplication::installTranslator(qt))
        installed.append(qt);
    else
        delete qt;
    return installed;
}

} // namespace tideline::ui
