using Certa.Requirements.Conditions;

namespace Certa.Requirements.Tests.Conditions;

/// <summary>A small schema with one fact of every type, and a builder for the facts of one profile.</summary>
internal static class TestSchema
{
    public static FactSchema Build()
    {
        var schema = new FactSchema();
        schema.Add("markets", FactType.Set, ["CN", "SA", "AE"]);
        schema.Add("radio", FactType.Set, ["wifi", "bt", "cellular", "nfc"]);
        schema.Add("power", FactType.Text, ["mains", "battery", "none"]);
        schema.Add("voltage", FactType.Number);
        schema.Add("eep", FactType.Bool);
        schema.Add("kids", FactType.Bool);
        return schema;
    }

    public static FactsBuilder Facts(FactSchema schema) => new(schema);

    internal sealed class FactsBuilder(FactSchema schema)
    {
        private readonly Facts facts = schema.NewFacts();

        public FactsBuilder Bool(string name, bool value)
        {
            facts.SetBool(Fact(name), value);
            return this;
        }

        public FactsBuilder Number(string name, double value)
        {
            facts.SetNumber(Fact(name), value);
            return this;
        }

        public FactsBuilder Text(string name, string value)
        {
            var fact = Fact(name);
            facts.SetText(fact, fact.IndexOf(value));
            return this;
        }

        public FactsBuilder Set(string name, params string[] values)
        {
            var fact = Fact(name);
            var mask = values.Aggregate(0UL, (m, v) => m | (1UL << fact.IndexOf(v)));
            facts.SetMask(fact, mask);
            return this;
        }

        public Facts Build() => facts.Copy();

        private FactDefinition Fact(string name) =>
            schema.Find(name) ?? throw new ArgumentException($"No fact '{name}' in the test schema.", nameof(name));
    }
}
