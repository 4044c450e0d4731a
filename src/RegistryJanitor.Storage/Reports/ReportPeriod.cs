namespace RegistryJanitor.Storage.Reports;

/// <summary>The month a report covers and how much of it has passed.</summary>
/// <param name="Month">First day of the reported month.</param>
/// <param name="EndExclusive">
/// Day after the last day read: the first day of the next month, or tomorrow when the month is still running.
/// </param>
/// <param name="MonthToDate">True when the month is still running.</param>
/// <param name="BilledDays">Days the daily fees are charged for: days of the month, or days so far.</param>
public sealed record ReportPeriod(DateOnly Month, DateOnly EndExclusive, bool MonthToDate, int BilledDays)
{
    /// <summary>The period of <paramref name="month"/> as seen on <paramref name="today"/> (UTC).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The month has not started yet.</exception>
    public static ReportPeriod For(DateOnly month, DateOnly today)
    {
        var first = new DateOnly(month.Year, month.Month, 1);
        if (first > today)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "The month has not started yet.");
        }

        var next = first.AddMonths(1);
        if (today < next)
        {
            return new ReportPeriod(first, today.AddDays(1), true, today.Day);
        }

        return new ReportPeriod(first, next, false, DateTime.DaysInMonth(first.Year, first.Month));
    }

    /// <summary>Parses <c>YYYY-MM</c>; null when the text is not a month.</summary>
    public static DateOnly? ParseMonth(string text) =>
        DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var month)
            ? month
            : null;

    internal object SqlParameters => new
    {
        monthStart = Month.ToDateTime(TimeOnly.MinValue),
        monthEnd = EndExclusive.ToDateTime(TimeOnly.MinValue),
        historyStart = Month.AddMonths(-12).ToDateTime(TimeOnly.MinValue),
        previousMonthStart = Month.AddMonths(-1).ToDateTime(TimeOnly.MinValue),
    };
}
