namespace Certa.Domain.Verification;

/// <summary>
/// The numbers a mistyped certificate number was probably meant to be: one character wrong, two neighbours swapped, one
/// character missing or extra, and the letters people read as digits (O/0, I/1). The database is asked for all of them at once,
/// so finding look-alikes costs one indexed query however many certificates there are.
/// </summary>
public static class NumberLookalikes
{
    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const int MaxLength = 64;

    public static IReadOnlyList<string> Candidates(string number)
    {
        var n = Normalise(number);
        if (n.Length is 0 or > MaxLength)
        {
            return [];
        }

        var result = new HashSet<string>(StringComparer.Ordinal) { n };
        var chars = n.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var original = chars[i];
            foreach (var ch in Alphabet)
            {
                chars[i] = ch;
                result.Add(new string(chars));
            }

            chars[i] = original;
            result.Add(n.Remove(i, 1));
            if (i + 1 < chars.Length)
            {
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                result.Add(new string(chars));
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            }
        }

        for (var i = 0; i <= n.Length; i++)
        {
            foreach (var ch in Alphabet)
            {
                result.Add(n.Insert(i, ch.ToString()));
            }
        }

        result.Remove(number.Trim());
        result.Remove(string.Empty);
        return [.. result];
    }

    /// <summary>Upper case, without spaces, and O/I read as the digits 0/1 wherever a digit is next to them.</summary>
    public static string Normalise(string number)
    {
        var s = string.Concat(number.Where(ch => !char.IsWhiteSpace(ch))).ToUpperInvariant();
        var chars = s.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var nearDigit = (i > 0 && char.IsAsciiDigit(chars[i - 1])) || (i + 1 < chars.Length && char.IsAsciiDigit(chars[i + 1]));
            chars[i] = (chars[i], nearDigit) switch
            {
                ('O', true) => '0',
                ('I', true) or ('L', true) => '1',
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    /// <summary>How far apart two numbers are (optimal string alignment distance): the closest look-alikes are shown first.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
