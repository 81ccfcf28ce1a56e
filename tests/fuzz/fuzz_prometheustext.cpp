// libFuzzer target for the Prometheus text parser: any bytes must parse without crashing,
// hanging or breaking the result's invariants.
//   cmake -S . -B build-fuzz -G Ninja -DTIDELINE_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++
//   cmake --build build-fuzz --target fuzz_prometheustext
//   ./build-fuzz/tests/fuzz/fuzz_prometheustext -max_total_time=60
#include "metrics/PrometheusText.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>

using namespace tideline;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Small caps so that the limit paths are exercised too.
    PrometheusText::Limits limits;
    limits.maxLineLength = 512;
    limits.maxSamples = 64;
    limits.maxFamilies = 32;
    limits.maxErrors = 16;
    const QByteArrayView input(reinterpret_cast<const char *>(data), qsizetype(size));

    for (const PrometheusText::Limits &l : {limits, PrometheusText::Limits{}}) {
        const PrometheusText::ParseResult result = PrometheusText::parse(input, l);
        qsizetype samples = 0;
        for (const PrometheusText::Family &family : result.families) {
            check(PrometheusText::isValidMetricName(family.name));
            for (const PrometheusText::Sample &sample : family.samples) {
                check(PrometheusText::isValidMetricName(sample.name));
                check(sample.name.startsWith(family.name));
                check(sample.line >= 1);
                for (const PrometheusText::Label &label : sample.labels)
                    check(PrometheusText::isValidLabelName(label.name));
            }
            samples += family.samples.size();
        }
        check(samples == result.sampleCount);
        check(result.sampleCount <= l.maxSamples);
        check(result.families.size() <= l.maxFamilies);
        check(result.errors.size() <= l.maxErrors);
        for (const PrometheusText::LineError &error : result.errors)
            check(!error.code.isEmpty() && !error.message.isEmpty());

        if (!result.families.isEmpty()) {
            const PrometheusText::Family &first = result.families.first();
            using Op = PrometheusText::LabelMatcher::Op;
            const QString labelName = first.samples.isEmpty() || first.samples.first().labels.isEmpty()
                ? QStringLiteral("queue")
                : first.samples.first().labels.first().name;
            const QList<PrometheusText::Sample> exact = PrometheusText::find(result, first.name);
            const auto named = std::count_if(first.samples.cbegin(), first.samples.cend(),
                                             [&](const auto &s) { return s.name == first.name; });
            check(exact.size() >= named);
            PrometheusText::find(result, {}, {{labelName, QStringLiteral("x"), Op::NotEqual},
                                              {labelName, QStringLiteral("a.*("), Op::RegexMatch}});
        }
    }
    return 0;
}
