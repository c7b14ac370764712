#include "diffmodel.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>

namespace wsscope {

namespace {

QColor tint(SessionDiff::Status status)
{
    QColor accent;
    switch (status) {
    case SessionDiff::Status::Same:
        return QColor();
    case SessionDiff::Status::Changed:
        accent = QColor(0xff, 0xb3, 0x00);
        break;
    case SessionDiff::Status::Missing:
        accent = QColor(0xe5, 0x39, 0x35);
        break;
    case SessionDiff::Status::Extra:
        accent = QColor(0x43, 0xa0, 0x47);
        break;
    }
    // Blended into the view's base colour so the text stays readable on light and dark palettes.
    const QColor base = QGuiApplication::palette().color(QPalette::Base);
    const double a = 0.3;
    return QColor::fromRgbF(float(base.redF() * (1 - a) + accent.redF() * a),
                            float(base.greenF() * (1 - a) + accent.greenF() * a),
                            float(base.blueF() * (1 - a) + accent.blueF() * a));
}

} // namespace

DiffModel::DiffModel(QObject *parent) : QAbstractTableModel(parent) {}

void DiffModel::setDiff(const SessionDiff &diff, const QList<DataMessage> &a, const QList<DataMessage> &b,
                        quint32 connA, quint32 connB)
{
    beginResetModel();
    m_diff = diff;
    m_hasDiff = true;
    m_aOut = Messages::only(a, Direction::Out);
    m_aIn = Messages::only(a, Direction::In);
    m_bOut = Messages::only(b, Direction::Out);
    m_bIn = Messages::only(b, Direction::In);
    m_connA = connA;
    m_connB = connB;
    rebuildRows();
    endResetModel();
}

void DiffModel::clear()
{
    beginResetModel();
    m_diff = SessionDiff();
    m_hasDiff = false;
    m_aOut.clear();
    m_aIn.clear();
    m_bOut.clear();
    m_bIn.clear();
    m_connA = m_connB = 0;
    rebuildRows();
    endResetModel();
}

void DiffModel::setOnlyDifferences(bool only)
{
    if (only == m_onlyDiff)
        return;
    // Most rows come or go at once: a reset, not a stream of row inserts and removals.
    beginResetModel();
    m_onlyDiff = only;
    rebuildRows();
    endResetModel();
}

void DiffModel::rebuildRows()
{
    m_rows.clear();
    const QList<SessionDiff::Entry> &entries = m_diff.entries();
    m_rowOfEntry.assign(size_t(entries.size()), -1);
    if (!m_hasDiff)
        return;
    for (Direction dir : {Direction::Out, Direction::In}) {
        m_rows.push_back(Row{-1, dir});
        for (int i = 0; i < entries.size(); ++i) {
            const SessionDiff::Entry &e = entries.at(i);
            if (e.dir != dir || (m_onlyDiff && e.status == SessionDiff::Status::Same))
                continue;
            m_rowOfEntry[size_t(i)] = int(m_rows.size());
            m_rows.push_back(Row{i, dir});
        }
    }
}

int DiffModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int DiffModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool DiffModel::isHeading(int row) const
{
    return row >= 0 && row < int(m_rows.size()) && m_rows[size_t(row)].entry < 0;
}

int DiffModel::entryAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? m_rows[size_t(row)].entry : -1;
}

int DiffModel::rowForEntry(int entry) const
{
    return entry >= 0 && entry < int(m_rowOfEntry.size()) ? m_rowOfEntry[size_t(entry)] : -1;
}

const DataMessage *DiffModel::messageOf(int entry, bool sideB) const
{
    if (entry < 0 || entry >= m_diff.entries().size())
        return nullptr;
    const SessionDiff::Entry &e = m_diff.entries().at(entry);
    const int index = sideB ? e.indexB : e.indexA;
    const QList<DataMessage> &list =
        e.dir == Direction::Out ? (sideB ? m_bOut : m_aOut) : (sideB ? m_bIn : m_aIn);
    return index >= 0 && index < list.size() ? &list.at(index) : nullptr;
}

QString DiffModel::statusText(SessionDiff::Status status)
{
    switch (status) {
    case SessionDiff::Status::Same:
        return tr("Same");
    case SessionDiff::Status::Changed:
        return tr("Changed");
    case SessionDiff::Status::Missing:
        return tr("Missing in B");
    case SessionDiff::Status::Extra:
        return tr("Extra in B");
    }
    return QString();
}

QString DiffModel::preview(const DataMessage &m, int maxChars)
{
    QString text;
    if (m.isText()) {
        text = QString::fromUtf8(m.payload.left(maxChars * 4));
        for (QChar &c : text)
            if (c.category() == QChar::Other_Control)
                c = QLatin1Char(' ');
    } else {
        text = tr("binary, %n byte(s): ", nullptr, int(m.length)) +
               QString::fromLatin1(m.payload.left(maxChars / 3).toHex(' '));
    }
    if (text.size() > maxChars || m.truncated || (!m.isText() && m.payload.size() > maxChars / 3))
        text = text.left(maxChars) + QChar(0x2026);
    return text;
}

QString DiffModel::headingText(Direction dir) const
{
    const bool out = dir == Direction::Out;
    const int a = int(out ? m_aOut.size() : m_aIn.size());
    const int b = int(out ? m_bOut.size() : m_bIn.size());
    return out ? tr("Client \u2192 server: %1 messages in A, %2 in B").arg(a).arg(b)
               : tr("Server \u2192 client: %1 messages in A, %2 in B").arg(a).arg(b);
}

QVariant DiffModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_rows.size()))
        return QVariant();
    const Row &row = m_rows[size_t(index.row())];
    if (row.entry < 0) {
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == 0 ? headingText(row.dir) : QVariant();
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case Qt::BackgroundRole:
            return QGuiApplication::palette().brush(QPalette::AlternateBase);
        case StatusRole:
            return -1;
        default:
            return QVariant();
        }
    }
    const SessionDiff::Entry &e = m_diff.entries().at(row.entry);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn:
            return statusText(e.status);
        case IndexAColumn:
            return e.indexA >= 0 ? QVariant(e.indexA + 1) : QVariant();
        case IndexBColumn:
            return e.indexB >= 0 ? QVariant(e.indexB + 1) : QVariant();
        case MessageAColumn:
        case MessageBColumn: {
            const DataMessage *m = messageOf(row.entry, index.column() == MessageBColumn);
            return m ? preview(*m, 160) : QString();
        }
        case DifferenceColumn:
            return e.status == SessionDiff::Status::Same ? QString() : e.description;
        }
        return QVariant();
    case Qt::ToolTipRole:
        if (index.column() == MessageAColumn || index.column() == MessageBColumn) {
            const DataMessage *m = messageOf(row.entry, index.column() == MessageBColumn);
            return m ? preview(*m, 2000) : QVariant();
        }
        if (index.column() == DifferenceColumn && !e.description.isEmpty())
            return e.path.isEmpty() ? e.description : tr("%1\nJSON path: %2").arg(e.description, e.path);
        return QVariant();
    case Qt::TextAlignmentRole:
        if (index.column() == IndexAColumn || index.column() == IndexBColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant();
    case Qt::BackgroundRole: {
        const QColor c = tint(e.status);
        return c.isValid() ? QVariant(c) : QVariant();
    }
    case StatusRole:
        return int(e.status);
    default:
        return QVariant();
    }
}

QVariant DiffModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case StatusColumn:
        return tr("Status");
    case IndexAColumn:
        return tr("# A");
    case MessageAColumn:
        return tr("Message in A");
    case IndexBColumn:
        return tr("# B");
    case MessageBColumn:
        return tr("Message in B");
    case DifferenceColumn:
        return tr("First difference");
    }
    return QVariant();
}

} // namespace wsscope
