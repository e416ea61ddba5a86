namespace Jiju.Policy.Engine;

/// <summary>How a rule ended: it decided, it does not apply to these facts, or it is not in force on the date.</summary>
public enum Outcome
{
    Decided = 1,
    NotApplicable = 2,
    NotInForce = 3,
}

/// <summary>
/// What a rule decided, with the trace that lets an official check it by hand: never a silent zero.
/// </summary>
public sealed record Decision<T>(Outcome Outcome, T? Value, Trace Trace)
{
    public bool IsDecided => Outcome == Outcome.Decided;
}

/// <summary>A decision with its value as an object, for catalogues, case files and sweeps.</summary>
public sealed record DecisionResult(Outcome Outcome, object? Value, Trace Trace);
