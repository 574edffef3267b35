using System.Globalization;
using Certa.Domain.Certificates;
using Certa.Domain.Common;

namespace Certa.Domain.Verification;

/// <summary>
/// Decides whether a certificate verifies on a day, from its history and dates, the key and designation findings, and
/// the model and party the verifier names. Each reason it is not valid becomes a <see cref="Finding"/> in plain words;
/// never a bare "invalid".
/// </summary>
public static class CertificateJudge
{
    private const string Day = "yyyy-MM-dd";

    /// <summary>The last instant of <paramref name="day"/> (UTC): "as of 2025-03-01" includes what happened that day.</summary>
    public static DateTimeOffset EndOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);

    public static Verdict Judge(CertificateStanding c, VerificationRequest request, DateOnly on)
    {
        var at = EndOf(on);
        var entered = c.History.LastOrDefault(s => s.At <= at);
        if (entered is null)
        {
            return new Verdict(c.Number, on, false,
                [new Finding(FindingCodes.NotYetIssued, $"Certificate {c.Number} was issued on {c.IssuedOn.ToString(Day, CultureInfo.InvariantCulture)}; on {Text(on)} it did not exist yet.")]);
        }

        var version = c.Versions.LastOrDefault(v => v.At <= at) ?? c.Versions[0];
        var state = entered.State is CertificateState.Active or CertificateState.Suspended && on > c.ValidUntil ? CertificateState.Expired : entered.State;
        var since = state == CertificateState.Expired && entered.State != CertificateState.Expired
            ? EndOf(c.ValidUntil).AddTicks(1)
            : entered.At;
        List<Finding> findings = [];
        if (StateFinding(c, state, since, entered) is { } stateFinding)
        {
            findings.Add(stateFinding);
        }

        if (c.KeyFinding is { } key)
        {
            findings.Add(key);
        }

        if (c.DesignationFinding is { } designation)
        {
            findings.Add(designation);
        }

        var model = Model(request.Model, version.Models);
        if (model is { Covered: false })
        {
            findings.Add(new Finding(FindingCodes.ModelNotCovered,
                $"Model {model.Asked} is not covered by certificate {c.Number}; on {Text(on)} it covered {string.Join(", ", model.Models)}. A valid number on a different model does not make that model certified."));
        }

        var party = Party(request.Party, version.HolderName, c.ManufacturerName);
        if (party is { Matches: false })
        {
            findings.Add(new Finding(FindingCodes.PartyMismatch,
                $"\"{party.Asked}\" is neither the holder ({version.HolderName.En}) nor the manufacturer ({c.ManufacturerName.En}) named on certificate {c.Number}."));
        }

        return new Verdict(c.Number, on, findings.Count == 0, findings, state, since,
            state is CertificateState.Suspended or CertificateState.Withdrawn or CertificateState.Cancelled or CertificateState.Superseded ? entered.Reason : null,
            state == CertificateState.Suspended ? entered.Deadline : null,
            state == CertificateState.Superseded ? c.SupersededBy : null,
            version.Version, model, party);
    }

    /// <summary>The verdict on a number no certificate has, with look-alikes that do exist.</summary>
    public static Verdict Unknown(string number, DateOnly on, IReadOnlyList<string> suggestions) =>
        new(number, on, false,
            [new Finding(FindingCodes.Unknown, suggestions.Count == 0
                ? $"No certificate has the number {number}. Check it against the paper or the product's label; a number Certa does not know is not a certificate."
                : $"No certificate has the number {number}. Did you mean {string.Join(" or ", suggestions)}? Compare with the paper before trusting either.")],
            Suggestions: suggestions);

    private static Finding? StateFinding(CertificateStanding c, CertificateState state, DateTimeOffset since, CertificateStatusChange entered)
    {
        var from = Text(DateOnly.FromDateTime(since.UtcDateTime));
        var why = entered.Reason is { } reason ? $" Reason: {reason}" : string.Empty;
        return state switch
        {
            CertificateState.Active => null,
            CertificateState.Suspended => new Finding(FindingCodes.Suspended,
                $"Certificate {c.Number} is suspended since {from}: products may not be delivered or marked under it until the body restores it{(entered.Deadline is { } d ? $" (deadline {Text(d)})" : string.Empty)}.{why}"),
            CertificateState.Withdrawn => new Finding(FindingCodes.Withdrawn, $"Certificate {c.Number} was withdrawn by its body on {from}; it no longer certifies anything.{why}"),
            CertificateState.Cancelled => new Finding(FindingCodes.Cancelled, $"Certificate {c.Number} was cancelled at its holder's request on {from}.{why}"),
            CertificateState.Expired => new Finding(FindingCodes.Expired, $"Certificate {c.Number} expired: its last valid day was {Text(c.ValidUntil)}."),
            CertificateState.Superseded => new Finding(FindingCodes.Superseded,
                $"Certificate {c.Number} was renewed on {from} and replaced by certificate {c.SupersededBy}; check that one instead."),
        };
    }

    private static ModelCoverage? Model(string? asked, IReadOnlyList<string> models)
    {
        if (string.IsNullOrWhiteSpace(asked))
        {
            return null;
        }

        var wanted = ModelKey(asked);
        return new ModelCoverage(asked.Trim(), models.Any(m => ModelKey(m) == wanted), models);
    }

    /// <summary>Models compare without case or spacing ("ab-100 x" is "AB-100X"); hyphens and dots count, since they tell models apart.</summary>
    public static string ModelKey(string model) => string.Concat(model.Where(ch => !char.IsWhiteSpace(ch))).ToUpperInvariant();

    private static PartyMatch? Party(string? asked, LocalizedText holder, LocalizedText manufacturer)
    {
        if (string.IsNullOrWhiteSpace(asked))
        {
            return null;
        }

        var wanted = NameKey(asked);
        var matched = Matches(wanted, holder) ? "holder" : Matches(wanted, manufacturer) ? "manufacturer" : null;
        return new PartyMatch(asked.Trim(), matched is not null, matched);
    }

    private static bool Matches(string wanted, LocalizedText name) =>
        new[] { name.En, name.Zh }.Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => NameKey(n!))
            .Any(n => n == wanted || (wanted.Length >= 4 && n.Contains(wanted, StringComparison.Ordinal)));

    /// <summary>Company names compare on their letters and digits only: "Shenzhen Demo Co., Ltd." is "shenzhen demo co ltd".</summary>
    public static string NameKey(string name) => string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();

    private static string Text(DateOnly day) => day.ToString(Day, CultureInfo.InvariantCulture);
}
