using Certa.Domain.Access;
using Certa.Domain.Audits;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Audits;
using Certa.Infrastructure.Demo;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.DevData;

/// <summary>
/// The registered auditors who do a generated body's follow-up inspections: two a body, added and registered through Certa's
/// own commands (a person with the auditor role, then a registration), or the ones a previous run added.
/// </summary>
internal static class SyntheticInspectors
{
    private const int PerBody = 2;

    public static async Task<IReadOnlyList<string>> EnsureAsync(CertaDbContext db, PeopleCommands people, AuditorCommands auditors, CommandContext who,
        Organisation body, IEnumerable<string> productTypeIds, DateOnly today, CancellationToken ct)
    {
        var scope = productTypeIds.Select(id => id.Length > 6 ? id[..6] : id).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var ids = new List<string>();
        for (var n = 1; n <= PerBody; n++)
        {
            var email = $"inspector{n}@{body.Id}.generated.example";
            var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Email == email, ct)
                ?? await people.AddAsync(who, body.Id, $"{body.Name.En} inspector {n}", email, [Role.Auditor], DemoWorld.NewPassword(), ct);
            if (!await db.Set<AuditorRegistration>().AnyAsync(r => r.PersonId == person.Id, ct))
            {
                await auditors.RegisterAsync(who, person.Id,
                    new AuditorRegistrationInput($"GEN-{body.Id.ToUpperInvariant()}-{n:D2}", AuditorQualification.SeniorAuditor, scope, today.AddYears(5)), ct);
            }

            ids.Add(person.Id.ToString());
        }

        return ids;
    }
}
