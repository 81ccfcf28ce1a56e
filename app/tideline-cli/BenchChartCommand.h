#pragma once

#include "CliCommand.h"

#include <QCommandLineOption>
#include <QCoreApplication>

#include <memory>

namespace tideline::cli {

// `tideline-cli bench chart`: the queue-depth chart (QueueDepthChart, Qt Charts) with a large
// in-memory series, redrawn as in the GUI: append a point, downsample the visible range to the
// plot's width, QXYSeries::replace(), lay out, render the QChartView into a QImage. Prints one
// JSON line with the per-redraw time (median, p95). Target: < 16 ms per redraw.
//
// It draws real widgets, so it is the one command that runs under a QApplication; main() asks
// createApplication() which kind to make. Without a display it uses the offscreen platform.
class BenchChartCommand final : public Command
{
    Q_DECLARE_TR_FUNCTIONS(BenchChartCommand)

public:
    BenchChartCommand();

    QString name() const override;
    QString summary() const override;
    QString synopsis() const override;
    QString details() const override;
    void addOptions(QCommandLineParser &parser) override;
    int run(const QCommandLineParser &parser) override;

    // A QApplication (offscreen unless QT_QPA_PLATFORM says otherwise) when the command line
    // is `bench chart ...`, a QCoreApplication for everything else.
    static std::unique_ptr<QCoreApplication> createApplication(int &argc, char **argv);

private:
    QCommandLineOption m_points;
    QCommandLineOption m_frames;
    QCommandLineOption m_width;
    QCommandLineOption m_height;
    QCommandLineOption m_series;
    QCommandLineOption m_noAntialiasing;
};

} // namespace tideline::cli
