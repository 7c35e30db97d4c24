// The name a chart's legend and the results table give a series, marking results measured in race order.
#pragma once

#include <QString>

namespace versus {
struct Result;
}

namespace versus::gui {

/// `seriesName` with ", raced" when its runtime shared the CPU with the others (race order), so that a raced series
/// is never read as a clean measurement.
QString seriesLabel(const QString& seriesName, bool raced);
/// `name` without " (embedded)", the window's default kind of runtime, for the tight places (a box's name under the
/// distribution chart): "CPython (embedded) + NumPy" -> "CPython + NumPy"; the process kinds keep theirs.
QString compactSeriesLabel(const QString& name);
/// The label of `result`'s series (Result::seriesName(), raced when measured in race order).
QString seriesLabel(const Result& result);

}  // namespace versus::gui
