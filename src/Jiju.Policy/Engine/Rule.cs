using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Jiju.Domain.Common;

namespace Jiju.Policy.Engine;

/// <summary>What every rule offers the catalogue, case runner and sweep, whatever its facts and result.</summary>
public interface IRule
{
    /// <summary>The class name: a sentence saying what the rule decides.</summary>
    string Id { get; }

    /// <summary>One line in Chinese for lists and traces.</summary>
    string Title { get; }

    ArticleAttribute Article { get; }

    Type FactsType { get; }

    Type ResultType { get; }

    /// <summary>The parameters the rule may read (for listings and coverage).</summary>
    IReadOnlyList<string> ParameterIds { get; }

    DecisionResult Evaluate(object facts, RuleContext context);

    /// <summary>
    /// The same decision (outcome and value) without its trace, for a sweep that counts millions of routine decisions
    /// and asks <see cref="Evaluate"/> again for the few it records: the explanation's text is never formatted and the
    /// trace is <see cref="Trace.NotWritten"/>.
    /// </summary>
    DecisionResult EvaluateWithoutTrace(object facts, RuleContext context);
}

/// <summary>The date a decision is made for, and the parameters (possibly overlaid) in force.</summary>
public sealed record RuleContext(DateOnly AsOf, ParameterSet Parameters)
{
    public static RuleContext On(DateOnly asOf) => new(asOf, ParameterSet.Shipped);
}

/// <summary>
/// A rule of the policy: one class, named as a sentence, in the folder of its part, with an
/// <see cref="ArticleAttribute"/> that quotes its clause. It decides from facts and dated parameters
/// only: no database, clock or file. Thresholds come from parameters, never from literals.
/// </summary>
public abstract class Rule<TFacts, TResult> : IRule
    where TFacts : class
{
    private ArticleAttribute? _article;

    /// <summary>The evaluation of the last context decided without a trace: it holds nothing of the facts, so every such decision can share it.</summary>
    private Evaluation? _untraced;

    public string Id => GetType().Name;

    public abstract string Title { get; }

    /// <summary>Read from the class's attribute once: every trace names it, and a sweep makes millions of traces.</summary>
    public ArticleAttribute Article =>
        _article ??= GetType().GetCustomAttribute<ArticleAttribute>() ?? throw new InvalidOperationException($"{Id} 缺少 [Article]");

    public Type FactsType => typeof(TFacts);

    public Type ResultType => typeof(TResult);

    public abstract IReadOnlyList<string> ParameterIds { get; }

    public Decision<TResult> Evaluate(TFacts facts, RuleContext context) => Decide(facts, new Evaluation(this, context, facts, traced: true));

    /// <inheritdoc cref="IRule.EvaluateWithoutTrace"/>
    public Decision<TResult> EvaluateWithoutTrace(TFacts facts, RuleContext context)
    {
        // A sweep decides millions of subjects in one context: one evaluation serves them all. Workers racing here at
        // worst each make one; an evaluation without a trace is never changed, so sharing it is safe.
        var evaluation = _untraced;
        if (evaluation is null || !ReferenceEquals(evaluation.Context, context))
        {
            _untraced = evaluation = new Evaluation(this, context, facts, traced: false);
        }

        return Decide(facts, evaluation);
    }

    DecisionResult IRule.Evaluate(object facts, RuleContext context)
    {
        var decision = Evaluate((TFacts)facts, context);
        return new DecisionResult(decision.Outcome, decision.Value, decision.Trace);
    }

    DecisionResult IRule.EvaluateWithoutTrace(object facts, RuleContext context)
    {
        var decision = EvaluateWithoutTrace((TFacts)facts, context);
        return ReferenceEquals(decision, Untraced<TResult>.NotApplicable) ? Untraced<TResult>.NotApplicableResult
            : ReferenceEquals(decision, Untraced<TResult>.NotInForce) ? Untraced<TResult>.NotInForceResult
            : new DecisionResult(decision.Outcome, decision.Value, decision.Trace);
    }

    protected abstract Decision<TResult> Decide(TFacts facts, Evaluation e);

    /// <summary>
    /// Collects the trace while a rule runs: parameters read, facts, branch, conclusion. Branch and conclusion are
    /// <see cref="TraceText"/>: interpolated text is formatted only when the trace is written.
    /// </summary>
    protected sealed class Evaluation : ITraceWriter
    {
        private readonly Rule<TFacts, TResult> _rule;
        private readonly List<ParameterUse>? _parameters;
        private readonly IReadOnlyList<FactUse> _facts;

        internal Evaluation(Rule<TFacts, TResult> rule, RuleContext context, TFacts facts, bool traced)
        {
            _rule = rule;
            Context = context;
            Traced = traced;
            _parameters = traced ? [] : null;
            _facts = traced ? FactFormatting.DescribeWhenRead(facts) : [];
        }

        public RuleContext Context { get; }

        /// <summary>Whether this evaluation writes its trace (false for <see cref="EvaluateWithoutTrace(TFacts, RuleContext)"/>).</summary>
        public bool Traced { get; }

        public DateOnly AsOf => Context.AsOf;

        /// <summary>The parameter's value on the decision date as a number; null when no value is in force then.</summary>
        public decimal? Number(string id) => Use(id)?.AsDecimal;

        /// <summary>
        /// The parameter's value on another date, for a rule judged on the date something happened (a loan drawn,
        /// a bond issued) rather than the date of the decision; null when no value was in force then.
        /// </summary>
        public decimal? NumberOn(string id, DateOnly on) => Use(id, on)?.AsDecimal;

        public bool? Flag(string id) => Use(id)?.AsBool;

        public string? Choice(string id) => Use(id)?.Raw;

        public DateOnly? Date(string id) => Use(id) is { } v ? DateOnly.ParseExact(v.Raw, "yyyy-MM-dd", CultureInfo.InvariantCulture) : null;

        public Decision<TResult> Decided(
            TResult value,
            [InterpolatedStringHandlerArgument("")] TraceText branch,
            [InterpolatedStringHandlerArgument("")] TraceText conclusion) =>
            new(Outcome.Decided, value, Trace(branch.ToStringAndClear(), conclusion.ToStringAndClear()));

        public Decision<TResult> NotApplicable([InterpolatedStringHandlerArgument("")] TraceText why) => Traced
            ? new(Outcome.NotApplicable, default, Trace(why.ToStringAndClear(), "本条不适用"))
            : Untraced<TResult>.NotApplicable;

        public Decision<TResult> NotInForce([InterpolatedStringHandlerArgument("")] TraceText why) => Traced
            ? new(Outcome.NotInForce, default, Trace(why.ToStringAndClear(), "判断日期不在本条规定的有效期内"))
            : Untraced<TResult>.NotInForce;

        private ParameterValue? Use(string id, DateOnly? on = null)
        {
            var p = Context.Parameters.Get(id);
            var value = p.At(on ?? AsOf);
            if (value is not null && _parameters is not null && !Used(_parameters, id))
            {
                _parameters.Add(ParameterUses.Of(p, value));
            }

            return value;
        }

        // A loop, not a lambda over the list: this runs for every parameter of every decision of a sweep, and a
        // lambda capturing the id would allocate each time.
        private static bool Used(List<ParameterUse> parameters, string id)
        {
            foreach (var use in parameters)
            {
                if (use.Id == id)
                {
                    return true;
                }
            }

            return false;
        }

        private Trace Trace(string branch, string conclusion) => _parameters is null
            ? Engine.Trace.NotWritten
            : new(_rule.Id, _rule.Title, _rule.Article.Number, _rule.Article.Clause, AsOf, _parameters.ToList(), _facts, branch, conclusion);
    }
}

/// <summary>
/// The decisions without a value or a trace, shared: most of a sweep's decisions are that the rule does not apply, and
/// a decision is immutable.
/// </summary>
internal static class Untraced<TResult>
{
    public static readonly Decision<TResult> NotApplicable = new(Outcome.NotApplicable, default, Trace.NotWritten);

    public static readonly Decision<TResult> NotInForce = new(Outcome.NotInForce, default, Trace.NotWritten);

    public static readonly DecisionResult NotApplicableResult = new(Outcome.NotApplicable, null, Trace.NotWritten);

    public static readonly DecisionResult NotInForceResult = new(Outcome.NotInForce, null, Trace.NotWritten);
}

/// <summary>How facts appear in a trace: the Chinese label and unit of each property, and its value as written.</summary>
public static class FactFormatting
{
    private static readonly ConcurrentDictionary<Type, FactProperty[]> Properties = new();

    private static readonly ConcurrentDictionary<Enum, string> ZhNames = new();

    public static IReadOnlyList<FactUse> Describe(object facts) =>
        PropertiesOf(facts.GetType()).Select(p => new FactUse(p.Property.Name, p.Label, Format(p.Property.GetValue(facts)), p.Unit)).ToList();

    /// <summary>
    /// The description of <paramref name="facts"/>, written out the first time it is read. A sweep decides millions of
    /// subjects and reads the traces of its findings only. Facts are immutable (init-only properties; an architecture
    /// test holds every rule to it), so the description read later is the one that would have been written now.
    /// </summary>
    public static IReadOnlyList<FactUse> DescribeWhenRead(object facts) => new DescribedWhenRead(facts);

    private static FactProperty[] PropertiesOf(Type type) =>
        Properties.GetOrAdd(type, t => [.. t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p =>
        {
            var zh = p.GetCustomAttribute<ZhAttribute>();
            return new FactProperty(p, zh?.Term ?? p.Name, zh?.Unit);
        })]);

    public static string Format(object? value) => value switch
    {
        null => "（无）",
        Money m => m.Yuan.ToString("#,0.00", CultureInfo.InvariantCulture),
        Area a => a.SquareMetres.ToString("#,0.##", CultureInfo.InvariantCulture),
        decimal d => d.ToString("#,0.########", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        Enum e => ZhOf(e),
        string s => s,
        IEnumerable list => $"{list.Cast<object>().Count()}项",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>The value's Chinese name ([Zh]), or its name; looked up once per value, as rules name values in every decision.</summary>
    public static string ZhOf(Enum value) =>
        ZhNames.GetOrAdd(value, v => v.GetType().GetField(v.ToString())?.GetCustomAttribute<ZhAttribute>()?.Term ?? v.ToString());

    private sealed record FactProperty(PropertyInfo Property, string Label, string? Unit);

    private sealed class DescribedWhenRead(object facts) : IReadOnlyList<FactUse>
    {
        private IReadOnlyList<FactUse>? _described;

        private IReadOnlyList<FactUse> Described => _described ??= Describe(facts);

        public int Count => Described.Count;

        public FactUse this[int index] => Described[index];

        public IEnumerator<FactUse> GetEnumerator() => Described.GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>How a parameter's value appears in a trace, written once per value: the same few values serve every decision of a sweep.</summary>
internal static class ParameterUses
{
    private static readonly ConditionalWeakTable<ParameterValue, ParameterUse> Written = new();

    public static ParameterUse Of(Parameter p, ParameterValue value)
    {
        if (Written.TryGetValue(value, out var use) && use.Id == p.Id)
        {
            return use;
        }

        var shown = p.Unit == ParameterUnit.Ratio ? $"{value.AsDecimal * 100m:0.####}%" : value.Raw;
        use = new ParameterUse(p.Id, p.LabelZh, shown, ParameterUnits.Symbol(p.Unit), value.Citation, value.Assumption, value.From, value.To);
        Written.AddOrUpdate(value, use);
        return use;
    }
}
