#include "MetricsCommand.h"

#include "CliSupport.h"
#include "metrics/PrometheusApi.h"
#include "metrics/PrometheusQueryClient.h"
#include "metrics/PrometheusScrapeSource.h"
#include "metrics/RabbitMqManagementSource.h"
#include "secrets/CredentialStore.h"

#include <QDateTime>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

using namespace Qt::StringLiterals;

namespace tideline::cli {

namespace {

constexpr int kMaxWarnings = 5;

struct HttpSetup
{
    int timeoutMs = MetricHttp::DefaultTimeoutMs;
    MetricHttp::TlsOptions tls;
    bool json = false;
};

// An http(s) URL with a host; the error is a translated sentence for usageError().
QString urlProblem(const QString &option, const QString &text, QUrl *out)
{
    const QUrl url = QUrl::fromUserInput(text.trimmed());
    if (text.trimmed().isEmpty())
        return QCoreApplication::translate("Cli", "%1 is required.").arg(option);
    if (!url.isValid() || url.host().isEmpty() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s))
        return QCoreApplication::translate("Cli", "%1 must be an http:// or https:// URL, not \"%2\".").arg(option, text);
    if (!url.password().isEmpty()) {
        return QCoreApplication::translate("Cli", "Do not put a password in the URL, where other users and the "
                                                  "shell history can see it; use --password-stdin.");
    }
    *out = url;
    return {};
}

// JSON has no NaN or infinity: those go out as the strings Prometheus itself uses.
QJsonValue jsonNumber(double value)
{
    if (std::isfinite(value))
        return value;
    return PrometheusApi::formatValue(value);
}

QJsonValue jsonOptional(const std::optional<double> &value)
{
    return value ? jsonNumber(*value) : QJsonValue(QJsonValue::Null);
}

QByteArray jsonLine(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n';
}

QString isoTime(qint64 ms)
{
    // Qt::UTC (not a UTC QTimeZone) so that the ISO form ends in "Z".
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms).toUTC();
    return t.toString(ms % 1000 == 0 ? Qt::ISODate : Qt::ISODateWithMs);
}

QString countText(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 0) : u"-"_s;
}

QString rateText(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 2) : u"-"_s;
}

void printWarnings(const QStringList &warnings)
{
    for (qsizetype i = 0; i < warnings.size() && i < kMaxWarnings; ++i)
        printStderr(QCoreApplication::translate("Cli", "tideline-cli: warning: %1").arg(warnings.at(i)));
    if (warnings.size() > kMaxWarnings) {
        const int more = int(warnings.size() - kMaxWarnings); // outside translate(): lupdate 6.4 chokes on casts
        printStderr(QCoreApplication::translate("Cli", "tideline-cli: warning: %n more warning(s)", nullptr, more));
    }
}

// Runs one poll of `source` to completion; an empty string on success, else the reason.
QString pollOnce(MetricSource &source)
{
    QEventLoop loop;
    QObject::connect(&source, &MetricSource::refreshFinished, &loop, [&loop] { loop.quit(); });
    source.refresh();
    if (source.isBusy())
        loop.exec();
    return source.state() == MetricSource::State::Ok ? QString() : source.stateReason();
}

Result<HttpSetup> buildHttp(const MetricsHttpOptions &options, const QCommandLineParser &parser)
{
    HttpSetup setup;
    const auto timeout = parseNumber(parser.value(options.m_timeout), 0.001, 3600);
    if (!timeout) {
        return Error{u"usage"_s, QCoreApplication::translate("Cli", "--timeout must be a number of seconds "
                                                                    "between 0.001 and 3600."), {}};
    }
    setup.timeoutMs = qMax(1, int(std::lround(*timeout * 1000)));
    if (parser.isSet(options.m_caFile)) {
        const QFileInfo info(parser.value(options.m_caFile));
        if (!info.isFile() || !info.isReadable()) {
            return Error{u"io"_s, QCoreApplication::translate("Cli", "Cannot read the file %1.").arg(info.filePath()),
                         {}};
        }
        setup.tls.caFile = info.absoluteFilePath();
    }
    setup.tls.verifyPeer = !parser.isSet(options.m_insecure);
    setup.json = options.json(parser);
    return setup;
}

int setupError(const QString &command, const Error &error)
{
    return error.code == u"usage"_s ? usageError(command, error.message) : runtimeError(error.message);
}

} // namespace

QByteArray formatTable(const QStringList &header, const QList<QStringList> &rows, const QList<bool> &rightAligned)
{
    QList<qsizetype> widths(header.size(), 0);
    auto measure = [&widths](const QStringList &row) {
        for (qsizetype c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = qMax(widths[c], row.at(c).size());
    };
    measure(header);
    for (const QStringList &row : rows)
        measure(row);
    QString out;
    auto emitRow = [&](const QStringList &row) {
        QString line;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const QString cell = row.value(c);
            const bool last = c == widths.size() - 1;
            if (c > 0)
                line += u"  "_s;
            if (rightAligned.value(c))
                line += cell.rightJustified(widths[c]);
            else
                line += last ? cell : cell.leftJustified(widths[c]);
        }
        out += line + u'\n';
    };
    emitRow(header);
    for (const QStringList &row : rows)
        emitRow(row);
    return out.toLocal8Bit();
}

MetricsHttpOptions::MetricsHttpOptions()
    : m_timeout(u"timeout"_s, tr("Give up on a request that sends nothing for this many seconds. Default: 10."),
                tr("SECONDS"), u"10"_s)
    , m_caFile(u"cafile"_s, tr("PEM file with the CA certificates that sign the server's certificate (https). "
                               "Default: the system trust store."),
               tr("FILE"))
    , m_insecure(u"insecure"_s, tr("Do not verify the server's certificate (testing only)."))
    , m_json(u"json"_s, tr("Print one JSON object per line instead of a table."))
{
}

void MetricsHttpOptions::addTo(QCommandLineParser &parser) const
{
    parser.addOptions({m_timeout, m_caFile, m_insecure, m_json});
}

// ---- metrics rabbitmq ---------------------------------------------------------------------

MetricsRabbitMqCommand::MetricsRabbitMqCommand()
    : m_url(u"url"_s, tr("Management API base URL, e.g. http://host:15672 or https://host:15671."), tr("URL"))
    , m_user(u"user"_s, tr("User name (needs the management or monitoring tag)."), tr("USER"))
    , m_passwordStdin(u"password-stdin"_s,
                      tr("Read the password from the first line of standard input. Without it the password "
                         "stored in the keychain for this user and server is used."))
    , m_vhost(u"vhost"_s, tr("Only the queues of this virtual host."), tr("VHOST"))
    , m_queue(u"queue"_s, tr("Only this queue (of --vhost, default \"/\")."), tr("QUEUE"))
{
}

QString MetricsRabbitMqCommand::name() const
{
    return u"metrics rabbitmq"_s;
}

QString MetricsRabbitMqCommand::summary() const
{
    return tr("Queue depth, consumers and rates from the RabbitMQ management API");
}

QString MetricsRabbitMqCommand::synopsis() const
{
    return tr("metrics rabbitmq --url URL --user USER [--password-stdin] [--vhost VHOST] [--queue QUEUE] [options]");
}

QString MetricsRabbitMqCommand::details() const
{
    return tr("Output: a table with one row per queue: VHOST, QUEUE, MESSAGES (ready + unacknowledged), READY, "
              "UNACKED, CONSUMERS and the PUBLISH/S, DELIVER/S and ACK/S rates; \"-\" where the server has no "
              "figure yet. With --json, one object per queue with the same figures (null where absent).\n"
              "There is no --password option: the password comes from standard input (--password-stdin) or "
              "from the keychain entry %1.\n"
              "The management API refreshes its statistics every few seconds "
              "(collect_statistics_interval), so the numbers can lag that much behind.")
        .arg(u"metrics/rabbitmq/USER@HOST:PORT/password"_s);
}

void MetricsRabbitMqCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({m_url, m_user, m_passwordStdin, m_vhost, m_queue});
    m_http.addTo(parser);
}

int MetricsRabbitMqCommand::run(const QCommandLineParser &parser)
{
    QUrl url;
    if (const QString problem = urlProblem(u"--url"_s, parser.value(m_url), &url); !problem.isEmpty())
        return usageError(name(), problem);
    QString user = parser.value(m_user);
    if (user.isEmpty())
        user = url.userName();
    if (user.isEmpty())
        return usageError(name(), tr("--user is required."));
    auto http = buildHttp(m_http, parser);
    if (!http)
        return setupError(name(), http.error());

    QString password;
    if (parser.isSet(m_passwordStdin)) {
        QFile in;
        if (!in.open(stdin, QIODevice::ReadOnly))
            return runtimeError(tr("Cannot read the password from standard input."));
        QByteArray line = in.readLine();
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        password = QString::fromUtf8(line);
    } else {
        const QString key = RabbitMqManagementSource::secretKey(url, user);
        CredentialStore store;
        const Result<QString> stored = store.readSync(key);
        if (!stored) {
            const QString where = u"%1@%2:%3"_s.arg(user, url.host()).arg(url.port(url.scheme() == u"https"_s ? 443 : 80));
            if (stored.error().code == u"secrets.notfound"_s)
                return usageError(name(), tr("No password for %1 in the keychain: pass it with --password-stdin.")
                                              .arg(where));
            return usageError(name(), tr("No password: pass it with --password-stdin (the keychain could not be "
                                         "read: %1).")
                                          .arg(stored.error().message));
        }
        password = stored.value();
    }

    RabbitMqManagementSource::Options options;
    options.url = url;
    options.user = user;
    options.vhost = parser.value(m_vhost);
    options.queue = parser.value(m_queue);
    options.tls = http.value().tls;
    RabbitMqManagementSource source(options);
    source.setPassword(password);
    source.setTimeoutMs(http.value().timeoutMs);
    if (const QString failure = pollOnce(source); !failure.isEmpty())
        return runtimeError(failure);

    const QList<RabbitMqQueueStats> &queues = source.lastQueues();
    if (http.value().json) {
        QByteArray out;
        for (const RabbitMqQueueStats &q : queues) {
            out += jsonLine(QJsonObject{
                {u"vhost"_s, q.vhost},
                {u"queue"_s, q.name},
                {u"messages"_s, jsonOptional(q.messages)},
                {u"messages_ready"_s, jsonOptional(q.messagesReady)},
                {u"messages_unacknowledged"_s, jsonOptional(q.messagesUnacknowledged)},
                {u"consumers"_s, jsonOptional(q.consumers)},
                {u"publish_rate"_s, jsonOptional(q.publishRate)},
                {u"deliver_get_rate"_s, jsonOptional(q.deliverGetRate)},
                {u"ack_rate"_s, jsonOptional(q.ackRate)},
            });
        }
        writeStdout(out, true);
    } else {
        QList<QStringList> rows;
        for (const RabbitMqQueueStats &q : queues) {
            rows.append({q.vhost, q.name, countText(q.messages), countText(q.messagesReady),
                         countText(q.messagesUnacknowledged), countText(q.consumers), rateText(q.publishRate),
                         rateText(q.deliverGetRate), rateText(q.ackRate)});
        }
        writeStdout(formatTable({tr("VHOST"), tr("QUEUE"), tr("MESSAGES"), tr("READY"), tr("UNACKED"), tr("CONSUMERS"),
                                 tr("PUBLISH/S"), tr("DELIVER/S"), tr("ACK/S")},
                                rows, {false, false, true, true, true, true, true, true, true}),
                    true);
    }
    if (queues.isEmpty())
        printStderr(tr("tideline-cli: no queues found."));
    return ExitOk;
}

// ---- metrics scrape -----------------------------------------------------------------------

MetricsScrapeCommand::MetricsScrapeCommand()
    : m_url(u"url"_s, tr("Exposition endpoint, e.g. http://host:15692/metrics."), tr("URL"))
    , m_match(u"match"_s, tr("Only samples with this metric name (or family name); '*' and '?' are wildcards."),
              tr("NAME"))
{
}

QString MetricsScrapeCommand::name() const
{
    return u"metrics scrape"_s;
}

QString MetricsScrapeCommand::summary() const
{
    return tr("Read a Prometheus /metrics endpoint once");
}

QString MetricsScrapeCommand::synopsis() const
{
    return tr("metrics scrape --url URL [--match NAME] [options]");
}

QString MetricsScrapeCommand::details() const
{
    return tr("Output: a table of NAME, LABELS and VALUE, one row per sample. With --json, one object per "
              "sample: name, labels (an object), value (a number, or \"NaN\", \"+Inf\", \"-Inf\") and "
              "timestamp_ms when the endpoint gave one. Lines that are not valid exposition format are "
              "skipped with a warning on stderr. A --match that matches nothing exits with 1.");
}

void MetricsScrapeCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({m_url, m_match});
    m_http.addTo(parser);
}

int MetricsScrapeCommand::run(const QCommandLineParser &parser)
{
    QUrl url;
    if (const QString problem = urlProblem(u"--url"_s, parser.value(m_url), &url); !problem.isEmpty())
        return usageError(name(), problem);
    auto http = buildHttp(m_http, parser);
    if (!http)
        return setupError(name(), http.error());
    const QString match = parser.value(m_match);

    PrometheusScrapeSource source({url, match, http.value().tls});
    source.setTimeoutMs(http.value().timeoutMs);
    if (const QString failure = pollOnce(source); !failure.isEmpty())
        return runtimeError(failure);

    QStringList warnings;
    for (const PrometheusText::LineError &e : source.lastWarnings())
        warnings.append(tr("line %1: %2").arg(e.line).arg(e.message));
    printWarnings(warnings);

    QByteArray jsonOut;
    QList<QStringList> rows;
    for (const PrometheusText::Family &family : source.lastParse().families) {
        for (const PrometheusText::Sample &s : family.samples) {
            if (!PrometheusScrapeSource::nameMatches(match, s.name, family.name))
                continue;
            if (http.value().json) {
                QJsonObject labels;
                for (const PrometheusText::Label &l : s.labels)
                    labels.insert(l.name, l.value);
                QJsonObject object{{u"name"_s, s.name}, {u"labels"_s, labels}, {u"value"_s, jsonNumber(s.value)}};
                if (s.timestampMs)
                    object.insert(u"timestamp_ms"_s, double(*s.timestampMs));
                jsonOut += jsonLine(object);
            } else {
                MetricLabels labels;
                for (const PrometheusText::Label &l : s.labels)
                    labels.insert(l.name, l.value);
                rows.append({s.name, formatLabels(labels), PrometheusApi::formatValue(s.value)});
            }
        }
    }
    if (http.value().json)
        writeStdout(jsonOut, true);
    else if (!rows.isEmpty())
        writeStdout(formatTable({tr("NAME"), tr("LABELS"), tr("VALUE")}, rows, {false, false, true}), true);
    if (!match.isEmpty() && jsonOut.isEmpty() && rows.isEmpty())
        return runtimeError(tr("no sample matches \"%1\".").arg(match));
    return ExitOk;
}

// ---- metrics query ------------------------------------------------------------------------

MetricsQueryCommand::MetricsQueryCommand()
    : m_prometheus(u"prometheus"_s, tr("Prometheus server URL, e.g. http://host:9090."), tr("URL"))
    , m_query(u"query"_s, tr("PromQL expression."), tr("PROMQL"))
    , m_time(u"time"_s, tr("Evaluation time of an instant query: RFC 3339 or Unix seconds. Default: now."),
             tr("TIME"))
    , m_range(u"range"_s, tr("Run a range query over the last DURATION (e.g. 1h, 30m, 90s)."), tr("DURATION"))
    , m_step(u"step"_s, tr("Resolution of a range query (e.g. 15s). Default: the range / 100, at least 1s."),
             tr("DURATION"))
{
}

QString MetricsQueryCommand::name() const
{
    return u"metrics query"_s;
}

QString MetricsQueryCommand::summary() const
{
    return tr("Run a PromQL query against a Prometheus server");
}

QString MetricsQueryCommand::synopsis() const
{
    return tr("metrics query --prometheus URL --query PROMQL [--range DURATION [--step DURATION]] [options]");
}

QString MetricsQueryCommand::details() const
{
    return tr("Output: an instant query prints SERIES and VALUE, one row per series; a range query "
              "(--range) prints SERIES, TIME (UTC) and VALUE, one row per point. With --json, one object per "
              "point: metric (the labels, with __name__), time (ISO 8601, UTC), timestamp (Unix seconds) and "
              "value (a number, or \"NaN\", \"+Inf\", \"-Inf\").\n"
              "Errors from Prometheus (a query that does not parse, one that fails) exit with 1 and the "
              "server's reason on stderr.");
}

void MetricsQueryCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOptions({m_prometheus, m_query, m_time, m_range, m_step});
    m_http.addTo(parser);
}

int MetricsQueryCommand::run(const QCommandLineParser &parser)
{
    QUrl url;
    if (const QString problem = urlProblem(u"--prometheus"_s, parser.value(m_prometheus), &url); !problem.isEmpty())
        return usageError(name(), problem);
    const QString promql = parser.value(m_query).trimmed();
    if (promql.isEmpty())
        return usageError(name(), tr("--query is required."));
    auto http = buildHttp(m_http, parser);
    if (!http)
        return setupError(name(), http.error());

    std::optional<qint64> rangeMs;
    std::optional<qint64> stepMs;
    if (parser.isSet(m_range)) {
        rangeMs = PrometheusApi::parseDurationMs(parser.value(m_range));
        if (!rangeMs)
            return usageError(name(), tr("--range must be a duration like 1h, 30m or 90s, not \"%1\".")
                                          .arg(parser.value(m_range)));
    }
    if (parser.isSet(m_step)) {
        if (!rangeMs)
            return usageError(name(), tr("--step needs --range."));
        stepMs = PrometheusApi::parseDurationMs(parser.value(m_step));
        if (!stepMs)
            return usageError(name(), tr("--step must be a duration like 15s or 1m, not \"%1\".")
                                          .arg(parser.value(m_step)));
    }
    if (rangeMs && parser.isSet(m_time))
        return usageError(name(), tr("--time is for instant queries; a range query ends now."));
    std::optional<qint64> timeMs;
    if (parser.isSet(m_time)) {
        const QString text = parser.value(m_time).trimmed();
        bool isNumber = false;
        const double seconds = text.toDouble(&isNumber);
        if (isNumber) {
            timeMs = qint64(std::llround(seconds * 1000));
        } else {
            const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (!t.isValid())
                return usageError(name(), tr("--time must be RFC 3339 (2024-05-01T12:00:00Z) or Unix seconds, "
                                             "not \"%1\".").arg(text));
            timeMs = t.toMSecsSinceEpoch();
        }
    }
    if (rangeMs && !stepMs)
        stepMs = qMax<qint64>(1000, (*rangeMs / 100 + 999) / 1000 * 1000);
    if (rangeMs && *rangeMs / *stepMs > 11000) {
        return usageError(name(), tr("--range / --step gives more than 11000 points per series, more than "
                                     "Prometheus allows; use a larger --step."));
    }

    PrometheusQueryClient client({url, http.value().tls, http.value().timeoutMs});
    std::optional<Result<PrometheusApi::QueryResult>> answer;
    QEventLoop loop;
    auto done = [&](const Result<PrometheusApi::QueryResult> &result) {
        answer = result;
        loop.quit();
    };
    if (rangeMs) {
        // Aligned to the step, as dashboards do: points land on whole steps and repeated runs agree.
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const qint64 end = now - now % *stepMs;
        client.queryRange(promql, end - *rangeMs, end, *stepMs, done);
    } else {
        client.query(promql, timeMs, done);
    }
    loop.exec();
    if (!answer->ok())
        return runtimeError(answer->error().message);
    const PrometheusApi::QueryResult &result = answer->value();
    printWarnings(result.warnings);

    const bool json = http.value().json;
    if (result.type == PrometheusApi::QueryResult::Type::String) {
        if (json) {
            writeStdout(jsonLine(QJsonObject{{u"string"_s, result.stringValue},
                                             {u"time"_s, isoTime(result.stringTimeMs)},
                                             {u"timestamp"_s, double(result.stringTimeMs) / 1000.0}}),
                        true);
        } else {
            writeStdout(result.stringValue.toLocal8Bit() + '\n', true);
        }
        return ExitOk;
    }

    const bool perPoint = result.type == PrometheusApi::QueryResult::Type::Matrix;
    QByteArray jsonOut;
    QList<QStringList> rows;
    for (const MetricSeries &series : result.series) {
        QString seriesName = series.key.toString();
        if (result.type == PrometheusApi::QueryResult::Type::Scalar)
            seriesName = u"scalar"_s;
        else if (series.key.name.isEmpty())
            seriesName = series.key.labels.isEmpty() ? u"{}"_s : formatLabels(series.key.labels);
        for (const MetricPoint &point : series.points) {
            if (json) {
                QJsonObject metric;
                if (!series.key.name.isEmpty())
                    metric.insert(u"__name__"_s, series.key.name);
                for (auto it = series.key.labels.cbegin(); it != series.key.labels.cend(); ++it)
                    metric.insert(it.key(), it.value());
                jsonOut += jsonLine(QJsonObject{{u"metric"_s, metric},
                                                {u"time"_s, isoTime(point.timestampMs)},
                                                {u"timestamp"_s, double(point.timestampMs) / 1000.0},
                                                {u"value"_s, jsonNumber(point.value)}});
            } else if (perPoint) {
                rows.append({seriesName, isoTime(point.timestampMs), PrometheusApi::formatValue(point.value)});
            } else {
                rows.append({seriesName, PrometheusApi::formatValue(point.value)});
            }
        }
    }
    if (json) {
        writeStdout(jsonOut, true);
    } else if (!rows.isEmpty()) {
        if (perPoint)
            writeStdout(formatTable({tr("SERIES"), tr("TIME"), tr("VALUE")}, rows, {false, false, true}), true);
        else
            writeStdout(formatTable({tr("SERIES"), tr("VALUE")}, rows, {false, true}), true);
    }
    if (result.series.isEmpty())
        printStderr(tr("tideline-cli: the query returned no series."));
    return ExitOk;
}

} // namespace tideline::cli
