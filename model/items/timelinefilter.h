#pragma once

#include <QString>

namespace wsscope {

// What the timeline shows of one connection. Applied inside TimelineModel to its index vector
// (no proxy model): each criterion is a test on the compact record, and the text is searched in
// the raw payload bytes.
struct TimelineFilter
{
    enum class Directions { Both, Out, In };

    QString text; // substring, or a pattern when regularExpression
    bool regularExpression = false;
    Qt::CaseSensitivity caseSensitivity = Qt::CaseInsensitive;
    Directions directions = Directions::Both;
    bool hideControl = false;  // hide ping, pong and close frames
    bool problemsOnly = false; // only violations and errors
    // true: rows not matching the text are hidden. false: they stay, and the text only marks
    // matches (IsMatchRole) for next/previous navigation, as "find" does in a text editor.
    bool hideNonMatching = true;

    bool hasText() const { return !text.isEmpty(); }
    // Whether anything is hidden at all.
    bool hidesRows() const
    {
        return (hasText() && hideNonMatching) || directions != Directions::Both || hideControl ||
               problemsOnly;
    }
    bool operator==(const TimelineFilter &o) const
    {
        return text == o.text && regularExpression == o.regularExpression &&
               caseSensitivity == o.caseSensitivity && directions == o.directions &&
               hideControl == o.hideControl && problemsOnly == o.problemsOnly &&
               hideNonMatching == o.hideNonMatching;
    }
    bool operator!=(const TimelineFilter &o) const { return !(*this == o); }
};

} // namespace wsscope
