#include "payload/PayloadInspector.h"
#include "tst_payload_wire.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QImage>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

namespace {

QByteArray png()
{
    QImage image(4, 4, QImage::Format_RGB32);
    image.fill(Qt::red);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

} // namespace

class TestPayloadInspector : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void detect_data()
    {
        QTest::addColumn<QString>("topic");
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QStringList>("userProperties"); // names; values are "1.0"
        QTest::addColumn<QStringList>("expected");

        const QStringList none;
        QTest::newRow("json object") << u"t"_s << "{\"a\":1}"_ba << QString() << none << QStringList{u"json"_s, u"text"_s, u"hex"_s};
        QTest::newRow("plain number") << u"t"_s << "21.5"_ba << QString() << none << QStringList{u"json"_s, u"text"_s, u"hex"_s};
        QTest::newRow("plain text") << u"t"_s << "hello world"_ba << QString() << none << QStringList{u"text"_s, u"hex"_s};
        QTest::newRow("empty") << u"t"_s << QByteArray() << QString() << none << QStringList{u"text"_s, u"hex"_s};
        QTest::newRow("binary") << u"t"_s << "\xff\xfe\x00"_ba << QString() << none << QStringList{u"hex"_s};
        QTest::newRow("invalid json stays text") << u"t"_s << "{\"a\":}"_ba << QString() << none << QStringList{u"text"_s, u"hex"_s};
        QTest::newRow("protobuf") << u"t"_s << QByteArray::fromHex("089601") << QString() << none << QStringList{u"protobuf"_s, u"hex"_s};
        QTest::newRow("protobuf that is also utf-8") << u"t"_s << pbtest::fVarint(1, 1) + pbtest::fBytes(2, "abc")
                                                     << QString() << none << QStringList{u"protobuf"_s, u"text"_s, u"hex"_s};
        QTest::newRow("png") << u"t"_s << png() << QString() << none << QStringList{u"image"_s, u"hex"_s};
        QTest::newRow("cbor by magic") << u"t"_s << QByteArray::fromHex("d9d9f7a0") << QString() << none << QStringList{u"cbor"_s, u"hex"_s};
        QTest::newRow("cbor by content type") << u"t"_s << QByteArray::fromHex("a1616101") << u"application/cbor"_s << none
                                              << QStringList{u"cbor"_s, u"hex"_s};
        QTest::newRow("msgpack by content type") << u"t"_s << QByteArray::fromHex("81a16101") << u"application/x-msgpack"_s << none
                                                 << QStringList{u"msgpack"_s, u"hex"_s};
        QTest::newRow("msgpack without a hint is not guessed") << u"t"_s << QByteArray::fromHex("81a16101") << QString() << none
                                                               << QStringList{u"hex"_s};
        QTest::newRow("content type first even if wrong") << u"t"_s << "nope"_ba << u"application/json"_s << none
                                                          << QStringList{u"json"_s, u"text"_s, u"hex"_s};
        QTest::newRow("structured cloudevent") << u"t"_s << "{\"specversion\":\"1.0\",\"id\":\"1\"}"_ba << QString() << none
                                               << QStringList{u"cloudevents"_s, u"json"_s, u"text"_s, u"hex"_s};
        QTest::newRow("binary cloudevent") << u"t"_s << "{\"x\":1}"_ba << u"application/json"_s << QStringList{u"specversion"_s}
                                           << QStringList{u"cloudevents"_s, u"json"_s, u"text"_s, u"hex"_s};
        QTest::newRow("sparkplug") << u"spBv1.0/g/DDATA/n/d"_s << pbtest::fVarint(3, 1) << QString() << none
                                   << QStringList{u"sparkplug"_s, u"protobuf"_s, u"text"_s, u"hex"_s};
        QTest::newRow("sparkplug state is json") << u"spBv1.0/STATE/host"_s << "{\"online\":true}"_ba << QString() << none
                                                 << QStringList{u"json"_s, u"text"_s, u"hex"_s};
        QTest::newRow("base64") << u"t"_s << "SGVsbG8gd29ybGQ="_ba << QString() << none << QStringList{u"base64"_s, u"text"_s, u"hex"_s};
        QTest::newRow("latin-1 text is not text") << u"t"_s << "Gr\xfc\xdf"_ba << QString() << none << QStringList{u"hex"_s};
    }
    void detect()
    {
        QFETCH(QString, topic);
        QFETCH(QByteArray, payload);
        QFETCH(QString, contentType);
        QFETCH(QStringList, userProperties);
        QFETCH(QStringList, expected);
        MessageProperties props;
        props.contentType = contentType;
        for (const QString &name : userProperties)
            props.userProperties.append({name, u"1.0"_s});
        const bool withProps = !contentType.isEmpty() || !userProperties.isEmpty();
        QCOMPARE(PayloadInspector::detect(topic, payload, withProps ? &props : nullptr), expected);
        // Every detected decoder decodes without crashing and reports its own id.
        for (const QString &id : expected) {
            const DecodedPayload d = PayloadInspector::decode(id, topic, payload, withProps ? &props : nullptr);
            QCOMPARE(d.decoderId, id);
            QVERIFY(d.ok || d.error.startsWith(u"cannot decode: "_s));
        }
    }

    void decodeDispatchesEveryId()
    {
        const QByteArray payload = "{\"a\":1}";
        for (const QString &id : PayloadInspector::decoderIds()) {
            const DecodedPayload d = PayloadInspector::decode(id, u"t"_s, payload);
            QCOMPARE(d.decoderId, id);
            QVERIFY(d.ok || !d.error.isEmpty());
        }
        QCOMPARE(PayloadInspector::decoderIds().size(), 10);
        const DecodedPayload unknown = PayloadInspector::decode(u"yaml"_s, u"t"_s, payload);
        QVERIFY(!unknown.ok);
        QVERIFY(unknown.error.contains(u"\"yaml\""_s));
    }

    void decodeInner_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<QString>("decoder");
        QTest::newRow("json type") << "[1]"_ba << u"application/json"_s << u"json"_s;
        QTest::newRow("text type") << "[1]"_ba << u"text/plain; charset=utf-8"_s << u"text"_s;
        QTest::newRow("image by type") << png() << u"image/png"_s << u"image"_s;
        QTest::newRow("detected image") << png() << QString() << u"image"_s;
        QTest::newRow("octet-stream detects") << "{\"a\":1}"_ba << u"application/octet-stream"_s << u"json"_s;
        QTest::newRow("never a wrapper again") << "SGVsbG8gd29ybGQ="_ba << QString() << u"text"_s;
        QTest::newRow("cloudevent inside is just json") << "{\"specversion\":\"1.0\"}"_ba << QString() << u"json"_s;
    }
    void decodeInner()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, contentType);
        QFETCH(QString, decoder);
        QCOMPARE(PayloadInspector::decodeInner(bytes, contentType).decoderId, decoder);
    }

    void hugePayloadsStayFast_data()
    {
        QTest::addColumn<QByteArray>("payload");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("100 MB of text") << QByteArray(100 * 1024 * 1024, 'a') << QStringList{u"text"_s, u"hex"_s};
        QTest::newRow("16 MiB of zeros") << QByteArray(16 * 1024 * 1024, '\0') << QStringList{u"text"_s, u"hex"_s};
        QByteArray json = "[" + QByteArray(16 * 1024 * 1024, ' ') + "]";
        QTest::newRow("16 MiB json") << json << QStringList{u"json"_s, u"text"_s, u"hex"_s};
        QByteArray jsonish = "[" + QByteArray(40 * 1024 * 1024, '1');
        QTest::newRow("40 MiB json-looking") << jsonish << QStringList{u"json"_s, u"text"_s, u"hex"_s};
    }
    void hugePayloadsStayFast()
    {
        QFETCH(QByteArray, payload);
        QFETCH(QStringList, expected);
        QElapsedTimer timer;
        timer.start();
        const QStringList ids = PayloadInspector::detect(u"t"_s, payload);
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(ids, expected);
        // Every decoder, applicable or not, returns within a loose bound on the big payload.
        for (const QString &id : PayloadInspector::decoderIds()) {
            timer.restart();
            const DecodedPayload d = PayloadInspector::decode(id, u"t"_s, payload);
            QVERIFY2(timer.elapsed() < 5000, qPrintable(id + u' ' + QString::number(timer.elapsed())));
            QVERIFY(d.text.size() <= PayloadLimits::MaxTextChars);
            QVERIFY(d.fields.size() <= PayloadLimits::MaxFields);
        }
    }
};

QTEST_GUILESS_MAIN(TestPayloadInspector)
#include "tst_payload_inspector.moc"
