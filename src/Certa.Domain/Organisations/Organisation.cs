using System.Text.RegularExpressions;
using Certa.Domain.Common;

namespace Certa.Domain.Organisations;

/// <summary>
/// A party that works in Certa: a certification body, a lab, an applicant, an authority, a
/// verifier or the platform's operator. Bodies and labs are the registry's designated entries, so
/// they carry the registry id they stand for.
/// </summary>
public sealed partial class Organisation : Aggregate
{
    private Organisation()
    {
        Id = string.Empty;
        Name = LocalizedText.Empty;
    }

    /// <summary>A short lower-case id used in URLs: <c>cqc</c>, <c>lab-cttl</c>, <c>acme-computers</c>.</summary>
    public string Id { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public LocalizedText Name { get; private set; }

    /// <summary>The registry entry this organisation is (a body's or lab's id in <c>bodies.yaml</c>/<c>labs.yaml</c>, an authority's id).</summary>
    public string? RegistryId { get; private set; }

    /// <summary>ISO 3166 alpha-2 country code.</summary>
    public string? Country { get; private set; }

    /// <summary>Where the organisation sits within its country, as an ISO 3166-2 code (<c>CN-GD</c>): supervision draws filter on it.</summary>
    public string? Region { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public override string EntityType => "organisation";

    public override string EntityKey => Id;

    public override string? OwningOrganisation => Id;

    public static Organisation Create(string id, OrganisationKind kind, LocalizedText name, string? registryId, string? country, DateTimeOffset at)
    {
        var slug = id?.Trim() ?? string.Empty;
        if (!SlugPattern().IsMatch(slug))
        {
            throw DomainException.Invalid("invalid-organisation-id",
                $"'{id}' is not a valid organisation id: 2–63 lower-case letters, digits and hyphens, starting with a letter or digit.", "id");
        }

        if (ReservedIds.Contains(slug))
        {
            throw DomainException.Invalid("reserved-organisation-id", $"'{slug}' is reserved: /org/{slug} is a page of one's own organisation. Choose another id.", "id");
        }

        if (string.IsNullOrWhiteSpace(name?.En))
        {
            throw DomainException.Invalid("name-required", "An organisation needs an English name.", "name");
        }

        var registry = string.IsNullOrWhiteSpace(registryId) ? null : registryId.Trim();
        if (registry is null && kind is OrganisationKind.CertificationBody or OrganisationKind.Laboratory)
        {
            throw DomainException.Invalid("registry-link-required",
                $"A {Common.SnakeCaseNames.Of(kind.ToString())} must name the registry entry it is (its id in the registry of bodies and labs).", "registryId");
        }

        var countryCode = string.IsNullOrWhiteSpace(country) ? null : country.Trim().ToUpperInvariant();
        if (countryCode is not null && !CountryPattern().IsMatch(countryCode))
        {
            throw DomainException.Invalid("invalid-country", $"'{country}' is not an ISO 3166 two-letter country code.", "country");
        }

        var organisation = new Organisation
        {
            Id = slug,
            Kind = kind,
            Name = name,
            RegistryId = registry,
            Country = countryCode,
            CreatedAt = at,
        };
        organisation.Record("organisation.created", new { kind = Common.SnakeCaseNames.Of(kind.ToString()), registryId = registry });
        return organisation;
    }

    public void Rename(LocalizedText name)
    {
        if (string.IsNullOrWhiteSpace(name?.En))
        {
            throw DomainException.Invalid("name-required", "An organisation needs an English name.", "name");
        }

        if (name == Name)
        {
            return;
        }

        Name = name;
        Record("organisation.renamed", new { name = name.En, nameZh = name.Zh });
    }

    /// <summary>Sets or clears the region (an ISO 3166-2 code within the organisation's country).</summary>
    public void SetRegion(string? region)
    {
        var code = string.IsNullOrWhiteSpace(region) ? null : region.Trim().ToUpperInvariant();
        if (code is not null && !RegionPattern().IsMatch(code))
        {
            throw DomainException.Invalid("invalid-region", $"'{region}' is not an ISO 3166-2 subdivision code such as CN-GD.", "region");
        }

        if (code is not null && Country is { } country && !code.StartsWith(country + "-", StringComparison.Ordinal))
        {
            throw DomainException.Invalid("invalid-region", $"Region {code} is not in the organisation's country {country}.", "region");
        }

        if (code == Region)
        {
            return;
        }

        Region = code;
        Record("organisation.region_set", new { region = code });
    }

    public override object AuditState() => new
    {
        id = Id,
        kind = Common.SnakeCaseNames.Of(Kind.ToString()),
        name = Name.En,
        nameZh = Name.Zh,
        registryId = RegistryId,
        country = Country,
        region = Region,
    };

    // Paths under /org/ that name pages, not organisations.
    private static readonly HashSet<string> ReservedIds = ["people", "api-keys"];

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,62}$")]
    private static partial Regex SlugPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[A-Z]{2}-[A-Z0-9]{1,3}$")]
    private static partial Regex RegionPattern();
}
