#include "widgets/log_panel.h"

#include <QDir>
#include <QFile>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QVBoxLayout>

namespace tb::widgets {

LogPanel::LogPanel(QWidget* parent) : QWidget(parent) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 6);
    auto* header = new QHBoxLayout;
    m_pathLabel = new QLabel(tr("No log file is open."), this);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pathLabel->setObjectName(QStringLiteral("logPath"));
    header->addWidget(m_pathLabel, 1);
    auto* clearButton = new QPushButton(tr("Clear"), this);
    clearButton->setToolTip(tr("Clear the panel (the log file is kept)"));
    connect(clearButton, &QPushButton::clicked, this, &LogPanel::clear);
    header->addWidget(clearButton);
    layout->addLayout(header);

    m_view = new QPlainTextEdit(this);
    m_view->setReadOnly(true);
    m_view->setMaximumBlockCount(MaxLines);
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setObjectName(QStringLiteral("logView"));
    layout->addWidget(m_view, 1);
}

void LogPanel::setLogPath(const QString& path) {
    m_path = path;
    m_pathLabel->setText(path.isEmpty() ? tr("No log file: the workspace is read-only or not writable.")
                                        : tr("Log file: %1").arg(QDir::toNativeSeparators(path)));
}

void LogPanel::loadExisting(const QString& path, int maxLines) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) return;
    QStringList lines;
    while (!file.atEnd()) {
        lines << QString::fromUtf8(file.readLine()).trimmed();
        if (lines.size() > maxLines) lines.removeFirst();
    }
    for (const QString& line : lines) {
        int level = line.contains(QLatin1String(" [error] ")) ? 3 : line.contains(QLatin1String(" [warning] ")) ? 2 : 1;
        appendLine(level, line);
    }
}

int LogPanel::lineCount() const { return m_view->document()->isEmpty() ? 0 : m_view->blockCount(); }

QString LogPanel::text() const { return m_view->toPlainText(); }

void LogPanel::appendLine(int level, const QString& line) {
    QScrollBar* bar = m_view->verticalScrollBar();
    bool atEnd = bar->value() == bar->maximum();
    QString color = level >= 3 ? QStringLiteral("#c0392b") : level == 2 ? QStringLiteral("#b9770e") : QString();
    if (color.isEmpty())
        m_view->appendPlainText(line);
    else
        m_view->appendHtml(QStringLiteral("<span style=\"color:%1\">%2</span>").arg(color, line.toHtmlEscaped()));
    if (atEnd) bar->setValue(bar->maximum());
}

void LogPanel::clear() { m_view->clear(); }

}  // namespace tb::widgets
