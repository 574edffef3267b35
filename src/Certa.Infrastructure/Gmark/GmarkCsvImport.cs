using System.Globalization;
using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Gmark;
using Certa.Infrastructure.Persistence;

namespace Certa.Infrastructure.Gmark;

/// <summary>What is wrong with one line of an upload: the line (1 = the header), the column at fault if known, and why.</summary>
public sealed record CsvLineError(int Line, string? Field, string Message);

/// <summary>The outcome of an upload: every registration made, or every bad line and nothing made.</summary>
public sealed record GmarkImportResult(IReadOnlyList<GmarkRegistration> Imported, IReadOnlyList<CsvLineError> Errors);

/// <summary>
/// Bulk registration of G-mark products by CSV, one registration per line (columns in <see cref="Columns"/>). Every line
/// is checked first; if any is bad, every bad line is reported and nothing is registered; otherwise all are registered
/// in one transaction, numbered in the file's order.
/// </summary>
public sealed class GmarkCsvImport(GmarkCommands commands, CertaDbContext db, TimeProvider clock)
{
    public const int MaxBytes = 2 * 1024 * 1024;
    public const int MaxLineLength = 8 * 1024;
    public const int MaxRegistrations = 5_000;

    /// <summary>The header: required columns first, then the optional ones.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "holder", "product_type", "product_name_en", "main_model", "hs_code", "manufacturer_name_en", "manufacturer_address_en", "factory_name_en",
        "factory_address_en", "target_countries", "validity_years",
        "product_name_zh", "series_models", "trade_mark", "standards", "age_grading", "internal_reference",
    ];

    private static readonly HashSet<string> Required = [.. Columns.Take(11)];

    public async Task<GmarkImportResult> ImportAsync(CommandContext who, string csv, CancellationToken ct)
    {
        var body = await commands.NotifiedBodyAsync(who.Actor, ct);
        if (csv.Length > MaxBytes)
        {
            return Refused(new CsvLineError(0, null, $"The file is larger than {MaxBytes / 1024 / 1024} MiB; split it."));
        }

        IReadOnlyList<CsvRecord> records;
        try
        {
            records = CsvRecords.Read(csv, MaxLineLength);
        }
        catch (CsvFormatException e)
        {
            return Refused(new CsvLineError(e.Line, null, e.Message));
        }

        if (records.Count < 2)
        {
            return Refused(new CsvLineError(1, null, $"The file needs a header line ({string.Join(",", Columns)}) and at least one registration."));
        }

        if (records.Count - 1 > MaxRegistrations)
        {
            return Refused(new CsvLineError(0, null, $"The file has {records.Count - 1} registrations; at most {MaxRegistrations} are imported at once."));
        }

        var header = records[0].Fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        var headerErrors = HeaderErrors(header);
        if (headerErrors.Count > 0)
        {
            return new GmarkImportResult([], headerErrors);
        }

        var errors = new List<CsvLineError>();
        var good = new List<(NewGmarkRegistration Input, GmarkDetails Details, GctsTerms Terms, GctsRules Rules, string Holder)>();
        foreach (var record in records.Skip(1))
        {
            try
            {
                var input = Parse(header, record);
                var (details, terms, rules) = await commands.DetailsAsync(input, ct);
                good.Add((input, details, terms, rules, await commands.HolderAsync(input.Holder, ct)));
            }
            catch (DomainException e)
            {
                errors.Add(new CsvLineError(record.Line, e.Field, e.Message));
            }
        }

        if (errors.Count > 0)
        {
            return new GmarkImportResult([], errors);
        }

        var imported = await db.RetryAsync(() => SaveAsync(who, body, good.Select(g => (g.Details, g.Terms, g.Rules, g.Holder)).ToList(), ct), ct);
        return new GmarkImportResult(imported, []);
    }

    private async Task<IReadOnlyList<GmarkRegistration>> SaveAsync(CommandContext who, Domain.Organisations.Organisation body,
        IReadOnlyList<(GmarkDetails Details, GctsTerms Terms, GctsRules Rules, string Holder)> lines, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var made = new List<GmarkRegistration>();
        foreach (var scheme in lines.GroupBy(l => l.Rules.SchemeId))
        {
            var rules = scheme.First().Rules;
            var codes = await commands.NextCodesAsync(rules.NotifiedBodyNumber(body.RegistryId ?? body.Id), now.Year, scheme.Count(), ct);
            made.AddRange(scheme.Zip(codes, (l, code) =>
                GmarkRegistration.Register(Guid.CreateVersion7(now), code, body.Id, l.Holder, rules.SchemeId, l.Details, l.Terms, who.Actor.AuditName, now)));
        }

        db.GmarkRegistrations.AddRange(made);
        await db.CommitAsync(who, now, ct);
        return made;
    }

    private static List<CsvLineError> HeaderErrors(List<string> header)
    {
        var errors = header.Where(h => !Columns.Contains(h)).Select(h => new CsvLineError(1, h, $"Unknown column '{h}'; the columns are {string.Join(",", Columns)}.")).ToList();
        errors.AddRange(Required.Where(r => !header.Contains(r)).Select(r => new CsvLineError(1, r, $"The header lacks the required column '{r}'.")));
        errors.AddRange(header.GroupBy(h => h).Where(g => g.Count() > 1).Select(g => new CsvLineError(1, g.Key, $"Column '{g.Key}' appears twice.")));
        return errors;
    }

    private static NewGmarkRegistration Parse(List<string> header, CsvRecord record)
    {
        if (record.Fields.Count != header.Count)
        {
            throw DomainException.Invalid("csv-field-count", $"The line has {record.Fields.Count} fields; the header has {header.Count}.");
        }

        string? Get(string column) => header.IndexOf(column) is var i and >= 0 && record.Fields[i].Trim() is { Length: > 0 } value ? value : null;
        IEnumerable<string> List(string column) => (Get(column) ?? string.Empty).Split([';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        var years = Get("validity_years");
        var validity = int.TryParse(years, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y
            : throw DomainException.Invalid("validity-years-invalid", $"validity_years must be a whole number of years, not '{years}'.", "validity_years");
        // series_models: "model=how it differs; model=how it differs".
        var series = (Get("series_models") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.Split('=', 2, StringSplitOptions.TrimEntries)).Select(p => new SeriesModel(p[0], p.Length > 1 ? p[1] : string.Empty));
        return new NewGmarkRegistration(
            Get("holder"), Get("product_type"),
            ProductDetails.Of(new LocalizedText(Get("product_name_en") ?? string.Empty, Get("product_name_zh")), Get("main_model") ?? string.Empty, series, Get("trade_mark")),
            Get("hs_code"),
            Party.Of(new LocalizedText(Get("manufacturer_name_en") ?? string.Empty), new LocalizedText(Get("manufacturer_address_en") ?? string.Empty), "manufacturer"),
            Party.Of(new LocalizedText(Get("factory_name_en") ?? string.Empty), new LocalizedText(Get("factory_address_en") ?? string.Empty), "factory"),
            [.. List("target_countries")], [.. (Get("standards") ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            Get("age_grading"), validity, Get("internal_reference"));
    }

    private static GmarkImportResult Refused(CsvLineError error) => new([], [error]);
}
