#include "payload/TextDecoder.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

// UTF-8 text view: invalid sequences must be visible (U+FFFD) and located (byte offsets).
class TestPayloadText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decode_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QList<qint64>>("warningOffsets"); // offsets of the invalid-UTF-8 warnings
        QTest::addColumn<QList<qint64>>("warningLengths");

        using L = QList<qint64>;
        QTest::newRow("ascii") << "hello"_ba << u"hello"_s << L{} << L{};
        QTest::newRow("empty") << QByteArray() << QString() << L{} << L{};
        QTest::newRow("two-byte") << "caf\xc3\xa9"_ba << u"café"_s << L{} << L{};
        QTest::newRow("chinese") << "\xe9\x98\x9f\xe5\x88\x97"_ba << u"队列"_s << L{} << L{};
        QTest::newRow("four-byte emoji") << "\xf0\x9f\x98\x80"_ba << QString::fromUtf8("\xf0\x9f\x98\x80") << L{} << L{};
        QTest::newRow("lone continuation") << "a\x80z"_ba << u"a\uFFFDz"_s << L{1} << L{1};
        QTest::newRow("cut three-byte at end") << "ab\xe2\x82"_ba << u"ab\uFFFD"_s << L{2} << L{2};
        QTest::newRow("cut four-byte in middle") << "\xf0\x9f\x98z"_ba << u"\uFFFDz"_s << L{0} << L{3};
        QTest::newRow("overlong slash") << "\xc0\xaf"_ba << u"\uFFFD\uFFFD"_s << L{0} << L{2};
        QTest::newRow("surrogate half") << "x\xed\xa0\x80y"_ba << u"x\uFFFD\uFFFD\uFFFDy"_s << L{1} << L{3};
        QTest::newRow("above U+10FFFF") << "\xf4\x90\x80\x80"_ba << u"\uFFFD\uFFFD\uFFFD\uFFFD"_s << L{0} << L{4};
        QTest::newRow("never-valid bytes") << "\xfe\xff"_ba << u"\uFFFD\uFFFD"_s << L{0} << L{2};
        QTest::newRow("two separate spots") << "\xffok\xff"_ba << u"\uFFFDok\uFFFD"_s << L{0, 3} << L{1, 1};
        QTest::newRow("latin-1 text") << "Gr\xfc\xdf"_ba << u"Gr\uFFFD\uFFFD"_s << L{2} << L{2};
    }
    void decode()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QString, text);
        QFETCH(QList<qint64>, warningOffsets);
        QFETCH(QList<qint64>, warningLengths);

        const DecodedPayload d = TextDecoder::decode(payload);
        QCOMPARE(d.decoderId, u"text"_s);
        QVERIFY(d.ok);
        QVERIFY(d.error.isEmpty());
        QCOMPARE(d.text, text);
        QCOMPARE(d.inputSize, payload.size());
        QList<qint64> offsets, lengths;
        for (const auto &w : d.warnings) {
            QVERIFY2(w.offset >= 0, qPrintable(w.message));
            offsets << w.offset;
            lengths << w.length;
        }
        QCOMPARE(offsets, warningOffsets);
        QCOMPARE(lengths, warningLengths);
        QVERIFY(!d.summary.isEmpty());
        if (!warningOffsets.isEmpty())
            QVERIFY2(d.summary.contains(u"invalid"_s), qPrintable(d.summary));
    }

    void warningNamesOffsets()
    {
        const DecodedPayload d = TextDecoder::decode("abc\xff"_ba);
        QCOMPARE(d.warnings.size(), 1);
        QVERIFY2(d.warnings.first().message.contains(u"offset 3"_s), qPrintable(d.warnings.first().message));
        QVERIFY2(d.warnings.first().message.contains(u"0xff"_s), qPrintable(d.warnings.first().message));
    }

    void controlCharactersAreReported()
    {
        const DecodedPayload d = TextDecoder::decode("a\x00" "b\x07"_ba);
        QCOMPARE(d.text.size(), 4);
        QCOMPARE(d.warnings.size(), 1);
        QVERIFY(d.warnings.first().message.contains(u"2 control character"_s));
    }

    void declaredUtf8ButInvalid()
    {
        MessageProperties props;
        props.payloadFormatIndicator = 1;
        const DecodedPayload declared = TextDecoder::decode("\xff"_ba, {QString(), &props});
        const DecodedPayload plain = TextDecoder::decode("\xff"_ba);
        QCOMPARE(declared.warnings.size(), plain.warnings.size() + 1);
        QVERIFY(declared.warnings.last().message.contains(u"payload format indicator"_s));
    }

    void manyInvalidSpotsAreCapped()
    {
        QByteArray payload;
        for (int i = 0; i < 1000; ++i)
            payload += "a\xff";
        const DecodedPayload d = TextDecoder::decode(payload);
        QCOMPARE(d.warnings.size(), PayloadLimits::MaxWarnings + 1);
        QVERIFY(d.truncated);
        QCOMPARE(d.text.count(QChar(QChar::ReplacementCharacter)), 1000);
    }

    void hugePayloadIsCappedQuickly()
    {
        // 16 MiB with a multi-byte character straddling the cut: no false U+FFFD at the end.
        QByteArray payload(PayloadLimits::MaxTextChars - 1, 'a');
        payload += "\xc3\xa9";
        payload += QByteArray(16 * 1024 * 1024 - payload.size(), 'b');
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = TextDecoder::decode(payload);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(d.ok);
        QVERIFY(d.truncated);
        QCOMPARE(d.text.size(), PayloadLimits::MaxTextChars - 1);
        QVERIFY(!d.text.contains(QChar(QChar::ReplacementCharacter)));
        QCOMPARE(d.warnings.size(), 1);
        QVERIFY(d.warnings.first().message.contains(u"Showing the first"_s));
    }

    void validatorHelpers_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("validWithCutTail");
        QTest::addColumn<bool>("text");
        QTest::newRow("ascii") << "abc"_ba << true << true << true;
        QTest::newRow("tab newline") << "a\tb\r\n"_ba << true << true << true;
        QTest::newRow("nul") << "a\x00"_ba << true << true << false;
        QTest::newRow("cut tail") << "a\xe2\x82"_ba << false << true << true;
        QTest::newRow("bad tail") << "a\xe2\x28"_ba << false << false << false;
        QTest::newRow("invalid middle") << "\xff" "abc"_ba << false << false << false;
    }
    void validatorHelpers()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, valid);
        QFETCH(bool, validWithCutTail);
        QFETCH(bool, text);
        QCOMPARE(payload::isValidUtf8(bytes), valid);
        QCOMPARE(payload::isValidUtf8(bytes, true), validWithCutTail);
        QCOMPARE(payload::looksLikeText(bytes, true), text && validWithCutTail);
    }
};

QTEST_GUILESS_MAIN(TestPayloadText)
#include "tst_payload_text.moc"
