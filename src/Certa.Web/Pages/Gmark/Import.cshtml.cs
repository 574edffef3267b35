using Certa.Domain.Common;
using Certa.Infrastructure.Gmark;
using Certa.Web.Access;
using Certa.Web.Localization;
using Certa.Web.Pages.Applications;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certa.Web.Pages.Gmark;

/// <summary>
/// <c>/gmark/import</c>: a notified body uploads a CSV of registrations (<see cref="GmarkCsvImport"/>); every bad line is
/// listed with its number and reason and nothing is registered, or all are.
/// </summary>
[RequestSizeLimit(GmarkCsvImport.MaxBytes + 64 * 1024)]
public sealed class ImportModel(GmarkCsvImport import, UiText text) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public IReadOnlyList<CsvLineError> Errors { get; private set; } = [];

    public int? Imported { get; private set; }

    public string? Refusal { get; private set; }

    public string? Error { get; private set; }

    public IActionResult OnGet() => Refuse() ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Refuse() is { } refused)
        {
            return refused;
        }

        if (Upload is null || Upload.Length == 0)
        {
            Error = text["gmark.import.nofile"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        try
        {
            if (Upload.Length > GmarkCsvImport.MaxBytes)
            {
                throw DomainException.Invalid("file-too-large", $"The file is larger than {GmarkCsvImport.MaxBytes / 1024 / 1024} MiB; split it.", "file");
            }

            using var content = new MemoryStream();
            await Upload.CopyToAsync(content, ct);
            var csv = Infrastructure.Files.ContentSniffer.DecodeText(content.GetBuffer().AsSpan(0, (int)content.Length), $"'{Infrastructure.Files.ContentSniffer.SafeFileName(Upload.FileName, "upload.csv")}'");
            var result = await import.ImportAsync(HttpContext.Command(), csv, ct);
            Errors = [.. result.Errors.OrderBy(e => e.Line)];
            if (Errors.Count > 0)
            {
                Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            }
            else
            {
                Imported = result.Imported.Count;
            }
        }
        catch (DomainException e)
        {
            Error = e.Message;
            Response.StatusCode = ApplicationPages.StatusOf(e);
        }

        return Page();
    }

    private PageResult? Refuse() => (Refusal = GmarkPageRules.RefusalToRegister(HttpContext, text)) is null ? null : Page();
}
