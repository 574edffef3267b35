using Certa.Domain.Common;

namespace Certa.Domain.Supervision.Credit;

/// <summary>The enterprise or body a credit record is about, by its id.</summary>
public sealed record CreditSubject
{
    public CreditSubject(CreditSubjectKind kind, string id)
    {
        Kind = kind;
        Id = Guard.Id(id);
    }

    public CreditSubjectKind Kind { get; }

    public string Id { get; }

    public static CreditSubject Enterprise(string id) => new(CreditSubjectKind.Enterprise, id);

    public static CreditSubject Body(string id) => new(CreditSubjectKind.Body, id);

    public override string ToString() => $"{SnakeCaseNames.Of(Kind.ToString())} '{Id}'";
}
