#include "metrics/PrometheusText.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QtTest>

#include <cmath>

using namespace Qt::StringLiterals;
using namespace tideline;
namespace PT = tideline::PrometheusText;

namespace {

QStringList errorCodes(const PT::ParseResult &r)
{
    QStringList codes;
    for (const PT::LineError &e : r.errors)
        codes.append(e.code);
    return codes;
}

QString describeErrors(const PT::ParseResult &r)
{
    QStringList parts;
    for (const PT::LineError &e : r.errors)
        parts.append(u"line %1 %2: %3"_s.arg(e.line).arg(e.code, e.message));
    return parts.join(u"; "_s);
}

qsizetype totalSamples(const PT::ParseResult &r)
{
    qsizetype n = 0;
    for (const PT::Family &f : r.families)
        n += f.samples.size();
    return n;
}

// The example from the exposition format specification, verbatim.
const char kSpecExample[] =
    "# HELP http_requests_total The total number of HTTP requests.\n"
    "# TYPE http_requests_total counter\n"
    "http_requests_total{method=\"post\",code=\"200\"} 1027 1395066363000\n"
    "http_requests_total{method=\"post\",code=\"400\"}    3 1395066363000\n"
    "\n"
    "# Escaping in label values:\n"
    "msdos_file_access_time_seconds{path=\"C:\\\\DIR\\\\FILE.TXT\",error=\"Cannot find file:\\n\\\"FILE.TXT\\\"\"} 1.458255915e9\n"
    "\n"
    "# Minimalistic line:\n"
    "metric_without_timestamp_and_labels 12.47\n"
    "\n"
    "# A weird metric from before the epoch:\n"
    "something_weird{problem=\"division by zero\"} +Inf -3982045\n"
    "\n"
    "# A histogram, which has a pretty complex representation in the text format:\n"
    "# HELP http_request_duration_seconds A histogram of the request duration.\n"
    "# TYPE http_request_duration_seconds histogram\n"
    "http_request_duration_seconds_bucket{le=\"0.05\"} 24054\n"
    "http_request_duration_seconds_bucket{le=\"0.1\"} 33444\n"
    "http_request_duration_seconds_bucket{le=\"0.2\"} 100392\n"
    "http_request_duration_seconds_bucket{le=\"0.5\"} 129389\n"
    "http_request_duration_seconds_bucket{le=\"1\"} 133988\n"
    "http_request_duration_seconds_bucket{le=\"+Inf\"} 144320\n"
    "http_request_duration_seconds_sum 53423\n"
    "http_request_duration_seconds_count 144320\n"
    "\n"
    "# Finally a summary, which has a complex representation, too:\n"
    "# HELP telemetry_requests_metrics_latency_microseconds A summary of the response latency.\n"
    "# TYPE telemetry_requests_metrics_latency_microseconds summary\n"
    "telemetry_requests_metrics_latency_microseconds{quantile=\"0.01\"} 3102\n"
    "telemetry_requests_metrics_latency_microseconds{quantile=\"0.05\"} 3272\n"
    "telemetry_requests_metrics_latency_microseconds{quantile=\"0.5\"} 4773\n"
    "telemetry_requests_metrics_latency_microseconds{quantile=\"0.9\"} 9001\n"
    "telemetry_requests_metrics_latency_microseconds{quantile=\"0.99\"} 76656\n"
    "telemetry_requests_metrics_latency_microseconds_sum 1.7560473e+07\n"
    "telemetry_requests_metrics_latency_microseconds_count 2693\n";

// Shaped like RabbitMQ's prometheus plugin (port 15692, /metrics/per-object).
const char kRabbitMq[] =
    "# TYPE rabbitmq_queue_messages_ready gauge\n"
    "# HELP rabbitmq_queue_messages_ready Messages ready to be delivered to consumers\n"
    "rabbitmq_queue_messages_ready{vhost=\"/\",queue=\"orders\"} 480\n"
    "rabbitmq_queue_messages_ready{vhost=\"/\",queue=\"invoices\"} 2\n"
    "# TYPE rabbitmq_queue_messages gauge\n"
    "# HELP rabbitmq_queue_messages Sum of ready and unacknowledged messages - total queue depth\n"
    "rabbitmq_queue_messages{vhost=\"/\",queue=\"orders\"} 500\n"
    "rabbitmq_queue_messages{vhost=\"/\",queue=\"invoices\"} 3\n"
    "rabbitmq_queue_messages{vhost=\"staging\",queue=\"orders\"} 7\n"
    "# TYPE rabbitmq_build_info untyped\n"
    "# HELP rabbitmq_build_info RabbitMQ & Erlang/OTP version info\n"
    "rabbitmq_build_info{rabbitmq_version=\"3.10.8\",prometheus_plugin_version=\"3.10.8\",prometheus_client_version=\"4.6.0\",erlang_version=\"25.2.3\"} 1\n";

} // namespace

// Parses the exposition format: the spec's own example, real exporters' output, every
// malformed-line class (reported, skipped, never fatal) and the input caps.
class TestPrometheusText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void springGauge()
    {
        const auto r = PT::parse("# HELP messages Number of messages in the queue\n"
                                 "# TYPE messages gauge\n"
                                 "messages 0\n");
        QVERIFY2(r.ok(), qPrintable(describeErrors(r)));
        QCOMPARE(r.families.size(), 1);
        const PT::Family &f = r.families.first();
        QCOMPARE(f.name, u"messages"_s);
        QCOMPARE(f.help, u"Number of messages in the queue"_s);
        QCOMPARE(f.type, PT::MetricType::Gauge);
        QCOMPARE(f.samples.size(), 1);
        QCOMPARE(f.samples.first().value, 0.0);
        QVERIFY(f.samples.first().labels.isEmpty());
        QVERIFY(!f.samples.first().timestampMs.has_value());
        QCOMPARE(f.samples.first().line, 3);
        QCOMPARE(r.sampleCount, 1);
    }

    void specExample()
    {
        const auto r = PT::parse(kSpecExample);
        QVERIFY2(r.ok(), qPrintable(describeErrors(r)));
        QCOMPARE(r.families.size(), 6);
        QCOMPARE(r.sampleCount, 20);
        QCOMPARE(totalSamples(r), 20);

        const PT::Family *requests = r.family(u"http_requests_total");
        QVERIFY(requests);
        QCOMPARE(requests->type, PT::MetricType::Counter);
        QCOMPARE(requests->help, u"The total number of HTTP requests."_s);
        QCOMPARE(requests->samples.size(), 2);
        const PT::Sample &s400 = requests->samples.at(1);
        QCOMPARE(s400.value, 3.0);
        QCOMPARE(s400.timestampMs.value_or(0), Q_INT64_C(1395066363000));
        // Label order is kept as written.
        QCOMPARE(s400.labels.at(0), (PT::Label{u"method"_s, u"post"_s}));
        QCOMPARE(s400.labels.at(1), (PT::Label{u"code"_s, u"400"_s}));

        const PT::Family *msdos = r.family(u"msdos_file_access_time_seconds");
        QVERIFY(msdos);
        QCOMPARE(msdos->type, PT::MetricType::Untyped);
        QCOMPARE(msdos->samples.first().label(u"path"), u"C:\\DIR\\FILE.TXT"_s);
        QCOMPARE(msdos->samples.first().label(u"error"), u"Cannot find file:\n\"FILE.TXT\""_s);
        QCOMPARE(msdos->samples.first().value, 1.458255915e9);

        const PT::Family *weird = r.family(u"something_weird");
        QVERIFY(weird);
        QVERIFY(std::isinf(weird->samples.first().value) && weird->samples.first().value > 0);
        QCOMPARE(weird->samples.first().timestampMs.value_or(0), Q_INT64_C(-3982045));

        const PT::Family *histogram = r.family(u"http_request_duration_seconds");
        QVERIFY(histogram);
        QCOMPARE(histogram->type, PT::MetricType::Histogram);
        QCOMPARE(histogram->samples.size(), 8);
        QCOMPARE(histogram->samples.at(5).label(u"le"), u"+Inf"_s);
        QCOMPARE(histogram->samples.at(6).name, u"http_request_duration_seconds_sum"_s);
        QCOMPARE(histogram->samples.at(7).name, u"http_request_duration_seconds_count"_s);
        QCOMPARE(histogram->samples.at(7).value, 144320.0);

        const PT::Family *summary = r.family(u"telemetry_requests_metrics_latency_microseconds");
        QVERIFY(summary);
        QCOMPARE(summary->type, PT::MetricType::Summary);
        QCOMPARE(summary->samples.size(), 7);
        QCOMPARE(summary->samples.at(2).label(u"quantile"), u"0.5"_s);
        QCOMPARE(summary->samples.at(5).value, 1.7560473e+07);

        // Families come in order of first appearance.
        QCOMPARE(r.families.at(0).name, u"http_requests_total"_s);
        QCOMPARE(r.families.at(5).name, u"telemetry_requests_metrics_latency_microseconds"_s);
    }

    void rabbitMqAndFind()
    {
        const auto r = PT::parse(kRabbitMq);
        QVERIFY2(r.ok(), qPrintable(describeErrors(r)));
        QCOMPARE(r.families.size(), 3);

        auto orders = PT::find(r, u"rabbitmq_queue_messages",
                               {{u"vhost"_s, u"/"_s}, {u"queue"_s, u"orders"_s}});
        QCOMPARE(orders.size(), 1);
        QCOMPARE(orders.first().value, 500.0);

        // Same queue name in every vhost.
        QCOMPARE(PT::find(r, u"rabbitmq_queue_messages", {{u"queue"_s, u"orders"_s}}).size(), 2);
        // != and regexes; regexes are anchored.
        using Op = PT::LabelMatcher::Op;
        QCOMPARE(PT::find(r, u"rabbitmq_queue_messages",
                          {{u"vhost"_s, u"/"_s, Op::NotEqual}}).size(), 1);
        QCOMPARE(PT::find(r, u"rabbitmq_queue_messages",
                          {{u"queue"_s, u"ord"_s, Op::RegexMatch}}).size(), 0);
        QCOMPARE(PT::find(r, u"rabbitmq_queue_messages",
                          {{u"queue"_s, u"ord.*|inv.*"_s, Op::RegexMatch}}).size(), 3);
        QCOMPARE(PT::find(r, u"rabbitmq_queue_messages",
                          {{u"queue"_s, u"inv.*"_s, Op::RegexNoMatch}}).size(), 2);
        // An invalid regex matches nothing rather than everything.
        QCOMPARE(PT::find(r, u"rabbitmq_queue_messages",
                          {{u"queue"_s, u"(("_s, Op::RegexMatch}}).size(), 0);
        // An absent label reads as empty, as in PromQL.
        QCOMPARE(PT::find(r, u"rabbitmq_queue_messages", {{u"node"_s, u""_s}}).size(), 3);
        QCOMPARE(PT::find(r, u"rabbitmq_queue_messages", {{u"node"_s, u"x"_s}}).size(), 0);
        // No name: every sample, in input order.
        const auto all = PT::find(r, {}, {{u"queue"_s, u"invoices"_s}});
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.at(0).name, u"rabbitmq_queue_messages_ready"_s);
        QCOMPARE(all.at(1).name, u"rabbitmq_queue_messages"_s);
        QCOMPARE(PT::find(r, u"no_such_metric").size(), 0);
    }

    void values_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("expected");
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("int") << QByteArray("42") << true << 42.0;
        QTest::newRow("negative") << QByteArray("-1.5") << true << -1.5;
        QTest::newRow("plus") << QByteArray("+7") << true << 7.0;
        QTest::newRow("exp") << QByteArray("1e3") << true << 1000.0;
        QTest::newRow("EXP neg") << QByteArray("2.5E-3") << true << 0.0025;
        QTest::newRow("exp plus") << QByteArray("1.7560473e+07") << true << 17560473.0;
        QTest::newRow("leading dot") << QByteArray(".5") << true << 0.5;
        QTest::newRow("trailing dot") << QByteArray("5.") << true << 5.0;
        QTest::newRow("+Inf") << QByteArray("+Inf") << true << inf;
        QTest::newRow("-Inf") << QByteArray("-Inf") << true << -inf;
        QTest::newRow("inf lower") << QByteArray("inf") << true << inf;
        QTest::newRow("Infinity") << QByteArray("-Infinity") << true << -inf;
        QTest::newRow("hex float") << QByteArray("0x1p-2") << true << 0.25;
        QTest::newRow("underflow to zero") << QByteArray("1e-400") << true << 0.0;
        QTest::newRow("big int") << QByteArray("18446744073709551616") << true << 18446744073709551616.0;
        QTest::newRow("overflow") << QByteArray("1e400") << false << 0.0;
        QTest::newRow("underscore") << QByteArray("1_000") << false << 0.0;
        QTest::newRow("hex no exponent") << QByteArray("0x10") << false << 0.0;
        QTest::newRow("signed NaN") << QByteArray("+NaN") << false << 0.0;
        QTest::newRow("double sign") << QByteArray("--1") << false << 0.0;
        QTest::newRow("word") << QByteArray("abc") << false << 0.0;
        QTest::newRow("bare exp") << QByteArray("1e") << false << 0.0;
        QTest::newRow("comma decimal") << QByteArray("1,5") << false << 0.0;
        QTest::newRow("just sign") << QByteArray("-") << false << 0.0;
        QTest::newRow("dot") << QByteArray(".") << false << 0.0;
    }
    void values()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, valid);
        QFETCH(double, expected);
        const QByteArray line = "m " + text + "\n";
        const auto r = PT::parse(line);
        if (!valid) {
            QCOMPARE(errorCodes(r), QStringList{u"prom.bad_value"_s});
            QCOMPARE(r.sampleCount, 0);
            return;
        }
        QVERIFY2(r.ok(), qPrintable(describeErrors(r)));
        QCOMPARE(r.families.first().samples.first().value, expected);
    }

    void nan()
    {
        const auto r = PT::parse("a NaN\nb nan\n");
        QVERIFY2(r.ok(), qPrintable(describeErrors(r)));
        QVERIFY(std::isnan(r.families.at(0).samples.first().value));
        QVERIFY(std::isnan(r.families.at(1).samples.first().value));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("code");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("samples"); // good samples still parsed around the bad line

        const QByteArray before = "good_before 1\n";
        const QByteArray after = "\ngood_after 2\n";
        auto row = [&](const char *name, const QByteArray &bad, const char *code) {
            const QByteArray text = before + bad + after;
            QTest::newRow(name) << text << QString::fromLatin1(code) << 2 << 2;
        };
        row("missing value", "lonely_metric", "prom.missing_value");
        row("missing value after labels", "m{a=\"b\"}", "prom.missing_value");
        row("label without value", "m{a} 1", "prom.bad_label");
        row("label value unquoted", "m{a=b} 1", "prom.bad_label");
        row("label missing comma", "m{a=\"1\" b=\"2\"} 1", "prom.bad_label");
        row("label name starts with digit", "m{1a=\"1\"} 1", "prom.bad_label");
        row("label set not closed", "m{a=\"1\" 1", "prom.bad_label");
        row("label set open at end", "m{", "prom.bad_label");
        row("unterminated quote", "m{a=\"1} 1", "prom.unterminated_label_value");
        row("unterminated after escape", "m{a=\"1\\\"} 1", "prom.unterminated_label_value");
        row("duplicate labels", "m{a=\"1\",a=\"2\"} 1", "prom.duplicate_label");
        row("name starts with digit", "9lives 1", "prom.bad_metric_name");
        row("name with dash", "foo-bar 1", "prom.bad_metric_name");
        row("name with dot", "foo.bar 1", "prom.bad_metric_name");
        row("garbage bytes", QByteArray("\xff\xfe\x00\x01zz", 6), "prom.bad_metric_name");
        row("invalid utf8 label", "m{a=\"\xc3\x28\"} 1", "prom.invalid_utf8");
        row("invalid utf8 help", "# HELP m bad \xff text", "prom.invalid_utf8");
        row("bad value", "m one", "prom.bad_value");
        row("bad timestamp", "m 1 12.5", "prom.bad_timestamp");
        row("timestamp overflow", "m 1 99999999999999999999", "prom.bad_timestamp");
        row("trailing text", "m 1 2 3", "prom.trailing_text");
        row("HELP without name", "# HELP", "prom.bad_comment");
        row("TYPE without name", "#  TYPE ", "prom.bad_comment");
        row("TYPE bad name", "# TYPE 9x gauge", "prom.bad_metric_name");
        row("TYPE unknown", "# TYPE m blob", "prom.bad_type");
        row("TYPE missing", "# TYPE m", "prom.bad_type");
        row("TYPE extra token", "# TYPE m gauge extra", "prom.bad_type");

        QTest::newRow("duplicate series")
            << QByteArray("m{a=\"1\",b=\"2\"} 1\nm{b=\"2\",a=\"1\"} 2\nm{a=\"2\"} 3\n")
            << u"prom.duplicate_series"_s << 2 << 2;
        QTest::newRow("duplicate TYPE")
            << QByteArray("# TYPE m gauge\n# TYPE m counter\nm 1\nn 2\n")
            << u"prom.duplicate_type"_s << 2 << 2;
        QTest::newRow("duplicate HELP")
            << QByteArray("# HELP m one\n# HELP m two\nm 1\nn 2\n")
            << u"prom.duplicate_help"_s << 2 << 2;
        QTest::newRow("TYPE after samples")
            << QByteArray("m 1\n# TYPE m gauge\nn 2\n") << u"prom.type_after_samples"_s << 2 << 2;
        QTest::newRow("bucket without le")
            << QByteArray("# TYPE h histogram\nh_bucket 1\nh_bucket{le=\"+Inf\"} 1\nh_count 1\n")
            << u"prom.bad_histogram"_s << 2 << 2;
        QTest::newRow("bucket with bad le")
            << QByteArray("# TYPE h histogram\nh_bucket{le=\"big\"} 1\nh_sum 1\nh_count 1\n")
            << u"prom.bad_histogram"_s << 2 << 2;
        QTest::newRow("histogram bare name")
            << QByteArray("# TYPE h histogram\nh 1\nh_sum 1\nh_count 1\n")
            << u"prom.bad_histogram"_s << 2 << 2;
        QTest::newRow("summary without quantile")
            << QByteArray("# TYPE s summary\ns 1\ns_sum 1\ns_count 1\n")
            << u"prom.bad_summary"_s << 2 << 2;

        QByteArray longLine(70 * 1024, 'a');
        longLine += " 1";
        row("very long line", longLine, "prom.line_too_long");
    }
    void malformed()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, code);
        QFETCH(int, line);
        QFETCH(int, samples);
        const auto r = PT::parse(text);
        QCOMPARE(errorCodes(r), QStringList{code});
        QCOMPARE(r.errors.first().line, line);
        QVERIFY(!r.errors.first().message.isEmpty());
        QCOMPARE(r.sampleCount, samples);
        QCOMPARE(totalSamples(r), qsizetype(samples));
        QVERIFY(!r.truncated);
        QVERIFY(!r.ok());
    }

    void lenientSyntax()
    {
        // Whitespace around label tokens, trailing comma, empty braces, tabs, CRLF, no final
        // newline, unknown escapes kept verbatim, blank lines and plain comments.
        const QByteArray text = "  # just a comment\r\n"
                                "#HELP a Line one\\nline two \\\\ and \\t tab\r\n"
                                "\n"
                                "a { x = \"1\" , y=\"q\\\\w\\tz\", }\t 5 \t 1000\r\n"
                                "b{} 6\n"
                                "c{z=\"\"} -0.5";
        const auto r = PT::parse(text);
        QVERIFY2(r.ok(), qPrintable(describeErrors(r)));
        QCOMPARE(r.families.size(), 3);
        const PT::Family &a = r.families.at(0);
        QCOMPARE(a.help, u"Line one\nline two \\ and \\t tab"_s);
        QCOMPARE(a.samples.first().labels.size(), 2);
        QCOMPARE(a.samples.first().label(u"x"), u"1"_s);
        QCOMPARE(a.samples.first().label(u"y"), u"q\\w\\tz"_s);
        QCOMPARE(a.samples.first().timestampMs.value_or(0), Q_INT64_C(1000));
        QCOMPARE(r.families.at(1).samples.first().labels.size(), 0);
        QVERIFY(r.families.at(2).samples.first().hasLabel(u"z"));
        QCOMPARE(r.families.at(2).samples.first().value, -0.5);
        // Non-ASCII UTF-8 in label values and help survives.
        const auto u = PT::parse("# HELP q 队列深度\nq{queue=\"订单\"} 3\n");
        QVERIFY2(u.ok(), qPrintable(describeErrors(u)));
        QCOMPARE(u.families.first().help, u"队列深度"_s);
        QCOMPARE(u.families.first().samples.first().label(u"queue"), u"订单"_s);
    }

    void grouping()
    {
        // _count/_sum only group under a histogram/summary; otherwise they are families.
        const auto r = PT::parse("# TYPE jobs gauge\njobs 1\njobs_count 2\n"
                                 "# TYPE lat summary\nlat{quantile=\"0.5\"} 1\nlat_sum 3\n"
                                 "lat_count 4\nlat_bucket{le=\"1\"} 1\n"
                                 "other 1\n"
                                 "# TYPE h histogram\nh_bucket{le=\"1\"} 1\n"
                                 "lat{quantile=\"0.9\"} 2\n" // interleaved: merged into lat
                                 "h_count 1\n");
        QVERIFY2(r.ok(), qPrintable(describeErrors(r)));
        QStringList names;
        for (const auto &f : r.families)
            names.append(f.name);
        QCOMPARE(names, (QStringList{u"jobs"_s, u"jobs_count"_s, u"lat"_s, u"lat_bucket"_s,
                                     u"other"_s, u"h"_s}));
        QCOMPARE(r.family(u"lat")->samples.size(), 4);
        QCOMPARE(r.family(u"h")->samples.size(), 2);
        // A TYPE/HELP-only family exists, without samples.
        const auto lonely = PT::parse("# HELP idle nothing yet\n# TYPE idle counter\n");
        QVERIFY(lonely.ok());
        QCOMPARE(lonely.families.size(), 1);
        QCOMPARE(lonely.families.first().type, PT::MetricType::Counter);
        QVERIFY(lonely.families.first().samples.isEmpty());
    }

    void emptyInput()
    {
        const auto r = PT::parse(QByteArrayView());
        QVERIFY(r.ok());
        QVERIFY(r.families.isEmpty());
        const auto blank = PT::parse("\n\n   \n# comment only\n");
        QVERIFY(blank.ok());
        QVERIFY(blank.families.isEmpty());
    }

    void limits()
    {
        QByteArray text;
        for (int i = 0; i < 10; ++i)
            text += "m{i=\"" + QByteArray::number(i) + "\"} " + QByteArray::number(i) + "\n";
        PT::Limits small;
        small.maxSamples = 4;
        const auto capped = PT::parse(text, small);
        QVERIFY(capped.truncated);
        QCOMPARE(capped.sampleCount, 4);
        QCOMPARE(errorCodes(capped), QStringList{u"prom.too_many_samples"_s});
        QCOMPARE(capped.errors.first().line, 5);

        PT::Limits fewErrors;
        fewErrors.maxErrors = 2;
        const auto noisy = PT::parse("1\n2\n3\n4\n5\nok 1\n", fewErrors);
        QCOMPARE(noisy.errors.size(), 2);
        QCOMPARE(noisy.droppedErrors, 3);
        QCOMPARE(noisy.sampleCount, 1);
        QVERIFY(!noisy.truncated);

        PT::Limits tinyInput;
        tinyInput.maxBytes = 6;
        const auto cut = PT::parse("a 1\nb 2\nc 3\n", tinyInput);
        QVERIFY(cut.truncated);
        QCOMPARE(cut.errors.first().code, u"prom.input_too_large"_s);
        QCOMPARE(cut.sampleCount, 1); // "b " is cut mid-line and reported as missing a value

        PT::Limits fewFamilies;
        fewFamilies.maxFamilies = 2;
        const auto fams = PT::parse("a 1\nb 1\nc 1\nd 1\n", fewFamilies);
        QVERIFY(fams.truncated);
        QCOMPARE(fams.families.size(), 2);
        QCOMPARE(errorCodes(fams), QStringList{u"prom.too_many_families"_s});
    }

    void names()
    {
        QVERIFY(PT::isValidMetricName(u"rabbitmq_queue_messages"));
        QVERIFY(PT::isValidMetricName(u"job:rate5m"));
        QVERIFY(!PT::isValidMetricName(u"9x"));
        QVERIFY(!PT::isValidMetricName(u""));
        QVERIFY(!PT::isValidMetricName(u"队列"));
        QVERIFY(PT::isValidLabelName(u"_queue1"));
        QVERIFY(!PT::isValidLabelName(u"a:b"));
        QCOMPARE(PT::typeName(PT::MetricType::Histogram), u"histogram"_s);
    }

    // Random bytes and mutated valid input: no crash, every line accounted for.
    void garbageNeverCrashes()
    {
        QRandomGenerator rng(20240601);
        const QByteArray alphabet = "ab_:{}=\",\\ \t\n#HELPTYPE0123456789.e+-InfNa\r\xff\xc3";
        for (int round = 0; round < 300; ++round) {
            QByteArray text;
            const int length = int(rng.bounded(400));
            for (int i = 0; i < length; ++i)
                text.append(alphabet.at(int(rng.bounded(alphabet.size()))));
            const auto r = PT::parse(text);
            QVERIFY(totalSamples(r) == r.sampleCount);
            for (const auto &e : r.errors) {
                QVERIFY(e.line >= 1);
                QVERIFY(!e.message.isEmpty());
            }
        }
        QByteArray spec(kSpecExample);
        for (int round = 0; round < 300; ++round) {
            QByteArray mutated = spec;
            for (int k = 0; k < 5; ++k)
                mutated[int(rng.bounded(mutated.size()))] = char(rng.bounded(256));
            const auto r = PT::parse(mutated);
            QVERIFY(r.sampleCount <= 20);
        }
    }

    // A large scrape parses in well under a second (measured figure printed for the docs).
    void throughput()
    {
        QByteArray text = "# HELP rabbitmq_queue_messages Total queue depth\n"
                          "# TYPE rabbitmq_queue_messages gauge\n";
        const int n = 100'000;
        for (int i = 0; i < n; ++i)
            text += "rabbitmq_queue_messages{vhost=\"/\",queue=\"q" + QByteArray::number(i)
                + "\"} " + QByteArray::number(i) + "\n";
        QElapsedTimer timer;
        timer.start();
        const auto r = PT::parse(text);
        const qint64 ms = timer.elapsed();
        QVERIFY2(r.ok(), qPrintable(describeErrors(r)));
        QCOMPARE(r.sampleCount, n);
        qInfo("parsed %d samples (%lld bytes) in %lld ms", n, qlonglong(text.size()), ms);
        QVERIFY(ms < 5000);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusText)
#include "tst_prometheustext.moc"
