using Certa.Domain.Common;

namespace Certa.Infrastructure.Certificates.Search;

/// <summary>
/// A search of the public register: by the holder's name (any part of it, in English or Chinese), by a model or the start
/// of one, or both; a page at a time in certificate-number order, starting after <see cref="After"/>.
/// </summary>
public sealed record CertificateSearchQuery(string? Holder, string? Model, string? After = null, int Limit = CertificateSearchQuery.DefaultLimit)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MinHolderLength = 2;
    public const int MinModelLength = 3;
    public const int MaxTextLength = 200;

    /// <summary>The query with its texts trimmed, or a 400 naming what is wrong.</summary>
    /// <exception cref="DomainException">Nothing to search for, a text too short or too long, or a page size out of range.</exception>
    public CertificateSearchQuery Checked()
    {
        var holder = Blank(Holder);
        var model = Blank(Model);
        if (holder is null && model is null)
        {
            throw DomainException.Invalid("search-empty", "Give a holder's name, a model, or both.", "holder");
        }

        if (holder is not null && (holder.Length < MinHolderLength || holder.Length > MaxTextLength))
        {
            throw DomainException.Invalid("holder-invalid", $"Search a holder by {MinHolderLength} to {MaxTextLength} characters of its name.", "holder");
        }

        if (model is not null && (CertificateModelKeys.KeyOf(model).Length < MinModelLength || model.Length > MaxTextLength))
        {
            throw DomainException.Invalid("model-invalid", $"Search a model by at least {MinModelLength} of its characters (spaces do not count), at most {MaxTextLength}.", "model");
        }

        if (Limit is < 1 or > MaxLimit)
        {
            throw DomainException.Invalid("limit-invalid", $"Ask for 1 to {MaxLimit} certificates a page, not {Limit}.", "limit");
        }

        var after = Blank(After);
        if (after is { Length: > 64 })
        {
            throw DomainException.Invalid("after-invalid", "'after' is the last certificate number of the previous page.", "after");
        }

        return new CertificateSearchQuery(holder, model, after, Limit);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
