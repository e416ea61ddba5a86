using Jiju.Policy.Statute;

namespace Jiju.Policy.Tests;

public sealed class StatutePeriodTests
{
    private static DateOnly D(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("2012-03-01", "2013-03-01", false)] // the last day of the year: not yet full
    [InlineData("2012-03-01", "2013-03-02", true)]  // POLICY.md: late by one full year from 2013-03-02 on
    [InlineData("2012-02-29", "2013-02-28", false)] // no 2013-02-29: the period's last day is 02-28
    [InlineData("2012-02-29", "2013-03-01", true)]  // POLICY.md: the first year is full from 2013-03-01
    [InlineData("2014-12-30", "2015-12-31", true)]  // the demo's planted "exactly one year late" parcel
    [InlineData("2014-12-31", "2015-12-31", false)] // and the one a day short
    public void OneYear_IsFullTheDayAfterItsLastDay(string start, string asOf, bool full) =>
        Assert.Equal(full, StatutePeriods.YearsAreFull(D(start), 1, D(asOf)));

    [Theory]
    [InlineData("2012-03-01", "2014-03-01", 1)]
    [InlineData("2012-03-01", "2014-03-02", 2)]
    [InlineData("2013-12-30", "2015-12-31", 2)]
    [InlineData("2013-12-31", "2015-12-31", 1)]
    [InlineData("2015-06-01", "2015-12-31", 0)]
    [InlineData("2016-01-01", "2015-12-31", 0)]
    public void FullYears_CountsOnlyCompletedYears(string start, string asOf, int years) =>
        Assert.Equal(years, StatutePeriods.FullYears(D(start), D(asOf)));

    [Theory]
    [InlineData("2013-01-31", 1, "2013-02-28")]
    [InlineData("2012-01-31", 1, "2012-02-29")]
    [InlineData("2013-03-15", 6, "2013-09-15")]
    public void Months_EndOnTheCorrespondingDayOrTheMonthsLastDay(string start, int months, string lastDay) =>
        Assert.Equal(D(lastDay), StatutePeriods.LastDayOfMonths(D(start), months));
}
