using Certa.Domain.Organisations;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Statistics;
using Certa.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Certa.Web.Statistics;

/// <summary>
/// The words for a dataset's keys and columns in the reader's language: schemes and bodies by their names, states and
/// kinds by the site's own words (a certificate's states as everywhere else on the site), months as they are.
/// </summary>
public sealed class StatisticsLabels
{
    private readonly UiText text;
    private readonly IReadOnlyDictionary<string, string> schemes;
    private readonly IReadOnlyDictionary<string, string> bodies;

    private StatisticsLabels(UiText text, IReadOnlyDictionary<string, string> schemes, IReadOnlyDictionary<string, string> bodies) =>
        (this.text, this.schemes, this.bodies) = (text, schemes, bodies);

    public static async Task<StatisticsLabels> LoadAsync(CertaDbContext db, UiText text, CancellationToken ct)
    {
        var language = UiText.CurrentLanguage;
        var schemes = await db.Schemes.AsNoTracking().Select(s => new { s.Id, s.Name }).ToListAsync(ct);
        var bodies = await db.Organisations.AsNoTracking().Where(o => o.Kind == OrganisationKind.CertificationBody).Select(o => new { o.Id, o.Name }).ToListAsync(ct);
        return new StatisticsLabels(text,
            schemes.ToDictionary(s => s.Id, s => s.Name.In(language), StringComparer.Ordinal),
            bodies.ToDictionary(b => b.Id, b => b.Name.In(language), StringComparer.Ordinal));
    }

    /// <summary>The bodies an authority officer may narrow the dashboards to, by name.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Bodies => [.. bodies.OrderBy(b => b.Value, StringComparer.CurrentCulture)];

    public string Key(KeyKind kind, string key) => kind switch
    {
        KeyKind.Scheme => schemes.GetValueOrDefault(key) ?? key,
        KeyKind.Body => bodies.GetValueOrDefault(key) ?? key,
        KeyKind.CertificateState => text["cert.state." + key],
        KeyKind.ApplicationState => text["app.state." + key],
        KeyKind.InspectionKind => text["stats.kind." + key],
        KeyKind.Month => key,
    };

    /// <summary>A column's own word (<c>stats.col.*</c>), or else the certificate state it is named after.</summary>
    public string Column(string column)
    {
        var key = "stats.col." + column;
        var own = text[key];
        return own != key ? own : text["cert.state." + column];
    }

    public string KeyColumn(StatisticsTable table) => text["stats.key." + table.KeyColumn];
}
