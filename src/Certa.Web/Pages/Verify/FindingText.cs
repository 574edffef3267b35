using Certa.Domain.Certificates;
using Certa.Domain.Verification;
using Certa.Web.Localization;

namespace Certa.Web.Pages.Verify;

/// <summary>
/// A <see cref="Finding"/> in the reader's language: the text of its code (<c>verify.finding.{code}</c>) filled from the
/// verdict's own fields, or the finding's English message where the code has no text.
/// </summary>
public static class FindingText
{
    /// <summary>Codes whose particulars (which key, which designation) are only in the message: it is shown beneath the text.</summary>
    public static bool HasDetail(Finding finding) => finding.Code is FindingCodes.KeyNotValid or FindingCodes.BodyNotDesignated;

    public static string Title(UiText text, Finding finding) => Known(text, "verify.code." + finding.Code) ?? finding.Code;

    public static string Sentence(UiText text, Finding finding, Verdict verdict, Certificate? c, CertificateVersion? version) =>
        Known(text, "verify.finding." + finding.Code) is { } pattern ? Lang.Format(pattern, Arguments(finding, verdict, c, version)) : finding.Message;

    private static object?[] Arguments(Finding finding, Verdict verdict, Certificate? c, CertificateVersion? version)
    {
        var language = UiText.CurrentLanguage;
        var since = verdict.Since is { } s ? IndexModel.Day(s) : "—";
        return finding.Code switch
        {
            FindingCodes.Unknown => [verdict.Number],
            FindingCodes.NotYetIssued => [c is null ? "—" : IndexModel.Day(c.IssuedOn), IndexModel.Day(verdict.On)],
            FindingCodes.Suspended => [since, verdict.Deadline is { } d ? IndexModel.Day(d) : "—"],
            FindingCodes.Withdrawn or FindingCodes.Cancelled => [since],
            FindingCodes.Expired => [c is null ? "—" : IndexModel.Day(c.ValidUntil)],
            FindingCodes.Superseded => [since, verdict.SupersededBy],
            FindingCodes.ModelNotCovered => [verdict.Model?.Asked, string.Join(", ", verdict.Model?.Models ?? [])],
            FindingCodes.PartyMismatch => [verdict.Party?.Asked, version?.HolderName.In(language), c?.Manufacturer.Name.In(language)],
            _ => [],
        };
    }

    /// <summary>The text of <paramref name="key"/>, or null where neither language has one.</summary>
    private static string? Known(UiText text, string key) => text[key] is var value && value != key ? value : null;
}
