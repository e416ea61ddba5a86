namespace Jiju.Policy.Statute;

/// <summary>
/// Periods counted in years or months, as the Civil Code reads them. Art. 201: "按照年、月、日计算期间的，
/// 开始的当日不计入，自下一日开始计算。" Art. 202: "按照年、月计算期间的，到期月的对应日为期间的最后一日；
/// 没有对应日的，月末日为期间的最后一日。" A period ends at 24:00 of its last day (art. 203), so it is
/// full (满) from the next day on. Example from POLICY.md: an agreed start of 2012-03-01 is late by one
/// full year from 2013-03-02 on; for 2012-02-29 the first year is full from 2013-03-01.
/// </summary>
public static class StatutePeriods
{
    /// <summary>The last day of a period of <paramref name="years"/> years counted from <paramref name="start"/>.</summary>
    public static DateOnly LastDayOfYears(DateOnly start, int years)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(years);

        // DateOnly.AddYears moves 02-29 to 02-28 where there is no 02-29: the month's last day, as art. 202 says.
        return start.AddYears(years);
    }

    /// <summary>The last day of a period of <paramref name="months"/> months counted from <paramref name="start"/>.</summary>
    public static DateOnly LastDayOfMonths(DateOnly start, int months)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(months);

        // AddMonths clamps 01-31 + 1 month to the end of February: "没有对应日的，月末日为期间的最后一日".
        return start.AddMonths(months);
    }

    /// <summary>True when <paramref name="years"/> full years (满N年) have passed since <paramref name="start"/> on <paramref name="asOf"/>.</summary>
    public static bool YearsAreFull(DateOnly start, int years, DateOnly asOf) => asOf > LastDayOfYears(start, years);

    /// <summary>How many full years have passed since <paramref name="start"/> on <paramref name="asOf"/> (0 before the first is full).</summary>
    public static int FullYears(DateOnly start, DateOnly asOf)
    {
        if (asOf <= start)
        {
            return 0;
        }

        var years = asOf.Year - start.Year;
        while (years > 0 && !YearsAreFull(start, years, asOf))
        {
            years--;
        }

        return years;
    }
}
