// Parsed Kubernetes types: quantities, HPA (all five metric sources, behavior, status), events
// from both APIs, the watch stream splitter, and the audit log.
#include "kube/AuditLog.h"
#include "kube/KubeTypes.h"
#include "kube/KubeWatcher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTimeZone>
#include <QtTest>

using namespace tideline;
using namespace tideline::kube;
using namespace Qt::StringLiterals;

namespace {

QJsonObject json(const char *text)
{
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

// An autoscaling/v2 HPA with one metric of each source type and a behavior.
const char *const kHpa =
    "{\"kind\":\"HorizontalPodAutoscaler\",\"apiVersion\":\"autoscaling/v2\","
    "\"metadata\":{\"name\":\"worker\",\"namespace\":\"jobs\",\"resourceVersion\":\"42\","
    "\"creationTimestamp\":\"2025-03-01T10:00:00Z\"},"
    "\"spec\":{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"worker\"},"
    "\"minReplicas\":2,\"maxReplicas\":20,\"metrics\":["
    "{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"target\":{\"type\":\"Utilization\",\"averageUtilization\":70}}},"
    "{\"type\":\"ContainerResource\",\"containerResource\":{\"name\":\"memory\",\"container\":\"app\","
    "\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"512Mi\"}}},"
    "{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"messages\"},\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"20\"}}},"
    "{\"type\":\"Object\",\"object\":{\"describedObject\":{\"kind\":\"Service\",\"name\":\"web\"},"
    "\"metric\":{\"name\":\"rps\"},\"target\":{\"type\":\"Value\",\"value\":\"2k\"}}},"
    "{\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"queue_depth\",\"selector\":{\"matchLabels\":{\"q\":\"jobs\"}}},"
    "\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"500m\"}}}],"
    "\"behavior\":{\"scaleUp\":{\"stabilizationWindowSeconds\":0,\"selectPolicy\":\"Max\",\"policies\":["
    "{\"type\":\"Pods\",\"value\":4,\"periodSeconds\":15},{\"type\":\"Percent\",\"value\":100,\"periodSeconds\":15}]},"
    "\"scaleDown\":{\"stabilizationWindowSeconds\":120,\"selectPolicy\":\"Disabled\",\"tolerance\":\"50m\"}}},"
    "\"status\":{\"currentReplicas\":4,\"desiredReplicas\":5,\"lastScaleTime\":\"2025-03-01T10:05:00Z\","
    "\"currentMetrics\":["
    "{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\",\"current\":{\"averageUtilization\":85,\"averageValue\":\"850m\"}}},"
    "{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"messages\"},\"current\":{\"averageValue\":\"35\"}}},"
    "{\"type\":\"External\",\"external\":{\"metric\":{\"name\":\"queue_depth\"},\"current\":{\"averageValue\":\"1500m\"}}}],"
    "\"conditions\":[{\"type\":\"ScalingActive\",\"status\":\"True\",\"reason\":\"ValidMetricFound\","
    "\"message\":\"the HPA was able to successfully calculate a replica count\","
    "\"lastTransitionTime\":\"2025-03-01T10:00:30Z\"}]}}";

} // namespace

class TstKubeTypes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quantity_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<double>("value");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"20"_s << 20.0 << true;
        QTest::newRow("milli") << u"500m"_s << 0.5 << true;
        QTest::newRow("decimal") << u"1.5"_s << 1.5 << true;
        QTest::newRow("kilo") << u"2k"_s << 2000.0 << true;
        QTest::newRow("mebi") << u"512Mi"_s << 536870912.0 << true;
        QTest::newRow("gibi") << u"1Gi"_s << 1073741824.0 << true;
        QTest::newRow("micro") << u"250u"_s << 0.00025 << true;
        QTest::newRow("exponent") << u"1e3"_s << 1000.0 << true;
        QTest::newRow("negative") << u"-3"_s << -3.0 << true;
        QTest::newRow("leading dot") << u".5"_s << 0.5 << true;
        QTest::newRow("empty") << QString() << 0.0 << false;
        QTest::newRow("unit only") << u"Mi"_s << 0.0 << false;
        QTest::newRow("bad suffix") << u"5mb"_s << 0.0 << false;
    }

    void quantity()
    {
        QFETCH(QString, text);
        QFETCH(double, value);
        QFETCH(bool, valid);
        const auto q = KubeTypes::parseQuantity(text);
        QCOMPARE(q.has_value(), valid);
        if (valid)
            QVERIFY2(qFuzzyCompare(*q + 1.0, value + 1.0), qPrintable(QString::number(*q)));
    }

    void hpaAllMetricTypes()
    {
        const auto r = KubeTypes::parseHpa(json(kHpa));
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const Hpa &h = r.value();
        QCOMPARE(h.meta.name, u"worker"_s);
        QCOMPARE(h.meta.ns, u"jobs"_s);
        QCOMPARE(h.scaleTargetRef.kind, u"Deployment"_s);
        QCOMPARE(h.spec.minReplicas, 2);
        QCOMPARE(h.spec.maxReplicas, 20);
        QCOMPARE(h.spec.metrics.size(), 5);
        const auto &m = h.spec.metrics;
        QCOMPARE(m[0].source, HpaMetricSourceType::Resource);
        QCOMPARE(m[0].targetType, HpaTargetType::Utilization);
        QCOMPARE(m[0].target, 70.0);
        QCOMPARE(m[1].source, HpaMetricSourceType::ContainerResource);
        QCOMPARE(m[1].container, u"app"_s);
        QCOMPARE(m[1].target, 536870912.0);
        QCOMPARE(m[2].source, HpaMetricSourceType::Pods);
        QCOMPARE(m[2].name, u"messages"_s);
        QCOMPARE(m[3].source, HpaMetricSourceType::Object);
        QCOMPARE(m[3].targetType, HpaTargetType::Value);
        QCOMPARE(m[3].target, 2000.0);
        QCOMPARE(m[4].source, HpaMetricSourceType::External);
        QCOMPARE(m[4].name, u"queue_depth"_s);
        QCOMPARE(m[4].target, 0.5);

        QVERIFY(h.spec.behavior);
        const auto &up = *h.spec.behavior->scaleUp;
        QCOMPARE(up.stabilizationWindowSeconds.value_or(-1), 0);
        QCOMPARE(up.selectPolicy.value_or(HpaSelectPolicy::Min), HpaSelectPolicy::Max);
        QCOMPARE(up.policies->size(), 2);
        QCOMPARE(up.policies->at(1).type, HpaPolicyType::Percent);
        QCOMPARE(up.policies->at(1).value, 100);
        const auto &down = *h.spec.behavior->scaleDown;
        QCOMPARE(down.stabilizationWindowSeconds.value_or(-1), 120);
        QCOMPARE(down.selectPolicy.value_or(HpaSelectPolicy::Max), HpaSelectPolicy::Disabled);
        QVERIFY(!down.policies);
        QCOMPARE(down.tolerance.value_or(-1), 0.05);

        QCOMPARE(h.currentReplicas, 4);
        QCOMPARE(h.desiredReplicas, 5);
        QVERIFY(h.lastScaleTime.isValid());
        QCOMPARE(h.currentMetrics.size(), 3);
        QCOMPARE(h.conditions.size(), 1);
        QCOMPARE(h.conditions.first().reason, u"ValidMetricFound"_s);

        // HpaModel inputs: per metric in spec order; External AverageValue as the total.
        const auto values = h.metricValues();
        QCOMPARE(values.size(), 5);
        QCOMPARE(values[0]->current, 85.0);
        QVERIFY(!values[1]);
        QCOMPARE(values[2]->current, 35.0);
        QVERIFY(!values[3]);
        QCOMPARE(values[4]->current, 6.0); // 1.5 x 4 replicas
        QCOMPARE(KubeTypes::hpaTargets(h), u"cpu: 85%/70%, <unknown>/536870912, 35/20, <unknown>/2000, 1.5/0.5"_s);
    }

    void hpaDefaultsAndErrors()
    {
        const auto minimal = KubeTypes::parseHpa(
            json("{\"kind\":\"HorizontalPodAutoscaler\",\"apiVersion\":\"autoscaling/v2\",\"metadata\":{\"name\":\"a\"},"
                 "\"spec\":{\"maxReplicas\":3,\"scaleTargetRef\":{\"kind\":\"Deployment\",\"name\":\"a\"}}}"));
        QVERIFY(minimal.ok());
        QCOMPARE(minimal.value().spec.minReplicas, 1);
        QCOMPARE(minimal.value().spec.metrics.size(), 1); // the API's default: 80 % CPU
        QCOMPARE(minimal.value().spec.metrics.first().target, 80.0);
        QVERIFY(!minimal.value().spec.behavior);

        const auto v1 = KubeTypes::parseHpa(
            json("{\"kind\":\"HorizontalPodAutoscaler\",\"apiVersion\":\"autoscaling/v1\",\"metadata\":{\"name\":\"old\"}}"));
        QVERIFY(!v1.ok());
        QVERIFY(v1.error().message.contains(u"only autoscaling/v2"_s));
        const auto badType = KubeTypes::parseHpa(
            json("{\"kind\":\"HorizontalPodAutoscaler\",\"metadata\":{\"name\":\"b\"},\"spec\":{\"metrics\":[{\"type\":\"Magic\"}]}}"));
        QVERIFY(!badType.ok());
        QCOMPARE(badType.error().message, u"HorizontalPodAutoscaler b: spec.metrics[0]: type \"Magic\" is unknown"_s);
        const auto notHpa = KubeTypes::parseHpa(json("{\"kind\":\"Deployment\"}"));
        QVERIFY(!notHpa.ok());
    }

    void events_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("count");
        QTest::addColumn<QString>("lastSeen");
        QTest::newRow("core/v1 with count")
            << QByteArray("{\"kind\":\"Event\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"e\"},\"reason\":\"BackOff\","
                          "\"message\":\"Back-off restarting\",\"type\":\"Warning\",\"involvedObject\":{\"kind\":\"Pod\","
                          "\"name\":\"p\",\"namespace\":\"ns\"},\"firstTimestamp\":\"2025-01-01T00:00:00Z\","
                          "\"lastTimestamp\":\"2025-01-01T00:10:00Z\",\"count\":7,\"source\":{\"component\":\"kubelet\"}}")
            << 7 << u"2025-01-01T00:10:00Z"_s;
        QTest::newRow("core/v1 with series and MicroTime")
            << QByteArray("{\"kind\":\"Event\",\"apiVersion\":\"v1\",\"metadata\":{\"name\":\"e\"},\"reason\":\"BackOff\","
                          "\"message\":\"Back-off restarting\",\"type\":\"Warning\",\"involvedObject\":{\"kind\":\"Pod\","
                          "\"name\":\"p\",\"namespace\":\"ns\"},\"eventTime\":\"2025-01-01T00:00:00.123456Z\","
                          "\"series\":{\"count\":3,\"lastObservedTime\":\"2025-01-01T00:20:00.000001Z\"},"
                          "\"reportingComponent\":\"kubelet\"}")
            << 3 << u"2025-01-01T00:20:00Z"_s;
        QTest::newRow("events.k8s.io/v1")
            << QByteArray("{\"kind\":\"Event\",\"apiVersion\":\"events.k8s.io/v1\",\"metadata\":{\"name\":\"e\"},"
                          "\"reason\":\"BackOff\",\"note\":\"Back-off restarting\",\"type\":\"Warning\",\"regarding\":"
                          "{\"kind\":\"Pod\",\"name\":\"p\",\"namespace\":\"ns\"},\"eventTime\":\"2025-01-01T00:30:00.000000Z\","
                          "\"reportingController\":\"kubelet\"}")
            << 1 << u"2025-01-01T00:30:00Z"_s;
    }

    void events()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, count);
        QFETCH(QString, lastSeen);
        const auto r = KubeTypes::parseEvent(QJsonDocument::fromJson(text).object());
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        QCOMPARE(r.value().reason, u"BackOff"_s);
        QCOMPARE(r.value().message, u"Back-off restarting"_s);
        QCOMPARE(r.value().type, u"Warning"_s);
        QCOMPARE(r.value().involvedObject.kind, u"Pod"_s);
        QCOMPARE(r.value().involvedObject.name, u"p"_s);
        QCOMPARE(r.value().reportingController, u"kubelet"_s);
        QCOMPARE(r.value().occurrences(), count);
        QCOMPARE(r.value().lastSeen().toUTC().toString(Qt::ISODate), lastSeen);
    }

    void workloadAndStatus()
    {
        const auto w = KubeTypes::parseWorkload(
            json("{\"kind\":\"StatefulSet\",\"metadata\":{\"name\":\"db\"},\"spec\":{\"replicas\":3,"
                 "\"selector\":{\"matchLabels\":{\"app\":\"db\"}}},\"status\":{\"replicas\":3,\"readyReplicas\":2,"
                 "\"updatedReplicas\":1,\"availableReplicas\":2}}"));
        QVERIFY(w.ok());
        QCOMPARE(w.value().specReplicas, 3);
        QCOMPARE(w.value().readyReplicas, 2);
        QCOMPARE(w.value().updatedReplicas, 1);
        QCOMPARE(w.value().selector, u"app=db"_s);
        const auto noReplicas = KubeTypes::parseWorkload(json("{\"kind\":\"Deployment\",\"metadata\":{\"name\":\"d\"}}"));
        QCOMPARE(noReplicas.value().specReplicas, 1); // API default
        QVERIFY(!KubeTypes::parseWorkload(json("{\"kind\":\"Pod\"}")).ok());

        const auto status = KubeTypes::parseStatus(
            json("{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"metadata\":{},\"status\":\"Failure\",\"message\":\"m\","
                 "\"reason\":\"Expired\",\"code\":410}"));
        QVERIFY(status);
        QCOMPARE(status->code, 410);
        QCOMPARE(status->reason, u"Expired"_s);
        QVERIFY(!KubeTypes::parseStatus(json("{\"kind\":\"Deployment\"}")));
    }

    void age_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("seconds") << 42 << u"42s"_s;
        QTest::newRow("minutes and seconds") << 185 << u"3m5s"_s;
        QTest::newRow("minutes") << 1800 << u"30m"_s;
        QTest::newRow("hours and minutes") << 3 * 3600 + 600 << u"3h10m"_s;
        QTest::newRow("hours") << 20 * 3600 << u"20h"_s;
        QTest::newRow("days and hours") << 3 * 86400 + 7200 << u"3d2h"_s;
        QTest::newRow("days") << 30 * 86400 << u"30d"_s;
    }

    void age()
    {
        QFETCH(int, seconds);
        QFETCH(QString, text);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(KubeTypes::formatAge(now.addSecs(-seconds), now), text);
    }

    void watchStream()
    {
        // Events arrive cut at arbitrary points; only complete lines come out.
        const QByteArray stream =
            "{\"type\":\"ADDED\",\"object\":{\"kind\":\"Deployment\",\"metadata\":{\"name\":\"a\",\"resourceVersion\":\"5\"}}}\n"
            "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":\"Deployment\",\"metadata\":{\"resourceVersion\":\"9\"}}}\n"
            "not json\n"
            "{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"code\":410,\"reason\":\"Expired\"}}\n";
        for (qsizetype step : {qsizetype(1), qsizetype(7), qsizetype(64), stream.size()}) {
            WatchStreamParser parser;
            QList<WatchEvent> events;
            QStringList errors;
            for (qsizetype i = 0; i < stream.size(); i += step) {
                const auto out = parser.feed(stream.mid(i, step));
                events += out.events;
                errors += out.errors;
            }
            QCOMPARE(events.size(), 3);
            QCOMPARE(events[0].type, u"ADDED"_s);
            QCOMPARE(events[1].type, u"BOOKMARK"_s);
            QCOMPARE(events[1].object.value(u"metadata"_s).toObject().value(u"resourceVersion"_s).toString(), u"9"_s);
            QCOMPARE(events[2].type, u"ERROR"_s);
            QCOMPARE(errors.size(), 1);
            QCOMPARE(parser.pendingBytes(), 0);
        }
        WatchStreamParser partial;
        QVERIFY(partial.feed("{\"type\":\"ADDED\"").events.isEmpty());
        QVERIFY(partial.pendingBytes() > 0);
    }

    void auditLog()
    {
        QTemporaryDir dir;
        AuditLog log(dir.filePath(u"sub/dir/audit.jsonl"_s));
        AuditEntry e;
        e.time = QDateTime(QDate(2025, 3, 1), QTime(12, 0), Qt::UTC);
        e.user = u"alice"_s;
        e.cluster = u"https://k:6443"_s;
        e.context = u"prod"_s;
        e.ns = u"jobs"_s;
        e.kind = u"Deployment"_s;
        e.name = u"worker"_s;
        e.from = 2;
        e.to = 5;
        e.dryRunResult = u"ok"_s;
        e.outcome = u"applied"_s;
        QVERIFY(log.append(e).ok());
        e.outcome = u"cancelled"_s;
        e.to = std::nullopt;
        QVERIFY(log.append(e).ok());
        const auto entries = log.read();
        QVERIFY(entries.ok());
        QCOMPARE(entries.value().size(), 2);
        const QJsonObject first = entries.value().first();
        QCOMPARE(first.value(u"time"_s).toString(), u"2025-03-01T12:00:00.000Z"_s);
        QCOMPARE(first.value(u"from"_s).toInt(), 2);
        QCOMPARE(first.value(u"to"_s).toInt(), 5);
        QCOMPARE(first.value(u"namespace"_s).toString(), u"jobs"_s);
        QCOMPARE(first.value(u"outcome"_s).toString(), u"applied"_s);
        QVERIFY(entries.value().last().value(u"to"_s).isNull());
        QFile raw(log.path());
        QVERIFY(raw.open(QIODevice::ReadOnly));
        QCOMPARE(raw.readAll().count('\n'), 2); // JSON Lines: one object per line

        AuditLog unwritable(u"/proc/tideline-cannot-write/audit.jsonl"_s);
        QVERIFY(!unwritable.append(e).ok());
    }
};

QTEST_GUILESS_MAIN(TstKubeTypes)
#include "tst_kubetypes.moc"
