#pragma once

#include "messages.h"

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QString>
#include <QStringList>

namespace wsscope {

class EventLog;

// How SessionDiff compares (see SessionDiff).
struct SessionDiffOptions
{
    bool ignoreKeyOrder = false; // JSON objects: {"a":1,"b":2} equals {"b":2,"a":1}
    // JSONPath-like rules for values to leave out: $.timestamp, $.items[*].ts, $..ts, $['a b'], $[0].
    // An ignored object member may also be absent on one side.
    QStringList ignorePaths;
    // Matches in text payloads are replaced by regexReplacement before anything else is compared.
    QList<QRegularExpression> ignorePatterns;
    QString regexReplacement;
};

// Compares the data messages of two connections (of one session or of two) direction by direction.
// Messages are aligned by an LCS (Myers) on equality, so one inserted message does not mark all
// later ones as changed; unequal messages between two aligned ones are paired up as changed.
// Text payloads that are JSON objects or arrays on both sides are compared structurally.
// See docs/replay-and-diff.md.
class SessionDiff
{
    Q_DECLARE_TR_FUNCTIONS(wsscope::SessionDiff)
public:
    using Options = SessionDiffOptions;

    enum class Status { Same, Changed, Missing, Extra }; // Missing: only in A; Extra: only in B
    struct Entry
    {
        Direction dir = Direction::Out;
        int indexA = -1; // message index in its direction, -1 for Extra
        int indexB = -1; // -1 for Missing
        Status status = Status::Same;
        QString description; // the first difference, in words
        QString path;        // its JSON path when the payloads were compared as JSON
    };
    struct Summary
    {
        int same = 0;
        int changed = 0;
        int missing = 0;
        int extra = 0;
    };

    // More differences than this in one direction and the rest is paired by position.
    static constexpr int MaxEditDistance = 2000;

    static SessionDiff compare(const EventLog &logA, quint32 connA, const EventLog &logB, quint32 connB,
                               const Options &options = Options());
    static SessionDiff compare(const QList<DataMessage> &a, const QList<DataMessage> &b,
                               const Options &options = Options());

    // Whether a path rule is well-formed; *error says what is wrong otherwise.
    static bool isValidPath(const QString &path, QString *error = nullptr);

    const QList<Entry> &entries() const { return m_entries; } // Out first, then In, each in order
    Summary summary() const { return m_summary; }
    bool identical() const
    {
        return m_summary.changed == 0 && m_summary.missing == 0 && m_summary.extra == 0;
    }
    static QString statusName(Status status);

private:
    QList<Entry> m_entries;
    Summary m_summary;
};

} // namespace wsscope
