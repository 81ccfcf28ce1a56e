#pragma once

#include "ClusterView.h"
#include "ConnectionView.h"
#include "demo/DemoEnvironment.h"

#include <QObject>
#include <QPointer>

#include <memory>

namespace tideline {

class MainWindow;

// `tideline --demo` and the welcome page's "Open the demo": starts the DemoEnvironment and,
// when it is up, lays out the demo workspace in the window: the shop's MQTT broker as a
// connection tab (all topics and $SYS), the RabbitMQ `orders` queue on the queue-depth
// dashboard, and the demo cluster as a cluster tab with the `worker` deployment selected and
// linked to the queue, so the timeline shows depth, replicas and rescales on one axis.
// Everything is labelled "demo"; it all stops when the window closes.
class DemoSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoSession)
public:
    DemoSession(MainWindow *window, demo::DemoEnvironment::Options options);
    ~DemoSession() override;

    // Wires the welcome page's "Open the demo" to a session with default options.
    static void attachTo(MainWindow *window);
    // The window's running session, if any.
    static DemoSession *find(MainWindow *window);

    void start();
    demo::DemoEnvironment *environment() const { return m_env.get(); }
    ConnectionView *connectionView() const { return m_connection; }
    ClusterView *clusterView() const { return m_cluster; }

Q_SIGNALS:
    // The workspace is laid out (with whatever components could start).
    void ready();

private:
    void layOut();

    QPointer<MainWindow> m_window;
    std::unique_ptr<demo::DemoEnvironment> m_env;
    QPointer<ConnectionView> m_connection;
    QPointer<ClusterView> m_cluster;
};

} // namespace tideline
