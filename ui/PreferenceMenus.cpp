#include "PreferenceMenus.h"

#include "Settings.h"
#include "Theme.h"

#include <QAction>
#include <QActionGroup>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>

using namespace Qt::StringLiterals;

namespace tideline {

PreferenceMenus::PreferenceMenus(QWidget *window) : QObject(window), m_window(window)
{
    const auto s = settings::open();

    m_themeMenu = new QMenu(tr("&Theme"), window);
    m_themeMenu->setObjectName(u"themeMenu"_s);
    m_themeGroup = new QActionGroup(this);
    const QString theme = ui::themeKey(ui::themeFromKey(settings::Theme.read(*s)));
    const auto themeAction = [&](const QString &text, const QString &key, const QString &objectName) {
        QAction *action = m_themeMenu->addAction(text);
        action->setObjectName(objectName);
        action->setCheckable(true);
        action->setChecked(key == theme);
        action->setData(key);
        m_themeGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, key] { chooseTheme(key); });
    };
    themeAction(tr("Follow the &system"), ui::themeKey(ui::Theme::System), u"themeSystemAction"_s);
    themeAction(tr("&Light"), ui::themeKey(ui::Theme::Light), u"themeLightAction"_s);
    themeAction(tr("&Dark"), ui::themeKey(ui::Theme::Dark), u"themeDarkAction"_s);

    m_languageMenu = new QMenu(tr("&Language"), window);
    m_languageMenu->setObjectName(u"languageMenu"_s);
    m_languageGroup = new QActionGroup(this);
    const QString language = settings::Language.read(*s);
    const auto languageAction = [&](const QString &text, const QString &code, const QString &objectName) {
        QAction *action = m_languageMenu->addAction(text);
        action->setObjectName(objectName);
        action->setCheckable(true);
        action->setChecked(code == language);
        action->setData(code);
        m_languageGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
    };
    languageAction(tr("Follow the &system"), QString(), u"languageSystemAction"_s);
    // Each language in its own name, so it can be found by someone who cannot read the other.
    languageAction(u"English"_s, u"en"_s, u"languageEnglishAction"_s);
    languageAction(u"简体中文"_s, u"zh_CN"_s, u"languageChineseAction"_s);
    if (!m_languageGroup->checkedAction())
        m_languageGroup->actions().constFirst()->setChecked(true);

    m_alertNotificationsAction = new QAction(tr("Alert &notifications"), window);
    m_alertNotificationsAction->setObjectName(u"alertNotificationsAction"_s);
    m_alertNotificationsAction->setToolTip(tr("Show a desktop notification when a queue passes its threshold"));
    m_alertNotificationsAction->setCheckable(true);
    m_alertNotificationsAction->setChecked(settings::AlertNotifications.read(*s));
    connect(m_alertNotificationsAction, &QAction::toggled, this, [](bool on) {
        const auto stored = settings::open();
        settings::AlertNotifications.write(*stored, on);
    });
}

PreferenceMenus::~PreferenceMenus() = default;

QString PreferenceMenus::runningLanguage()
{
    return QLocale().language() == QLocale::Chinese ? u"zh_CN"_s : u"en"_s;
}

QString PreferenceMenus::effectiveLanguage(const QString &choice)
{
    if (choice.isEmpty())
        return QLocale::system().language() == QLocale::Chinese ? u"zh_CN"_s : u"en"_s;
    return choice == u"zh_CN" ? u"zh_CN"_s : u"en"_s;
}

void PreferenceMenus::chooseTheme(const QString &key)
{
    {
        const auto s = settings::open();
        settings::Theme.write(*s, key);
    }
    Q_EMIT themeApplied(ui::applyTheme(ui::themeFromKey(key)));
}

void PreferenceMenus::chooseLanguage(const QString &code)
{
    {
        const auto s = settings::open();
        settings::Language.write(*s, code);
    }
    const QString wanted = effectiveLanguage(code);
    if (wanted == runningLanguage())
        return;
    // Told in the language chosen and in the current one: one of them the reader reads.
    const QString name = wanted == u"zh_CN" ? u"简体中文"_s : u"English"_s;
    const QString inChosen = wanted == u"zh_CN" ? u"Tideline 将在下次启动时使用简体中文。"_s
                                                : u"Tideline will use English from its next start."_s;
    auto *box = new QMessageBox(QMessageBox::Information, tr("Language"),
                                tr("Tideline will show %1 from its next start.").arg(name), QMessageBox::Ok,
                                m_window);
    box->setObjectName(u"languageRestartMessage"_s);
    box->setInformativeText(inChosen);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace tideline
