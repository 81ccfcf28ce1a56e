#include "ConnectionDialog.h"

#include "Settings.h"
#include "Theme.h"
#include "core/Logging.h"
#include "models/TopicFilter.h"
#include "secrets/CredentialStore.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace tideline {

namespace {

constexpr int ProfileIdRole = Qt::UserRole + 1;
constexpr int SubscriptionFilterColumn = 0;
constexpr int SubscriptionQosColumn = 1;

QComboBox *makeQosCombo(QWidget *parent)
{
    auto *combo = new QComboBox(parent);
    combo->addItem(ConnectionDialog::tr("0 – at most once"), 0);
    combo->addItem(ConnectionDialog::tr("1 – at least once"), 1);
    combo->addItem(ConnectionDialog::tr("2 – exactly once"), 2);
    return combo;
}

// Named widgets let tests and screen readers find every control.
template<typename W>
W *named(W *widget, const QString &objectName, const QString &accessibleName)
{
    widget->setObjectName(objectName);
    widget->setAccessibleName(accessibleName);
    return widget;
}

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    QPalette pal = label->palette();
    pal.setColor(QPalette::WindowText, pal.color(QPalette::PlaceholderText));
    label->setPalette(pal);
    return label;
}

} // namespace

ConnectionDialog::ConnectionDialog(CredentialStore *store, QWidget *parent)
    : QDialog(parent), m_store(store)
{
    setObjectName(u"connectionDialog"_s);
    setWindowTitle(tr("Connect to an MQTT broker"));
    buildUi();

    const auto s = settings::open();
    const QString lastId = settings::LastProfileId.read(*s);
    reloadProfileList(lastId);
    if (const auto restored = settings::ConnectionDialogGeometry.read(*s); !restored.isEmpty())
        restoreGeometry(restored);
}

ConnectionDialog::~ConnectionDialog() = default;

void ConnectionDialog::buildUi()
{
    auto *root = new QHBoxLayout(this);

    // Saved profiles on the left, the form on the right.
    auto *left = new QVBoxLayout;
    auto *savedLabel = new QLabel(tr("Saved connections"), this);
    left->addWidget(savedLabel);
    m_profileList = named(new QListWidget(this), u"profileList"_s, tr("Saved connections"));
    m_profileList->setMinimumWidth(190);
    m_profileList->setMaximumWidth(240);
    savedLabel->setBuddy(m_profileList);
    left->addWidget(m_profileList, 1);
    auto *listButtons = new QHBoxLayout;
    auto *newButton = named(new QPushButton(tr("New"), this), u"newProfileButton"_s,
                            tr("New connection profile"));
    m_deleteProfileButton = named(new QPushButton(tr("Delete"), this), u"deleteProfileButton"_s,
                                  tr("Delete the selected profile"));
    listButtons->addWidget(newButton);
    listButtons->addWidget(m_deleteProfileButton);
    left->addLayout(listButtons);
    root->addLayout(left);

    auto *right = new QVBoxLayout;
    m_pages = named(new QTabWidget(this), u"connectionPages"_s, tr("Connection settings"));
    m_pages->addTab(buildConnectionPage(), tr("Connection"));
    m_pages->addTab(buildSecurityPage(), tr("TLS"));
    m_pages->addTab(buildWillPage(), tr("Last will"));
    m_pages->addTab(buildSubscriptionsPage(), tr("Subscriptions"));
    right->addWidget(m_pages, 1);

    m_validationLabel = named(new QLabel(this), u"validationLabel"_s, tr("Problem"));
    m_validationLabel->setWordWrap(true);
    m_validationLabel->setStyleSheet(u"color: #c62828; font-weight: bold;"_s);
    m_validationLabel->setMinimumHeight(m_validationLabel->fontMetrics().height() * 2);
    m_validationLabel->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    right->addWidget(m_validationLabel);

    m_buttons = named(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this),
                      u"buttonBox"_s, tr("Dialog buttons"));
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Connect"));
    ok->setObjectName(u"connectButton"_s);
    ok->setAccessibleName(tr("Connect"));
    right->addWidget(m_buttons);
    root->addLayout(right, 1);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &ConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ConnectionDialog::reject);
    connect(m_profileList, &QListWidget::currentItemChanged, this,
            &ConnectionDialog::onProfileSelected);
    connect(newButton, &QPushButton::clicked, this, [this] { m_profileList->setCurrentRow(0); });
    connect(m_deleteProfileButton, &QPushButton::clicked, this,
            &ConnectionDialog::deleteSelectedProfile);

    resize(920, 580);
}

QWidget *ConnectionDialog::buildConnectionPage()
{
    auto *page = new QWidget(this);
    auto *form = new QFormLayout(page);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_nameEdit = named(new QLineEdit(page), u"nameEdit"_s, tr("Connection name"));
    m_nameEdit->setPlaceholderText(tr("e.g. Production broker (host:port when empty)"));
    form->addRow(tr("&Name:"), m_nameEdit);

    m_urlEdit = named(new QLineEdit(page), u"urlEdit"_s, tr("Broker URL"));
    m_urlEdit->setPlaceholderText(u"mqtt://127.0.0.1:1883"_s);
    auto *urlBox = new QVBoxLayout;
    urlBox->setSpacing(2);
    urlBox->addWidget(m_urlEdit);
    urlBox->addWidget(hintLabel(
        tr("mqtt:// or mqtts:// (TLS); ws:// or wss:// for WebSockets, e.g. ws://host:9001/mqtt"),
        page));
    // A row whose field is a layout gets no buddy by itself: without one "&" shows literally.
    auto *urlLabel = new QLabel(tr("Broker &URL:"), page);
    urlLabel->setBuddy(m_urlEdit);
    form->addRow(urlLabel, urlBox);

    m_versionCombo = named(new QComboBox(page), u"versionCombo"_s, tr("MQTT version"));
    m_versionCombo->addItem(tr("MQTT 5"), int(ConnectionProfile::Version::Mqtt5));
    m_versionCombo->addItem(tr("MQTT 3.1.1"), int(ConnectionProfile::Version::Mqtt311));
    form->addRow(tr("MQTT &version:"), m_versionCombo);

    m_clientIdEdit = named(new QLineEdit(page), u"clientIdEdit"_s, tr("Client ID"));
    m_clientIdEdit->setPlaceholderText(tr("Generated when empty (tideline-…)"));
    form->addRow(tr("&Client ID:"), m_clientIdEdit);

    m_cleanStartCheck = named(new QCheckBox(tr("Clean start (discard any previous session)"), page),
                              u"cleanStartCheck"_s, tr("Clean start"));
    form->addRow(QString(), m_cleanStartCheck);

    m_sessionExpirySpin = named(new QSpinBox(page), u"sessionExpirySpin"_s, tr("Session expiry"));
    m_sessionExpirySpin->setRange(0, 7 * 24 * 3600);
    m_sessionExpirySpin->setSuffix(tr(" s"));
    m_sessionExpirySpin->setSpecialValueText(tr("0 (session ends with the connection)"));
    m_sessionExpirySpin->setToolTip(tr("MQTT 5 only: how long the broker keeps the session "
                                       "(subscriptions and queued QoS 1/2 messages) after a disconnect."));
    form->addRow(tr("Session &expiry:"), m_sessionExpirySpin);

    m_keepAliveSpin = named(new QSpinBox(page), u"keepAliveSpin"_s, tr("Keep-alive"));
    m_keepAliveSpin->setRange(0, 65535);
    m_keepAliveSpin->setSuffix(tr(" s"));
    form->addRow(tr("&Keep-alive:"), m_keepAliveSpin);

    m_autoReconnectCheck = named(new QCheckBox(tr("Reconnect automatically (with back-off)"), page),
                                 u"autoReconnectCheck"_s, tr("Reconnect automatically"));
    form->addRow(QString(), m_autoReconnectCheck);

    m_usernameEdit = named(new QLineEdit(page), u"usernameEdit"_s, tr("Username"));
    form->addRow(tr("User&name:"), m_usernameEdit);

    m_passwordEdit = named(new QLineEdit(page), u"passwordEdit"_s, tr("Password"));
    m_passwordEdit->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Password:"), m_passwordEdit);

    m_rememberPasswordCheck =
        named(new QCheckBox(tr("Remember password in the system keychain"), page),
              u"rememberPasswordCheck"_s, tr("Remember password"));
    m_rememberPasswordCheck->setToolTip(
        tr("Stored only in the operating system's keychain, never in Tideline's settings. "
           "The TLS key passphrase is remembered the same way."));
    form->addRow(QString(), m_rememberPasswordCheck);

    for (QLineEdit *edit : {m_nameEdit, m_urlEdit, m_clientIdEdit, m_usernameEdit, m_passwordEdit})
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::revalidate);
    connect(m_versionCombo, &QComboBox::currentIndexChanged, this, &ConnectionDialog::revalidate);
    connect(m_cleanStartCheck, &QCheckBox::toggled, this, &ConnectionDialog::revalidate);
    connect(m_sessionExpirySpin, &QSpinBox::valueChanged, this, &ConnectionDialog::revalidate);
    connect(m_keepAliveSpin, &QSpinBox::valueChanged, this, &ConnectionDialog::revalidate);
    return page;
}

QWidget *ConnectionDialog::buildSecurityPage()
{
    auto *page = new QWidget(this);
    auto *outer = new QVBoxLayout(page);
    m_tlsNote = named(hintLabel(tr("These settings apply to mqtts:// and wss:// URLs."), page),
                      u"tlsNote"_s, tr("TLS note"));
    outer->addWidget(m_tlsNote);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto fileRow = [&](QLineEdit *&edit, const QString &objectName, const QString &accessible,
                       const QString &label, const QString &placeholder, const QString &filter) {
        edit = named(new QLineEdit(page), objectName, accessible);
        edit->setPlaceholderText(placeholder);
        auto *browse = named(new QPushButton(tr("Browse…"), page), objectName + u"Browse"_s,
                             tr("Choose %1").arg(accessible));
        auto *row = new QHBoxLayout;
        row->addWidget(edit, 1);
        row->addWidget(browse);
        auto *caption = new QLabel(label, page);
        caption->setBuddy(edit);
        form->addRow(caption, row);
        QLineEdit *target = edit;
        connect(browse, &QPushButton::clicked, this,
                [this, target, accessible, filter] { browseFor(target, accessible, filter); });
        connect(edit, &QLineEdit::textChanged, this, &ConnectionDialog::revalidate);
    };
    const QString pem = tr("PEM files (*.pem *.crt *.cer *.key);;All files (*)");
    fileRow(m_caFileEdit, u"caFileEdit"_s, tr("CA certificate file"), tr("CA &file:"),
            tr("System trust store"), pem);
    fileRow(m_clientCertEdit, u"clientCertEdit"_s, tr("Client certificate file"),
            tr("Client &certificate:"), tr("None"), pem);
    fileRow(m_clientKeyEdit, u"clientKeyEdit"_s, tr("Client key file"), tr("Client &key:"),
            tr("None"), pem);

    m_keyPassphraseEdit = named(new QLineEdit(page), u"keyPassphraseEdit"_s, tr("Key passphrase"));
    m_keyPassphraseEdit->setEchoMode(QLineEdit::Password);
    form->addRow(tr("Key &passphrase:"), m_keyPassphraseEdit);

    m_verifyServerCheck = named(new QCheckBox(tr("&Verify server certificate"), page),
                                u"verifyServerCheck"_s, tr("Verify server certificate"));
    m_verifyServerCheck->setChecked(true);
    form->addRow(QString(), m_verifyServerCheck);
    outer->addLayout(form);

    m_insecureWarning = named(
        new QLabel(tr("⚠ The server certificate will NOT be verified. Anyone between you and the "
                      "broker can read and alter this connection. Use this only for a test broker."),
                   page),
        u"insecureWarningLabel"_s, tr("Certificate verification warning"));
    m_insecureWarning->setWordWrap(true);
    m_insecureWarning->setStyleSheet(
        u"QLabel { color: #8a1c1c; background: #fdecea; border: 1px solid #e6a5a0;"
        " border-radius: 3px; padding: 6px; font-weight: bold; }"_s);
    m_insecureWarning->setVisible(false);
    outer->addWidget(m_insecureWarning);
    outer->addStretch(1);

    connect(m_keyPassphraseEdit, &QLineEdit::textChanged, this, &ConnectionDialog::revalidate);
    connect(m_verifyServerCheck, &QCheckBox::toggled, this, &ConnectionDialog::revalidate);
    return page;
}

QWidget *ConnectionDialog::buildWillPage()
{
    auto *page = new QWidget(this);
    auto *outer = new QVBoxLayout(page);
    m_willGroup = named(new QGroupBox(tr("Publish a last will when this client vanishes"), page),
                        u"willGroup"_s, tr("Last will"));
    m_willGroup->setCheckable(true);
    m_willGroup->setChecked(false);
    auto *form = new QFormLayout(m_willGroup);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_willTopicEdit = named(new QLineEdit(m_willGroup), u"willTopicEdit"_s, tr("Last will topic"));
    m_willTopicEdit->setPlaceholderText(u"clients/tideline/status"_s);
    form->addRow(tr("&Topic:"), m_willTopicEdit);
    m_willPayloadEdit = named(new QLineEdit(m_willGroup), u"willPayloadEdit"_s,
                              tr("Last will payload"));
    m_willPayloadEdit->setPlaceholderText(u"offline"_s);
    form->addRow(tr("&Payload:"), m_willPayloadEdit);
    m_willQosCombo = named(makeQosCombo(m_willGroup), u"willQosCombo"_s, tr("Last will QoS"));
    form->addRow(tr("&QoS:"), m_willQosCombo);
    m_willRetainCheck = named(new QCheckBox(tr("Retain"), m_willGroup), u"willRetainCheck"_s,
                              tr("Retain last will"));
    form->addRow(QString(), m_willRetainCheck);
    outer->addWidget(m_willGroup);
    outer->addStretch(1);

    connect(m_willGroup, &QGroupBox::toggled, this, &ConnectionDialog::revalidate);
    connect(m_willTopicEdit, &QLineEdit::textChanged, this, &ConnectionDialog::revalidate);
    return page;
}

QWidget *ConnectionDialog::buildSubscriptionsPage()
{
    auto *page = new QWidget(this);
    auto *outer = new QVBoxLayout(page);
    outer->addWidget(hintLabel(tr("Topic filters to subscribe to after connecting. "
                                  "+ matches one level, # the rest, e.g. shop/+/orders/#"),
                               page));
    m_subscriptionTable = named(new QTableWidget(0, 2, page), u"subscriptionTable"_s,
                                tr("Subscriptions"));
    m_subscriptionTable->setHorizontalHeaderLabels({tr("Topic filter"), tr("QoS")});
    m_subscriptionTable->horizontalHeader()->setSectionResizeMode(SubscriptionFilterColumn,
                                                                  QHeaderView::Stretch);
    m_subscriptionTable->horizontalHeader()->setSectionResizeMode(SubscriptionQosColumn,
                                                                  QHeaderView::ResizeToContents);
    m_subscriptionTable->verticalHeader()->setVisible(false);
    m_subscriptionTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_subscriptionTable->setSelectionMode(QAbstractItemView::SingleSelection);
    outer->addWidget(m_subscriptionTable, 1);

    auto *buttons = new QHBoxLayout;
    auto *add = named(new QPushButton(tr("Add"), page), u"addSubscriptionButton"_s,
                      tr("Add subscription"));
    m_removeSubscriptionButton = named(new QPushButton(tr("Remove"), page),
                                       u"removeSubscriptionButton"_s, tr("Remove subscription"));
    buttons->addWidget(add);
    buttons->addWidget(m_removeSubscriptionButton);
    buttons->addStretch(1);
    outer->addLayout(buttons);

    m_subscribeSysCheck =
        named(new QCheckBox(tr("Also subscribe to $SYS/# for broker statistics"), page),
              u"subscribeSysCheck"_s, tr("Subscribe to broker statistics"));
    outer->addWidget(m_subscribeSysCheck);

    connect(add, &QPushButton::clicked, this, [this] {
        addSubscriptionRow({});
        const int row = m_subscriptionTable->rowCount() - 1;
        m_subscriptionTable->setCurrentCell(row, SubscriptionFilterColumn);
        m_subscriptionTable->editItem(m_subscriptionTable->item(row, SubscriptionFilterColumn));
    });
    connect(m_removeSubscriptionButton, &QPushButton::clicked, this,
            &ConnectionDialog::removeSelectedSubscription);
    connect(m_subscriptionTable, &QTableWidget::itemChanged, this, &ConnectionDialog::revalidate);
    connect(m_subscriptionTable, &QTableWidget::itemSelectionChanged, this,
            &ConnectionDialog::updateDependentWidgets);
    return page;
}

void ConnectionDialog::addSubscriptionRow(const Subscription &subscription)
{
    const bool wasFilling = m_filling;
    m_filling = true;
    const int row = m_subscriptionTable->rowCount();
    m_subscriptionTable->insertRow(row);
    auto *item = new QTableWidgetItem(subscription.filter);
    item->setData(Qt::AccessibleTextRole, tr("Topic filter"));
    m_subscriptionTable->setItem(row, SubscriptionFilterColumn, item);
    QComboBox *qos = makeQosCombo(m_subscriptionTable);
    qos->setAccessibleName(tr("QoS for subscription %1").arg(row + 1));
    qos->setCurrentIndex(qBound(0, subscription.qos, 2));
    m_subscriptionTable->setCellWidget(row, SubscriptionQosColumn, qos);
    m_filling = wasFilling;
    revalidate();
}

void ConnectionDialog::removeSelectedSubscription()
{
    const int row = m_subscriptionTable->currentRow();
    if (row < 0)
        return;
    m_subscriptionTable->removeRow(row);
    revalidate();
}

QList<Subscription> ConnectionDialog::subscriptionsFromTable() const
{
    QList<Subscription> out;
    for (int row = 0; row < m_subscriptionTable->rowCount(); ++row) {
        Subscription s;
        if (const QTableWidgetItem *item = m_subscriptionTable->item(row, SubscriptionFilterColumn))
            s.filter = item->text().trimmed();
        if (auto *combo = qobject_cast<QComboBox *>(
                m_subscriptionTable->cellWidget(row, SubscriptionQosColumn)))
            s.qos = combo->currentData().toInt();
        out.append(s);
    }
    return out;
}

void ConnectionDialog::browseFor(QLineEdit *edit, const QString &title, const QString &filter)
{
    const QString file = QFileDialog::getOpenFileName(this, title, edit->text(), filter);
    if (!file.isEmpty())
        edit->setText(file);
}

void ConnectionDialog::reloadProfileList(const QString &selectId)
{
    QSignalBlocker blocker(m_profileList);
    m_profileList->clear();
    auto *fresh = new QListWidgetItem(tr("+ New connection"), m_profileList);
    QFont italic = fresh->font();
    italic.setItalic(true);
    fresh->setFont(italic);
    fresh->setData(ProfileIdRole, QString());

    const auto s = settings::open();
    QList<ConnectionProfile> profiles = ProfileStore(*s).all();
    std::sort(profiles.begin(), profiles.end(), [](const auto &a, const auto &b) {
        return a.displayName().localeAwareCompare(b.displayName()) < 0;
    });
    int selectRow = 0;
    for (const ConnectionProfile &p : profiles) {
        auto *item = new QListWidgetItem(p.displayName(), m_profileList);
        item->setData(ProfileIdRole, p.id);
        item->setToolTip(p.url);
        if (!selectId.isEmpty() && p.id == selectId)
            selectRow = m_profileList->count() - 1;
    }
    m_profileList->setCurrentRow(selectRow);
    blocker.unblock();
    onProfileSelected();
}

void ConnectionDialog::onProfileSelected()
{
    const QListWidgetItem *item = m_profileList->currentItem();
    const QString id = item ? item->data(ProfileIdRole).toString() : QString();
    if (!id.isEmpty()) {
        const auto s = settings::open();
        if (const auto p = ProfileStore(*s).byName(id)) {
            setProfile(*p);
            return;
        }
    }
    ConnectionProfile fresh;
    fresh.id = ConnectionProfile::newId();
    fresh.subscriptions = {Subscription{u"#"_s, 0}};
    setProfile(fresh);
}

void ConnectionDialog::deleteSelectedProfile()
{
    const QListWidgetItem *item = m_profileList->currentItem();
    const QString id = item ? item->data(ProfileIdRole).toString() : QString();
    if (id.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Delete connection"),
        tr("Delete the saved connection “%1” and its stored secrets?").arg(item->text()));
    if (answer != QMessageBox::Yes)
        return;
    forgetProfile(id, m_store);
    reloadProfileList({});
}

void ConnectionDialog::forgetProfile(const QString &profileId, CredentialStore *store)
{
    const auto s = settings::open();
    ProfileStore(*s).remove(profileId);
    if (!store)
        return;
    for (const QString &what : {u"password"_s, u"key-passphrase"_s}) {
        store->remove(ConnectionProfile::secretKey(profileId, what), [](const Result<void> &r) {
            if (!r.ok())
                qCWarning(lcUi) << "could not remove a keychain entry:" << r.error().code;
        });
    }
}

void ConnectionDialog::setProfile(const ConnectionProfile &profile)
{
    m_filling = true;
    m_loaded = profile;
    if (m_loaded.id.isEmpty())
        m_loaded.id = ConnectionProfile::newId();

    m_nameEdit->setText(profile.name);
    m_urlEdit->setText(profile.url);
    m_versionCombo->setCurrentIndex(m_versionCombo->findData(int(profile.version)));
    m_clientIdEdit->setText(profile.clientId);
    m_cleanStartCheck->setChecked(profile.cleanStart);
    m_sessionExpirySpin->setValue(int(qMin<quint32>(profile.sessionExpirySeconds,
                                                    quint32(m_sessionExpirySpin->maximum()))));
    m_keepAliveSpin->setValue(profile.keepAliveSeconds);
    m_autoReconnectCheck->setChecked(profile.autoReconnect);
    m_usernameEdit->setText(profile.username);
    m_passwordEdit->clear();
    m_passwordEdit->setPlaceholderText(profile.hasPassword
                                           ? tr("Stored in the keychain – leave empty to keep it")
                                           : QString());
    m_rememberPasswordCheck->setChecked(profile.hasPassword || profile.hasKeyPassphrase
                                        || profile.username.isEmpty());

    m_caFileEdit->setText(profile.caFile);
    m_clientCertEdit->setText(profile.clientCertFile);
    m_clientKeyEdit->setText(profile.clientKeyFile);
    m_keyPassphraseEdit->clear();
    m_keyPassphraseEdit->setPlaceholderText(
        profile.hasKeyPassphrase ? tr("Stored in the keychain – leave empty to keep it")
                                 : QString());
    m_verifyServerCheck->setChecked(profile.verifyServer);

    m_willGroup->setChecked(profile.will.enabled);
    m_willTopicEdit->setText(profile.will.topic);
    m_willPayloadEdit->setText(QString::fromUtf8(profile.will.payload));
    m_willQosCombo->setCurrentIndex(qBound(0, profile.will.qos, 2));
    m_willRetainCheck->setChecked(profile.will.retain);

    m_subscriptionTable->setRowCount(0);
    for (const Subscription &sub : profile.subscriptions)
        addSubscriptionRow(sub);
    m_subscribeSysCheck->setChecked(profile.subscribeSys);

    m_filling = false;
    revalidate();
}

ConnectionProfile ConnectionDialog::profile() const
{
    ConnectionProfile p = m_loaded;
    p.name = m_nameEdit->text().trimmed();
    p.url = m_urlEdit->text().trimmed();
    p.version = ConnectionProfile::Version(m_versionCombo->currentData().toInt());
    p.clientId = m_clientIdEdit->text().trimmed();
    p.cleanStart = m_cleanStartCheck->isChecked();
    p.sessionExpirySeconds = p.version == ConnectionProfile::Version::Mqtt5
                                 ? quint32(m_sessionExpirySpin->value())
                                 : 0;
    p.keepAliveSeconds = m_keepAliveSpin->value();
    p.autoReconnect = m_autoReconnectCheck->isChecked();
    p.username = m_usernameEdit->text();

    const bool remember = m_rememberPasswordCheck->isChecked();
    p.hasPassword = remember && (!m_passwordEdit->text().isEmpty() || m_loaded.hasPassword);
    p.hasKeyPassphrase =
        remember && (!m_keyPassphraseEdit->text().isEmpty() || m_loaded.hasKeyPassphrase);

    p.caFile = m_caFileEdit->text().trimmed();
    p.clientCertFile = m_clientCertEdit->text().trimmed();
    p.clientKeyFile = m_clientKeyEdit->text().trimmed();
    p.verifyServer = m_verifyServerCheck->isChecked();

    p.will.enabled = m_willGroup->isChecked();
    p.will.topic = m_willTopicEdit->text().trimmed();
    p.will.payload = m_willPayloadEdit->text().toUtf8();
    p.will.qos = m_willQosCombo->currentData().toInt();
    p.will.retain = m_willRetainCheck->isChecked();

    p.subscriptions = subscriptionsFromTable();
    p.subscribeSys = m_subscribeSysCheck->isChecked();
    return p;
}

std::optional<QString> ConnectionDialog::password() const
{
    if (m_passwordEdit->text().isEmpty())
        return std::nullopt;
    return m_passwordEdit->text();
}

std::optional<QString> ConnectionDialog::keyPassphrase() const
{
    if (m_keyPassphraseEdit->text().isEmpty())
        return std::nullopt;
    return m_keyPassphraseEdit->text();
}

QString ConnectionDialog::validationMessage() const
{
    const ConnectionProfile p = profile();
    if (p.url.isEmpty())
        return tr("Enter the broker URL, e.g. mqtt://127.0.0.1:1883.");
    // validate() covers the subscriptions too; the table marks the offending rows.
    return p.validate();
}

void ConnectionDialog::updateDependentWidgets()
{
    const bool v5 = m_versionCombo->currentData().toInt() == int(ConnectionProfile::Version::Mqtt5);
    m_sessionExpirySpin->setEnabled(v5);
    m_cleanStartCheck->setText(v5 ? tr("Clean start (discard any previous session)")
                                  : tr("Clean session (discard any previous session)"));
    m_insecureWarning->setVisible(!m_verifyServerCheck->isChecked());
    m_removeSubscriptionButton->setEnabled(m_subscriptionTable->currentRow() >= 0);
    const QListWidgetItem *item = m_profileList->currentItem();
    m_deleteProfileButton->setEnabled(item && !item->data(ProfileIdRole).toString().isEmpty());
}

void ConnectionDialog::revalidate()
{
    if (m_filling)
        return;
    updateDependentWidgets();
    const QString problem = validationMessage();
    m_validationLabel->setText(problem);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());

    // Mark the offending subscription rows so the message is easy to place.
    const QSignalBlocker blocker(m_subscriptionTable);
    for (int row = 0; row < m_subscriptionTable->rowCount(); ++row) {
        QTableWidgetItem *item = m_subscriptionTable->item(row, SubscriptionFilterColumn);
        if (!item)
            continue;
        const QString f = item->text().trimmed();
        QString why;
        const bool bad = f.isEmpty() || !TopicFilter::isValidFilter(f, &why);
        item->setData(Qt::BackgroundRole, bad ? QVariant(ui::errorBackground(m_subscriptionTable->palette())) : QVariant());
        item->setToolTip(bad ? (f.isEmpty() ? tr("Type a topic filter or remove this row.") : why)
                             : QString());
    }
}

void ConnectionDialog::accept()
{
    if (!validationMessage().isEmpty()) {
        revalidate();
        return;
    }
    const ConnectionProfile p = profile();
    const auto s = settings::open();
    ProfileStore(*s).save(p);
    settings::LastProfileId.write(*s, p.id);
    settings::ConnectionDialogGeometry.write(*s, saveGeometry());
    QDialog::accept();
}

void ConnectionDialog::applySecrets(std::function<void(const QString &)> onError) const
{
    if (!m_store)
        return;
    const ConnectionProfile p = profile();
    const bool remember = m_rememberPasswordCheck->isChecked();
    struct Secret
    {
        QString key;
        QString typed;
        bool wasStored;
        QString failure; // %1: the keychain's reason
    };
    const Secret secrets[] = {
        {ConnectionProfile::secretKey(p.id, u"password"_s), m_passwordEdit->text(),
         m_loaded.hasPassword, tr("Could not update the password in the keychain: %1")},
        {ConnectionProfile::secretKey(p.id, u"key-passphrase"_s), m_keyPassphraseEdit->text(),
         m_loaded.hasKeyPassphrase, tr("Could not update the key passphrase in the keychain: %1")},
    };
    for (const Secret &secret : secrets) {
        auto done = [onError, failure = secret.failure](const Result<void> &r) {
            if (r.ok())
                return;
            qCWarning(lcUi) << "keychain update failed:" << r.error().code << r.error().detail;
            if (onError)
                onError(failure.arg(r.error().message));
        };
        if (remember && !secret.typed.isEmpty())
            m_store->write(secret.key, secret.typed, done);
        else if (!remember && secret.wasStored)
            m_store->remove(secret.key, done);
    }
}

} // namespace tideline
