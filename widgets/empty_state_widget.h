// EmptyStateWidget: what a page shows before it has content: an icon, a title, what the page is for,
// the first steps to take and where its files live. Pure presentation; the page supplies the text.
#pragma once

#include <QIcon>
#include <QStringList>
#include <QWidget>

class QLabel;

namespace tb::widgets {

class EmptyStateWidget : public QWidget {
    Q_OBJECT
public:
    EmptyStateWidget(const QIcon& icon, const QString& title, const QString& purpose, const QStringList& firstSteps,
                     const QString& folder, QWidget* parent = nullptr);

    QString title() const;
    QString purpose() const;
    QStringList firstSteps() const { return m_steps; }

private:
    QLabel* m_title = nullptr;
    QLabel* m_purpose = nullptr;
    QStringList m_steps;
};

}  // namespace tb::widgets
