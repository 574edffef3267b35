using Certa.Domain.Organisations;

namespace Certa.Domain.Access;

/// <summary>What a person does in their organisation. A person may hold several roles.</summary>
public enum Role
{
    PlatformAdmin,
    BodyAdmin,
    ApplicationHandler,
    Reviewer,
    DecisionMaker,
    Auditor,
    LabEngineer,
    ApplicantUser,
    AuthorityOfficer,
    Verifier,
    /// <summary>Manages the people and API keys of a lab, applicant, authority or verifier (a body has its body admin).</summary>
    OrganisationAdmin,
}

public static class Roles
{
    /// <summary>Which kinds of organisation a role exists in.</summary>
    public static bool FitsKind(this Role role, OrganisationKind kind) => role switch
    {
        Role.PlatformAdmin => kind == OrganisationKind.PlatformOperator,
        Role.BodyAdmin or Role.ApplicationHandler or Role.Reviewer or Role.DecisionMaker or Role.Auditor =>
            kind == OrganisationKind.CertificationBody,
        Role.LabEngineer => kind == OrganisationKind.Laboratory,
        Role.ApplicantUser => kind == OrganisationKind.Applicant,
        Role.AuthorityOfficer => kind == OrganisationKind.Authority,
        Role.Verifier => kind == OrganisationKind.Verifier,
        Role.OrganisationAdmin => kind is OrganisationKind.Laboratory or OrganisationKind.Applicant
            or OrganisationKind.Authority or OrganisationKind.Verifier,
    };

    public static IReadOnlyList<Role> All { get; } = Enum.GetValues<Role>();

    public static IReadOnlyList<Role> For(OrganisationKind kind) => [.. All.Where(r => r.FitsKind(kind))];

    /// <summary>The role's name in URLs, files and the API: <c>body_admin</c>.</summary>
    public static string Name(this Role role) => Common.SnakeCaseNames.Of(role.ToString());

    public static bool TryParse(string? text, out Role role)
    {
        role = default;
        return !string.IsNullOrWhiteSpace(text) && Common.SnakeCaseNames.TryParse(text.Trim(), ignoreCase: true, out role);
    }

    /// <summary>Parses role names, refusing the first unknown one with the list of known names.</summary>
    public static IReadOnlyList<Role> Parse(IEnumerable<string> names, string field = "roles")
    {
        var roles = new List<Role>();
        foreach (var name in names)
        {
            if (!TryParse(name, out var role))
            {
                throw Common.DomainException.Invalid("unknown-role",
                    $"'{name}' is not a role. Roles are: {Common.SnakeCaseNames.List<Role>()}.", field);
            }

            roles.Add(role);
        }

        return roles;
    }
}
