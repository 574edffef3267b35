using System.Globalization;

namespace Certa.Requirements.Conditions;

/// <summary>
/// Parses the condition language of <c>data/requirements/README.md</c> and binds every name to
/// the <see cref="FactSchema"/>, so that a bad name or value is found when the rules are loaded,
/// never while a profile is evaluated.
/// <code>
/// or      := and ('or' and)*
/// and     := unary ('and' unary)*
/// unary   := 'not' unary | '(' or ')' | atom
/// atom    := NAME [ ('=' | '!=' | '&lt;' | '&lt;=' | '&gt;' | '&gt;=') value
///                 | 'has' [ 'any' | 'all' ] ( value | '[' value (',' value)* ']' ) ]
/// value   := STRING | NUMBER | 'true' | 'false'
/// </code>
/// </summary>
public sealed class ConditionParser
{
    private readonly string text;
    private readonly FactSchema schema;
    private readonly List<Token> tokens;
    private int index;

    private ConditionParser(string text, FactSchema schema)
    {
        this.text = text;
        this.schema = schema;
        tokens = Tokenize(text);
    }

    public static Condition Parse(string text, FactSchema schema)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ConditionException("the condition is empty", 1);
        }

        var parser = new ConditionParser(text, schema);
        var condition = parser.ParseOr();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw new ConditionException($"unexpected '{parser.Peek.Value}' after a complete condition", parser.Peek.Position);
        }

        return condition;
    }

    private Token Peek => tokens[index];

    private Condition ParseOr()
    {
        var start = Peek.Position;
        List<Condition> parts = [ParseAnd()];
        while (IsKeyword("or"))
        {
            index++;
            parts.Add(ParseAnd());
        }

        return parts.Count == 1 ? parts[0] : new OrCondition(parts) { Text = Slice(start) };
    }

    private Condition ParseAnd()
    {
        var start = Peek.Position;
        List<Condition> parts = [ParseUnary()];
        while (IsKeyword("and"))
        {
            index++;
            parts.Add(ParseUnary());
        }

        return parts.Count == 1 ? parts[0] : new AndCondition(parts) { Text = Slice(start) };
    }

    private Condition ParseUnary()
    {
        var start = Peek.Position;
        if (IsKeyword("not"))
        {
            index++;
            var inner = ParseUnary();
            return new NotCondition(inner) { Text = Slice(start) };
        }

        if (Peek.Kind == TokenKind.Symbol && Peek.Value == "(")
        {
            index++;
            var inner = ParseOr();
            Expect(")", "to close '('");
            return inner;
        }

        return ParseAtom();
    }

    private Condition ParseAtom()
    {
        var nameToken = Peek;
        if (nameToken.Kind != TokenKind.Name || IsReserved(nameToken.Value))
        {
            throw new ConditionException(nameToken.Kind == TokenKind.End
                ? "the condition ends where a fact name was expected"
                : $"expected a fact name, found '{nameToken.Value}'", nameToken.Position);
        }

        index++;
        var fact = schema.Find(nameToken.Value)
            ?? throw new ConditionException($"unknown fact '{nameToken.Value}'; known: {string.Join(", ", schema.Facts.Select(f => f.Name))}", nameToken.Position);

        if (IsKeyword("has"))
        {
            return ParseHas(fact, nameToken.Position);
        }

        if (Peek.Kind == TokenKind.Operator)
        {
            return ParseComparison(fact, nameToken.Position);
        }

        return new TruthyCondition(fact) { Text = Slice(nameToken.Position) };
    }

    private HasCondition ParseHas(FactDefinition fact, int start)
    {
        var hasPosition = Peek.Position;
        index++;
        if (fact.Type != FactType.Set)
        {
            throw new ConditionException($"'has' needs a set, but '{fact.Name}' is {fact.Type.ToString().ToLowerInvariant()}", hasPosition);
        }

        var match = SetMatch.One;
        if (IsKeyword("any") || IsKeyword("all"))
        {
            match = Peek.Value == "any" ? SetMatch.Any : SetMatch.All;
            index++;
        }

        List<Token> values = [];
        if (Peek.Kind == TokenKind.Symbol && Peek.Value == "[")
        {
            index++;
            values.Add(Next());
            while (Peek.Kind == TokenKind.Symbol && Peek.Value == ",")
            {
                index++;
                values.Add(Next());
            }

            Expect("]", "to close the list");
        }
        else
        {
            if (match != SetMatch.One)
            {
                throw new ConditionException($"'has {(match == SetMatch.Any ? "any" : "all")}' needs a list: [\"a\", \"b\"]", Peek.Position);
            }

            values.Add(Next());
        }

        ulong mask = 0;
        foreach (var value in values)
        {
            mask |= 1UL << ValueIndex(fact, value);
        }

        return new HasCondition(fact, match == SetMatch.All ? SetMatch.All : SetMatch.Any, mask) { Text = Slice(start) };
    }

    private AtomCondition ParseComparison(FactDefinition fact, int start)
    {
        var opToken = Peek;
        index++;
        var op = opToken.Value switch
        {
            "=" => Comparison.Equal,
            "!=" => Comparison.NotEqual,
            "<" => Comparison.Less,
            "<=" => Comparison.LessOrEqual,
            ">" => Comparison.Greater,
            ">=" => Comparison.GreaterOrEqual,
            _ => throw new ConditionException($"'{opToken.Value}' is not an operator", opToken.Position),
        };
        var value = Next();
        switch (fact.Type)
        {
            case FactType.Number:
                if (value.Kind != TokenKind.Number)
                {
                    throw new ConditionException($"'{fact.Name}' is a number; compare it with a number, not '{value.Value}'", value.Position);
                }

                return new NumberComparison(fact, op, double.Parse(value.Value, CultureInfo.InvariantCulture)) { Text = Slice(start) };
            case FactType.Text or FactType.Bool when op is Comparison.Equal or Comparison.NotEqual:
                var expected = fact.Type == FactType.Bool ? BoolBits(fact, value) : (ulong)(ValueIndex(fact, value) + 1);
                return new BitsEquality(fact, op == Comparison.Equal, expected) { Text = Slice(start) };
            case FactType.Set:
                throw new ConditionException($"'{fact.Name}' is a set; test it with 'has', 'has any' or 'has all'", opToken.Position);
            default:
                throw new ConditionException($"'{opToken.Value}' does not apply to {fact.Type.ToString().ToLowerInvariant()} '{fact.Name}'", opToken.Position);
        }
    }

    private static ulong BoolBits(FactDefinition fact, Token value) =>
        value is { Kind: TokenKind.Name, Value: "true" or "false" }
            ? value.Value == "true" ? 1UL : 0UL
            : throw new ConditionException($"'{fact.Name}' is true or false, not '{value.Value}'", value.Position);

    private static int ValueIndex(FactDefinition fact, Token value)
    {
        if (value.Kind != TokenKind.String)
        {
            throw new ConditionException($"values of '{fact.Name}' are written in quotes, e.g. \"{(fact.Values.Count > 0 ? fact.Values[0] : "value")}\"", value.Position);
        }

        var i = fact.IndexOf(value.Value);
        return i >= 0
            ? i
            : throw new ConditionException($"\"{value.Value}\" is not a value of '{fact.Name}'; allowed: {string.Join(", ", fact.Values)}", value.Position);
    }

    private Token Next()
    {
        var token = Peek;
        if (token.Kind is TokenKind.End)
        {
            throw new ConditionException("the condition ends where a value was expected", token.Position);
        }

        index++;
        return token;
    }

    private void Expect(string symbol, string purpose)
    {
        if (Peek.Kind != TokenKind.Symbol || Peek.Value != symbol)
        {
            throw new ConditionException($"expected '{symbol}' {purpose}, found {(Peek.Kind == TokenKind.End ? "the end" : $"'{Peek.Value}'")}", Peek.Position);
        }

        index++;
    }

    private bool IsKeyword(string keyword) => Peek.Kind == TokenKind.Name && Peek.Value == keyword;

    private static bool IsReserved(string word) => word is "and" or "or" or "not" or "has" or "any" or "all";

    private string Slice(int start)
    {
        var end = index > 0 ? tokens[index - 1].End : start;
        return text[(start - 1)..end].Trim();
    }

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Name, text[start..i], start + 1, i));
            }
            else if (char.IsAsciiDigit(c) || (c == '-' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var number = text[start..i];
                if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                {
                    throw new ConditionException($"'{number}' is not a number", start + 1);
                }

                tokens.Add(new Token(TokenKind.Number, number, start + 1, i));
            }
            else if (c == '"')
            {
                var close = text.IndexOf('"', i + 1);
                if (close < 0)
                {
                    throw new ConditionException("a string is not closed with '\"'", start + 1);
                }

                tokens.Add(new Token(TokenKind.String, text[(i + 1)..close], start + 1, close + 1));
                i = close + 1;
            }
            else if (c is '=' or '<' or '>' or '!')
            {
                var two = i + 1 < text.Length && text[i + 1] == '=';
                var op = text.Substring(i, two ? 2 : 1);
                if (op == "!")
                {
                    throw new ConditionException("'!' is not an operator: use 'not' or '!='", start + 1);
                }

                if (op == "==")
                {
                    throw new ConditionException("'==' is not an operator: equality is a single '='", start + 1);
                }

                i += op.Length;
                tokens.Add(new Token(TokenKind.Operator, op, start + 1, i));
            }
            else if (c is '(' or ')' or '[' or ']' or ',')
            {
                i++;
                tokens.Add(new Token(TokenKind.Symbol, c.ToString(), start + 1, i));
            }
            else
            {
                throw new ConditionException($"unexpected character '{c}'", start + 1);
            }
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length + 1, text.Length));
        return tokens;
    }

    private enum TokenKind
    {
        Name,
        Number,
        String,
        Operator,
        Symbol,
        End,
    }

    /// <summary>A token; <c>Position</c> is its 1-based start column, <c>End</c> the index just after it.</summary>
    private sealed record Token(TokenKind Kind, string Value, int Position, int End);
}
