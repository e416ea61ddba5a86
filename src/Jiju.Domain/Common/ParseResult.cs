namespace Jiju.Domain.Common;

/// <summary>
/// The outcome of parsing user input into a domain value: the value, or a reason in Chinese
/// that an import error or a form can show next to the field.
/// </summary>
public readonly record struct ParseResult<T>
{
    private readonly T? _value;

    private ParseResult(T? value, string? error)
    {
        _value = value;
        Error = error;
    }

    public string? Error { get; }

    public bool IsValid => Error is null;

    public T Value => IsValid ? _value! : throw new FormatException(Error);

    public static ParseResult<T> Ok(T value) => new(value, null);

    public static ParseResult<T> Fail(string error) => new(default, error);
}
