using Certa.Domain.Applications;
using Certa.Domain.Certificates;
using Certa.Domain.Common;
using Certa.Domain.Verification;

namespace Certa.Web.Verification;

/// <summary>The public answer to "is certificate N valid (on D, for model M, naming holder H)?": the verdict, every reason, and what the certificate says.</summary>
public sealed record PublicVerificationDto(
    string Number,
    DateOnly AsOf,
    bool Valid,
    string Code,
    IReadOnlyList<Finding> Findings,
    string? State,
    DateTimeOffset? Since,
    string? Reason,
    DateOnly? Deadline,
    string? SupersededBy,
    int? Version,
    ModelCoverage? Model,
    PartyMatch? Holder,
    PublicCertificateDto Certificate,
    VerificationLinks Links)
{
    public static PublicVerificationDto From(Verdict v, Certificate c, string baseUrl) => new(v.Number, v.On, v.Valid, v.Code, v.Findings,
        v.State is { } s ? SnakeCaseNames.Of(s.ToString()) : null, v.Since, v.Reason, v.Deadline, v.SupersededBy, v.Version, v.Model, v.Party,
        PublicCertificateDto.From(c, v.Version), VerificationLinks.For(c.Number, v.SupersededBy, baseUrl));
}

/// <summary>What a certificate says, for the public, in the version in force on the day asked about: no internal ids.</summary>
public sealed record PublicCertificateDto(string Scheme, string Body, LocalizedText HolderName, LocalizedText HolderAddress, Party Manufacturer, Party Factory,
    string ProductType, ProductDetails Product, IReadOnlyList<string> Models, IReadOnlyList<string> Standards, DateOnly IssuedOn, DateOnly ValidUntil,
    int Version, string? Predecessor, IReadOnlyList<PublicStatusDto> StatusHistory, IReadOnlyList<PublicVersionDto> Versions)
{
    public static PublicCertificateDto From(Certificate c, int? version)
    {
        var then = c.Versions.FirstOrDefault(v => v.Version == version) ?? c.Versions[^1];
        return new(c.SchemeId, c.BodyId, then.HolderName, then.HolderAddress, c.Manufacturer, c.Factory,
        c.ProductTypeId, c.Product, then.Models, c.Standards, c.IssuedOn, c.ValidUntil, then.Version, c.PredecessorNumber,
        [.. c.StatusHistory.Select(s => new PublicStatusDto(SnakeCaseNames.Of(s.State.ToString()), s.At, s.Reason, s.Deadline))],
        [.. c.Versions.Select(v => new PublicVersionDto(v.Version, v.At, v.Change, v.Reason, v.Models))]);
    }
}

public sealed record PublicStatusDto(string State, DateTimeOffset At, string? Reason, DateOnly? Deadline);

public sealed record PublicVersionDto(int Version, DateTimeOffset At, string Change, string? Reason, IReadOnlyList<string> Models);

public sealed record VerificationLinks(string Page, string Credential, string Pdf, string Log, string? SupersededBy)
{
    public static VerificationLinks For(string number, string? supersededBy, string baseUrl)
    {
        var n = Uri.EscapeDataString(number);
        return new VerificationLinks($"{baseUrl}/verify/{n}", $"{baseUrl}/api/v1/public/certificates/{n}/credential",
            $"{baseUrl}/api/v1/public/certificates/{n}/pdf", $"{baseUrl}/api/v1/public/certificates/{n}/log",
            supersededBy is null ? null : $"{baseUrl}/api/v1/public/certificates/{Uri.EscapeDataString(supersededBy)}");
    }
}
