using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;

namespace Certa.Domain.Tests.Organisations;

/// <summary>Builders for organisations and people: the smallest valid ones, changed only where a test needs it.</summary>
internal static class People
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);

    public static Organisation Body(string id = "cqc") =>
        Organisation.Create(id, OrganisationKind.CertificationBody, new LocalizedText("China Quality Certification Centre"), id, "CN", T0);

    public static Organisation Lab(string id = "lab-cttl") =>
        Organisation.Create(id, OrganisationKind.Laboratory, new LocalizedText("CTTL"), id, "CN", T0);

    public static Organisation Of(OrganisationKind kind, string id = "org") => kind switch
    {
        OrganisationKind.CertificationBody => Body(id),
        OrganisationKind.Laboratory => Lab(id),
        OrganisationKind.Applicant or OrganisationKind.Authority or OrganisationKind.Verifier or OrganisationKind.PlatformOperator =>
            Organisation.Create(id, kind, new LocalizedText($"{kind} {id}"), null, "CN", T0),
    };

    public static Person Join(Organisation organisation, params Role[] roles) =>
        Person.Join(Guid.CreateVersion7(T0), organisation, "Wang Fang", $"{Guid.NewGuid():N}@{organisation.Id}.example", roles, T0);

    /// <summary>The person with the events of joining already saved, as if loaded from the database.</summary>
    public static Person Saved(Organisation organisation, params Role[] roles)
    {
        var person = Join(organisation, roles);
        person.ClearEvents();
        return person;
    }

    public static IEnumerable<string> Actions(this Aggregate aggregate) => aggregate.PendingEvents().Select(e => e.Action);

    /// <summary>Every value of one enum with every value of another, for theories over a whole table.</summary>
    public static TheoryData<TA, TB> EveryPair<TA, TB>()
        where TA : struct, Enum
        where TB : struct, Enum
    {
        var data = new TheoryData<TA, TB>();
        foreach (var a in Enum.GetValues<TA>())
        {
            foreach (var b in Enum.GetValues<TB>())
            {
                data.Add(a, b);
            }
        }

        return data;
    }
}
