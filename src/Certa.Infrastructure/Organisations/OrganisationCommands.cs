using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Domain.Registry;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Certa.Infrastructure.Organisations;

/// <summary>What is needed to create an organisation; <paramref name="Region"/> is where within its country, as an ISO 3166-2 code (<c>CN-GD</c>), which supervision draws filter on.</summary>
public sealed record NewOrganisation(string Id, OrganisationKind Kind, LocalizedText Name, string? RegistryId, string? Country, string? Region = null);

/// <summary>Creating organisations, with their link to the registry checked against the database.</summary>
public sealed class OrganisationCommands(CertaDbContext db, TimeProvider clock)
{
    public async Task<Organisation> CreateAsync(CommandContext who, NewOrganisation input, CancellationToken ct)
    {
        who.Actor.Require(Permission.OrganisationsCreate, input.Id);
        if (await db.Organisations.AnyAsync(o => o.Id == input.Id, ct))
        {
            throw DomainException.Conflict("organisation-exists", $"An organisation with id '{input.Id}' already exists.");
        }

        var organisation = Organisation.Create(input.Id, input.Kind, input.Name, input.RegistryId, input.Country, clock.GetUtcNow());
        organisation.SetRegion(input.Region);
        await CheckRegistryLinkAsync(organisation, ct);
        db.Organisations.Add(organisation);
        await db.CommitAsync(who, clock.GetUtcNow(), ct);
        return organisation;
    }

    private async Task CheckRegistryLinkAsync(Organisation organisation, CancellationToken ct)
    {
        if (organisation.RegistryId is not { } registryId)
        {
            return;
        }

        var found = organisation.Kind switch
        {
            OrganisationKind.CertificationBody => await db.Bodies.AnyAsync(b => b.Id == registryId && b.Kind == BodyKind.CertificationBody, ct),
            OrganisationKind.Laboratory => await db.Bodies.AnyAsync(b => b.Id == registryId && b.Kind == BodyKind.Laboratory, ct),
            OrganisationKind.Authority => await db.Authorities.AnyAsync(a => a.Id == registryId, ct),
            OrganisationKind.Applicant or OrganisationKind.Verifier or OrganisationKind.PlatformOperator =>
                throw DomainException.Invalid("no-registry-entry",
                    $"A {SnakeCaseNames.Of(organisation.Kind.ToString())} has no registry entry; leave the registry id empty.", "registryId"),
        };
        if (!found)
        {
            throw DomainException.Invalid("unknown-registry-entry",
                $"'{registryId}' is not a {SnakeCaseNames.Of(organisation.Kind.ToString())} in the registry.", "registryId");
        }

        if (await db.Organisations.AnyAsync(o => o.RegistryId == registryId, ct))
        {
            throw DomainException.Conflict("registry-entry-taken", $"Registry entry '{registryId}' already belongs to another organisation.");
        }
    }
}
