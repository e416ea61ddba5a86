using Jiju.Domain.Common;
using Jiju.Domain.Land;
using Jiju.Policy.Engine;
using Jiju.Policy.Land;

namespace Jiju.Policy.Tests;

/// <summary>
/// The bound a database screens parcels by for art. 7 (ADR 0013) against the rule itself: no parcel idle fewer days
/// is ever a finding, on any start day of seven years (three 02-29s among them), started or not, under the shipped
/// parameters and under overlays that change which period comes first or make it fractional.
/// </summary>
public sealed class IdleLandScreeningTests
{
    private static readonly IdleLandIsChargedOrRecovered Rule = new();

    public static TheoryData<string, string> Periods => new()
    {
        { "1", "2" },     // as shipped
        { "2", "1" },     // recovery before the fee: a parcel not started is recovered from 1 year
        { "1.5", "3" },   // a fractional period: the fee from 2 full years
        { "0.25", "2" },  // the fee from the first full year
        { "3", "3" },
    };

    [Theory]
    [MemberData(nameof(Periods))]
    public void NoParcelIdleFewerDaysThanTheBound_IsEverAFinding_AndOneIdleExactlyThatLongIs(string feeYears, string recoverYears)
    {
        var parameters = Overlay(feeYears, recoverYears);
        var bound = IdleLandIsChargedOrRecovered.FewestIdleDaysOfAFinding(new RuleContext(new DateOnly(2020, 1, 1), parameters));
        Assert.NotNull(bound);

        var findingsAtTheBound = 0;
        for (var start = new DateOnly(2011, 1, 1); start <= new DateOnly(2017, 12, 31); start = start.AddDays(1))
        {
            for (var idleDays = bound.Value - 3; idleDays <= bound.Value + 3; idleDays++)
            {
                var lastIdleDay = start.AddDays(idleDays);

                // Not started: idle up to the date. Started: idle up to the day before it started, judged a little later.
                var notStarted = IsFinding(Facts(start, actualStart: null), new RuleContext(lastIdleDay, parameters));
                var started = IsFinding(Facts(start, actualStart: lastIdleDay.AddDays(1)), new RuleContext(lastIdleDay.AddDays(40), parameters));
                if (idleDays < bound)
                {
                    Assert.False(notStarted || started, $"{start:yyyy-MM-dd} 起闲置 {idleDays} 天即构成闲置，少于筛查下限 {bound} 天");
                }
                else if (idleDays == bound && (notStarted || started))
                {
                    findingsAtTheBound++;
                }
            }
        }

        // The bound is reached: a start on 02-29 is a full year late after 365 + 1 days.
        Assert.True(findingsAtTheBound > 0, "筛查下限比规则宽，没有一宗恰好闲置下限天数的宗地构成闲置");
    }

    [Fact]
    public void AnApprovedNewStart_CountsFromTheNewStart_AsTheRuleDoes()
    {
        var parameters = ParameterSet.Shipped;
        var bound = IdleLandIsChargedOrRecovered.FewestIdleDaysOfAFinding(new RuleContext(new DateOnly(2016, 1, 1), parameters))!.Value;
        var newStart = new DateOnly(2013, 6, 1);
        var facts = new IdleLandFacts
        {
            GrantType = GrantType.Transfer,
            Price = Money.FromWan(100m),
            AgreedStart = new DateOnly(2012, 6, 1),
            ApprovedNewStart = newStart,
        };

        Assert.False(IsFinding(facts, new RuleContext(newStart.AddDays(bound - 1), parameters)));
        Assert.True(IsFinding(facts, new RuleContext(newStart.AddDays(bound + 1), parameters)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("0.0")]
    public void APeriodOfNoYears_LeavesNothingToScreen(string years) =>
        Assert.Null(IdleLandIsChargedOrRecovered.FewestIdleDaysOfAFinding(new RuleContext(new DateOnly(2015, 12, 31), Overlay(years, "2"))));

    [Fact]
    public void BeforeTheParametersAreInForce_NothingIsScreened() =>
        Assert.Null(IdleLandIsChargedOrRecovered.FewestIdleDaysOfAFinding(new RuleContext(new DateOnly(2012, 3, 7), ParameterSet.Shipped)));

    [Fact]
    public void AsShipped_TheBoundIsOneYearAndADay() =>
        Assert.Equal(366, IdleLandIsChargedOrRecovered.FewestIdleDaysOfAFinding(new RuleContext(new DateOnly(2015, 12, 31), ParameterSet.Shipped)));

    private static ParameterSet Overlay(string feeYears, string recoverYears) =>
        ParameterSet.Shipped.WithOverlay(new Dictionary<string, string>
        {
            ["land.idle.fee-after-years"] = feeYears,
            ["land.idle.recover-after-years"] = recoverYears,
        });

    private static IdleLandFacts Facts(DateOnly agreedStart, DateOnly? actualStart) => new()
    {
        GrantType = GrantType.Transfer,
        Price = Money.FromWan(100m),
        AgreedStart = agreedStart,
        ActualStart = actualStart,
    };

    private static bool IsFinding(IdleLandFacts facts, RuleContext context) =>
        Rule.EvaluateWithoutTrace(facts, context).Value is IdleLandFinding { Status: not IdleLandStatus.NotIdle };
}
