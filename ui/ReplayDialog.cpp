#include "ReplayDialog.h"

#include "core/Logging.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

#include <limits>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

constexpr double MinSpeed = 0.01;
constexpr double MaxSpeed = 100000.0;
constexpr double MinRate = 0.1;
constexpr double MaxRate = 1000000.0;

QLabel *wrapLabel(QWidget *parent, const QString &objectName)
{
    auto *l = new QLabel(parent);
    l->setObjectName(objectName);
    l->setWordWrap(true);
    l->setTextFormat(Qt::PlainText);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

QString timeText(qint64 msSinceEpoch)
{
    return QDateTime::fromMSecsSinceEpoch(msSinceEpoch).toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s);
}

} // namespace

ReplayDialog::ReplayDialog(MqttConnection *connection, std::vector<MqttMessage> messages, const QString &sourceName,
                           QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_messages(std::move(messages))
    , m_stats(MessageReplayer::summarize(m_messages))
{
    setObjectName(u"replayDialog"_s);
    setWindowTitle(tr("Replay messages"));
    setMinimumWidth(560);
    buildUi(sourceName);
    if (m_connection)
        connect(m_connection, &MqttConnection::stateChanged, this, &ReplayDialog::updateControls);
    updateDuration();
    updateControls();
}

ReplayDialog::~ReplayDialog() = default;

// A short duration for the summary and the estimate: "850 ms", "12.5 s", "3 min 20 s", "2 h 5 min".
static QString durationText(double seconds)
{
    const QLocale locale;
    if (seconds < 1.0)
        return ReplayDialog::tr("%1 ms").arg(locale.toString(qRound(seconds * 1000)));
    if (seconds < 60.0)
        return ReplayDialog::tr("%1 s").arg(locale.toString(seconds, 'f', 1));
    const qint64 whole = qint64(seconds);
    if (whole < 3600)
        return ReplayDialog::tr("%1 min %2 s").arg(locale.toString(whole / 60), locale.toString(whole % 60));
    return ReplayDialog::tr("%1 h %2 min").arg(locale.toString(whole / 3600), locale.toString((whole % 3600) / 60));
}

void ReplayDialog::buildUi(const QString &sourceName)
{
    auto *layout = new QVBoxLayout(this);
    const QLocale locale;

    // What the file holds.
    auto *fileGroup = new QGroupBox(tr("Messages"), this);
    auto *fileForm = new QFormLayout(fileGroup);
    auto *source = wrapLabel(fileGroup, u"replaySource"_s);
    source->setText(QFileInfo(sourceName).fileName().isEmpty() ? sourceName : QFileInfo(sourceName).fileName());
    source->setToolTip(sourceName);
    source->setAccessibleName(tr("Source file"));
    fileForm->addRow(tr("Source:"), source);
    m_summary = wrapLabel(fileGroup, u"replaySummary"_s);
    m_summary->setAccessibleName(tr("Summary of the messages"));
    if (m_stats.count == 0) {
        m_summary->setText(tr("The file holds no messages."));
    } else {
        const double spanSeconds = double(m_stats.spanMs()) / 1000.0;
        m_summary->setText(tr("%1 messages on %2 topics, recorded over %3 (%4 to %5).")
                               .arg(locale.toString(qint64(m_stats.count)), locale.toString(qint64(m_stats.topics)),
                                    durationText(spanSeconds), timeText(m_stats.firstMs), timeText(m_stats.lastMs)));
    }
    fileForm->addRow(tr("Contents:"), m_summary);
    m_connectionLabel = wrapLabel(fileGroup, u"replayConnection"_s);
    m_connectionLabel->setAccessibleName(tr("Target connection"));
    fileForm->addRow(tr("Publish on:"), m_connectionLabel);
    layout->addWidget(fileGroup);

    // When.
    auto *timingGroup = new QGroupBox(tr("Timing"), this);
    auto *grid = new QGridLayout(timingGroup);
    m_original = new QRadioButton(tr("&Original timing, speed"), timingGroup);
    m_original->setObjectName(u"replayOriginalTiming"_s);
    m_original->setAccessibleName(tr("Original timing"));
    m_original->setToolTip(tr("Keep the recorded gaps between messages, divided by the speed factor."));
    m_speed = new QDoubleSpinBox(timingGroup);
    m_speed->setObjectName(u"replaySpeed"_s);
    m_speed->setAccessibleName(tr("Speed factor"));
    m_speed->setRange(MinSpeed, MaxSpeed);
    m_speed->setDecimals(2);
    m_speed->setValue(1.0);
    m_speed->setSuffix(tr(" ×"));
    m_fixedRate = new QRadioButton(tr("&Fixed rate"), timingGroup);
    m_fixedRate->setObjectName(u"replayFixedRate"_s);
    m_fixedRate->setAccessibleName(tr("Fixed rate"));
    m_rate = new QDoubleSpinBox(timingGroup);
    m_rate->setObjectName(u"replayRate"_s);
    m_rate->setAccessibleName(tr("Messages per second"));
    m_rate->setRange(MinRate, MaxRate);
    m_rate->setDecimals(1);
    m_rate->setValue(10.0);
    m_rate->setSuffix(tr(" msgs/s"));
    m_fastest = new QRadioButton(tr("As fast as &possible"), timingGroup);
    m_fastest->setObjectName(u"replayFastest"_s);
    m_fastest->setAccessibleName(tr("As fast as possible"));
    m_fastest->setToolTip(tr("No pause between messages; only the broker's flow control paces them."));
    auto *timingButtons = new QButtonGroup(this);
    timingButtons->addButton(m_original);
    timingButtons->addButton(m_fixedRate);
    timingButtons->addButton(m_fastest);
    m_original->setChecked(true);
    grid->addWidget(m_original, 0, 0);
    grid->addWidget(m_speed, 0, 1);
    grid->addWidget(m_fixedRate, 1, 0);
    grid->addWidget(m_rate, 1, 1);
    grid->addWidget(m_fastest, 2, 0, 1, 2);
    m_duration = wrapLabel(timingGroup, u"replayDuration"_s);
    m_duration->setAccessibleName(tr("Estimated duration"));
    grid->addWidget(m_duration, 3, 0, 1, 2);
    grid->setColumnStretch(2, 1);
    layout->addWidget(timingGroup);
    connect(timingButtons, &QButtonGroup::buttonToggled, this, [this] {
        updateDuration();
        updateControls();
    });
    connect(m_speed, &QDoubleSpinBox::valueChanged, this, &ReplayDialog::updateDuration);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &ReplayDialog::updateDuration);

    // Where and how.
    auto *topicGroup = new QGroupBox(tr("Topics and flags"), this);
    auto *topicForm = new QFormLayout(topicGroup);
    auto *prefixRow = new QHBoxLayout;
    m_oldPrefix = new QLineEdit(topicGroup);
    m_oldPrefix->setObjectName(u"replayOldPrefix"_s);
    m_oldPrefix->setAccessibleName(tr("Topic prefix to replace"));
    m_oldPrefix->setPlaceholderText(tr("e.g. shop/"));
    m_newPrefix = new QLineEdit(topicGroup);
    m_newPrefix->setObjectName(u"replayNewPrefix"_s);
    m_newPrefix->setAccessibleName(tr("New topic prefix"));
    m_newPrefix->setPlaceholderText(tr("e.g. replay/shop/"));
    auto *withLabel = new QLabel(tr("with"), topicGroup);
    prefixRow->addWidget(m_oldPrefix, 1);
    prefixRow->addWidget(withLabel);
    prefixRow->addWidget(m_newPrefix, 1);
    auto *prefixCaption = new QLabel(tr("Replace &topic prefix:"), topicGroup);
    prefixCaption->setBuddy(m_oldPrefix);
    prefixCaption->setToolTip(tr("Topics that start with the first prefix are published under the second "
                                 "instead; others keep their topic. Leave both empty to keep every topic."));
    topicForm->addRow(prefixCaption, prefixRow);
    m_dropRetain = new QCheckBox(tr("&Drop the retain flag"), topicGroup);
    m_dropRetain->setObjectName(u"replayDropRetain"_s);
    m_dropRetain->setAccessibleName(tr("Drop the retain flag"));
    m_dropRetain->setToolTip(tr("Publish retained messages as ordinary ones, so the broker keeps nothing."));
    topicForm->addRow(QString(), m_dropRetain);
    layout->addWidget(topicGroup);

    // Progress and result.
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(u"replayProgress"_s);
    m_progress->setAccessibleName(tr("Replay progress"));
    m_progress->setRange(0, int(qMin<qsizetype>(m_stats.count, std::numeric_limits<int>::max())));
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m"));
    layout->addWidget(m_progress);
    m_result = wrapLabel(this, u"replayResult"_s);
    m_result->setAccessibleName(tr("Replay result"));
    layout->addWidget(m_result);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_replayButton = m_buttons->addButton(tr("&Replay"), QDialogButtonBox::ActionRole);
    m_replayButton->setObjectName(u"replayStartButton"_s);
    m_replayButton->setAccessibleName(tr("Start the replay"));
    m_replayButton->setDefault(true);
    m_cancelButton = m_buttons->addButton(tr("&Stop"), QDialogButtonBox::ActionRole);
    m_cancelButton->setObjectName(u"replayCancelButton"_s);
    m_cancelButton->setAccessibleName(tr("Stop the replay"));
    connect(m_replayButton, &QPushButton::clicked, this, &ReplayDialog::startReplay);
    connect(m_cancelButton, &QPushButton::clicked, this, &ReplayDialog::cancelReplay);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ReplayDialog::reject);
    layout->addWidget(m_buttons);
}

MessageReplayer::Options ReplayDialog::options() const
{
    MessageReplayer::Options o;
    if (m_fixedRate->isChecked())
        o.timing = MessageReplayer::Timing::FixedRate;
    else if (m_fastest->isChecked())
        o.timing = MessageReplayer::Timing::AsFastAsPossible;
    else
        o.timing = MessageReplayer::Timing::Original;
    o.speed = m_speed->value();
    o.rate = m_rate->value();
    o.oldPrefix = m_oldPrefix->text().toUtf8();
    o.newPrefix = m_newPrefix->text().toUtf8();
    o.dropRetain = m_dropRetain->isChecked();
    return o;
}

void ReplayDialog::startReplay()
{
    if (m_replayer || !m_connection || m_connection->state() != MqttConnection::State::Connected
        || m_messages.empty())
        return;
    const MessageReplayer::Options o = options();
    if (const Result<void> valid = MessageReplayer::validate(o); !valid) {
        m_result->setText(valid.error().message);
        return;
    }
    m_result->clear();
    m_progress->setValue(0);
    m_replayer = new MessageReplayer(m_connection, m_messages, o, this);
    connect(m_replayer, &MessageReplayer::progress, this, &ReplayDialog::onProgress);
    connect(m_replayer, &MessageReplayer::finished, this, &ReplayDialog::onFinished);
    qCInfo(lcUi).noquote() << "replaying" << m_messages.size() << "messages on"
                           << m_connection->profile().displayName();
    m_replayer->start();
    updateControls();
}

void ReplayDialog::cancelReplay()
{
    if (m_replayer)
        m_replayer->cancel();
}

void ReplayDialog::reject()
{
    // Closing stops the replay: nothing keeps publishing behind a window that is gone.
    cancelReplay();
    QDialog::reject();
}

void ReplayDialog::onProgress(quint64 completed, quint64 total)
{
    Q_UNUSED(total);
    m_progress->setValue(int(qMin<quint64>(completed, quint64(m_progress->maximum()))));
}

void ReplayDialog::onFinished(const BurstPublisher::Report &report)
{
    const QLocale locale;
    const QString sent = locale.toString(qulonglong(report.sent));
    const QString requested = locale.toString(qulonglong(report.requested));
    const QString seconds = locale.toString(report.elapsedSeconds, 'f', 2);
    const QString rate = locale.toString(report.achievedRate(), 'f', 1);
    const QString failed = locale.toString(qulonglong(report.failed));
    QString text = report.cancelled
                       ? tr("Stopped: %1 of %2 messages sent in %3 s (%4 msgs/s), %5 failed.")
                             .arg(sent, requested, seconds, rate, failed)
                       : tr("Replayed %1 of %2 messages in %3 s (%4 msgs/s), %5 failed.")
                             .arg(sent, requested, seconds, rate, failed);
    if (!report.firstError.isEmpty())
        text += u'\n' + tr("First error: %1").arg(report.firstError);
    m_result->setText(text);
    m_progress->setValue(int(qMin<quint64>(report.sent + report.failed, quint64(m_progress->maximum()))));
    m_replayer->deleteLater();
    m_replayer = nullptr;
    updateControls();
    Q_EMIT replayFinished(report);
}

void ReplayDialog::updateDuration()
{
    const MessageReplayer::Options o = options();
    const qsizetype n = m_stats.count;
    if (n < 2) {
        m_duration->clear();
        return;
    }
    switch (o.timing) {
    case MessageReplayer::Timing::Original:
        m_duration->setText(tr("Takes about %1.").arg(durationText(double(m_stats.spanMs()) / 1000.0 / o.speed)));
        break;
    case MessageReplayer::Timing::FixedRate:
        m_duration->setText(tr("Takes about %1.").arg(durationText(double(n - 1) / o.rate)));
        break;
    case MessageReplayer::Timing::AsFastAsPossible:
        m_duration->setText(tr("As fast as the broker acknowledges."));
        break;
    }
}

void ReplayDialog::updateControls()
{
    const bool replaying = m_replayer != nullptr;
    const bool connected = m_connection && m_connection->state() == MqttConnection::State::Connected;
    if (m_connection) {
        m_connectionLabel->setText(tr("%1 (%2)").arg(m_connection->profile().displayName(),
                                                      m_connection->stateText()));
    } else {
        m_connectionLabel->setText(tr("No connection"));
    }
    m_replayButton->setEnabled(!replaying && connected && !m_messages.empty());
    m_replayButton->setToolTip(connected ? QString() : tr("Connect first: the replay publishes on this connection."));
    m_cancelButton->setEnabled(replaying);
    for (QWidget *w : std::initializer_list<QWidget *>{m_original, m_fixedRate, m_fastest, m_oldPrefix, m_newPrefix,
                                                        m_dropRetain})
        w->setEnabled(!replaying);
    m_speed->setEnabled(!replaying && m_original->isChecked());
    m_rate->setEnabled(!replaying && m_fixedRate->isChecked());
}

} // namespace tideline
