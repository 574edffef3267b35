using Certa.Domain.Registry;

namespace Certa.Infrastructure.ReferenceData;

/// <summary>Cross-file checks: every id a record refers to must exist.</summary>
public sealed partial class ReferenceDataReader
{
    private sealed class ReferenceChecks(ReferenceDataReader reader)
    {
        public void Run()
        {
            var authorityIds = reader.authorities.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            var schemeIds = reader.schemes.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
            var ruleIds = reader.rules.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var editions = reader.standards.Select(s => s.Number).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var families = reader.standards.Select(s => s.Family).ToHashSet(StringComparer.OrdinalIgnoreCase);

            foreach (var a in reader.authorities.Where(a => a.ParentId is not null && !authorityIds.Contains(a.ParentId)))
            {
                Error(RegistryKinds.Authority, a.Id, $"parent authority '{a.ParentId}' is not defined");
            }

            foreach (var s in reader.schemes)
            {
                foreach (var id in s.CoAuthorityIds.Prepend(s.AuthorityId).Where(id => !authorityIds.Contains(id)))
                {
                    Error(RegistryKinds.Scheme, s.Id, $"authority '{id}' is not defined");
                }
            }

            foreach (var r in reader.rules)
            {
                RequireScheme(RegistryKinds.Rule, r.Id, r.SchemeId);
                foreach (var old in r.Replaces.Where(old => !ruleIds.Contains(old)))
                {
                    Error(RegistryKinds.Rule, r.Id, $"replaced rule '{old}' is not defined");
                }
            }

            foreach (var e in reader.standards)
            {
                foreach (var old in e.Replaces.Where(old => !editions.Contains(old)))
                {
                    Error(RegistryKinds.Standard, e.Number, $"replaced edition '{old}' is not defined");
                }
            }

            foreach (var c in reader.categories)
            {
                RequireScheme(RegistryKinds.Category, c.Id, c.SchemeId);
            }

            foreach (var p in reader.products)
            {
                if (p.RuleId is not null && !ruleIds.Contains(p.RuleId))
                {
                    Error(RegistryKinds.ProductType, p.Id, $"rule '{p.RuleId}' is not defined");
                }

                foreach (var family in p.StandardFamilies.Where(f => !families.Contains(f)))
                {
                    Error(RegistryKinds.ProductType, p.Id, $"standard '{family}' has no edition in any standards list");
                }
            }

            foreach (var c in reader.changes)
            {
                RequireScheme(RegistryKinds.Change, c.Id, c.SchemeId);
            }

            foreach (var b in reader.bodies)
            {
                foreach (var d in b.ParsedDesignations)
                {
                    CheckDesignation(b, d, schemeIds, families);
                }
            }

            void RequireScheme(string kind, string key, string schemeId)
            {
                if (!schemeIds.Contains(schemeId))
                {
                    Error(kind, key, $"scheme '{schemeId}' is not defined");
                }
            }
        }

        private void CheckDesignation(RegistryBody b, Designation d, HashSet<string> schemeIds, HashSet<string> families)
        {
            if (!schemeIds.Contains(d.SchemeId))
            {
                Error(RegistryKinds.Body, b.Id, $"designation '{d}': scheme '{d.SchemeId}' is not defined");
                return;
            }

            var known = d.Scope switch
            {
                DesignationScope.Scheme => true,
                DesignationScope.Category => reader.categories.Any(c => c.SchemeId == d.SchemeId && c.No.ToString(System.Globalization.CultureInfo.InvariantCulture) == d.Value),
                DesignationScope.Product => reader.products.Any(p => p.SchemeId == d.SchemeId && p.Code == d.Value),
                DesignationScope.Standard => families.Contains(d.Value!),
            };
            if (!known)
            {
                Error(RegistryKinds.Body, b.Id, $"designation '{d}' names a {d.Scope.ToString().ToLowerInvariant()} that is not in the data");
            }
        }

        private void Error(string kind, string key, string reason)
        {
            var at = reader.locations[$"{kind}:{key}"];
            reader.errors.Add(new ReferenceDataError(at.File, at.Line, reason));
        }
    }
}
