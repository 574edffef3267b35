using System.Security.Cryptography;
using Certa.Domain.Access;
using Certa.Domain.Common;
using Certa.Domain.Organisations;
using Certa.Infrastructure.Organisations;
using Certa.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Certa.Infrastructure.Demo;

/// <summary>A demo person's sign-in, returned once when the person is created.</summary>
public sealed record DemoCredential(string Email, string Password, string Organisation, IReadOnlyList<Role> Roles);

/// <summary>
/// Creates the demo world of <c>data/demo/world.yaml</c>: what is missing is added, what exists is
/// left alone, so running it again changes nothing and prints no password twice.
/// </summary>
public sealed class DemoWorld(CertaDbContext db, OrganisationCommands organisations, PeopleCommands people, Audits.AuditorCommands auditors)
{
    public const string FileName = "demo/world.yaml";

    public async Task<IReadOnlyList<DemoCredential>> SeedAsync(string dataDirectory, CommandContext who, CancellationToken ct)
    {
        var world = Read(Path.Combine(dataDirectory, FileName));
        foreach (var o in world.Organisations)
        {
            if (!await db.Organisations.AnyAsync(x => x.Id == o.Id, ct))
            {
                if (!SnakeCaseNames.TryParse(o.Kind, ignoreCase: true, out OrganisationKind kind))
                {
                    throw new InvalidDataException($"{FileName}: organisation '{o.Id}' has unknown kind '{o.Kind}'; kinds are {SnakeCaseNames.List<OrganisationKind>()}.");
                }

                await organisations.CreateAsync(who, new NewOrganisation(o.Id, kind, new LocalizedText(o.Name.En, o.Name.Zh), o.Registry, o.Country, o.Region), ct);
            }
        }

        var created = new List<DemoCredential>();
        foreach (var p in world.People)
        {
            var email = EmailAddress.Normalize(p.Email);
            if (!await db.People.AnyAsync(x => x.Email == email, ct))
            {
                var roles = Roles.Parse(p.Roles);
                var password = NewPassword();
                await people.AddAsync(who, p.Organisation, p.Name, email, roles, password, ct);
                created.Add(new DemoCredential(email, password, p.Organisation, roles));
            }

            if (p.Auditor is { } a)
            {
                await RegisterAuditorAsync(who, email, a, ct);
            }
        }

        db.ChangeTracker.Clear();
        return created;
    }

    private async Task RegisterAuditorAsync(CommandContext who, string email, AuditorEntry entry, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstAsync(x => x.Email == email, ct);
        if (await db.Set<Domain.Audits.AuditorRegistration>().AnyAsync(r => r.PersonId == person.Id, ct))
        {
            return;
        }

        if (!SnakeCaseNames.TryParse(entry.Qualification, ignoreCase: true, out Domain.Audits.AuditorQualification qualification))
        {
            throw new InvalidDataException($"{FileName}: auditor {email} has unknown qualification '{entry.Qualification}'.");
        }

        await auditors.RegisterAsync(who, person.Id,
            new Audits.AuditorRegistrationInput(entry.Registration, qualification, entry.Scope, DateOnly.Parse(entry.ValidUntil, System.Globalization.CultureInfo.InvariantCulture)), ct);
    }

    /// <summary>Four groups of four letters and digits: easy to type, 80 random bits, and it meets the password policy.</summary>
    public static string NewPassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789";
        const string all = upper + lower + digits;
        char Pick(string from) => from[RandomNumberGenerator.GetInt32(from.Length)];
        var chars = new[] { Pick(upper), Pick(lower), Pick(digits) }.Concat(Enumerable.Range(0, 13).Select(_ => Pick(all))).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return string.Join('-', chars.Chunk(4).Select(c => new string(c)));
    }

    private static WorldFile Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The demo world file is missing: {path}", path);
        }

        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        return deserializer.Deserialize<WorldFile>(File.ReadAllText(path)) ?? new WorldFile();
    }

    private sealed class WorldFile
    {
        public List<OrganisationEntry> Organisations { get; set; } = [];

        public List<PersonEntry> People { get; set; } = [];
    }

    private sealed class OrganisationEntry
    {
        public string Id { get; set; } = string.Empty;

        public string Kind { get; set; } = string.Empty;

        public string? Registry { get; set; }

        public TextEntry Name { get; set; } = new();

        public string? Country { get; set; }

        /// <summary>ISO 3166-2, e.g. CN-GD: the region a supervision draw can filter on.</summary>
        public string? Region { get; set; }
    }

    private sealed class TextEntry
    {
        public string En { get; set; } = string.Empty;

        public string? Zh { get; set; }
    }

    private sealed class PersonEntry
    {
        public string Email { get; set; } = string.Empty;

        public string Name { get; set; } = string.Empty;

        public string Organisation { get; set; } = string.Empty;

        public List<string> Roles { get; set; } = [];

        /// <summary>For an auditor: the registration that lets the body put them on an audit team.</summary>
        public AuditorEntry? Auditor { get; set; }
    }

    private sealed class AuditorEntry
    {
        public string Registration { get; set; } = string.Empty;

        public string Qualification { get; set; } = "auditor";

        public List<string> Scope { get; set; } = [];

        public string ValidUntil { get; set; } = string.Empty;
    }
}
