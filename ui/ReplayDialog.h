#pragma once

#include "mqtt/MessageReplayer.h"
#include "mqtt/MqttConnection.h"

#include <QDialog>
#include <QPointer>

#include <memory>
#include <vector>

class QCheckBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QRadioButton;

namespace tideline {

// Publishes an imported message set again on one connection: shows what the file holds
// (messages, topics, time span), lets the operator choose the timing (original gaps divided by
// a speed factor, a fixed rate, or as fast as possible), a topic prefix to replace and whether
// to drop the retain flag, then runs a MessageReplayer with a progress bar, a cancel button and
// a result line.
//
// Owns a copy of the messages and the replayer while it runs; the connection belongs to the
// caller (a replay on a connection that goes away ends with the rest counted as failed).
// Never blocks: the replay runs on timers of the GUI thread, acknowledgements arrive as signals.
class ReplayDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ReplayDialog)

public:
    // `sourceName` is what the summary calls the set (usually the file path).
    ReplayDialog(MqttConnection *connection, std::vector<MqttMessage> messages, const QString &sourceName,
                 QWidget *parent = nullptr);
    ~ReplayDialog() override;

    MessageReplayer::Options options() const;
    bool isReplaying() const { return m_replayer != nullptr; }

    QLabel *summaryLabel() const { return m_summary; }
    QLabel *connectionLabel() const { return m_connectionLabel; }
    QRadioButton *originalTimingButton() const { return m_original; }
    QRadioButton *fixedRateButton() const { return m_fixedRate; }
    QRadioButton *fastestButton() const { return m_fastest; }
    QDoubleSpinBox *speedBox() const { return m_speed; }
    QDoubleSpinBox *rateBox() const { return m_rate; }
    QLineEdit *oldPrefixEdit() const { return m_oldPrefix; }
    QLineEdit *newPrefixEdit() const { return m_newPrefix; }
    QCheckBox *dropRetainBox() const { return m_dropRetain; }
    QLabel *durationLabel() const { return m_duration; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *replayButton() const { return m_replayButton; }
    QPushButton *cancelReplayButton() const { return m_cancelButton; }
    QLabel *resultLabel() const { return m_result; }

    // The same as clicking the buttons.
    void startReplay();
    void cancelReplay();

    // Also stops a running replay.
    void reject() override;

Q_SIGNALS:
    void replayFinished(const tideline::BurstPublisher::Report &report);

private:
    void buildUi(const QString &sourceName);
    void updateControls();
    void updateDuration();
    void onProgress(quint64 completed, quint64 total);
    void onFinished(const BurstPublisher::Report &report);

    QPointer<MqttConnection> m_connection;
    std::vector<MqttMessage> m_messages;
    MessageReplayer::Summary m_stats;
    MessageReplayer *m_replayer = nullptr; // child while replaying

    QLabel *m_summary = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QRadioButton *m_original = nullptr;
    QRadioButton *m_fixedRate = nullptr;
    QRadioButton *m_fastest = nullptr;
    QDoubleSpinBox *m_speed = nullptr;
    QDoubleSpinBox *m_rate = nullptr;
    QLineEdit *m_oldPrefix = nullptr;
    QLineEdit *m_newPrefix = nullptr;
    QCheckBox *m_dropRetain = nullptr;
    QLabel *m_duration = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_replayButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace tideline
