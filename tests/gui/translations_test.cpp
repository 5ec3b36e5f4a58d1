// The committed translations are complete: lupdate runs over the GUI sources (app, widgets, models)
// into a temporary copy of each .ts file, and the test fails listing every string that is missing
// from the committed file, still unfinished, or obsolete (no longer in the sources).
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

namespace {

struct Entry {
    QString context;
    QString source;
    QString type;         // "", "unfinished", "vanished", "obsolete"
    bool empty = true;    // no translated text (any numerus form empty counts as empty)
};

QList<Entry> readTs(const QString& path, QString* error) {
    QList<Entry> entries;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = path + QStringLiteral(": cannot open");
        return entries;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Entry current;
    bool inMessage = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == QLatin1String("name") && !inMessage) {
                context = xml.readElementText();
            } else if (name == QLatin1String("message")) {
                inMessage = true;
                current = Entry{context, {}, {}, true};
            } else if (name == QLatin1String("source") && inMessage) {
                current.source = xml.readElementText();
            } else if (name == QLatin1String("translation") && inMessage) {
                current.type = xml.attributes().value(QLatin1String("type")).toString();
                bool numerus = false, anyEmpty = false;
                QString text;
                while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                    xml.readNext();
                    if (xml.isStartElement() && xml.name() == QLatin1String("numerusform")) {
                        numerus = true;
                        if (xml.readElementText().trimmed().isEmpty()) anyEmpty = true;
                    } else if (xml.isCharacters()) {
                        text += xml.text();
                    }
                }
                current.empty = numerus ? anyEmpty : text.trimmed().isEmpty();
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("message")) {
            inMessage = false;
            entries.append(current);
        }
    }
    if (xml.hasError()) *error = path + QStringLiteral(": ") + xml.errorString();
    return entries;
}

QString key(const Entry& e) { return e.context + QStringLiteral(" | ") + e.source; }

}  // namespace

class TranslationsTest : public QObject {
    Q_OBJECT
private slots:
    void complete_data() {
        QTest::addColumn<QString>("lang");
        QTest::newRow("de") << QStringLiteral("de");
        QTest::newRow("ja") << QStringLiteral("ja");
    }

    void complete() {
        QFETCH(QString, lang);
        const QDir src(QStringLiteral(TUNEBENCH_SOURCE_DIR));
        const QString committed = src.filePath(QStringLiteral("i18n/tunebench_%1.ts").arg(lang));
        QVERIFY2(QFile::exists(committed), qPrintable(committed));
        QTemporaryDir tmp;
        const QString updated = tmp.filePath(QStringLiteral("tunebench_%1.ts").arg(lang));
        QVERIFY(QFile::copy(committed, updated));
        QFile::setPermissions(updated, QFile::ReadOwner | QFile::WriteOwner);

        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        lupdate.start(QStringLiteral(LUPDATE_EXECUTABLE),
                      {QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-I"), src.path(),
                       src.filePath(QStringLiteral("app")), src.filePath(QStringLiteral("widgets")),
                       src.filePath(QStringLiteral("models")), QStringLiteral("-ts"), updated});
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        const QString log = QString::fromUtf8(lupdate.readAll());
        QVERIFY2(lupdate.exitStatus() == QProcess::NormalExit && lupdate.exitCode() == 0, qPrintable(log));

        QString error;
        const QList<Entry> before = readTs(committed, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        const QList<Entry> after = readTs(updated, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(!after.isEmpty());

        QSet<QString> known;
        for (const Entry& e : before) known.insert(key(e));
        QStringList missing, unfinished, obsolete;
        for (const Entry& e : after) {
            if (e.type == QLatin1String("vanished") || e.type == QLatin1String("obsolete"))
                obsolete << key(e);
            else if (!known.contains(key(e)))
                missing << key(e);
            else if (e.type == QLatin1String("unfinished") || e.empty)
                unfinished << key(e);
        }
        QString report;
        if (!missing.isEmpty())
            report += QStringLiteral("\nMissing from %1 (run the update_translations target, then translate):\n  ")
                          .arg(committed) + missing.join(QStringLiteral("\n  "));
        if (!unfinished.isEmpty())
            report += QStringLiteral("\nUnfinished in %1:\n  ").arg(committed) + unfinished.join(QStringLiteral("\n  "));
        if (!obsolete.isEmpty())
            report += QStringLiteral("\nObsolete in %1 (no longer in the sources; remove them):\n  ").arg(committed) +
                      obsolete.join(QStringLiteral("\n  "));
        QVERIFY2(report.isEmpty(), qPrintable(report));
    }
};

QTEST_GUILESS_MAIN(TranslationsTest)
#include "translations_test.moc"
