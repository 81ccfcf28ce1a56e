#pragma once

#include "mqtt/ConnectionProfile.h"

#include <QDialog>
#include <QString>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace tideline {

class CredentialStore;

// Edits one connection profile and picks from the saved ones (ProfileStore in QSettings).
//
// Owns only widgets. Secrets typed here are held in the line edits until the dialog closes;
// they are written to the keychain by applySecrets() (asynchronously, after accept) and never
// reach QSettings. OK ("Connect") stays disabled while ConnectionProfile::validate() or a
// subscription filter reports a problem, and the problem is shown in a line above the buttons.
class ConnectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionDialog)

public:
    // `store` (may be null; must outlive the dialog) forgets the secrets of a deleted profile
    // and receives applySecrets().
    explicit ConnectionDialog(CredentialStore *store, QWidget *parent = nullptr);
    ~ConnectionDialog() override;

    // Fills the form from a profile (the saved-profile list follows when it is saved).
    void setProfile(const ConnectionProfile &profile);
    // The profile as currently entered, with hasPassword/hasKeyPassphrase as they will be
    // after applySecrets().
    ConnectionProfile profile() const;

    // A secret typed in this dialog, to hand to the connection directly; nullopt when the
    // field was left empty (then the keychain entry, if any, is used).
    std::optional<QString> password() const;
    std::optional<QString> keyPassphrase() const;

    // Empty when the form is acceptable, otherwise the sentence shown above the buttons.
    QString validationMessage() const;

    // Writes or forgets the secrets in the keychain as the form says. Asynchronous; `onError`
    // receives a translated sentence if the keychain refuses. Safe to call after the dialog
    // is gone from the screen; nothing here captures the dialog.
    void applySecrets(std::function<void(const QString &)> onError) const;

    // Removes a saved profile and its keychain entries.
    static void forgetProfile(const QString &profileId, CredentialStore *store);

    void accept() override;

private:
    void buildUi();
    QWidget *buildConnectionPage();
    QWidget *buildSecurityPage();
    QWidget *buildWillPage();
    QWidget *buildSubscriptionsPage();
    void reloadProfileList(const QString &selectId);
    void onProfileSelected();
    void deleteSelectedProfile();
    void addSubscriptionRow(const Subscription &subscription);
    void removeSelectedSubscription();
    QList<Subscription> subscriptionsFromTable() const;
    void updateDependentWidgets();
    void revalidate();
    void browseFor(QLineEdit *edit, const QString &title, const QString &filter);

    CredentialStore *m_store = nullptr;
    ConnectionProfile m_loaded; // what the form started from (id, stored-secret flags)

    QListWidget *m_profileList = nullptr;
    QPushButton *m_deleteProfileButton = nullptr;
    QTabWidget *m_pages = nullptr;

    QLineEdit *m_nameEdit = nullptr;
    QLineEdit *m_urlEdit = nullptr;
    QComboBox *m_versionCombo = nullptr;
    QLineEdit *m_clientIdEdit = nullptr;
    QCheckBox *m_cleanStartCheck = nullptr;
    QSpinBox *m_sessionExpirySpin = nullptr;
    QSpinBox *m_keepAliveSpin = nullptr;
    QCheckBox *m_autoReconnectCheck = nullptr;
    QLineEdit *m_usernameEdit = nullptr;
    QLineEdit *m_passwordEdit = nullptr;
    QCheckBox *m_rememberPasswordCheck = nullptr;

    QLabel *m_tlsNote = nullptr;
    QLineEdit *m_caFileEdit = nullptr;
    QLineEdit *m_clientCertEdit = nullptr;
    QLineEdit *m_clientKeyEdit = nullptr;
    QLineEdit *m_keyPassphraseEdit = nullptr;
    QCheckBox *m_verifyServerCheck = nullptr;
    QLabel *m_insecureWarning = nullptr;

    QGroupBox *m_willGroup = nullptr;
    QLineEdit *m_willTopicEdit = nullptr;
    QLineEdit *m_willPayloadEdit = nullptr;
    QComboBox *m_willQosCombo = nullptr;
    QCheckBox *m_willRetainCheck = nullptr;

    QTableWidget *m_subscriptionTable = nullptr;
    QPushButton *m_removeSubscriptionButton = nullptr;
    QCheckBox *m_subscribeSysCheck = nullptr;

    QLabel *m_validationLabel = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_filling = false;
};

} // namespace tideline
