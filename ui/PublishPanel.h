#pragma once

#include "mqtt/BurstPublisher.h"
#include "mqtt/CloudEventsBuilder.h"
#include "mqtt/MessageTemplate.h"
#include "mqtt/MqttConnection.h"

#include <QHash>
#include <QPointer>
#include <QTimer>
#include <QWidget>

class QAbstractItemModel;
class QCheckBox;
class QComboBox;
class QDialog;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTableWidget;
class QTabWidget;
class QToolButton;

namespace tideline {

// Publishing test messages on one connection: topic (completed from the topic tree), QoS, retain,
// a payload editor with a format (text, JSON checked as you type, hex, base64, a file), the MQTT 5
// properties with user properties, templates saved per connection, a CloudEvents builder, bursts
// of N messages at R msgs/s with progress and a final report, and clearing a retained message.
//
// Owns its widgets and the running BurstPublisher; the connection and the topic model belong to
// the ConnectionView and outlive the panel. Everything runs on the GUI thread and never waits
// for the network: publishes are answered through MqttConnection::publishFinished.
class PublishPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PublishPanel)

public:
    PublishPanel(MqttConnection *connection, QAbstractItemModel *topicModel, const QString &connectionId,
                 QWidget *parent = nullptr);
    ~PublishPanel() override;

    // The message as the widgets describe it (template name from the name field).
    MessageTemplate currentTemplate() const;
    // Fills every widget from `messageTemplate`.
    void setTemplate(const MessageTemplate &messageTemplate);
    void setTopic(const QString &topic);

    bool isBurstRunning() const;
    // The last burst's report; requested == 0 before the first.
    BurstPublisher::Report lastBurstReport() const { return m_lastReport; }

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    // A single publish (or a clear) was answered: ok or not, with the broker's reason.
    void publishAnswered(const QString &topic, bool ok, const QString &error);
    void burstFinished(const tideline::BurstPublisher::Report &report);

private:
    void keepRoomForTheMainView();
    QWidget *buildMessageArea();
    QWidget *buildTabs();
    QWidget *buildPropertiesTab();
    QWidget *buildTemplatesTab();
    QWidget *buildBurstTab();

    MessageTemplate::PayloadFormat currentFormat() const;
    QString payloadText() const;
    void onFormatChanged();
    void checkPayload();
    void refreshState();
    void setStatus(QLabel *label, const QString &text, bool error);

    void publishOnce();
    void onPublishFinished(quint64 id, bool ok, const QString &error);
    void startBurst();
    void cancelBurst();
    void onBurstProgress(quint64 completed, quint64 total);
    void onBurstFinished(const BurstPublisher::Report &report);
    void confirmClearRetained();
    void clearRetained(const QString &topic);
    void chooseFile();
    void openCloudEventsDialog();
    void applyCloudEvent(QDialog *dialog);

    void addUserPropertyRow(const QString &name, const QString &value);
    QList<QPair<QString, QString>> userProperties() const;

    void refreshTemplateList();
    void saveTemplate();
    void loadSelectedTemplate();
    void deleteSelectedTemplate();

    // Prepares the current template; shows the problem and returns nullopt when it cannot be sent.
    std::optional<PreparedMessage> prepareCurrent();

    QPointer<MqttConnection> m_connection;
    QString m_connectionId;
    bool m_mqtt5 = true;
    quint64 m_nextSeq = 1; // {{seq}} of the next single publish
    QHash<quint64, QString> m_pending; // single publishes awaiting their answer -> topic
    BurstPublisher *m_burst = nullptr;
    BurstPublisher::Report m_lastReport;
    bool m_payloadOk = true;
    // The format the editor's text is written in (to convert it when the format changes).
    MessageTemplate::PayloadFormat m_shownFormat = MessageTemplate::PayloadFormat::Text;
    QTimer m_checkTimer;
    // Remembered between uses of the CloudEvents dialog.
    CloudEventsBuilder::Event m_lastEvent;
    bool m_lastEventBinary = false;

    // Message
    QLineEdit *m_topicEdit = nullptr;
    QComboBox *m_qos = nullptr;
    QCheckBox *m_retain = nullptr;
    QComboBox *m_format = nullptr;
    QPushButton *m_cloudEventsButton = nullptr;
    QStackedWidget *m_payloadStack = nullptr;
    QPlainTextEdit *m_payloadEdit = nullptr;
    QLineEdit *m_fileEdit = nullptr;
    QToolButton *m_fileBrowse = nullptr;
    QLabel *m_payloadStatus = nullptr;
    QLabel *m_publishStatus = nullptr;
    QPushButton *m_clearRetainedButton = nullptr;
    QPushButton *m_publishButton = nullptr;
    // Properties
    QTabWidget *m_tabs = nullptr;
    QLabel *m_mqtt5Note = nullptr;
    QWidget *m_propertiesForm = nullptr;
    QLineEdit *m_contentType = nullptr;
    QComboBox *m_payloadIndicator = nullptr;
    QLineEdit *m_responseTopic = nullptr;
    QLineEdit *m_correlationData = nullptr;
    QSpinBox *m_expiry = nullptr;
    QTableWidget *m_userProperties = nullptr;
    QToolButton *m_addUserProperty = nullptr;
    QToolButton *m_removeUserProperty = nullptr;
    // Templates
    QListWidget *m_templateList = nullptr;
    QLineEdit *m_templateName = nullptr;
    QPushButton *m_saveTemplate = nullptr;
    QPushButton *m_loadTemplate = nullptr;
    QPushButton *m_deleteTemplate = nullptr;
    QLabel *m_templateStatus = nullptr;
    // Burst
    QSpinBox *m_burstCount = nullptr;
    QDoubleSpinBox *m_burstRate = nullptr;
    QCheckBox *m_burstMax = nullptr;
    QPushButton *m_burstStart = nullptr;
    QPushButton *m_burstCancel = nullptr;
    QProgressBar *m_burstProgress = nullptr;
    QLabel *m_burstReport = nullptr;
};

} // namespace tideline
