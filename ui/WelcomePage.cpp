#include "WelcomePage.h"

#include "core/Workspace.h"

#include <QApplication>
#include <QCommandLinkButton>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMetaMethod>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

constexpr int ContentMaxWidth = 980;
constexpr int ActionIconSize = 36;

enum class Badge { Demo, Connection, Cluster, Metrics };

// A rounded square in the feature's colour with a white symbol: recognisable at a glance and
// equally readable on the light and the dark theme.
QPixmap badgePixmap(Badge badge, int size, qreal dpr)
{
    QPixmap pixmap(QSize(size, size) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    QColor colour;
    switch (badge) {
    case Badge::Demo:
        colour = QColor(0x0f, 0x8b, 0x8d); // the tide
        break;
    case Badge::Connection:
        colour = QColor(0x3b, 0x6f, 0xd8);
        break;
    case Badge::Cluster:
        colour = QColor(0x32, 0x6c, 0xe5); // Kubernetes blue
        break;
    case Badge::Metrics:
        colour = QColor(0xd9, 0x5a, 0x2b); // Prometheus/RabbitMQ orange
        break;
    }
    const QRectF box(0.5, 0.5, size - 1.0, size - 1.0);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawRoundedRect(box, size * 0.22, size * 0.22);

    const qreal s = size;
    const QPointF c(s / 2, s / 2);
    QPen white(Qt::white, s * 0.085, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(white);
    p.setBrush(Qt::NoBrush);
    switch (badge) {
    case Badge::Demo: {
        QPainterPath play;
        play.moveTo(s * 0.38, s * 0.28);
        play.lineTo(s * 0.74, s * 0.5);
        play.lineTo(s * 0.38, s * 0.72);
        play.closeSubpath();
        p.setBrush(Qt::white);
        p.drawPath(play);
        break;
    }
    case Badge::Connection:
        p.drawLine(QPointF(c.x(), s * 0.27), QPointF(c.x(), s * 0.73));
        p.drawLine(QPointF(s * 0.27, c.y()), QPointF(s * 0.73, c.y()));
        break;
    case Badge::Cluster: {
        // A seven-spoked wheel, as in the Kubernetes mark.
        const qreal r = s * 0.28;
        QPolygonF rim;
        for (int i = 0; i < 7; ++i) {
            const double a = -M_PI / 2 + i * 2 * M_PI / 7;
            rim << c + QPointF(r * std::cos(a), r * std::sin(a));
        }
        p.drawPolygon(rim);
        QPen spoke = white;
        spoke.setWidthF(s * 0.05);
        p.setPen(spoke);
        for (const QPointF &corner : std::as_const(rim))
            p.drawLine(c, c + (corner - c) * 0.78);
        p.setBrush(Qt::white);
        p.drawEllipse(c, s * 0.07, s * 0.07);
        break;
    }
    case Badge::Metrics: {
        // Three bars and a baseline: queue depth over time.
        const qreal base = s * 0.74;
        const qreal w = s * 0.12;
        const qreal heights[] = {0.22, 0.40, 0.30};
        p.setPen(Qt::NoPen);
        p.setBrush(Qt::white);
        for (int i = 0; i < 3; ++i) {
            const qreal x = s * 0.26 + i * s * 0.18;
            p.drawRoundedRect(QRectF(x, base - s * heights[i], w, s * heights[i]), w * 0.25, w * 0.25);
        }
        break;
    }
    }
    return pixmap;
}

QIcon badgeIcon(Badge badge)
{
    QIcon icon;
    for (qreal dpr : {1.0, 2.0}) {
        QPixmap normal = badgePixmap(badge, ActionIconSize, dpr);
        icon.addPixmap(normal, QIcon::Normal);
        // Disabled: the same symbol, faded, so the page keeps its shape.
        QPixmap faded(normal.size());
        faded.setDevicePixelRatio(dpr);
        faded.fill(Qt::transparent);
        QPainter p(&faded);
        p.setOpacity(0.35);
        p.drawPixmap(0, 0, normal);
        p.end();
        icon.addPixmap(faded, QIcon::Disabled);
    }
    return icon;
}

// "~/workspaces" rather than "/home/ops/workspaces".
QString shortFolder(const QString &path)
{
    const QString folder = QFileInfo(path).absolutePath();
    const QString home = QDir::homePath();
    if (folder == home)
        return u"~"_s;
    if (folder.startsWith(home + u'/'))
        return QDir::toNativeSeparators(u"~"_s + folder.mid(home.size()));
    return QDir::toNativeSeparators(folder);
}

// A recent workspace: its name in bold, the folder it is in dimmed below.
class RecentDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &) const override
    {
        return {option.rect.width(), option.fontMetrics.height() * 2 + 16};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const bool selected = opt.state & QStyle::State_Selected;
        const QColor text = opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        QColor dim = selected ? text : opt.palette.color(QPalette::PlaceholderText);
        const QRect r = opt.rect.adjusted(10, 7, -10, -7);
        const int line = opt.fontMetrics.height();

        painter->save();
        QFont bold = opt.font;
        bold.setBold(true);
        painter->setFont(bold);
        painter->setPen(text);
        painter->drawText(QRect(r.left(), r.top(), r.width(), line), Qt::AlignVCenter,
                          QFontMetrics(bold).elidedText(index.data(Qt::DisplayRole).toString(), Qt::ElideRight,
                                                        r.width()));
        painter->setFont(opt.font);
        painter->setPen(dim);
        painter->drawText(QRect(r.left(), r.top() + line, r.width(), line), Qt::AlignVCenter,
                          opt.fontMetrics.elidedText(index.data(Qt::UserRole + 1).toString(), Qt::ElideMiddle,
                                                     r.width()));
        painter->restore();
    }
};

// QCommandLinkButton sizes itself for a narrow button (its description wrapped at the title's
// width), which leaves tall gaps when the page is wide; this one asks for the height its
// description needs at the width it really has.
class ActionLink final : public QCommandLinkButton
{
public:
    using QCommandLinkButton::QCommandLinkButton;

    QSize sizeHint() const override
    {
        QSize hint = QCommandLinkButton::sizeHint();
        hint.setHeight(heightForWidth(qMax(width(), hint.width())));
        return hint;
    }
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void resizeEvent(QResizeEvent *event) override
    {
        QCommandLinkButton::resizeEvent(event);
        if (event->size().width() != event->oldSize().width())
            updateGeometry();
    }
};

QLabel *sectionTitle(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont f = label->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    label->setFont(f);
    return label;
}

} // namespace

WelcomePage::WelcomePage(QWidget *parent) : QWidget(parent)
{
    setObjectName(u"welcomePage"_s);
    setAccessibleName(tr("Welcome"));

    // Scrolls rather than clips when the window is small.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(u"welcomeScroll"_s);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidgetResizable(true);
    outer->addWidget(scroll);

    auto *canvas = new QWidget(scroll);
    canvas->setObjectName(u"welcomeCanvas"_s);
    auto *centring = new QHBoxLayout(canvas);
    centring->setContentsMargins(32, 24, 32, 24);
    centring->addStretch(1);

    auto *content = new QWidget(canvas);
    content->setObjectName(u"welcomeContent"_s);
    content->setMaximumWidth(ContentMaxWidth);
    content->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(24);
    column->addStretch(2);
    column->addWidget(buildHeader());

    auto *panels = new QHBoxLayout;
    panels->setSpacing(24);
    panels->addWidget(buildStartPanel(), 3);
    panels->addWidget(buildRecentPanel(), 2);
    column->addLayout(panels);

    const QString paletteKeys = QKeySequence(Qt::CTRL | Qt::Key_K).toString(QKeySequence::NativeText);
    auto *tip = new QLabel(tr("Tip: press %1 to find any command or topic.").arg(paletteKeys), content);
    tip->setObjectName(u"welcomeTip"_s);
    tip->setAlignment(Qt::AlignCenter);
    m_dimLabels << tip;
    column->addWidget(tip);
    column->addStretch(3);

    centring->addWidget(content, 100);
    centring->addStretch(1);
    scroll->setWidget(canvas);

    updateIcons();
    updateAvailability();
    setRecentWorkspaces({});
}

WelcomePage::~WelcomePage() = default;

QWidget *WelcomePage::buildHeader()
{
    auto *header = new QWidget(this);
    auto *row = new QHBoxLayout(header);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(18);
    row->addStretch(1);

    m_logo = new QLabel(header);
    m_logo->setObjectName(u"welcomeLogo"_s);
    m_logo->setAccessibleName(tr("Tideline logo"));
    const QIcon appIcon = QIcon(u":/icons/tideline.svg"_s).isNull() ? QApplication::windowIcon()
                                                                    : QIcon(u":/icons/tideline.svg"_s);
    m_logo->setPixmap(appIcon.pixmap(QSize(72, 72), devicePixelRatioF()));
    m_logo->setFixedSize(72, 72);
    row->addWidget(m_logo, 0, Qt::AlignVCenter);

    auto *texts = new QVBoxLayout;
    texts->setSpacing(6);
    texts->addStretch(1);
    auto *title = new QLabel(tr("Welcome to Tideline"), header);
    title->setObjectName(u"welcomeTitle"_s);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    title->setFont(big);
    texts->addWidget(title);
    auto *subtitle = new QLabel(tr("Watch MQTT topics, queue depth and worker scaling live, side by side."),
                                header);
    subtitle->setObjectName(u"welcomeSubtitle"_s);
    QFont larger = subtitle->font();
    larger.setPointSizeF(larger.pointSizeF() * 1.1);
    subtitle->setFont(larger);
    m_dimLabels << subtitle;
    texts->addWidget(subtitle);
    texts->addStretch(1);
    row->addLayout(texts);
    row->addStretch(1);
    return header;
}

QWidget *WelcomePage::buildStartPanel()
{
    auto *panel = new QFrame(this);
    panel->setObjectName(u"welcomeStartPanel"_s);
    panel->setFrameShape(QFrame::StyledPanel);
    panel->setBackgroundRole(QPalette::Base);
    panel->setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(2);
    layout->addWidget(sectionTitle(tr("Start"), panel));
    layout->addSpacing(6);

    auto action = [&](const QString &objectName, const QString &text, const QString &description) {
        auto *button = new ActionLink(text, description, panel);
        button->setObjectName(objectName);
        button->setIconSize(QSize(ActionIconSize, ActionIconSize));
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
        layout->addWidget(button);
        return button;
    };
    m_demo = action(u"welcomeDemo"_s, tr("Open the demo"),
                    tr("Live shop traffic, a queue and a worker deployment that scales."));
    m_newConnection = action(u"welcomeNewConnection"_s, tr("New MQTT connection…"),
                             tr("Connect to a broker and watch its topics arrive."));
    m_addCluster = action(u"welcomeAddCluster"_s, tr("Add a cluster from kubeconfig…"),
                          tr("Watch deployments and autoscalers next to the queues they drain."));
    m_addMetricSource = action(u"welcomeAddMetricSource"_s, tr("Add a RabbitMQ or Prometheus source…"),
                               tr("Chart queue depth and consumer counts over time."));
    layout->addStretch(1);

    connect(m_demo, &QAbstractButton::clicked, this, &WelcomePage::demoRequested);
    connect(m_newConnection, &QAbstractButton::clicked, this, &WelcomePage::newConnectionRequested);
    connect(m_addCluster, &QAbstractButton::clicked, this, &WelcomePage::addClusterRequested);
    connect(m_addMetricSource, &QAbstractButton::clicked, this, &WelcomePage::addMetricSourceRequested);
    return panel;
}

QWidget *WelcomePage::buildRecentPanel()
{
    auto *panel = new QFrame(this);
    panel->setObjectName(u"welcomeRecentPanel"_s);
    panel->setFrameShape(QFrame::StyledPanel);
    panel->setBackgroundRole(QPalette::Base);
    panel->setAutoFillBackground(true);
    auto *layout = new QVBoxLayout(panel);
    layout->setContentsMargins(16, 14, 16, 14);
    layout->setSpacing(8);
    layout->addWidget(sectionTitle(tr("Recent workspaces"), panel));

    m_recentStack = new QStackedWidget(panel);
    m_recent = new QListWidget(m_recentStack);
    m_recent->setObjectName(u"recentWorkspaces"_s);
    m_recent->setAccessibleName(tr("Recent workspaces"));
    m_recent->setFrameShape(QFrame::NoFrame);
    m_recent->setItemDelegate(new RecentDelegate(m_recent));
    m_recent->setUniformItemSizes(true);
    m_recent->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_recent->setMouseTracking(true);
    m_recent->viewport()->setAttribute(Qt::WA_Hover);
    m_recentStack->addWidget(m_recent);

    m_recentEmpty = new QLabel(tr("Workspaces you save or open will be listed here. A workspace "
                                  "keeps your connections, dashboards and window layout together."),
                               m_recentStack);
    m_recentEmpty->setObjectName(u"recentWorkspacesEmpty"_s);
    m_recentEmpty->setWordWrap(true);
    m_recentEmpty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_dimLabels << m_recentEmpty;
    m_recentStack->addWidget(m_recentEmpty);
    layout->addWidget(m_recentStack, 1);

    m_openWorkspace = new QPushButton(tr("Open workspace…"), panel);
    m_openWorkspace->setObjectName(u"welcomeOpenWorkspace"_s);
    layout->addWidget(m_openWorkspace, 0, Qt::AlignLeft);

    // One click opens, as on a start page; Enter does the same for keyboard users.
    connect(m_recent, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) {
        Q_EMIT recentWorkspaceRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        Q_EMIT recentWorkspaceRequested(item->data(Qt::UserRole).toString());
    });
    connect(m_openWorkspace, &QPushButton::clicked, this, &WelcomePage::openWorkspaceRequested);
    return panel;
}

void WelcomePage::setRecentWorkspaces(const QStringList &paths)
{
    m_recent->clear();
    for (const QString &path : paths) {
        auto *item = new QListWidgetItem(Workspace::displayNameFor(path), m_recent);
        item->setData(Qt::UserRole, path);
        item->setData(Qt::UserRole + 1, shortFolder(path));
        item->setToolTip(QDir::toNativeSeparators(path));
    }
    m_recentStack->setCurrentWidget(paths.isEmpty() ? static_cast<QWidget *>(m_recentEmpty) : m_recent);
}

void WelcomePage::connectNotify(const QMetaMethod &signal)
{
    QWidget::connectNotify(signal);
    // Called after the connection exists, so isSignalConnected() already counts it.
    if (m_demo)
        updateAvailability();
}

void WelcomePage::disconnectNotify(const QMetaMethod &signal)
{
    QWidget::disconnectNotify(signal);
    // Called with the connection list still locked: isSignalConnected() would deadlock here.
    if (m_demo)
        QMetaObject::invokeMethod(this, &WelcomePage::updateAvailability, Qt::QueuedConnection);
}

void WelcomePage::showEvent(QShowEvent *event)
{
    updateAvailability();
    QWidget::showEvent(event);
}

void WelcomePage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateIcons();
    QWidget::changeEvent(event);
}

void WelcomePage::updateIcons()
{
    m_demo->setIcon(badgeIcon(Badge::Demo));
    m_newConnection->setIcon(badgeIcon(Badge::Connection));
    m_addCluster->setIcon(badgeIcon(Badge::Cluster));
    m_addMetricSource->setIcon(badgeIcon(Badge::Metrics));
    // Both roles: a label on a panel with a Base background draws with Text, not WindowText.
    const QColor dim = palette().color(QPalette::PlaceholderText);
    for (QLabel *label : std::as_const(m_dimLabels)) {
        QPalette p = label->palette();
        p.setColor(QPalette::WindowText, dim);
        p.setColor(QPalette::Text, dim);
        label->setPalette(p);
    }
}

void WelcomePage::updateAvailability()
{
    const auto offer = [this](QCommandLinkButton *button, void (WelcomePage::*signal)(),
                              const QString &unavailable) {
        const bool handled = isSignalConnected(QMetaMethod::fromSignal(signal));
        button->setEnabled(handled);
        button->setToolTip(handled ? QString() : unavailable);
    };
    offer(m_demo, &WelcomePage::demoRequested, tr("The demo is not part of this build yet."));
    offer(m_newConnection, &WelcomePage::newConnectionRequested, tr("Connections cannot be opened here."));
    offer(m_addCluster, &WelcomePage::addClusterRequested,
          tr("Kubernetes clusters are not part of this build yet."));
    offer(m_addMetricSource, &WelcomePage::addMetricSourceRequested,
          tr("RabbitMQ and Prometheus sources are not part of this build yet."));
    m_openWorkspace->setEnabled(isSignalConnected(QMetaMethod::fromSignal(&WelcomePage::openWorkspaceRequested)));
}

} // namespace tideline
