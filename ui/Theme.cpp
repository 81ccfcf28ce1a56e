#include "Theme.h"

#include "Settings.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QLegend>
#include <QStyle>
#include <QStyleFactory>

#include <cmath>
#include <memory>

using namespace Qt::StringLiterals;

namespace tideline::ui {

namespace {

std::unique_ptr<QPalette> &capturedSystemPalette()
{
    static std::unique_ptr<QPalette> palette;
    return palette;
}

void captureSystemPalette()
{
    if (!capturedSystemPalette())
        capturedSystemPalette() = std::make_unique<QPalette>(QGuiApplication::palette());
}

void setBoth(QPalette &p, QPalette::ColorRole role, const QColor &active, const QColor &disabled)
{
    p.setColor(QPalette::Active, role, active);
    p.setColor(QPalette::Inactive, role, active);
    p.setColor(QPalette::Disabled, role, disabled);
}

} // namespace

QString themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return u"light"_s;
    case Theme::Dark:
        return u"dark"_s;
    case Theme::System:
        break;
    }
    return u"system"_s;
}

Theme themeFromKey(const QString &key)
{
    if (key == u"light")
        return Theme::Light;
    if (key == u"dark")
        return Theme::Dark;
    return Theme::System;
}

bool isDarkPalette(const QPalette &palette)
{
    const QColor window = palette.color(QPalette::Active, QPalette::Window);
    const QColor text = palette.color(QPalette::Active, QPalette::WindowText);
    // Dark when the background is darker than the text drawn on it, and dark on its own.
    return window.lightness() < 128 && window.lightness() < text.lightness();
}

QPalette lightPalette()
{
    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(u"Fusion"_s));
    QPalette p = fusion ? fusion->standardPalette() : QPalette(QColor(0xef, 0xef, 0xef));
    // Fusion's defaults, with link, placeholder and selection colours that keep 4.5:1 contrast
    // (Fusion's own selection blue is 3.6:1 under white text).
    p.setColor(QPalette::Active, QPalette::Highlight, QColor(0x2a, 0x6f, 0xb8));
    p.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x2a, 0x6f, 0xb8));
    p.setColor(QPalette::Link, QColor(0x1a, 0x5f, 0xb4));
    p.setColor(QPalette::LinkVisited, QColor(0x6a, 0x3d, 0x9a));
    setBoth(p, QPalette::PlaceholderText, QColor(0x75, 0x75, 0x75), QColor(0xa0, 0xa0, 0xa0));
    return p;
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x31);
    const QColor base(0x1f, 0x20, 0x23);
    const QColor alternate(0x27, 0x29, 0x2d);
    const QColor button(0x35, 0x37, 0x3c);
    const QColor text(0xe4, 0xe6, 0xea);
    const QColor disabledText(0x7c, 0x80, 0x87);
    const QColor highlight(0x2f, 0x6f, 0xd6);

    QPalette p;
    setBoth(p, QPalette::Window, window, window);
    setBoth(p, QPalette::WindowText, text, disabledText);
    setBoth(p, QPalette::Base, base, QColor(0x26, 0x27, 0x2a));
    setBoth(p, QPalette::AlternateBase, alternate, alternate);
    setBoth(p, QPalette::ToolTipBase, QColor(0x3b, 0x3e, 0x44), QColor(0x3b, 0x3e, 0x44));
    setBoth(p, QPalette::ToolTipText, text, disabledText);
    setBoth(p, QPalette::PlaceholderText, QColor(0x92, 0x96, 0x9d), QColor(0x5f, 0x63, 0x69));
    setBoth(p, QPalette::Text, text, disabledText);
    setBoth(p, QPalette::Button, button, QColor(0x2e, 0x30, 0x34));
    setBoth(p, QPalette::ButtonText, text, disabledText);
    setBoth(p, QPalette::BrightText, QColor(0xff, 0x80, 0x80), QColor(0xff, 0x80, 0x80));
    setBoth(p, QPalette::Light, QColor(0x4a, 0x4d, 0x53), QColor(0x3a, 0x3c, 0x41));
    setBoth(p, QPalette::Midlight, QColor(0x3d, 0x40, 0x45), QColor(0x33, 0x35, 0x39));
    setBoth(p, QPalette::Mid, QColor(0x24, 0x26, 0x29), QColor(0x24, 0x26, 0x29));
    setBoth(p, QPalette::Dark, QColor(0x19, 0x1a, 0x1c), QColor(0x19, 0x1a, 0x1c));
    setBoth(p, QPalette::Shadow, QColor(0x0c, 0x0c, 0x0d), QColor(0x0c, 0x0c, 0x0d));
    setBoth(p, QPalette::Highlight, highlight, QColor(0x3d, 0x40, 0x45));
    setBoth(p, QPalette::HighlightedText, QColor(0xff, 0xff, 0xff), disabledText);
    setBoth(p, QPalette::Link, QColor(0x7a, 0xb4, 0xff), QColor(0x5a, 0x7a, 0xa0));
    setBoth(p, QPalette::LinkVisited, QColor(0xc3, 0x9b, 0xf0), QColor(0x80, 0x70, 0x99));
    // Inactive selections stay visible but quieter, as in Fusion's light palette.
    p.setColor(QPalette::Inactive, QPalette::Highlight, QColor(0x3a, 0x4f, 0x73));
    return p;
}

QPalette systemPalette()
{
    captureSystemPalette();
    return *capturedSystemPalette();
}

bool applyTheme(Theme theme)
{
    captureSystemPalette();
    if (QApplication::style()->name().compare(u"fusion"_s, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
    const bool dark = theme == Theme::Dark
                      || (theme == Theme::System && isDarkPalette(*capturedSystemPalette()));
    QApplication::setPalette(dark ? darkPalette() : lightPalette());
    return dark;
}

void applySavedTheme()
{
    const auto s = settings::open();
    applyTheme(themeFromKey(settings::Theme.read(*s)));
}

bool isDarkTheme()
{
    return isDarkPalette(QGuiApplication::palette());
}

QColor newTopicHighlight(const QPalette &palette)
{
    // #fff3b0 under #000000 is 18.7:1; #5a4a12 under the dark theme's #e4e6ea is 6.9:1.
    return isDarkPalette(palette) ? QColor(0x5a, 0x4a, 0x12) : QColor(0xff, 0xf3, 0xb0);
}

QColor errorBackground(const QPalette &palette)
{
    // #fdecea under #000000 is 18.4:1; #6b2b2b under #e4e6ea is 8.4:1.
    return isDarkPalette(palette) ? QColor(0x6b, 0x2b, 0x2b) : QColor(0xfd, 0xec, 0xea);
}

double contrastRatio(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &c) {
        const auto channel = [](float v) {
            return v <= 0.04045f ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
        };
        const QColor rgb = c.toRgb();
        return 0.2126 * channel(rgb.redF()) + 0.7152 * channel(rgb.greenF()) + 0.0722 * channel(rgb.blueF());
    };
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

void applyChartTheme(QChart *chart, const QPalette &palette)
{
    const QChart::ChartTheme theme = isDarkPalette(palette) ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    if (chart->theme() != theme)
        chart->setTheme(theme);
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    // Lines that structure the plot without competing with the series: text faded into the base.
    QColor grid = text;
    grid.setAlphaF(0.16f);
    QColor axisLine = text;
    axisLine.setAlphaF(0.45f);
    chart->setBackgroundBrush(base);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setTitleBrush(text);
    chart->legend()->setLabelColor(text);
    const QList<QAbstractAxis *> axes = chart->axes();
    for (QAbstractAxis *axis : axes) {
        axis->setLabelsColor(text);
        axis->setTitleBrush(text);
        axis->setGridLineColor(grid);
        axis->setMinorGridLineColor(grid);
        axis->setLinePenColor(axisLine);
    }
}

} // namespace tideline::ui
