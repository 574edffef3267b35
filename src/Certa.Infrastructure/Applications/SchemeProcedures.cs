using Certa.Domain.Applications;
using Certa.Domain.Common;
using Certa.Domain.Registry;
using Certa.Infrastructure.Advisor;

namespace Certa.Infrastructure.Applications;

/// <summary>What a scheme's data say an application for a product type needs: its documents and its procedure's steps.</summary>
public sealed record SchemeProcess(IReadOnlyList<string> Documents, IReadOnlyList<StepDuration> Steps)
{
    /// <summary>Each step's name in English and Chinese, for the clock on the pages.</summary>
    public IReadOnlyDictionary<string, LocalizedText> StepNames { get; init; } = new Dictionary<string, LocalizedText>();
}

/// <summary>
/// Reads the application's documents and step durations from the advisor's rules and procedures
/// (<c>data/requirements/rules.yaml</c>, <c>procedures.yaml</c>): the rule for the product type, else
/// the scheme's catalogue rule; self-declared catalogue entries take the self-declaration lists.
/// </summary>
public sealed class SchemeProcedures(AdvisorService advisor)
{
    public async Task<SchemeProcess> ForAsync(ProductType productType, CancellationToken ct)
    {
        var knowledge = (await advisor.GetAsync(ct)).Knowledge;
        var rules = knowledge.Definitions.Rules;
        var rule = rules.FirstOrDefault(r => r.SchemeId == productType.SchemeId && r.ProductType == productType.Id)
            ?? rules.FirstOrDefault(r => r.SchemeId == productType.SchemeId && r.ProductType is null && r.Documents.Count > 0)
            ?? throw DomainException.Invalid("no-application-documents",
                $"Certa has no document list for scheme '{productType.SchemeId}' in its data; applications for it cannot be made yet.", "scheme");
        var selfDeclared = productType.Mode is ProductMode.SdocA or ProductMode.SdocB;
        var documents = selfDeclared && rule.SelfDeclaredDocuments.Count > 0 ? rule.SelfDeclaredDocuments : rule.Documents;
        var procedureId = selfDeclared && rule.SelfDeclaredProcedureId is { } own ? own : rule.ProcedureId;
        var steps = knowledge.Procedures.TryGetValue(procedureId, out var procedure)
            ? procedure.Steps.Select(s => new StepDuration(s.Id, s.MinDays, s.MaxDays)).ToList()
            : [];
        return new SchemeProcess(documents, steps)
        {
            StepNames = procedure?.Steps.ToDictionary(s => s.Id, s => s.Name, StringComparer.Ordinal) ?? new Dictionary<string, LocalizedText>(),
        };
    }
}
