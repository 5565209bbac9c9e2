using System.Diagnostics.CodeAnalysis;

namespace FacePortal.Core;

/// <summary>
/// How an operation that may be refused ended: it succeeded, or it did not and <see cref="Error"/>
/// says why in a sentence meant for the person who asked (shown as is in a page or a problem
/// response). Something that does not exist stays a null or false, which callers turn into a 404;
/// per-file results keep their own type (<see cref="People.EnrollmentResult"/>).
/// </summary>
public class Outcome
{
    private static readonly Outcome Success = new(null);

    private protected Outcome(string? error) => Error = error;

    /// <summary>Why it failed, as a sentence; null when it succeeded.</summary>
    public string? Error { get; }

    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Error is null;

    public static Outcome Ok() => Success;

    public static Outcome<T> Ok<T>(T value) => new(value, null);

    public static Outcome Failed(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(error);
    }

    public static Outcome<T> Failed<T>(string error)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(error);
        return new(default!, error);
    }
}

/// <summary>An <see cref="Outcome"/> that carries a value when it succeeded.</summary>
public sealed class Outcome<T> : Outcome
{
    internal Outcome(T value, string? error)
        : base(error) => Value = value;

    /// <summary>The result; the type's default when the operation failed.</summary>
    public T Value { get; }
}
