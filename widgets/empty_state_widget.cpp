#include "widgets/empty_state_widget.h"

#include <QDir>
#include <QLabel>
#include <QVBoxLayout>

namespace tb::widgets {

EmptyStateWidget::EmptyStateWidget(const QIcon& icon, const QString& title, const QString& purpose,
                                   const QStringList& firstSteps, const QString& folder, QWidget* parent)
    : QWidget(parent), m_steps(firstSteps) {
    auto* column = new QWidget(this);
    column->setMaximumWidth(620);
    auto* layout = new QVBoxLayout(column);
    layout->setSpacing(12);

    auto* iconLabel = new QLabel(column);
    iconLabel->setPixmap(icon.pixmap(64, 64));
    layout->addWidget(iconLabel);

    m_title = new QLabel(title, column);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.8);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    layout->addWidget(m_title);

    m_purpose = new QLabel(purpose, column);
    m_purpose->setWordWrap(true);
    QFont purposeFont = m_purpose->font();
    purposeFont.setPointSizeF(purposeFont.pointSizeF() * 1.15);
    m_purpose->setFont(purposeFont);
    layout->addWidget(m_purpose);

    auto* stepsHeading = new QLabel(tr("What to do first"), column);
    QFont headingFont = stepsHeading->font();
    headingFont.setBold(true);
    stepsHeading->setFont(headingFont);
    layout->addSpacing(8);
    layout->addWidget(stepsHeading);

    QString list = QStringLiteral("<ol style=\"margin-left: -20px;\">");
    for (const QString& step : firstSteps) list += QStringLiteral("<li style=\"margin-bottom: 6px;\">%1</li>").arg(step.toHtmlEscaped());
    list += QStringLiteral("</ol>");
    auto* steps = new QLabel(list, column);
    steps->setTextFormat(Qt::RichText);
    steps->setWordWrap(true);
    layout->addWidget(steps);

    if (!folder.isEmpty()) {
        auto* where = new QLabel(tr("Files for this page live in %1").arg(QDir::toNativeSeparators(folder)), column);
        where->setWordWrap(true);
        where->setTextInteractionFlags(Qt::TextSelectableByMouse);
        where->setForegroundRole(QPalette::PlaceholderText);
        layout->addSpacing(8);
        layout->addWidget(where);
    }

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 3);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
}

QString EmptyStateWidget::title() const { return m_title->text(); }
QString EmptyStateWidget::purpose() const { return m_purpose->text(); }

}  // namespace tb::widgets
