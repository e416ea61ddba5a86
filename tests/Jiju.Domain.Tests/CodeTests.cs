using Jiju.Domain.Clusters;
using Jiju.Domain.Divisions;
using Jiju.Domain.Enterprises;
using Jiju.Domain.Industries;
using Jiju.Domain.Land;
using Jiju.Domain.Projects;
using Jiju.Domain.Relocation;

namespace Jiju.Domain.Tests;

public sealed class UnifiedSocialCreditCodeTests
{
    [Theory]
    [InlineData("91350100M000100Y43")] // the example printed in GB 32100-2015
    [InlineData("91350100m000100y43")] // typed in lower case
    [InlineData(" 91350100M000100Y43 ")]
    public void Parse_AcceptsTheStandardsExample(string text)
    {
        var result = UnifiedSocialCreditCode.Parse(text);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("91350100M000100Y43", result.Value.Value);
        Assert.Equal("350100", result.Value.RegistrationDivision);
    }

    [Fact]
    public void Parse_WithAWrongCheckCharacter_SaysWhichCharacterWasExpected()
    {
        var result = UnifiedSocialCreditCode.Parse("91350100M000100Y44");

        Assert.False(result.IsValid);
        Assert.Contains("校验位错误", result.Error, StringComparison.Ordinal);
        Assert.Contains("应为“3”", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "为空")]
    [InlineData("91350100M000100Y4", "应为18位")]
    [InlineData("91350100M000100I43", "第16位“I”不在")]
    [InlineData("913501A0M000100Y43", "第3–8位")]
    [InlineData("913501O0M000100Y43", "第7位“O”不在")]
    public void Parse_RejectsMalformedCodes_WithAReason(string text, string reason)
    {
        var result = UnifiedSocialCreditCode.Parse(text);

        Assert.False(result.IsValid);
        Assert.Contains(reason, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_RefusesACharacter_ExactlyWhenTheAlphabetLacksItsUpperCase()
    {
        // Every UTF-16 code unit, at the organisation code's first place (position 9), against the standard's set as written.
        for (var c = char.MinValue; ; c++)
        {
            var result = UnifiedSocialCreditCode.Parse("91350100" + c + "000100Y43");
            var inAlphabet = UnifiedSocialCreditCode.Alphabet.Contains(char.ToUpperInvariant(c), StringComparison.Ordinal);

            Assert.True(
                inAlphabet != (result.Error?.Contains("第9位", StringComparison.Ordinal) ?? false),
                $"U+{(int)c:X4}: {result.Error}");
            if (c == char.MaxValue)
            {
                break;
            }
        }
    }

    [Fact]
    public void CheckCharacter_RefusesACharacterOutsideTheAlphabet()
    {
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacter("91350100I000100Y4"));
        Assert.Throws<ArgumentException>(() => UnifiedSocialCreditCode.CheckCharacter("91350100\u0100000100Y4"));
    }

    [Fact]
    public void CheckCharacter_AndOrganizationCode_ReproduceThePublishedExample()
    {
        Assert.Equal('4', OrganizationCode.CheckCharacter("M000100Y"));
        Assert.Equal('3', UnifiedSocialCreditCode.CheckCharacter("91350100M000100Y4"));
    }

    [Fact]
    public void EveryAlphabetCharacter_CanBeACheckCharacter_AndIsAcceptedBack()
    {
        // Vary one body character until every one of the 31 check characters has appeared.
        var seen = new HashSet<char>();
        for (var i = 0; i < 31 * 31 && seen.Count < 31; i++)
        {
            var body = $"91410100{UnifiedSocialCreditCode.Alphabet[i / 31]}{UnifiedSocialCreditCode.Alphabet[i % 31]}0000001";
            var check = UnifiedSocialCreditCode.CheckCharacter(body);
            seen.Add(check);
            Assert.True(UnifiedSocialCreditCode.Parse(body + check).IsValid);
        }

        Assert.Equal(31, seen.Count);
    }
}

public sealed class DivisionCodeTests
{
    [Theory]
    [InlineData("410000", DivisionLevel.Province)]
    [InlineData("410100", DivisionLevel.City)]
    [InlineData("410182", DivisionLevel.County)]
    [InlineData("419001", DivisionLevel.County)] // 济源: county-shaped code, prefecture role (see Division.Level)
    public void StructuralLevel_FollowsTheShapeOfTheCode(string code, DivisionLevel level) =>
        Assert.Equal(level, DivisionCode.Of(code).StructuralLevel);

    [Theory]
    [InlineData("41018", "六位数字")]
    [InlineData("4101a2", "六位数字")]
    [InlineData("990000", "前两位")]
    [InlineData("410012", "地市位为 00")]
    public void Parse_RejectsCodesThatAreNotGbT2260(string code, string reason) =>
        Assert.Contains(reason, DivisionCode.Parse(code).Error, StringComparison.Ordinal);

    [Fact]
    public void IsWithin_ComparesByLevel()
    {
        var county = DivisionCode.Of("410182");

        Assert.True(county.IsWithin(DivisionCode.Of("410100")));
        Assert.True(county.IsWithin(DivisionCode.Henan));
        Assert.False(county.IsWithin(DivisionCode.Of("410200")));
    }
}

public sealed class IndustryCodeTests
{
    [Theory]
    [InlineData("36", 'C', "汽车制造业")]
    [InlineData("C3612", 'C', "汽车制造业")]
    [InlineData("3612", 'C', "汽车制造业")]
    [InlineData("70", 'K', "房地产业")]
    [InlineData("C", 'C', "制造业")]
    public void Parse_FindsSectionAndDivision(string text, char section, string divisionName)
    {
        var code = IndustryCode.Of(text);

        Assert.Equal(section, code.Section);
        Assert.Equal(divisionName, code.DivisionName);
    }

    [Fact]
    public void TheStandardHas20SectionsAnd97Divisions()
    {
        Assert.Equal(20, IndustryDivisions.Sections.Count);
        Assert.Equal(97, IndustryDivisions.Divisions.Count);
    }

    [Theory]
    [InlineData("98", "不是 GB/T 4754-2017 的行业大类")]
    [InlineData("A36", "门类“A”与大类“36”所属门类“C”不符")]
    [InlineData("36123", "不是 GB/T 4754-2017 行业代码")]
    [InlineData("U", "门类")]
    public void Parse_RejectsUnknownCodes(string text, string reason) =>
        Assert.Contains(reason, IndustryCode.Parse(text).Error, StringComparison.Ordinal);

    [Fact]
    public void IsWithin_TellsWhetherAClassBelongsToALeadingIndustry()
    {
        Assert.True(IndustryCode.Of("3612").IsWithin(IndustryCode.Of("36")));
        Assert.True(IndustryCode.Of("3612").IsWithin(IndustryCode.Of("C")));
        Assert.False(IndustryCode.Of("3812").IsWithin(IndustryCode.Of("36")));
        Assert.True(IndustryCode.Of("3612").IsIndustrial);
        Assert.False(IndustryCode.Of("70").IsIndustrial);
    }
}

public sealed class LandUseClassTests
{
    [Theory]
    [InlineData("0601", "工业用地", true, false, false)]
    [InlineData("0505", "商务金融用地", false, true, false)]
    [InlineData("0701", "城镇住宅用地", false, false, true)]
    [InlineData("0810a", "广场用地", false, false, false)]
    public void Parse_KnowsTheClassAndItsGroup(string text, string name, bool industrial, bool commercial, bool residential)
    {
        var c = LandUseClass.Of(text);

        Assert.Equal(name, c.Name);
        Assert.Equal(industrial, c.IsIndustrial);
        Assert.Equal(commercial, c.IsCommercial);
        Assert.Equal(residential, c.IsResidential);
    }

    [Fact]
    public void Parse_RejectsAClassNotInTheStandard() =>
        Assert.Contains("GB/T 21010-2017", LandUseClass.Parse("0699").Error, StringComparison.Ordinal);
}

public sealed class ShapedCodeTests
{
    [Fact]
    public void ClusterCode_CarriesItsCounty()
    {
        var code = ClusterCode.Create(DivisionCode.Of("410182"), 1);

        Assert.Equal("41018201", code.Value);
        Assert.Equal(DivisionCode.Of("410182"), code.County);
    }

    [Theory]
    [InlineData("4101820", "8位数字")]
    [InlineData("41018200", "序号不能为00")]
    [InlineData("99018201", "前6位")]
    public void ClusterCode_RejectsBadCodes(string text, string reason) =>
        Assert.Contains(reason, ClusterCode.Parse(text).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("410182001002GB00017", true)]
    [InlineData("410182001002XB00017", false)]
    [InlineData("410182001002GB0001", false)]
    public void ParcelCode_ChecksLengthDigitsAndFeatureCode(string text, bool valid) =>
        Assert.Equal(valid, ParcelCode.Parse(text).IsValid);

    [Theory]
    [InlineData("2012-410182-36-03-000123", true)]
    [InlineData("2012-410182-36-04-000123", false)]
    [InlineData("2012-410182-98-03-000123", false)]
    [InlineData("2012410182360300012", false)]
    [InlineData(" 2012-410182-36-03-000123 ", true)]
    [InlineData("2100-410182-36-01-000001", true)]
    public void ProjectCode_FollowsTheNationalPlatformShape(string text, bool valid) =>
        Assert.Equal(valid, ProjectCode.Parse(text).IsValid);

    [Theory]
    [InlineData("2012-410182-36-03-000123-1", "格式应为")]
    [InlineData("2012-41018-236-03-000123", "格式应为")]
    [InlineData("2012-410182-36-03-00012", "格式应为")]
    [InlineData("2012-4101A2-36-03-000123", "格式应为")]
    [InlineData("２012-410182-36-03-000123", "格式应为")]
    [InlineData("2012-410182-36-03-000123-", "格式应为")]
    [InlineData("1989-410182-36-03-000123", "年份1989不合理")]
    [InlineData("2101-410182-36-03-000123", "年份2101不合理")]
    [InlineData("2012-410182-36-00-000123", "类型位")]
    [InlineData("2012-990182-36-03-000123", "行政区划代码无效")]
    [InlineData("2012-410182-98-03-000123", "行业大类无效")]
    public void ProjectCode_NamesWhatIsWrong(string text, string reason) =>
        Assert.Contains(reason, ProjectCode.Parse(text).Error, StringComparison.Ordinal);

    [Fact]
    public void VillageCode_IsTwelveDigitsStartingWithACounty()
    {
        Assert.True(VillageCode.Parse("410182100201").IsValid);
        Assert.False(VillageCode.Parse("41018210020").IsValid);
    }
}
