#include "payload/Base64Decoder.h"
#include "payload/HexDecoder.h"
#include "payload/ImageDecoder.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

namespace {

QByteArray encodeImage(const char *format, int w, int h)
{
    QImage image(w, h, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, format))
        return {};
    return bytes;
}

QByteArray riff(const QByteArray &chunk)
{
    return "RIFF" + QByteArray(4, '\0') + "WEBP" + chunk;
}

} // namespace

// Hex dump, base64 and image views.
class TestPayloadBinaryViews : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void hexDump()
    {
        const DecodedPayload d = HexDecoder::decode("Hello, world!\n\x00\xff"_ba);
        QVERIFY(d.ok);
        QCOMPARE(d.decoderId, u"hex"_s);
        QCOMPARE(d.text,
                 u"00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 ff  |Hello, world!...|\n"_s);
        const QString two = HexDecoder::dump(QByteArray(17, 'A'), 0x10);
        QCOMPARE(two, u"00000010  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|\n"
                      u"00000020  41                                                |A|\n"_s);
        QCOMPARE(HexDecoder::decode(QByteArray()).text, QString());
    }
    void hexDumpIsCapped()
    {
        const QByteArray payload(100 * 1024 * 1024, 'x');
        QElapsedTimer timer;
        timer.start();
        const DecodedPayload d = HexDecoder::decode(payload);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(d.truncated);
        QCOMPARE(d.text.count(u'\n'), HexDecoder::MaxBytes / 16);
        QCOMPARE(d.warnings.size(), 1);
    }

    void base64Classify_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("alphabet");
        using A = Base64Decoder::Alphabet;
        QTest::newRow("padded") << "SGVsbG8=" "\n"_ba << int(A::Standard);
        QTest::newRow("unpadded") << "SGVsbG8"_ba << int(A::Standard);
        QTest::newRow("symbols") << "+/+/"_ba << int(A::Standard);
        QTest::newRow("url safe") << "a-_b"_ba << int(A::UrlSafe);
        QTest::newRow("mixed alphabets") << "a+-b"_ba << int(A::None);
        QTest::newRow("data after padding") << "SGVsbG8=x"_ba << int(A::None);
        QTest::newRow("too short") << "SGV"_ba << int(A::None);
        QTest::newRow("impossible length") << "SGVsb"_ba << int(A::None);
        QTest::newRow("three pads") << "S==="_ba << int(A::None);
        QTest::newRow("padding breaks length") << "SGVsbG8=="_ba << int(A::None);
        QTest::newRow("space inside") << "SGVs bG8="_ba << int(A::None);
        QTest::newRow("empty") << QByteArray() << int(A::None);
    }
    void base64Classify()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, alphabet);
        QCOMPARE(int(Base64Decoder::classify(text)), alphabet);
    }

    void base64Likely_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("likely");
        QTest::newRow("hello world") << "SGVsbG8gd29ybGQ="_ba << true;
        QTest::newRow("json inside") << "eyJhIjoxfQ=="_ba << true;
        QTest::newRow("unpadded readable") << "dGVzdGluZzEy"_ba << true;
        QTest::newRow("ordinary word") << "HelloWorldHelloW"_ba << false;
        QTest::newRow("number") << "12345678"_ba << false;
        QTest::newRow("short") << "dGVzdA"_ba << false;
        QTest::newRow("json") << "{\"a\":1}"_ba << false;
    }
    void base64Likely()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, likely);
        QCOMPARE(Base64Decoder::isLikelyBase64(text), likely);
    }

    void base64Decode_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("decoded");
        QTest::addColumn<QString>("innerDecoder");
        QTest::newRow("json") << "eyJhIjoxfQ=="_ba << "{\"a\":1}"_ba << u"json"_s;
        QTest::newRow("unpadded text") << "dGVzdA"_ba << "test"_ba << u"text"_s;
        QTest::newRow("url safe binary") << "__79"_ba << "\xff\xfe\xfd"_ba << u"hex"_s;
        QTest::newRow("trailing newline") << "aGk=\r\n"_ba << "hi"_ba << u"text"_s;
    }
    void base64Decode()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, decoded);
        QFETCH(QString, innerDecoder);
        const DecodedPayload d = Base64Decoder::decode(text);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.decoderId, u"base64"_s);
        QCOMPARE(d.innerBytes, decoded);
        QVERIFY(d.inner);
        QCOMPARE(d.inner->decoderId, innerDecoder);
        QVERIFY(d.summary.contains(d.inner->summary));
    }
    void base64Rejects()
    {
        for (const QByteArray &bad : {"@@@@"_ba, QByteArray(), "a+-b"_ba}) {
            const DecodedPayload d = Base64Decoder::decode(bad);
            QVERIFY(!d.ok);
            QVERIFY(d.error.startsWith(u"cannot decode: "_s));
        }
    }

    void imageFormats_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QSize>("size");
        QTest::newRow("png") << encodeImage("PNG", 33, 17) << u"png"_s << QSize(33, 17);
        QTest::newRow("jpeg") << encodeImage("JPEG", 33, 17) << u"jpeg"_s << QSize(33, 17);
        // Qt reads GIF but does not write it: the classic 1 × 1 GIF89a.
        QTest::newRow("gif") << QByteArray::fromHex("47494638396101000100800000ffffff00000021f90401000000002c00000000"
                                                    "010001000002024401003b")
                             << u"gif"_s << QSize(1, 1);
    }
    void imageFormats()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, expected);
        QFETCH(QSize, size);
        QVERIFY(!bytes.isEmpty());
        QCOMPARE(ImageDecoder::formatFromMagic(bytes), expected);
        const DecodedPayload d = ImageDecoder::decode(bytes);
        QVERIFY2(d.ok, qPrintable(d.error));
        QCOMPARE(d.imageFormat, expected);
        QCOMPARE(d.imageSize, size);
        QVERIFY2(d.warnings.isEmpty(), qPrintable(d.warnings.value(0).message));
        QVERIFY(d.summary.contains(u"%1 × %2 pixels"_s.arg(size.width()).arg(size.height())));
        // The header parser agrees with Qt.
        QCOMPARE(ImageDecoder::sizeFromHeader(bytes, expected), size);
    }

    void webpHeaders_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QSize>("size");
        // VP8X: 24-bit canvas width-1 and height-1.
        QTest::newRow("VP8X") << riff("VP8X" + QByteArray::fromHex("0a000000" "10000000" "3f0100" "c70000")) << QSize(320, 200);
        // VP8L: signature 0x2f, then 14 bits width-1, 14 bits height-1.
        QTest::newRow("VP8L") << riff("VP8L" + QByteArray::fromHex("00000000" "2f" "0f" "c0" "00" "00")) << QSize(16, 4);
        // VP8 (lossy): frame tag, start code 9d 01 2a, 14-bit width and height.
        QTest::newRow("VP8") << riff("VP8 " + QByteArray::fromHex("00000000" "000000" "9d012a" "8002" "e001")) << QSize(640, 480);
        QTest::newRow("cut short") << riff("VP8X") << QSize();
    }
    void webpHeaders()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QSize, size);
        QCOMPARE(ImageDecoder::formatFromMagic(bytes), u"webp"_s);
        QCOMPARE(ImageDecoder::sizeFromHeader(bytes, u"webp"_s), size);
        const DecodedPayload d = ImageDecoder::decode(bytes);
        QVERIFY(d.ok);
        QCOMPARE(d.imageFormat, u"webp"_s);
        QCOMPARE(d.imageSize, size);
        QCOMPARE(d.warnings.isEmpty(), size.isValid());
    }

    void truncatedImages()
    {
        const QByteArray png = encodeImage("PNG", 40, 30);
        // Signature and IHDR without its CRC: Qt gives up, the header still names the size.
        DecodedPayload d = ImageDecoder::decode(png.left(24));
        QVERIFY(d.ok);
        QCOMPARE(d.imageSize, QSize(40, 30));
        QCOMPARE(d.warnings.size(), 1);
        // Only the signature: format known, size not.
        d = ImageDecoder::decode(png.left(8));
        QVERIFY(d.ok);
        QVERIFY(!d.imageSize.isValid());
        QVERIFY(d.summary.contains(u"unknown size"_s));
    }

    void notAnImage()
    {
        for (const QByteArray &bad : {QByteArray(), "GIF8"_ba, "hello"_ba}) {
            const DecodedPayload d = ImageDecoder::decode(bad);
            QVERIFY(!d.ok);
            QVERIFY(d.error.startsWith(u"cannot decode: "_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestPayloadBinaryViews)
#include "tst_payload_binaryviews.moc"
