namespace Jiju.Domain.Common;

/// <summary>A problem with one field of a record, named by the field's key (e.g. <c>agreed_start</c>).</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>A record that can say what is wrong with it as a whole (cross-field checks).</summary>
public interface ISelfValidating
{
    IEnumerable<FieldError> Validate();
}
