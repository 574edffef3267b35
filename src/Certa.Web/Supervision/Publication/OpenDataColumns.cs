using System.Globalization;
using Certa.Domain.Common;
using Certa.Infrastructure.Supervision.Publication;

namespace Certa.Web.Supervision.Publication;

/// <summary>
/// The columns of the open-data export, in order, the same in CSV and JSON (docs/open-data.md). Names and meanings never
/// change once published; a new column is added at the end.
/// </summary>
public static class OpenDataColumns
{
    public static IReadOnlyList<(string Name, Func<SupervisionNotice, string?> Value)> All { get; } =
    [
        ("notice_id", n => n.Id),
        ("kind", n => SnakeCaseNames.Of(n.Kind.ToString())),
        ("published_at", n => n.PublishedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture)),
        ("certificate_number", n => n.CertificateNumber),
        ("enterprise_id", n => n.EnterpriseId),
        ("enterprise_name_en", n => n.EnterpriseName.En),
        ("enterprise_name_zh", n => n.EnterpriseName.Zh),
        ("body_id", n => n.BodyId),
        ("scheme_id", n => n.SchemeId),
        ("product_type_id", n => n.ProductTypeId),
        ("inspection_id", n => n.Inspection?.Id.ToString()),
        ("inspection_kind", n => n.Inspection is { } i ? SnakeCaseNames.Of(i.Kind.ToString()) : null),
        ("draw_reference", n => n.Inspection?.DrawReference),
        ("performed_on", n => Day(n.Inspection?.PerformedOn)),
        ("outcome", n => n.Inspection is { } i ? SnakeCaseNames.Of(i.Outcome.ToString()) : null),
        ("findings", n => n.Inspection is { Findings.Count: > 0 } i ? string.Join('\n', i.Findings) : null),
        ("summary", n => n.Inspection?.Summary),
        ("reason", n => n.Action?.Reason),
        ("deadline", n => Day(n.Action?.Deadline)),
        ("rule", n => n.Action?.Rule),
        ("decided_by", n => n.Action?.DecidedBy),
    ];

    public static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
}
