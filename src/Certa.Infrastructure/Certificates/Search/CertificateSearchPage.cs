using Certa.Domain.Certificates;
using Certa.Domain.Common;

namespace Certa.Infrastructure.Certificates.Search;

/// <summary>One certificate found: what a customs officer or a buyer compares with the product before opening it.</summary>
public sealed record CertificateSearchHit(string Number, LocalizedText HolderName, LocalizedText ProductName, string ProductTypeId,
    IReadOnlyList<string> Models, string BodyId, CertificateState State, DateOnly IssuedOn, DateOnly ValidUntil);

/// <summary>
/// A page of hits in number order; <see cref="Next"/> is the <c>after</c> of the next page, none on the last. When a holder's
/// name was searched, <see cref="Holders"/> are the holders it matched (at most <see cref="CertificateSearch.MaxHolders"/>).
/// </summary>
public sealed record CertificateSearchPage(IReadOnlyList<CertificateSearchHit> Hits, string? Next, IReadOnlyList<MatchedHolder> Holders);

public sealed record MatchedHolder(string Id, LocalizedText Name);
