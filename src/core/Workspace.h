#pragma once

#include "core/Result.h"
#include "mqtt/ConnectionProfile.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace tideline {

// A queue or metric series tied to the Kubernetes workload that consumes it, so a depth chart
// can show the deployment's replicas next to it.
struct WorkloadLink
{
    QString seriesKey;  // a metric series or queue key, as the metric source names it
    QString cluster;    // a display name for the cluster
    QString context;    // the kubeconfig context
    QString ns;         // namespace
    QString deployment;
    bool operator==(const WorkloadLink &) const = default;
};

// Window geometry and dock/toolbar state, as QMainWindow::saveGeometry()/saveState() give them.
struct WindowLayout
{
    QByteArray geometry;
    QByteArray state;
    bool operator==(const WindowLayout &) const = default;
};

// Everything an operator set up for one job, in one file (JSON, "*.tideline"): the MQTT
// connections that were open, the metric sources and dashboards, the workload links and the
// window layout.
//
// Secrets are never part of it: a profile says only whether a password is stored, and the
// password stays in the keychain under the profile's id. Metric sources, dashboards and
// Kubernetes settings are opaque named sections that their own components read and write, so
// this class needs no knowledge of their types; sections it does not know are kept as they are.
class Workspace final
{
    Q_DECLARE_TR_FUNCTIONS(Workspace)

public:
    // The version this build writes; it reads this one and every older one.
    static constexpr int FormatVersion = 1;
    static QString fileSuffix() { return QStringLiteral("tideline"); }
    static QString formatName() { return QStringLiteral("tideline-workspace"); }

    QList<ConnectionProfile> connections;
    int currentConnection = -1; // the tab that was current, -1 for none
    QList<WorkloadLink> workloadLinks;
    WindowLayout layout;

    // An opaque section ("dashboards", "metricSources", "kubernetes", …); empty when absent.
    QJsonObject section(const QString &name) const { return m_sections.value(name); }
    // An empty object removes the section.
    void setSection(const QString &name, const QJsonObject &value);
    QStringList sectionNames() const { return m_sections.keys(); }

    // What the file holds, layout included.
    QJsonObject toJson() const;
    // The same without the window layout and current tab: two workspaces whose content
    // compares equal need no saving.
    QJsonObject contentJson() const;
    static Result<Workspace> fromJson(const QJsonObject &json);

    // Writes atomically (a half-written file never replaces a good one).
    Result<void> save(const QString &path) const;
    static Result<Workspace> load(const QString &path);

    // A profile as JSON and back; the profile's secrets are not members, so none are written.
    static QJsonObject profileToJson(const ConnectionProfile &profile);
    static ConnectionProfile profileFromJson(const QJsonObject &json);

    // "Shop floor" for ".../Shop floor.tideline".
    static QString displayNameFor(const QString &path);

private:
    QMap<QString, QJsonObject> m_sections;
};

// The most recently opened or saved workspace files, newest first, in QSettings. At most
// MaxEntries; files that no longer exist are dropped when the list is read.
class RecentWorkspaces final
{
public:
    static constexpr int MaxEntries = 10;
    static QString settingsKey() { return QStringLiteral("workspaces/recent"); }

    explicit RecentWorkspaces(QSettings &settings) : m_settings(settings) {}

    QStringList paths() const; // existing files only; prunes the stored list
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

private:
    QSettings &m_settings;
};

} // namespace tideline
