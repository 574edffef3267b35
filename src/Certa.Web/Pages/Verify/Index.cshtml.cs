using System.Globalization;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Verification;
using Certa.Infrastructure.Persistence;
using Certa.Infrastructure.Transparency;
using Certa.Infrastructure.Verification;
using Certa.Web.Localization;
using Certa.Web.Pages.Certificates;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Verify;

/// <summary>
/// <c>/verify</c> and <c>/verify/{number}</c> (where a certificate's QR code points), for anyone, without signing in or
/// script: whether the certificate stands today or on a past day and every reason why not, whether it covers the model and
/// names the company on the product in hand, what it certifies, its history, its place in the transparency log, and its
/// PDF and credential. The form is a GET to <c>/verify</c>, which sends the reader on to the number's own address.
/// An unknown number is a 404 page with its look-alikes; bad input is the form again with a 400.
/// </summary>
public sealed class IndexModel(CertificateVerifier verifier, TransparencyLog log, CertaDbContext db, UiText text) : PageModel
{
    private const string DayFormat = "yyyy-MM-dd";

    [BindProperty(SupportsGet = true, Name = "number")]
    public string? Number { get; set; }

    /// <summary>The day asked about, as typed (YYYY-MM-DD); today when empty.</summary>
    [BindProperty(SupportsGet = true, Name = "at")]
    public string? At { get; set; }

    [BindProperty(SupportsGet = true, Name = "model")]
    public string? AskedModel { get; set; }

    /// <summary>The holder's or manufacturer's name, as on the product or the paper.</summary>
    [BindProperty(SupportsGet = true, Name = "holder")]
    public string? Holder { get; set; }

    /// <summary>Why the question could not be asked (a future or malformed date, no number), in the reader's language.</summary>
    public string? Problem { get; private set; }

    public VerificationReport? Report { get; private set; }

    public Verdict? Verdict => Report?.Verdict;

    public Certificate? Certificate => Report?.Certificate;

    /// <summary>The version in force on the day: its holder and models are what the paper of that day shows.</summary>
    public CertificateVersion? Version { get; private set; }

    public CertificateNames? Names { get; private set; }

    public IReadOnlyList<LogInclusion> Inclusions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var routed = RouteData.Values.TryGetValue("number", out var value) && value is string { Length: > 0 };
        if (!routed && new[] { Number, At, AskedModel, Holder }.All(string.IsNullOrWhiteSpace))
        {
            return Page();
        }

        try
        {
            var request = Asked();
            if (!routed)
            {
                verifier.Day(request.On);
                return Redirect(Link(CertificateVerifier.Check(request), At, AskedModel, Holder));
            }

            Report = await verifier.VerifyAsync(request, ct);
        }
        catch (DomainException e) when (e.Kind == RefusalKind.Invalid)
        {
            var key = "verify.problem." + e.Code;
            Problem = text[key] is var pattern && pattern != key ? Lang.Format(pattern, At?.Trim(), Number?.Trim()) : e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        if (Report.Certificate is not { } c)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        Version = c.Versions.FirstOrDefault(v => v.Version == Report.Verdict.Version) ?? c.Versions[^1];
        Names = await CertificatePages.NamesOfAsync(db, c, ct);
        Inclusions = await log.InclusionsForAsync(c.Number, ct);
        return Page();
    }

    /// <summary>The page of <paramref name="number"/>, asking the same day, model and name as this one.</summary>
    public string LinkTo(string number) => Link(number, At, AskedModel, Holder);

    public static string Link(string number, string? at = null, string? model = null, string? holder = null)
    {
        var query = QueryString.Create(new[] { ("at", at), ("model", model), ("holder", holder) }
            .Where(p => !string.IsNullOrWhiteSpace(p.Item2))
            .Select(p => KeyValuePair.Create(p.Item1, (string?)p.Item2!.Trim())));
        return $"/verify/{Uri.EscapeDataString(number.Trim())}{query}";
    }

    public static string Day(DateOnly day) => day.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString(DayFormat, CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    private VerificationRequest Asked()
    {
        DateOnly? on = string.IsNullOrWhiteSpace(At) ? null
            : DateOnly.TryParseExact(At.Trim(), DayFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
            : throw DomainException.Invalid("at-invalid", $"\"{At}\" is not a date: write it as YYYY-MM-DD, for example 2025-03-01.", "at");
        return new VerificationRequest(Number ?? string.Empty, on, Blank(AskedModel), Blank(Holder));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
