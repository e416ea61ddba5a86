using System.Runtime.CompilerServices;

namespace Jiju.Policy.Engine;

/// <summary>An evaluation that may or may not write its trace: the receiver of a <see cref="TraceText"/>.</summary>
public interface ITraceWriter
{
    bool Traced { get; }
}

/// <summary>
/// The text of a trace's branch or conclusion, as a rule writes it: <c>e.NotApplicable($"已于{s:yyyy-MM-dd}动工建设…")</c>.
/// An interpolated string is formatted only when the evaluation writes its trace; a sweep's routine decisions,
/// made without their trace, skip the formatting altogether (dates and money formatted for nobody were most of a
/// routine decision's cost). A plain string converts as it is. Formatting is the current culture's, as it was when
/// these arguments were strings.
/// </summary>
[InterpolatedStringHandler]
public ref struct TraceText
{
    private DefaultInterpolatedStringHandler _builder;
    private readonly bool _formatting;
    private string? _text;

    public TraceText(int literalLength, int formattedCount, ITraceWriter evaluation, out bool shouldAppend)
    {
        _formatting = shouldAppend = evaluation.Traced;
        _text = null;
        _builder = _formatting ? new DefaultInterpolatedStringHandler(literalLength, formattedCount) : default;
    }

    private TraceText(string text)
    {
        _formatting = false;
        _text = text;
        _builder = default;
    }

    public static implicit operator TraceText(string text) => new(text);

    public void AppendLiteral(string value) => _builder.AppendLiteral(value);

    public void AppendFormatted<T>(T value) => _builder.AppendFormatted(value);

    public void AppendFormatted<T>(T value, string? format) => _builder.AppendFormatted(value, format);

    public void AppendFormatted<T>(T value, int alignment) => _builder.AppendFormatted(value, alignment);

    public void AppendFormatted<T>(T value, int alignment, string? format) => _builder.AppendFormatted(value, alignment, format);

    public void AppendFormatted(ReadOnlySpan<char> value) => _builder.AppendFormatted(value);

    public void AppendFormatted(string? value) => _builder.AppendFormatted(value);

    /// <summary>The text (empty when the trace is not written).</summary>
    public string ToStringAndClear()
    {
        if (_formatting)
        {
            _text = _builder.ToStringAndClear();
        }

        var text = _text ?? string.Empty;
        _text = null;
        return text;
    }
}
