#pragma once

#include "messages.h"
#include "sessiondiff.h"

#include <QAbstractTableModel>
#include <vector>

namespace wsscope {

// Rows of a DiffView: a heading per direction, then one row per SessionDiff entry with A's message
// on the left and B's on the right. Optionally only the entries that are not the same.
class DiffModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StatusColumn,
        IndexAColumn,
        MessageAColumn,
        IndexBColumn,
        MessageBColumn,
        DifferenceColumn,
        ColumnCount
    };
    static constexpr int StatusRole = Qt::UserRole + 1; // int(SessionDiff::Status), -1 on headings

    explicit DiffModel(QObject *parent = nullptr);

    void setDiff(const SessionDiff &diff, const QList<DataMessage> &a, const QList<DataMessage> &b,
                 quint32 connA, quint32 connB);
    void clear();
    const SessionDiff &diff() const { return m_diff; }
    bool hasDiff() const { return m_hasDiff; }
    quint32 connectionA() const { return m_connA; }
    quint32 connectionB() const { return m_connB; }

    void setOnlyDifferences(bool only);
    bool onlyDifferences() const { return m_onlyDiff; }

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool isHeading(int row) const;
    int entryAt(int row) const; // -1 for headings and out of range
    int rowForEntry(int entry) const;
    // The message of side A (sideB false) or B of an entry; nullptr when that side has none.
    const DataMessage *messageOf(int entry, bool sideB) const;

    static QString statusText(SessionDiff::Status status);
    // One line: text with control characters shown as spaces, binary as hex, cut at maxChars.
    static QString preview(const DataMessage &message, int maxChars);

private:
    struct Row
    {
        int entry = -1; // -1: heading
        Direction dir = Direction::Out;
    };
    void rebuildRows();
    QString headingText(Direction dir) const;

    SessionDiff m_diff;
    bool m_hasDiff = false;
    QList<DataMessage> m_aOut, m_aIn, m_bOut, m_bIn;
    quint32 m_connA = 0;
    quint32 m_connB = 0;
    bool m_onlyDiff = false;
    std::vector<Row> m_rows;
    std::vector<int> m_rowOfEntry;
};

} // namespace wsscope
