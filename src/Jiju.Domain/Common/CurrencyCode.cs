namespace Jiju.Domain.Common;

/// <summary>An ISO 4217 currency code (CNY, USD, EUR …): three upper-case Latin letters.</summary>
public readonly record struct CurrencyCode
{
    private CurrencyCode(string value) => Value = value;

    public string Value { get; }

    public static CurrencyCode Cny => new("CNY");

    public static CurrencyCode Usd => new("USD");

    public bool IsCny => Value == "CNY";

    public static ParseResult<CurrencyCode> Parse(string? text)
    {
        var t = text?.Trim().ToUpperInvariant();
        if (t is "RMB" or "人民币")
        {
            return ParseResult<CurrencyCode>.Ok(Cny);
        }

        if (t is "美元")
        {
            return ParseResult<CurrencyCode>.Ok(Usd);
        }

        if (t is null || t.Length != 3 || !t.All(char.IsAsciiLetterUpper))
        {
            return ParseResult<CurrencyCode>.Fail($"“{text}”不是 ISO 4217 货币代码（如 CNY、USD）");
        }

        return ParseResult<CurrencyCode>.Ok(new CurrencyCode(t));
    }

    public override string ToString() => Value;
}
