#include "Settings.h"

namespace tideline::settings {

namespace {
QString &iniPath()
{
    static QString path;
    return path;
}
} // namespace

void useIniFile(const QString &path)
{
    iniPath() = path;
}

QString iniFile()
{
    return iniPath();
}

std::unique_ptr<QSettings> open()
{
    if (!iniPath().isEmpty())
        return std::make_unique<QSettings>(iniPath(), QSettings::IniFormat);
    return std::make_unique<QSettings>();
}

} // namespace tideline::settings
