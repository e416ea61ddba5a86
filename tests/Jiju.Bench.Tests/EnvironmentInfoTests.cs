namespace Jiju.Bench.Tests;

public sealed class EnvironmentInfoTests
{
    [Theory]
    [InlineData("5000", 0x5000u)]
    [InlineData("0x1388", 5000u)]
    [InlineData("0X1e", 30u)]
    [InlineData("64", 100u)]
    [InlineData(" 0 ", 0u)]
    [InlineData("1Eh", 30u)]
    public void ARuntimeVariablesNumber_IsReadAsTheRuntimeReadsIt_Hexadecimal(string text, uint expected) =>
        Assert.Equal(expected, EnvironmentInfo.RuntimeKnob(text));

    [Theory]
    [InlineData("")]
    [InlineData("ten")]
    public void ARuntimeVariableThatStartsWithNoHexadecimalDigit_IsIgnored(string text) =>
        Assert.Null(EnvironmentInfo.RuntimeKnob(text));
}
