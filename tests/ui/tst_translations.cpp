// The translators main() and the CLI install (ui/Translations.h): English shows real plural
// forms ("1 key", "6 keys") instead of the source text's "key(s)", and zh_CN still translates.

#include "Translations.h"
#include "payload/JsonDecoder.h"

#include <QCoreApplication>
#include <QFile>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

using namespace tideline;
using namespace Qt::StringLiterals;

namespace {

const QByteArray SixKeys = "{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6}"_ba;

struct NumerusMessage
{
    QString context;
    QString source;
};

// Every %n message lupdate put into tideline_en.ts (the numerus entries of the source tree).
QList<NumerusMessage> numerusMessages(const QString &tsPath)
{
    QFile file(tsPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<NumerusMessage> messages;
    QXmlStreamReader xml(&file);
    QString context;
    bool numerus = false;
    while (!xml.atEnd()) {
        if (!xml.readNextStartElement())
            continue;
        if (xml.name() == u"name") {
            context = xml.readElementText();
        } else if (xml.name() == u"message") {
            numerus = xml.attributes().value(u"numerus"_s) == u"yes";
        } else if (xml.name() == u"source" && numerus) {
            messages.append({context, xml.readElementText()});
        }
    }
    return messages;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

    QList<QTranslator *> m_installed;

    void removeTranslators()
    {
        for (QTranslator *t : std::as_const(m_installed)) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
        m_installed.clear();
    }

private Q_SLOTS:
    void cleanup() { removeTranslators(); }

    void untranslatedSourceSaysKeyS()
    {
        // What users saw before the English translation existed.
        QCOMPARE(JsonDecoder::decode(SixKeys).summary,
                 u"JSON object, 6 key(s)"_s);
    }

    void englishPlurals_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("summary");
        QTest::newRow("one key") << "{\"a\":1}"_ba << u"JSON object, 1 key"_s;
        QTest::newRow("six keys") << SixKeys << u"JSON object, 6 keys"_s;
        QTest::newRow("no keys") << "{}"_ba << u"JSON object, 0 keys"_s;
        QTest::newRow("one item") << "[1]"_ba << u"JSON array, 1 item"_s;
        QTest::newRow("two items") << "[1,2]"_ba << u"JSON array, 2 items"_s;
    }
    void englishPlurals()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, summary);
        m_installed = ui::installTranslators(QLocale(QLocale::English, QLocale::UnitedStates), this);
        QCOMPARE(m_installed.size(), 1);
        QCOMPARE(JsonDecoder::decode(json).summary, summary);
    }

    void englishKeepsOtherTextsAndGrammar()
    {
        m_installed = ui::installTranslators(QLocale(QLocale::English, QLocale::UnitedKingdom), this);
        QVERIFY(!m_installed.isEmpty());
        // Only plural forms are in the English translation: everything else is the source text.
        QCOMPARE(QCoreApplication::translate("main", "Open one workspace at a time."),
                 u"Open one workspace at a time."_s);
        QCOMPARE(QCoreApplication::translate("DecodedPayload", "Only the first %n row(s) are listed.", nullptr, 1),
                 u"Only the first 1 row is listed."_s);
        QCOMPARE(QCoreApplication::translate("DecodedPayload", "Only the first %n row(s) are listed.", nullptr, 50),
                 u"Only the first 50 rows are listed."_s);
        QCOMPARE(QCoreApplication::translate("Cli", "tideline-cli: warning: %n more warning(s)", nullptr, 2),
                 u"tideline-cli: warning: 2 more warnings"_s);
    }

    // A %n message added to the code without running update_translations and
    // scripts/fill-en-plurals would show "(s)" again: every one in the .ts must be in the .qm.
    void everyNumerusMessageHasEnglishForms()
    {
        const QList<NumerusMessage> messages = numerusMessages(TIDELINE_SOURCE_DIR "/translations/tideline_en.ts"_L1);
        QVERIFY(messages.size() >= 30);
        m_installed = ui::installTranslators(QLocale(QLocale::English), this);
        QVERIFY(!m_installed.isEmpty());
        for (const NumerusMessage &m : messages) {
            const QByteArray context = m.context.toUtf8();
            const QByteArray source = m.source.toUtf8();
            for (int n : {1, 6}) {
                const QString text = QCoreApplication::translate(context.constData(), source.constData(), nullptr, n);
                QVERIFY2(!text.contains(u"(s)"_s) && !text.contains(u"(ies)"_s),
                         qPrintable(u"%1: %2"_s.arg(m.context, text)));
                QVERIFY2(text.contains(QString::number(n)) || !m.source.contains(u"%n"_s),
                         qPrintable(u"%1: %2"_s.arg(m.context, text)));
            }
        }
    }

    void chineseStillTranslates()
    {
        m_installed = ui::installTranslators(QLocale(QLocale::Chinese, QLocale::China), this);
        QVERIFY(!m_installed.isEmpty());
        QCOMPARE(JsonDecoder::decode(SixKeys).summary,
                 u"JSON 对象，6 个键"_s);
        QVERIFY(!QCoreApplication::translate("DecodedPayload", "%n byte(s)", nullptr, 1).contains(u"byte"_s));
    }

    void switchingBackToEnglishDropsChinese()
    {
        m_installed = ui::installTranslators(QLocale(QLocale::Chinese, QLocale::China), this);
        removeTranslators();
        m_installed = ui::installTranslators(QLocale(QLocale::English), this);
        QCOMPARE(JsonDecoder::decode("{\"a\":1}"_ba).summary, u"JSON object, 1 key"_s);
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
